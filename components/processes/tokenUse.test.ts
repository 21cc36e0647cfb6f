import { describe, expect, it } from 'vitest';
import { formatTokens, tokenUse } from './tokenUse';

const budget = (allocated: number | null, used: number) => ({ allocated, used, remaining: allocated === null ? null : allocated - used });

describe('tokenUse', () => {
  it('shows used of allocated with thousands separators, and the raw numbers for data-tokens', () => {
    const use = tokenUse(budget(2000, 1234));
    expect(`${use.used} / ${use.allocated}`).toBe('1,234 / 2,000');
    expect(use.key).toBe('1234/2000');
    expect(use.remaining).toBe('766');
    expect(use.percent).toBeCloseTo(61.7, 1);
    expect(use.level).toBe('ok');
    expect(use.summary).toBe('1,234 of 2,000 tokens used (61 %), 766 left');
  });

  it('has no share and says so when the budget is unlimited', () => {
    const use = tokenUse(budget(null, 45_678));
    expect(use).toMatchObject({ used: '45,678', allocated: null, remaining: null, key: '45678/∞', percent: null, level: null });
    expect(use.summary).toBe('45,678 tokens used, no limit');
    expect(tokenUse(budget(null, 1)).summary).toBe('1 token used, no limit');
  });

  it('warns above 80 % and turns to danger when the budget is spent', () => {
    expect(tokenUse(budget(1000, 800)).level).toBe('ok');
    expect(tokenUse(budget(1000, 801)).level).toBe('warn');
    expect(tokenUse(budget(1000, 999)).level).toBe('warn');
    const spent = tokenUse(budget(1000, 1000));
    expect(spent).toMatchObject({ level: 'danger', percent: 100, remaining: '0' });
    expect(spent.summary).toBe('1,000 of 1,000 tokens used: the budget is spent');
  });

  it('draws an overspent budget full, with nothing left, and says by how much', () => {
    const over = tokenUse(budget(2000, 2300));
    expect(over).toMatchObject({ level: 'danger', percent: 100, remaining: '0', key: '2300/2000' });
    expect(over.summary).toBe('2,300 of 2,000 tokens used: 300 over budget');
  });

  it('treats a zero budget as spent rather than dividing by zero', () => {
    expect(tokenUse(budget(0, 0))).toMatchObject({ level: 'danger', percent: 100 });
  });
});

describe('formatTokens', () => {
  it('groups thousands', () => {
    expect(formatTokens(0)).toBe('0');
    expect(formatTokens(999)).toBe('999');
    expect(formatTokens(1_200)).toBe('1,200');
    expect(formatTokens(100_000_000)).toBe('100,000,000');
  });
});
