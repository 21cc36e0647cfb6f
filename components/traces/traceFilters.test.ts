import { describe, expect, it } from 'vitest';
import { isFiltered, NO_FILTERS, startOfLocalDay, toListArgs } from './traceFilters';

const now = new Date(2025, 2, 14, 15, 30, 12).getTime();

describe('toListArgs', () => {
  it('asks for everything, newest first, with no filter set', () => {
    expect(toListArgs(NO_FILTERS, now, 200)).toEqual({ limit: 200 });
    expect(isFiltered(NO_FILTERS)).toBe(false);
  });

  it('passes kind, status, skill and query (trimmed), leaving out blanks', () => {
    const args = toListArgs({ kind: 'chat', status: 'error', skill: ' clean-data ', range: 'all', query: '  plot ' }, now, 50);
    expect(args).toEqual({ limit: 50, kind: 'chat', status: 'error', skill: 'clean-data', query: 'plot' });
    expect(toListArgs({ ...NO_FILTERS, skill: '   ', query: ' ' }, now, 50)).toEqual({ limit: 50 });
  });

  it('starts "today" at local midnight and "7 days" six midnights earlier', () => {
    expect(toListArgs({ ...NO_FILTERS, range: 'today' }, now, 10).since).toBe(new Date(2025, 2, 14).getTime());
    expect(toListArgs({ ...NO_FILTERS, range: '7d' }, now, 10).since).toBe(new Date(2025, 2, 8).getTime());
  });

  it('gives the same arguments all day, so the list is not asked again on every render', () => {
    const later = new Date(2025, 2, 14, 23, 59).getTime();
    expect(toListArgs({ ...NO_FILTERS, range: '7d' }, later, 10)).toEqual(toListArgs({ ...NO_FILTERS, range: '7d' }, now, 10));
  });

  it('counts any narrowing as filtered', () => {
    expect(isFiltered({ ...NO_FILTERS, range: 'today' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, query: 'x' })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, query: '  ' })).toBe(false);
  });
});

describe('startOfLocalDay', () => {
  it('steps back whole calendar days', () => {
    expect(startOfLocalDay(now, 1)).toBe(new Date(2025, 2, 13).getTime());
  });
});
