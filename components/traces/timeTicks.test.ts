import { describe, expect, it } from 'vitest';
import { formatTick, niceStep, ticksBetween } from './timeTicks';

describe('niceStep', () => {
  it('picks the smallest 1-2-5 step at least minPx wide', () => {
    expect(niceStep(0.1, 80)).toBe(1000);
    expect(niceStep(1, 80)).toBe(100);
    expect(niceStep(2, 80)).toBe(50);
    expect(niceStep(0.5, 80)).toBe(200);
    expect(niceStep(1000, 80)).toBeCloseTo(0.1);
  });
});

describe('ticksBetween', () => {
  it('lists the multiples of the step in range', () => {
    expect(ticksBetween(0, 25, 10)).toEqual([0, 10, 20]);
    expect(ticksBetween(12, 41, 10)).toEqual([20, 30, 40]);
    expect(ticksBetween(0, 0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('stops at max ticks', () => {
    expect(ticksBetween(0, 1e9, 1, 5)).toHaveLength(5);
  });
});

describe('formatTick', () => {
  it('writes as many decimals as the step needs, in ms, s or minutes', () => {
    expect(formatTick(0, 50)).toBe('0');
    expect(formatTick(250, 50)).toBe('250 ms');
    expect(formatTick(0.25, 0.05)).toBe('0.25 ms');
    expect(formatTick(1500, 500)).toBe('1.5 s');
    expect(formatTick(1000, 500)).toBe('1 s');
    expect(formatTick(0.1, 0.05)).toBe('0.1 ms');
    expect(formatTick(4000, 2000)).toBe('4 s');
    expect(formatTick(150_000, 60_000)).toBe('2m 30s');
    expect(formatTick(120_000, 60_000)).toBe('2 min');
  });
});
