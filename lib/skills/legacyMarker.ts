/** The `type` values of Weft's older single-file skill format. */
export const LEGACY_TYPES = ['python-wasm', 'javascript', 'threejs', 'spice', 'qiskit'] as const;

/**
 * The frontmatter key that shows a skill is in the older single-file format (`skill_id`, a legacy
 * `type`, or `execution_mode`, with no `runtime`), or null for a SKILL.md.
 */
export function legacyMarker(frontmatter: Readonly<Record<string, unknown>>): string | null {
  if (frontmatter.runtime !== undefined) return null;
  if (frontmatter.skill_id !== undefined) return 'skill_id';
  if ((LEGACY_TYPES as readonly unknown[]).includes(frontmatter.type)) return 'type';
  if (frontmatter.execution_mode !== undefined) return 'execution_mode';
  return null;
}
