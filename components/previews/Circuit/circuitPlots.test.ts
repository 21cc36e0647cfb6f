import { describe, expect, it } from 'vitest';
import { circuitSpec, decimate, toCircuitView, unitOf } from './circuitPlots';

const RC = 1e-4;
const time = Array.from({ length: 501 }, (_, i) => i * 1e-5);
const frequency = Array.from({ length: 101 }, (_, i) => 10 ** (1 + i / 20));
const transfer = frequency.map((f) => {
  const w = 2 * Math.PI * f * RC;
  return { re: 1 / (1 + w * w), im: -w / (1 + w * w) };
});
/** What the spice runtime returns for rc-lowpass: .tran real vectors, .ac complex ones. */
const rcVectors = {
  tran: { time, 'v(in)': time.map((t) => Math.sin(2 * Math.PI * 1000 * t)), 'v(out)': time.map((t) => 0.85 * Math.sin(2 * Math.PI * 1000 * t - 0.56)), 'i(v1)': time.map(() => -1e-4) },
  ac: { frequency: { re: frequency, im: frequency.map(() => 0) }, 'v(out)': { re: transfer.map((h) => h.re), im: transfer.map((h) => h.im) } },
};

type Row = { series: string; x: number; y: number };
const rowsOf = (spec: Record<string, unknown>) => (spec.data as { values: Row[] }).values;
const encodingOf = (spec: Record<string, unknown>) => spec.encoding as Record<string, { title?: unknown; scale?: { type?: string }; legend?: unknown }>;

describe('toCircuitView', () => {
  it('plots the transient against time, splitting volts from amperes', () => {
    const view = toCircuitView(rcVectors)!;
    expect(view.plots.map((p) => p.title)).toEqual(['Transient: voltage', 'Transient: current', 'AC magnitude']);
    const [volts, amps] = view.plots;
    expect(volts!.x).toMatchObject({ name: 'time', unit: 's' });
    expect(volts!.scale).toBe('linear');
    expect(volts!.series.map((s) => s.name)).toEqual(['v(in)', 'v(out)']);
    expect(amps!.series.map((s) => s.name)).toEqual(['i(v1)']);
  });

  it('shows complex AC vectors as magnitude in dB on a log frequency axis: -3 dB at the cutoff', () => {
    const ac = toCircuitView(rcVectors)!.plots[2]!;
    expect(ac.scale).toBe('log');
    expect(ac.yTitle).toBe('magnitude (dB)');
    expect(ac.x.values).toBe(frequency);
    const db = ac.series[0]!.values;
    expect(db[0]).toBeCloseTo(0, 2);
    const cutoff = 1 / (2 * Math.PI * RC);
    const i = frequency.reduce((best, f, k) => (Math.abs(Math.log(f / cutoff)) < Math.abs(Math.log(frequency[best]! / cutoff)) ? k : best), 0);
    const exact = -10 * Math.log10(1 + (frequency[i]! / cutoff) ** 2);
    expect(db[i]!).toBeCloseTo(exact, 9);
    expect(Math.abs(db[i]! + 3)).toBeLessThan(0.6);
    expect(db[db.length - 1]!).toBeLessThan(-35);
  });

  it('reads one analysis alone, [re, im] pairs, DC sweeps and typed arrays', () => {
    const single = toCircuitView({ time: new Float64Array([0, 1, 2]), 'v(out)': new Float64Array([0, 0.5, 1]) })!;
    expect(single.plots).toHaveLength(1);
    expect(single.plots[0]!.title).toBe('Transient');
    const pairs = toCircuitView({ 'AC Analysis': { frequency: [[10, 0], [100, 0]], 'v(out)': [[1, 0], [0, -1]] } })!;
    expect(pairs.plots[0]!.series[0]!.values).toEqual([0, 0]);
    const dc = toCircuitView({ dc1: { 'v-sweep': [0, 1, 2], 'i(vd)': [0, 1e-6, 1e-3] } })!;
    expect(dc.plots[0]).toMatchObject({ title: 'DC sweep', x: { name: 'v-sweep', unit: 'V' }, scale: 'linear' });
  });

  it('reads null as a value ngspice could not compute, and leaves it out of the plot', () => {
    const view = toCircuitView({ tran: { time: [0, 1, 2, 3], 'v(out)': [0, null, 2, 3] }, ac: { frequency: [10, 100], 'v(out)': { re: [1, null], im: [0, null] } } })!;
    const spec = circuitSpec(view.plots[0]!);
    expect(rowsOf(spec).map((r) => r.x)).toEqual([0, 2, 3]);
    expect(rowsOf(circuitSpec(view.plots[1]!))).toEqual([{ series: 'v(out)', x: 10, y: 0 }]);
  });

  it("draws the spice runtime's CircuitSeries as they are: labels, units, a log y, nulls", () => {
    const series = {
      analysis: 'noise',
      title: 'Noise spectral density',
      x: { name: 'frequency', label: 'frequency', unit: 'Hz', values: [10, 100, 1000] },
      scale: 'log' as const,
      y: { label: 'spectral density', unit: '', scale: 'log' as const },
      series: [{ name: 'onoise_spectrum', unit: '', values: [1e-8, null, 1e-9] }],
    };
    const view = toCircuitView([series])!;
    expect(view.plots[0]!.title).toBe('Noise spectral density');
    const spec = circuitSpec(view.plots[0]!);
    const enc = encodingOf(spec);
    expect(enc.x!.title).toBe('frequency (Hz)');
    expect(enc.y!.title).toBe('spectral density');
    expect(enc.y!.scale!.type).toBe('log');
    expect(rowsOf(spec)).toEqual([{ series: 'onoise_spectrum', x: 10, y: 1e-8 }, { series: 'onoise_spectrum', x: 1000, y: 1e-9 }]);
  });

  it('shows an operating point as values, not a plot', () => {
    const view = toCircuitView({ op: { 'v(out)': [2.5], 'v(in)': [5], 'v1#branch': [-0.0025] } })!;
    expect(view.plots).toEqual([]);
    expect(view.values).toEqual([{ title: 'Operating point', rows: [['v(out)', 2.5, 'V'], ['v(in)', 5, 'V'], ['v1#branch', -0.0025, 'A']] }]);
  });

  it('passes series shapes through, one or several', () => {
    const plot = { x: { name: 'time', unit: 's', values: [0, 1] }, series: [{ name: 'v(out)', values: [0, 1] }], scale: 'linear' as const };
    expect(toCircuitView(plot)).toEqual({ plots: [plot], values: [] });
    expect(toCircuitView([plot, plot])!.plots).toHaveLength(2);
  });

  it('is null for what is not circuit output', () => {
    expect(toCircuitView(null)).toBeNull();
    expect(toCircuitView('v(out)')).toBeNull();
    expect(toCircuitView({ a: 'x' })).toBeNull();
    expect(toCircuitView({ tran: { note: 'none' } })).toBeNull();
  });
});

describe('circuitSpec', () => {
  it('builds a Vega-Lite line chart with units in the axis titles', () => {
    const [volts, , ac] = toCircuitView(rcVectors)!.plots;
    const spec = circuitSpec(volts!);
    expect(spec.$schema).toMatch(/vega-lite/);
    const enc = encodingOf(spec);
    expect(enc.x!.title).toBe('time (s)');
    expect(enc.y!.title).toBe('voltage (V)');
    expect(enc.color!.legend).not.toBeNull();
    expect(rowsOf(spec)).toHaveLength(2 * 501);
    expect(rowsOf(spec)[0]).toEqual({ series: 'v(in)', x: 0, y: 0 });
    const acSpec = circuitSpec(ac!);
    expect(encodingOf(acSpec).x!.scale!.type).toBe('log');
    expect(encodingOf(acSpec).y!.title).toBe('magnitude (dB)');
    expect(encodingOf(acSpec).color!.legend).toBeNull();
  });

  it('drops points a log axis cannot show, and non-finite values', () => {
    const spec = circuitSpec({ x: { name: 'frequency', values: [0, 10, 100] }, series: [{ name: 'g', values: [1, Number.NaN, 3] }], scale: 'log' });
    expect(rowsOf(spec)).toEqual([{ series: 'g', x: 100, y: 3 }]);
  });
});

describe('decimate and units', () => {
  it('keeps short series whole and keeps peaks of long ones', () => {
    expect(decimate([0, 1, 2], [5, 6, 7], 10)).toEqual([[0, 5], [1, 6], [2, 7]]);
    const n = 100_000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((i) => (i === 54_321 ? 10 : i === 12_345 ? -10 : Math.sin(i / 1000)));
    const out = decimate(xs, ys, 1000);
    expect(out.length).toBeLessThanOrEqual(2000);
    expect(out).toContainEqual([54_321, 10]);
    expect(out).toContainEqual([12_345, -10]);
    expect(out.every(([x], i) => i === 0 || x > out[i - 1]![0])).toBe(true);
  });

  it('reads units from SPICE vector names', () => {
    expect(['v(out)', 'V(IN)', 'i(v1)', 'v1#branch', 'time', 'frequency', 'v-sweep', 'temp-sweep', 'onoise_spectrum'].map(unitOf)).toEqual(['V', 'V', 'A', 'A', 's', 'Hz', 'V', '°C', undefined]);
  });
});
