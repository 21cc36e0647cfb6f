export * from './types';
export { parseSkillName, nameProblem } from './skillName';
export { parseSkill, type ParsedSkill, type ParseSkillOptions } from './parseSkill';
export { serializeSkill } from './serializeSkill';
export { exportAgentSkill } from './exportAgentSkill';
export { convertLegacySkill, isLegacySkill, type ConvertedSkill } from './legacySkill';
export { LEGACY_TYPES } from './legacyMarker';
export { skillCategory, skillKeywords, skillTags } from './skillSearch';
export { skillTemplate } from './skillTemplate';
export { slugifySkillName } from './slugifySkillName';
export { findCodeBlocks, type CodeBlock } from './findCodeBlocks';
export { MAX_SKILL_BYTES } from './decodeSkillText';
export { IO_NAME } from './frontmatterSchema';
// Search, model context and import, written alongside the parser.
export * from './skillIndex';
export * from './buildContext';
export * from './importSkill';
export * from './importCollection';
