import type { IoType } from '../skills';

/** Types whose values are plain JSON, so a `json` input can take them as they are. */
const JSON_VALUED: ReadonlySet<IoType> = new Set<IoType>(['number', 'string', 'boolean', 'table', 'plot', 'scene3d', 'circuit', 'tensor']);

/**
 * Whether an output of type `from` may feed an input of type `to`. The executor passes values
 * along edges untouched (it never converts), so the rules only widen, never coerce:
 * - the same type always connects;
 * - `any` connects to and from everything (the skill checks the value itself);
 * - a `json` input takes every JSON-valued type: number, string, boolean, table, plot, scene3d,
 *   circuit and tensor (not `image`, which may be bytes);
 * - nothing else: `json` → `table` needs an `any` input or a converting skill, and
 *   `number` → `string` is refused because the skill would receive a number, not text.
 * The canvas calls this while an edge is dragged (see `connectionProblem` for the tooltip).
 * @example canConnect('table', 'json') === true; canConnect('number', 'string') === false
 */
export function canConnect(from: IoType, to: IoType): boolean {
  return from === to || from === 'any' || to === 'any' || (to === 'json' && JSON_VALUED.has(from));
}

/** Why an output of type `from` cannot feed an input of type `to`, or null when it can. */
export function connectionProblem(from: IoType, to: IoType): string | null {
  if (canConnect(from, to)) return null;
  if (from === 'json') return `a json output may hold anything, but this input needs ${to}: make the input \`any\`, or convert with a skill`;
  if (to === 'json') return `${from} values are not plain JSON, so a json input cannot take them`;
  return `a ${from} output cannot feed a ${to} input (values are passed as they are, never converted)`;
}
