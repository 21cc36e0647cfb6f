/**
 * How the trace views write numbers, times and hashes: readable at a glance, exact on hover.
 */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** An integer with thousands separators: `12,345`. */
export function formatCount(n: number): string {
  return grouped.format(n);
}

/**
 * When a trace started, in local time: the time of day for today, else the date too.
 * @example formatStart(new Date(2025, 0, 5, 14, 3, 9).getTime(), new Date(2025, 0, 5, 18, 0).getTime()) === '14:03:09'
 */
export function formatStart(at: number, now: number): string {
  const d = new Date(at);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  const today = new Date(now);
  if (d.getFullYear() === today.getFullYear() && d.getMonth() === today.getMonth() && d.getDate() === today.getDate()) return time;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time.slice(0, 5)}`;
}

/**
 * A precise local timestamp, for one span: `2025-01-05 14:03:09.123`.
 */
export function formatTimestamp(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/**
 * The first characters of a hash, enough to tell hashes apart at a glance.
 * @example shortHash('a1b2c3d4e5f6…') === 'a1b2c3d4e5f6'
 */
export function shortHash(hash: string | null, length = 12): string {
  if (hash === null) return '—';
  return hash.length > length ? hash.slice(0, length) : hash;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
