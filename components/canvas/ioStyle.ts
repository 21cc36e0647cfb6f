/** How the canvas draws each I/O type (handles, edges) and sums up a value in a few characters. */
import type { IoType } from '@/lib/skills';

export const IO_COLORS: Readonly<Record<IoType, string>> = {
  number: 'var(--info)',
  string: 'var(--ok)',
  boolean: 'var(--warn)',
  json: 'var(--violet)',
  table: 'light-dark(#0f8a7e, #3cc7b5)',
  tensor: 'light-dark(#c25a12, #f29a55)',
  image: 'light-dark(#b8327a, #ee7db8)',
  plot: 'var(--accent)',
  scene3d: 'light-dark(#1b7fa6, #5cc4ea)',
  circuit: 'light-dark(#8a6a12, #d6b55a)',
  any: 'var(--neutral)',
};

export function ioColor(type: string | undefined): string {
  return (type && IO_COLORS[type as IoType]) || 'var(--neutral)';
}

/** A value in a few characters: `3.142`, `"hello…"`, `8 rows × 5`, `plot`, `[12]`, `{3 keys}`. */
export function summarize(value: unknown, type?: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.length > 24 ? `"${value.slice(0, 22)}…"` : `"${value}"`;
  if (type === 'plot' || type === 'scene3d' || type === 'circuit' || type === 'image') return type;
  if (Array.isArray(value)) return `[${value.length}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.rows) && Array.isArray(record.columns)) return `${record.rows.length} rows × ${record.columns.length}`;
    return `{${Object.keys(record).length} keys}`;
  }
  return String(value);
}

/** `850 ms`, `3.2 s`, `1 min 4 s`. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
