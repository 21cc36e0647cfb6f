import { describe, expect, it } from 'vitest';
import { circuitSeries } from './circuitSeries';
import { AC_RESULT, OP_RESULT, TRAN_RESULT } from './spiceFixtures';
import { toAnalysisVectors } from './spiceVectors';

const tran = toAnalysisVectors(TRAN_RESULT);
const ac = toAnalysisVectors(AC_RESULT);
const op = toAnalysisVectors(OP_RESULT);

describe('circuitSeries', () => {
  it('draws a transient as the node voltages against time, on a linear axis', () => {
    expect(circuitSeries({ tran })).toEqual([
      {
        analysis: 'tran',
        title: 'Transient analysis',
        x: { name: 'time', label: 'time', unit: 's', values: [0, 1e-4, 2e-4, 3e-4] },
        scale: 'linear',
        y: { label: 'voltage', unit: 'V', scale: 'linear' },
        series: [
          { name: 'v(in)', unit: 'V', values: [0, 0.5, 1, 0.5] },
          { name: 'v(out)', unit: 'V', values: [0, 0.2, null, 0.6] },
        ],
      },
    ]);
  });

  it('draws an AC sweep as the Bode magnitude in dB against log frequency', () => {
    const [bode] = circuitSeries({ ac });
    expect(bode!.x).toEqual({ name: 'frequency', label: 'frequency', unit: 'Hz', values: [1e3, 1e4, 1e5] });
    expect(bode!.scale).toBe('log');
    expect(bode!.y).toEqual({ label: 'magnitude', unit: 'dB', scale: 'linear' });
    expect(bode!.series.map((s) => s.name)).toEqual(['v(in)', 'v(out)']);
    const [vin, vout] = bode!.series.map((s) => s.values as number[]);
    expect(vin).toEqual([0, 0, 0]);
    expect(vout![0]).toBeCloseTo(0, 12); // |0.6 - 0.8j| = 1
    expect(vout![1]).toBeCloseTo(-20, 12);
    expect(vout![2]).toBeCloseTo(-40, 12);
  });

  it('gives one entry per swept analysis, in order, and leaves out single points like .op', () => {
    expect(circuitSeries({ tran, op, ac }).map((s) => s.analysis)).toEqual(['tran', 'ac']);
  });

  it('plots currents when there are no node voltages', () => {
    const [series] = circuitSeries({ tran: { time: [0, 1], 'i(v1)': [0, 2], 'l1#branch': [1, 1] } });
    expect(series!.y).toEqual({ label: 'current', unit: 'A', scale: 'linear' });
    expect(series!.series.map((s) => [s.name, s.unit])).toEqual([['i(v1)', 'A'], ['l1#branch', 'A']]);
  });

  it('draws a DC sweep against the swept source', () => {
    const [dc] = circuitSeries({ dc: { 'v(v-sweep)': [0, 1, 2], 'v(in)': [0, 1, 2], 'v(out)': [0, 0.5, 1], 'i(v1)': [0, -1, -2] } });
    expect(dc!.title).toBe('DC sweep');
    expect(dc!.x).toMatchObject({ name: 'v(v-sweep)', label: 'swept voltage', unit: 'V' });
    expect(dc!.series.map((s) => s.name)).toEqual(['v(in)', 'v(out)']);
  });

  it('accepts one analysis on its own, guessing which it is from its scale', () => {
    expect(circuitSeries(tran)[0]!.analysis).toBe('tran');
    expect(circuitSeries(ac)[0]!.analysis).toBe('ac');
  });

  it('gives nothing for what is not spice vectors', () => {
    for (const value of [null, 42, 'v(out)', [1, 2], {}, { tran: 5 }, { a: { b: 'c' } }]) expect(circuitSeries(value)).toEqual([]);
  });

  it('thins a long sweep to about maxPoints, keeping its peaks and both ends', () => {
    const n = 100_000;
    const time = Array.from({ length: n }, (_, i) => i * 1e-6);
    const vout = time.map((t, i) => (i === 54_321 ? 5 : i === 77_777 ? -5 : Math.sin(2 * Math.PI * 1000 * t)));
    const [series] = circuitSeries({ tran: { time, 'v(out)': vout } }, { maxPoints: 900 });
    const values = series!.series[0]!.values as number[];
    expect(series!.x.values.length).toBeLessThanOrEqual(901);
    expect(series!.x.values.length).toBeGreaterThan(400);
    expect(values).toHaveLength(series!.x.values.length);
    expect(Math.max(...values)).toBe(5);
    expect(Math.min(...values)).toBe(-5);
    expect(series!.x.values[0]).toBe(0);
    expect(series!.x.values.at(-1)).toBe(time.at(-1));
    // Points stay in time order and each keeps its own value.
    const at = series!.x.values.indexOf(time[54_321]!);
    expect(values[at]).toBe(5);
    expect(series!.x.values.every((x, i, xs) => i === 0 || x > xs[i - 1]!)).toBe(true);
  });
});
