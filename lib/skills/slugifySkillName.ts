/**
 * The nearest valid skill name to any text: lower case, runs of other characters turned into
 * single hyphens, at most 64 characters. "" when nothing usable is left.
 * @example slugifySkillName('Quantum VQE_Node') === 'quantum-vqe-node'
 */
export function slugifySkillName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
