import { describe, expect, it } from 'vitest';
import { addEnergy, energyByKind, energyOf, sumEnergy, ZERO_ENERGY } from './energy';
import type { Span } from './types';

describe('energy', () => {
  it('adds two energies field by field', () => {
    expect(addEnergy({ cpuMs: 1.5, tokensIn: 10, tokensOut: 2, bytes: 100 }, { cpuMs: 2, tokensIn: 5, tokensOut: 3, bytes: 1 })).toEqual({
      cpuMs: 3.5,
      tokensIn: 15,
      tokensOut: 5,
      bytes: 101,
    });
  });

  it('fills missing parts with zero, even when given as undefined', () => {
    expect(energyOf({ tokensIn: 120, cpuMs: undefined })).toEqual({ cpuMs: 0, tokensIn: 120, tokensOut: 0, bytes: 0 });
  });

  it('sums spans and plain energies alike; nothing sums to zero', () => {
    const spans = [{ energy: energyOf({ cpuMs: 4 }) }, { energy: energyOf({ cpuMs: 6, bytes: 8 }) }];
    expect(sumEnergy(spans)).toEqual({ cpuMs: 10, tokensIn: 0, tokensOut: 0, bytes: 8 });
    expect(sumEnergy([energyOf({ tokensOut: 7 }), energyOf({ tokensOut: 3 })])).toEqual(energyOf({ tokensOut: 10 }));
    expect(sumEnergy([])).toEqual(ZERO_ENERGY);
  });

  it('totals per kind, listing unused kinds as zero', () => {
    const spans: Pick<Span, 'kind' | 'energy'>[] = [
      { kind: 'llm', energy: energyOf({ tokensIn: 100, tokensOut: 20 }) },
      { kind: 'llm', energy: energyOf({ tokensIn: 50, tokensOut: 5 }) },
      { kind: 'node', energy: energyOf({ cpuMs: 12 }) },
    ];
    const byKind = energyByKind(spans);
    expect(byKind.llm).toEqual(energyOf({ tokensIn: 150, tokensOut: 25 }));
    expect(byKind.node).toEqual(energyOf({ cpuMs: 12 }));
    expect(byKind.tool).toEqual(ZERO_ENERGY);
    expect(Object.keys(byKind).sort()).toEqual(['llm', 'message', 'node', 'run', 'syscall', 'tool']);
  });
});
