import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import { fillNetlist } from './fillNetlist';
import { RC_INPUTS, RC_TEMPLATE } from './spiceFixtures';
import { splitAnalyses } from './splitAnalyses';

const rc = fillNetlist(RC_TEMPLATE, RC_INPUTS);

function errorOf(fn: () => unknown): WeftError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WeftError) return error;
    throw error;
  }
  throw new Error('expected a WeftError');
}

describe('splitAnalyses', () => {
  it('runs a netlist with one analysis as it is', () => {
    const netlist = '* divider\nV1 in 0 1\nR1 in out 1k\nR2 out 0 1k\n.op\n.end';
    expect(splitAnalyses(netlist)).toEqual([{ analysis: 'op', key: 'op', line: 5, netlist }]);
  });

  it('runs .tran and .ac separately, each with the other analysis commented out on its own line', () => {
    const runs = splitAnalyses(rc);
    expect(runs.map((r) => [r.key, r.line])).toEqual([['tran', 5], ['ac', 6]]);
    const [tran, ac] = runs.map((r) => r.netlist.split('\n'));
    expect(tran).toHaveLength(rc.split('\n').length);
    expect(tran![4]).toBe('.tran 0.00001 0.005');
    expect(tran![5]).toBe('*.ac dec 20 10 1000000');
    expect(ac![4]).toBe('*.tran 0.00001 0.005');
    expect(ac![5]).toBe('.ac dec 20 10 1000000');
    // Everything else is untouched.
    expect(tran!.filter((_, i) => i !== 5)).toEqual(rc.split('\n').filter((_, i) => i !== 5));
  });

  it('comments out an analysis continued on + lines as a whole', () => {
    const runs = splitAnalyses('t\nR1 a 0 1\n.dc V1 0 5 0.1\n+ V2 0 1 0.5\n.op\n.end');
    expect(runs[1]!.netlist).toBe('t\nR1 a 0 1\n*.dc V1 0 5 0.1\n*+ V2 0 1 0.5\n.op\n.end');
    expect(runs[0]!.netlist).toBe('t\nR1 a 0 1\n.dc V1 0 5 0.1\n+ V2 0 1 0.5\n*.op\n.end');
  });

  it('reads analyses in any case, not .options or .op-like names, not the title line, nothing after .end', () => {
    const runs = splitAnalyses('.tran is only the title\n.options reltol=1e-4\n.OP\n.TRAN 1u 1m\n.end\n.ac dec 10 1 1k');
    expect(runs.map((r) => r.key)).toEqual(['op', 'tran']);
  });

  it('keys a repeated analysis tran, tran2…', () => {
    expect(splitAnalyses('t\nR1 a 0 1\n.tran 1u 1m\n.tran 1u 2m\n.end').map((r) => r.key)).toEqual(['tran', 'tran2']);
  });

  it('refuses a netlist without an analysis, saying how to add one', () => {
    const error = errorOf(() => splitAnalyses('t\nR1 a 0 1\n.end'));
    expect(error.code).toBe('SPICE_NETLIST');
    expect(error.message).toMatch(/no analysis.*\.tran/);
  });

  it('refuses a .control block, naming its line', () => {
    const error = errorOf(() => splitAnalyses('t\nR1 a 0 1\n.op\n.control\nquit\n.endc\n.end'));
    expect(error.code).toBe('SPICE_NETLIST');
    expect(error.message).toMatch(/^Line 4 starts a \.control block/);
    expect(error.data).toEqual({ line: 4, errors: ['.control'] });
  });
});
