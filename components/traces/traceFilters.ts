/**
 * The Traces panel's filters and the `trace.list` arguments they stand for. Date ranges start
 * at a local midnight ("today", "the last 7 days" counting today), so the arguments stay the
 * same all day and the list is not asked again on every render.
 */
import type { TraceKind, TraceListArgs } from '@/lib/kernel/protocol';

export type KindFilter = 'all' | TraceKind;
export type StatusFilter = 'all' | NonNullable<TraceListArgs['status']>;
export type DateRange = 'today' | '7d' | 'all';

export interface TraceFilters {
  readonly kind: KindFilter;
  readonly status: StatusFilter;
  /** A skill name; empty for any. */
  readonly skill: string;
  readonly range: DateRange;
  /** Words matched against the name, the skills and the path; empty for any. */
  readonly query: string;
}

export const NO_FILTERS: TraceFilters = { kind: 'all', status: 'all', skill: '', range: 'all', query: '' };

/**
 * @example toListArgs({ ...NO_FILTERS, kind: 'run', range: 'today' }, Date.now(), 200) // { kind: 'run', since: <midnight>, limit: 200 }
 */
export function toListArgs(filters: TraceFilters, now: number, limit: number): TraceListArgs {
  const args: { -readonly [K in keyof TraceListArgs]: TraceListArgs[K] } = { limit };
  if (filters.kind !== 'all') args.kind = filters.kind;
  if (filters.status !== 'all') args.status = filters.status;
  const skill = filters.skill.trim();
  if (skill) args.skill = skill;
  const query = filters.query.trim();
  if (query) args.query = query;
  if (filters.range === 'today') args.since = startOfLocalDay(now);
  else if (filters.range === '7d') args.since = startOfLocalDay(now, 6);
  return args;
}

/** Whether any filter narrows the list (an empty list then means "no match", not "no traces"). */
export function isFiltered(filters: TraceFilters): boolean {
  return filters.kind !== 'all' || filters.status !== 'all' || filters.skill.trim() !== '' || filters.range !== 'all' || filters.query.trim() !== '';
}

/** Local midnight at the start of `now`'s day, or of the day `daysBack` days before it (DST-safe), epoch ms. */
export function startOfLocalDay(now: number, daysBack = 0): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  if (daysBack) d.setDate(d.getDate() - daysBack);
  return d.getTime();
}
