import { describe, expect, it } from 'vitest';
import { checkOutputs } from '../outputs';
import { AC_RESULT, CONSTANTS_RESULT, OP_RESULT, TRAN_RESULT } from './spiceFixtures';
import { isEmptyResult, plotName, toAnalysisVectors } from './spiceVectors';

describe('toAnalysisVectors', () => {
  it('gives every real vector by name as a number array, in ngspice order, NaN as null', () => {
    const vectors = toAnalysisVectors(TRAN_RESULT);
    expect(Object.keys(vectors)).toEqual(['time', 'v(in)', 'v(out)', 'i(v1)']);
    expect(vectors).toEqual({
      time: [0, 1e-4, 2e-4, 3e-4],
      'v(in)': [0, 0.5, 1, 0.5],
      'v(out)': [0, 0.2, null, 0.6],
      'i(v1)': [0, -3e-4, -5e-4, 1e-4],
    });
  });

  it('gives complex AC vectors as { re, im } and the frequency scale as plain numbers', () => {
    const vectors = toAnalysisVectors(AC_RESULT);
    expect(vectors.frequency).toEqual([1e3, 1e4, 1e5]);
    expect(vectors['v(out)']).toEqual({ re: [0.6, 0, 0.006], im: [-0.8, -0.1, 0.008] });
    expect(vectors['i(v1)']).toEqual({ re: [-1e-4, -2e-4, -3e-4], im: [0, 0, 0] });
  });

  it('makes plain data that a run may return as an output', () => {
    expect(() => checkOutputs({ vectors: { tran: toAnalysisVectors(TRAN_RESULT), ac: toAnalysisVectors(AC_RESULT), op: toAnalysisVectors(OP_RESULT) } }, 'spice')).not.toThrow();
  });
});

describe('plotName and isEmptyResult', () => {
  it('reads the plot name from the rawfile header', () => {
    expect([TRAN_RESULT, AC_RESULT, OP_RESULT, CONSTANTS_RESULT].map(plotName)).toEqual(['Transient Analysis', 'AC Analysis', 'Operating Point', 'constants']);
  });

  it('knows the constants plot ngspice writes when nothing ran', () => {
    expect(isEmptyResult(CONSTANTS_RESULT)).toBe(true);
    expect(isEmptyResult({ ...OP_RESULT, data: [] })).toBe(true);
    expect(isEmptyResult(OP_RESULT)).toBe(false);
  });
});
