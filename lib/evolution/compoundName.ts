import { slugifySkillName } from '../skills';
import type { MinedPattern } from './types';

/**
 * A skill name for a pattern's compound: the workflow's name with `-flow` (`csv-stats-flow`), or
 * the tools joined by `then` (`csv-stats-then-line-plot`); `-2`, `-3`… when `existing` has it.
 * @example compoundName(pattern, new Set(['csv-stats-flow'])) === 'csv-stats-flow-2'
 */
export function compoundName(pattern: MinedPattern, existing: ReadonlySet<string>): string {
  const base = pattern.kind === 'workflow' ? withFlow(slugifySkillName(pattern.example.name)) : slugifySkillName(pattern.chain.join(' then '));
  return uniqueName(base || 'learned-flow', existing);
}

function withFlow(slug: string): string {
  if (slug === '' || slug === 'flow' || slug.endsWith('-flow')) return slug;
  return `${slug.slice(0, 59).replace(/-+$/, '')}-flow`;
}

function uniqueName(base: string, existing: ReadonlySet<string>): string {
  let name = base;
  for (let k = 2; existing.has(name); k++) {
    const suffix = `-${k}`;
    name = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  return name;
}
