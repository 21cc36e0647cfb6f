/**
 * Tick marks of the timeline's time axis: a round step (1, 2 or 5 × a power of ten ms) wide
 * enough for its label at the current zoom, only the ticks in view, and labels as precise as
 * the step needs.
 */

/**
 * The smallest round step, in ms, that spans at least `minPx` pixels at `pxPerMs`.
 * @example niceStep(0.1, 80) === 1000 // 100 px per second
 */
export function niceStep(pxPerMs: number, minPx = 80): number {
  const raw = minPx / Math.max(pxPerMs, 1e-12);
  let power = 10 ** Math.floor(Math.log10(raw));
  for (;;) {
    for (const m of [1, 2, 5]) if (m * power >= raw * (1 - 1e-9)) return m * power;
    power *= 10;
  }
}

/**
 * The multiples of `step` from `from` to `to` (ms from the trace start), at most `max` of them.
 * @example ticksBetween(0, 25, 10) // [0, 10, 20]
 */
export function ticksBetween(from: number, to: number, step: number, max = 500): number[] {
  const out: number[] = [];
  const first = Math.max(0, Math.ceil(from / step - 1e-9));
  for (let k = first; k * step <= to + step * 1e-9 && out.length < max; k++) out.push(cleanFloat(k * step));
  return out;
}

/**
 * A tick's label, in the unit that suits its value, with as many decimals as `step` needs.
 * @example formatTick(250, 50) === '250 ms'; formatTick(1500, 500) === '1.5 s'; formatTick(0.25, 0.05) === '0.25 ms'
 */
export function formatTick(ms: number, step: number): string {
  if (ms === 0) return '0';
  if (ms < 1000) return `${fixed(ms, decimals(step))} ms`;
  if (ms < 60_000 || step < 1000) return `${fixed(ms / 1000, decimals(step / 1000))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes} min` : `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

function fixed(n: number, digits: number): string {
  const text = n.toFixed(digits);
  return digits > 0 ? text.replace(/\.?0+$/, '') : text;
}

function decimals(step: number): number {
  return step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}

function cleanFloat(n: number): number {
  return Number(n.toPrecision(12));
}
