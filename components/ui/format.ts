/**
 * Compact durations for a `top`-like table: `12s`, `3m 04s`, `1h 02m`, `2d 03h`, and
 * millisecond amounts (CPU, wait) that stay readable from fractions of a ms to hours.
 */

/**
 * An age in whole seconds and up.
 * @example formatAge(184_000) === '3m 04s'
 */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${pad(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${pad(m % 60)}m`;
  return `${Math.floor(h / 24)}d ${pad(h % 24)}h`;
}

/**
 * A time amount in milliseconds, precise where it is small.
 * @example formatMs(0.42) === '0.4 ms'; formatMs(1240) === '1.24 s'; formatMs(184_000) === '3m 04s'
 */
export function formatMs(ms: number): string {
  if (ms <= 0) return '0 ms';
  if (ms < 0.05) return '<0.1 ms';
  if (ms < 10) return `${trim(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(2))} s`;
  return formatAge(ms);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function trim(fixed: string): string {
  return fixed.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
}
