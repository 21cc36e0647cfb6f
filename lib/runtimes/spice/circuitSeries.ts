/**
 * Spice vectors as curves to draw: one `CircuitSeries` per swept analysis (transient, AC, DC,
 * noise…), with the x scale, the y quantity and one series per plotted vector. Pure, so the
 * Circuit preview and the `plot` output draw the same thing.
 */
import { isComplexVector, type SpiceNumber } from './spiceVectors';

export type AxisScale = 'linear' | 'log';

export interface CircuitSeries {
  /** The analysis key in `vectors`: `tran`, `ac`, `dc`, `noise`, `tran2`… */
  readonly analysis: string;
  /** `Transient analysis`, `AC analysis`… */
  readonly title: string;
  /** The sweep: `time` (s), `frequency` (Hz), the swept source (V or A)… Points where it is not finite are dropped. */
  readonly x: { readonly name: string; readonly label: string; readonly unit: string; readonly values: number[] };
  /** How to draw x: `log` for frequency sweeps spanning a decade or more. */
  readonly scale: AxisScale;
  /** What the series measure: `voltage` (V), `current` (A), `magnitude` (dB) for AC… */
  readonly y: { readonly label: string; readonly unit: string; readonly scale: AxisScale };
  /** One per plotted vector, aligned with `x.values`; `null` where ngspice had no finite value. */
  readonly series: readonly { readonly name: string; readonly unit: string; readonly values: SpiceNumber[] }[];
}

export interface CircuitSeriesOptions {
  /** Thin long sweeps to about this many points, keeping each stretch's minimum and maximum. */
  readonly maxPoints?: number;
}

const TITLES: Readonly<Record<string, string>> = {
  tran: 'Transient analysis',
  ac: 'AC analysis',
  dc: 'DC sweep',
  noise: 'Noise spectral density',
  sp: 'S-parameter analysis',
  pss: 'Periodic steady state',
  disto: 'Distortion analysis',
  sens: 'Sensitivity analysis',
};

type Vectors = Record<string, unknown>;

/**
 * The curves in a spice `vectors` output (grouped by analysis, or one analysis's vectors on their
 * own); analyses of a single point (`.op`, `.tf`) are not curves and are left out. Anything that is
 * not spice vectors gives `[]`.
 * @example circuitSeries({ tran: { time: [0, 1e-3], 'v(out)': [0, 0.6] } })[0].series[0].name === 'v(out)'
 */
export function circuitSeries(vectors: unknown, options: CircuitSeriesOptions = {}): CircuitSeries[] {
  return analysesOf(vectors).flatMap(([key, analysis]) => {
    const series = seriesOf(key, analysis, options);
    return series ? [series] : [];
  });
}

/** `[key, vectors]` per analysis, whether `vectors` is grouped by analysis or is one analysis. */
export function analysesOf(vectors: unknown): [string, Vectors][] {
  if (!isPlainObject(vectors)) return [];
  const entries = Object.entries(vectors);
  if (entries.length === 0) return [];
  if (entries.every(([, value]) => isAnalysis(value))) return entries as [string, Vectors][];
  if (isAnalysis(vectors)) return [[guessAnalysis(vectors), vectors]];
  return [];
}

function seriesOf(key: string, vectors: Vectors, options: CircuitSeriesOptions): CircuitSeries | null {
  const names = Object.keys(vectors);
  const scaleName = names.find((n) => n === 'time') ?? names.find((n) => n === 'frequency') ?? names.find((n) => /-sweep\b/i.test(n)) ?? names[0]!;
  const rawX = realValues(vectors[scaleName]);
  if (rawX.length < 2) return null;
  const kind = key.replace(/\d+$/, '');
  const others = names.filter((n) => n !== scaleName);
  const voltages = others.filter((n) => /^v\(/i.test(n));
  const currents = others.filter((n) => /^i\(|#branch$/i.test(n));
  const plotted = voltages.length > 0 ? voltages : currents.length > 0 ? currents : others;
  if (plotted.length === 0) return null;

  const complex = plotted.some((n) => isComplexVector(vectors[n]));
  const quantity = complex ? { label: 'magnitude', unit: 'dB' } : plotted === voltages ? { label: 'voltage', unit: 'V' } : plotted === currents ? { label: 'current', unit: 'A' } : { label: kind === 'noise' ? 'spectral density' : 'value', unit: '' };
  let columns = plotted.map((n) => (complex ? decibels(vectors[n]) : realValues(vectors[n])));

  // Keep the points where the sweep itself is a number.
  let keep = rawX.flatMap((x, i) => (x === null ? [] : [i]));
  let x = keep.map((i) => rawX[i]!);
  columns = columns.map((column) => keep.map((i) => column[i] ?? null));
  if (options.maxPoints && x.length > options.maxPoints) {
    keep = thinIndices(x.length, columns, options.maxPoints);
    x = keep.map((i) => x[i]!);
    columns = columns.map((column) => keep.map((i) => column[i]!));
  }

  const positive = x.every((v) => v > 0);
  const scale: AxisScale = scaleName === 'frequency' && positive && Math.max(...x) / Math.min(...x) >= 10 ? 'log' : 'linear';
  const yScale: AxisScale = kind === 'noise' && columns.every((c) => c.every((v) => v === null || v > 0)) ? 'log' : 'linear';
  return {
    analysis: key,
    title: TITLES[kind] ?? `${key} analysis`,
    x: { name: scaleName, label: axisLabel(scaleName), unit: unitOf(scaleName), values: x },
    scale,
    y: { ...quantity, scale: yScale },
    series: plotted.map((name, i) => ({ name, unit: complex ? 'dB' : unitOf(name), values: columns[i]! })),
  };
}

/** `V` for node voltages and swept voltage sources, `A` for currents, `s`, `Hz`, or `''`. */
export function unitOf(name: string): string {
  if (name === 'time') return 's';
  if (name === 'frequency') return 'Hz';
  if (/^temp-sweep$/i.test(name)) return '°C';
  if (/^i\(|#branch$|^i-sweep$/i.test(name)) return 'A';
  if (/^v\(|^v-sweep$/i.test(name)) return 'V';
  return '';
}

function axisLabel(name: string): string {
  if (name === 'time' || name === 'frequency') return name;
  if (/v-sweep/i.test(name)) return 'swept voltage';
  if (/i-sweep/i.test(name)) return 'swept current';
  if (/temp-sweep/i.test(name)) return 'temperature';
  return name;
}

function realValues(vector: unknown): SpiceNumber[] {
  if (Array.isArray(vector)) return vector.map(toNumber);
  if (isComplexVector(vector)) return vector.re.map(toNumber);
  return [];
}

/** |v| in dB (20·log10), `null` where it is zero or unknown. */
function decibels(vector: unknown): SpiceNumber[] {
  if (!isComplexVector(vector)) return realValues(vector).map((v) => (v === null ? null : toNumber(20 * Math.log10(Math.abs(v)))));
  return vector.re.map((re, i) => {
    const im = vector.im[i];
    if (typeof re !== 'number' || typeof im !== 'number') return null;
    return toNumber(20 * Math.log10(Math.hypot(re, im)));
  });
}

const toNumber = (value: unknown): SpiceNumber => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Indices that keep about `maxPoints`: each stretch's first point and every column's minimum and maximum in it. */
function thinIndices(length: number, columns: readonly SpiceNumber[][], maxPoints: number): number[] {
  const perBucket = 1 + 2 * columns.length;
  const buckets = Math.max(1, Math.floor(maxPoints / perBucket));
  const size = Math.ceil(length / buckets);
  const keep = new Set<number>([length - 1]);
  for (let start = 0; start < length; start += size) {
    keep.add(start);
    const end = Math.min(length, start + size);
    for (const column of columns) {
      let lo = -1;
      let hi = -1;
      for (let i = start; i < end; i++) {
        const v = column[i];
        if (v === null || v === undefined) continue;
        if (lo < 0 || v < column[lo]!) lo = i;
        if (hi < 0 || v > column[hi]!) hi = i;
      }
      if (lo >= 0) keep.add(lo);
      if (hi >= 0) keep.add(hi);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

function guessAnalysis(vectors: Vectors): string {
  if ('time' in vectors) return 'tran';
  if ('frequency' in vectors) return Object.keys(vectors).some((n) => /noise/i.test(n)) ? 'noise' : 'ac';
  return 'dc';
}

function isAnalysis(value: unknown): value is Vectors {
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.values(value).every((v) => Array.isArray(v) || isComplexVector(v));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}
