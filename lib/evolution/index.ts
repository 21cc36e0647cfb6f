/** Evolution (DESIGN.md section 1): mines traces for recurring successful patterns and drafts compound skills with learned defaults. Pure: traces and skills are passed in. */
export * from './types';
export { signatureOf, type Signature, type WorkflowShape } from './signatureOf';
export { minePatterns } from './minePatterns';
export { learnDefaults } from './learnDefaults';
export { draftCompoundSkill, EVOLVED_FROM } from './draftCompoundSkill';
export { type CompoundInUse, mine, type MineInput, type MineReport } from './mine';
