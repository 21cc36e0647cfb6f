import { describe, expect, it } from 'vitest';
import { formatAge, formatMs } from './format';

describe('formatAge', () => {
  it('counts seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatAge(0)).toBe('0s');
    expect(formatAge(12_400)).toBe('12s');
    expect(formatAge(184_000)).toBe('3m 04s');
    expect(formatAge(3_723_000)).toBe('1h 02m');
    expect(formatAge(2 * 86_400_000 + 3 * 3_600_000)).toBe('2d 03h');
  });

  it('never shows a negative age (clock skew between tab and worker)', () => {
    expect(formatAge(-500)).toBe('0s');
  });
});

describe('formatMs', () => {
  it('keeps small amounts precise and large ones short', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.01)).toBe('<0.1 ms');
    expect(formatMs(0.42)).toBe('0.4 ms');
    expect(formatMs(3)).toBe('3 ms');
    expect(formatMs(87.6)).toBe('88 ms');
    expect(formatMs(1240)).toBe('1.24 s');
    expect(formatMs(1500)).toBe('1.5 s');
    expect(formatMs(184_000)).toBe('3m 04s');
  });
});
