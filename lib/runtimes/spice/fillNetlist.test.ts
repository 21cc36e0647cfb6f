import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core';
import { fillNetlist, placeholderNames } from './fillNetlist';
import { RC_INPUTS, RC_TEMPLATE } from './spiceFixtures';

function errorOf(fn: () => unknown): WeftError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WeftError) return error;
    throw error;
  }
  throw new Error('expected a WeftError');
}

describe('fillNetlist', () => {
  it('fills the rc-lowpass template with numbers written the way SPICE reads them', () => {
    const lines = fillNetlist(RC_TEMPLATE, RC_INPUTS).split('\n');
    expect(lines[0]).toBe('* RC low-pass filter: R = 1000 ohm, C = 1e-7 F, cutoff fc = 1/(2*pi*R*C)');
    expect(lines).toContain('V1 in 0 DC 0 AC 1 SIN(0 1 1000)');
    expect(lines).toContain('C1 out 0 1e-7');
    expect(lines).toContain('.tran 0.00001 0.005');
    expect(lines).toContain('.ac dec 20 10 1000000');
  });

  it('accepts spaces inside the braces and fills a placeholder used twice', () => {
    expect(fillNetlist('R1 a b {{ R }}\nR2 b 0 {{R}}', { R: 4700 })).toBe('R1 a b 4700\nR2 b 0 4700');
  });

  it('writes negative, tiny and huge numbers without locale separators', () => {
    expect(fillNetlist('{{a}} {{b}} {{c}} {{d}}', { a: -5, b: 2.2e-12, c: 1e21, d: 1234567.5 })).toBe('-5 2.2e-12 1e+21 1234567.5');
  });

  it('gives back exactly the number it was given, for any finite number', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Number(fillNetlist('{{x}}', { x })) === x));
  });

  it('inserts strings as they are, so a value can be a SPICE expression or source', () => {
    expect(fillNetlist('V1 in 0 {{source}}', { source: 'PULSE(0 1 0 1u 1u 10m 20m)' })).toBe('V1 in 0 PULSE(0 1 0 1u 1u 10m 20m)');
  });

  it('leaves ngspice brace expressions alone', () => {
    expect(fillNetlist('R1 a b {rr*2}\n.param rr={{R}}', { R: 10 })).toBe('R1 a b {rr*2}\n.param rr=10');
  });

  it('names every placeholder without an input, and the inputs there are', () => {
    const error = errorOf(() => fillNetlist('R1 a b {{R}}\nL1 b 0 {{L}}\nC1 b 0 {{C}}', { R: 1, Rload: 2 }));
    expect(error.code).toBe('RUNTIME_INPUT_INVALID');
    expect(error.message).toMatch(/\{\{L\}\}, \{\{C\}\}.*no input named L, C.*inputs given: R, Rload/);
    expect(error.data).toEqual({ missing: ['L', 'C'], inputs: ['R', 'Rload'] });
  });

  it('treats an undefined input as missing, and says when there are no inputs at all', () => {
    expect(errorOf(() => fillNetlist('{{R}}', { R: undefined })).data.missing).toEqual(['R']);
    expect(errorOf(() => fillNetlist('{{R}}', {})).message).toMatch(/inputs given: none/);
  });

  it('refuses a line break in a value, so an input cannot add lines to the netlist', () => {
    for (const value of ['1k\n.control', '1k\r\nV2 a 0 5', '1k\u2028x']) {
      const error = errorOf(() => fillNetlist('R1 a b {{R}}\n.op\n.end', { R: value }));
      expect(error.code).toBe('RUNTIME_INPUT_INVALID');
      expect(error.message).toMatch(/The input R contains a line break/);
      expect(error.data).toEqual({ input: 'R', found: 'line break' });
    }
  });

  it('refuses values SPICE cannot read: NaN, infinities, booleans, lists, objects, null', () => {
    for (const [value, found] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [true, 'boolean'], [[1, 2], 'a list'], [{ v: 1 }, 'object'], [null, 'null']] as const) {
      const error = errorOf(() => fillNetlist('{{x}}', { x: value }));
      expect(error.code).toBe('RUNTIME_INPUT_INVALID');
      expect(error.data).toEqual({ input: 'x', found });
    }
  });

  it('lists placeholder names once each, in order of first use', () => {
    expect(placeholderNames(RC_TEMPLATE)).toEqual(['R', 'C', 'vin', 'freq', 'tstep', 'tstop', 'points_per_decade', 'fstart', 'fstop']);
  });
});
