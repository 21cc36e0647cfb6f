import { describe, expect, it } from 'vitest';
import { formatCount, formatStart, formatTimestamp, shortHash } from './traceFormat';

describe('trace formats', () => {
  it('writes a start time of today as the time of day, an older one with its date', () => {
    const now = new Date(2025, 0, 5, 18, 0).getTime();
    expect(formatStart(new Date(2025, 0, 5, 14, 3, 9).getTime(), now)).toBe('14:03:09');
    expect(formatStart(new Date(2024, 11, 31, 23, 59, 1).getTime(), now)).toBe('2024-12-31 23:59');
  });

  it('writes a span timestamp to the millisecond', () => {
    expect(formatTimestamp(new Date(2025, 0, 5, 14, 3, 9, 45).getTime())).toBe('2025-01-05 14:03:09.045');
  });

  it('groups thousands and shortens hashes', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab');
    expect(shortHash(null)).toBe('—');
  });
});
