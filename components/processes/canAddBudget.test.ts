import { describe, expect, it } from 'vitest';
import type { ProcState } from '@/lib/kernel/protocol';
import { canAddBudget } from './canAddBudget';

const proc = (state: ProcState, allocated: number | null, isProtected = false) => ({
  state,
  protected: isProtected,
  budget: { tokens: { allocated, used: 0, remaining: allocated }, cpuMs: { allocated: null, used: 0, remaining: null } },
});

describe('canAddBudget', () => {
  it('offers more tokens to a live process with a limit, suspended ones included', () => {
    for (const state of ['READY', 'RUNNING', 'THINKING', 'BLOCKED', 'SUSPENDED'] as const) {
      expect(canAddBudget(proc(state, 2000))).toBe(true);
    }
  });

  it('not to a finished process, the kernel’s own, or one without a limit', () => {
    expect(canAddBudget(proc('TERMINATED', 2000))).toBe(false);
    expect(canAddBudget(proc('RUNNING', 2000, true))).toBe(false);
    expect(canAddBudget(proc('RUNNING', null))).toBe(false);
  });
});
