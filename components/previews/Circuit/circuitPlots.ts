/**
 * Circuit simulation results as plots. Takes either series ready to plot
 * (`{ x: { name, unit, values }, series: [{ name, values }], scale }`) or the raw vectors the
 * spice runtime returns (`{ [analysis]: { [vector]: number[] | { re, im } } }`, or one analysis's
 * vectors alone), picks the x axis (time, frequency or a DC sweep), shows complex AC results as
 * magnitude in dB, and splits series by unit so volts and amperes never share an axis.
 */
import { isTypedArray } from '../shared/formatValue';

export interface CircuitAxis {
  readonly name: string;
  /** Axis title without the unit (`swept voltage`); the name by default. */
  readonly label?: string;
  readonly unit?: string;
  readonly values: ArrayLike<number>;
}

/**
 * Curves to plot against one x. The spice runtime's `CircuitSeries` (lib/runtimes/spice) is one
 * of these, `null` values and `y` included.
 */
export interface CircuitPlot {
  readonly title?: string;
  readonly x: CircuitAxis;
  readonly series: readonly { readonly name: string; readonly unit?: string; readonly values: ArrayLike<number> }[];
  /** The x scale (frequency sweeps are logarithmic). */
  readonly scale: 'linear' | 'log';
  /** What the series measure; by default from their unit. */
  readonly y?: { readonly label?: string; readonly unit?: string; readonly scale?: 'linear' | 'log' };
  /** The y axis title; by default from `y`, else the series' unit. */
  readonly yTitle?: string;
}

/** Values of an operating-point analysis (one number per vector), shown as a table. */
export interface CircuitValues {
  readonly title: string;
  readonly rows: readonly [name: string, value: number, unit: string][];
}

export type CircuitView = { readonly plots: readonly CircuitPlot[]; readonly values: readonly CircuitValues[] };

type Vector = { re: ArrayLike<number>; im?: ArrayLike<number> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isTypedArray(v);
/** Numbers, where `null` stands for a value ngspice could not compute (JSON has no NaN). */
const isNumbers = (v: unknown): v is ArrayLike<number | null> =>
  (Array.isArray(v) && v.every((n) => typeof n === 'number' || n === null)) || (isTypedArray(v) && !(v instanceof BigInt64Array || v instanceof BigUint64Array));
/** The same numbers with `null` as NaN (a copy only when there is a null). */
const numbers = (v: ArrayLike<number | null>): ArrayLike<number> => (Array.isArray(v) && v.includes(null) ? v.map((n) => n ?? Number.NaN) : (v as ArrayLike<number>));

/** A vector as re (and im when complex): a list of numbers, `{ re, im }`, or `[re, im]` pairs. */
function readVector(v: unknown): Vector | null {
  if (isNumbers(v)) return { re: numbers(v) };
  if (isRecord(v) && isNumbers(v.re) && isNumbers(v.im) && v.re.length === v.im.length) return { re: numbers(v.re), im: numbers(v.im) };
  if (Array.isArray(v) && v.length > 0 && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && typeof p[1] === 'number')) {
    const pairs = v as [number, number][];
    return { re: pairs.map((p) => p[0]), im: pairs.map((p) => p[1]) };
  }
  return null;
}

function isPlotShape(v: unknown): v is CircuitPlot {
  return isRecord(v) && isRecord(v.x) && isNumbers(v.x.values) && Array.isArray(v.series) && v.series.every((s) => isRecord(s) && isNumbers(s.values));
}

/** A plot shape with its `null`s as NaN. */
function plotOf(p: CircuitPlot): CircuitPlot {
  return { ...p, x: { ...p.x, values: numbers(p.x.values) }, series: p.series.map((s) => ({ ...s, values: numbers(s.values) })) };
}

/** The SI unit a SPICE vector name implies: v(…) volts, i(…) and …#branch amperes. */
export function unitOf(name: string): string | undefined {
  const n = name.toLowerCase();
  if (n === 'time') return 's';
  if (n === 'frequency') return 'Hz';
  if (/^temp(-sweep)?$/.test(n)) return '°C';
  if (/^v[(-]/.test(n)) return 'V';
  if (/^i[(-]/.test(n) || n.endsWith('#branch')) return 'A';
  return undefined;
}

const QUANTITY: Record<string, string> = { V: 'voltage', A: 'current', s: 'time', Hz: 'frequency', '°C': 'temperature' };

/**
 * Everything in `value` that can be shown: plots, and operating-point values; null when it is
 * not circuit output.
 */
export function toCircuitView(value: unknown): CircuitView | null {
  if (isPlotShape(value)) return { plots: [plotOf(value)], values: [] };
  if (Array.isArray(value) && value.length > 0 && value.every(isPlotShape)) return { plots: value.map(plotOf), values: [] };
  if (!isRecord(value)) return null;
  const entries = Object.entries(value);
  const analyses: [string, Record<string, unknown>][] = entries.every(([, v]) => readVector(v) !== null)
    ? [['', value]]
    : entries.filter((e): e is [string, Record<string, unknown>] => isRecord(e[1]));
  const plots: CircuitPlot[] = [];
  const values: CircuitValues[] = [];
  for (const [name, vectors] of analyses) {
    const read = Object.entries(vectors).flatMap(([k, v]) => {
      const vector = readVector(v);
      return vector ? [[k, vector] as const] : [];
    });
    if (read.length === 0) continue;
    const analysis = fromAnalysis(name, read);
    if ('rows' in analysis) values.push(analysis);
    else plots.push(...analysis);
  }
  return plots.length + values.length > 0 ? { plots, values } : null;
}

function fromAnalysis(name: string, vectors: readonly (readonly [string, Vector])[]): CircuitPlot[] | CircuitValues {
  const lower = (k: string) => k.toLowerCase();
  const xEntry = vectors.find(([k]) => lower(k) === 'time') ?? vectors.find(([k]) => lower(k) === 'frequency') ?? vectors.find(([k]) => /sweep$/.test(lower(k)));
  const length = (xEntry?.[1] ?? vectors[0]![1]).re.length;
  if (!xEntry && vectors.every(([, v]) => v.re.length === 1)) {
    return { title: titleOf(name, 'Operating point'), rows: vectors.map(([k, v]) => [k, v.im ? Math.hypot(v.re[0]!, v.im[0]!) : v.re[0]!, unitOf(k) ?? '']) };
  }
  const xName = xEntry?.[0] ?? 'point';
  const xValues = xEntry?.[1].re ?? Array.from({ length }, (_, i) => i);
  const isAc = lower(xName) === 'frequency';
  const logX = isAc && Array.prototype.every.call(xValues, (f: number) => f > 0);
  const ys = vectors.filter(([k, v]) => k !== xName && v.re.length === xValues.length);
  const kind = lower(xName) === 'time' ? 'Transient' : isAc ? 'AC' : xEntry ? 'DC sweep' : 'Vectors';
  const x: CircuitAxis = { name: xName, unit: unitOf(xName), values: xValues };

  const complex = ys.filter(([, v]) => v.im);
  const real = ys.filter(([, v]) => !v.im);
  const plots: CircuitPlot[] = [];
  if (complex.length > 0) {
    const series = complex.map(([k, v]) => ({ name: k, values: isAc ? decibels(v) : magnitude(v) }));
    plots.push({ title: titleOf(name, isAc ? 'AC magnitude' : kind), x, series, scale: logX ? 'log' : 'linear', yTitle: isAc ? 'magnitude (dB)' : 'magnitude' });
  }
  const byUnit = new Map<string, typeof real>();
  for (const entry of real) {
    const unit = unitOf(entry[0]) ?? '';
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), entry]);
  }
  for (const [unit, group] of byUnit) {
    const title = byUnit.size > 1 && QUANTITY[unit] ? `${titleOf(name, kind)}: ${QUANTITY[unit]}` : titleOf(name, kind);
    plots.push({ title, x, series: group.map(([k, v]) => ({ name: k, unit: unit || undefined, values: v.re })), scale: logX ? 'log' : 'linear' });
  }
  return plots;
}

function titleOf(analysis: string, kind: string): string {
  if (!analysis) return kind;
  const short = analysis.replace(/\s*analysis$/i, '').trim();
  return /^(tran|transient|ac|dc|op|operating point)\d*$/i.test(short) ? kind : `${kind} (${analysis})`;
}

const magnitude = (v: Vector) => Array.from(v.re, (re, i) => Math.hypot(re, v.im![i]!));
const decibels = (v: Vector) => Array.from(v.re, (re, i) => 20 * Math.log10(Math.max(Math.hypot(re, v.im![i]!), 1e-30)));

/**
 * At most about `target` points per series, keeping each bucket's minimum and maximum so peaks
 * and edges survive.
 * @example decimate([0, 1, 2, 3], [0, 5, -5, 0], 2) // the max 5 and the min -5 stay
 */
export function decimate(xs: ArrayLike<number>, ys: ArrayLike<number>, target = 2000): [number, number][] {
  const n = Math.min(xs.length, ys.length);
  const out: [number, number][] = [];
  if (n <= target * 2) {
    for (let i = 0; i < n; i++) out.push([xs[i]!, ys[i]!]);
    return out;
  }
  const size = n / target;
  for (let b = 0; b < target; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      if (!Number.isFinite(ys[i])) continue;
      if (lo < 0 || ys[i]! < ys[lo]!) lo = i;
      if (hi < 0 || ys[i]! > ys[hi]!) hi = i;
    }
    if (lo < 0) continue;
    for (const i of lo <= hi ? [lo, hi] : [hi, lo]) if (out.length === 0 || out[out.length - 1]![0] !== xs[i]) out.push([xs[i]!, ys[i]!]);
  }
  return out;
}

const axisTitle = (name: string, unit?: string) => (unit ? `${name} (${unit})` : name);

/** A Vega-Lite spec for one plot: lines, one colour per series, SI-prefixed axes, a log x for AC sweeps. */
export function circuitSpec(plot: CircuitPlot, height = 240): Record<string, unknown> {
  const units = new Set(plot.series.map((s) => s.unit || unitOf(s.name)));
  const unit = units.size === 1 ? [...units][0] : undefined;
  const yTitle = plot.yTitle ?? (plot.y?.label ? axisTitle(plot.y.label, plot.y.unit) : unit ? axisTitle(QUANTITY[unit] ?? 'value', unit) : 'value');
  const xTitle = axisTitle(plot.x.label ?? plot.x.name, plot.x.unit);
  const yLog = plot.y?.scale === 'log';
  const values = plot.series.flatMap((s) => decimate(plot.x.values, s.values).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (plot.scale !== 'log' || x > 0) && (!yLog || y > 0)).map(([x, y]) => ({ series: s.name, x, y })));
  const db = yTitle.includes('dB');
  const si = db ? '.3~f' : '.4~s';
  // Each tick on its own SI prefix (a shared one would write 0 as "0m").
  const siLabels = "datum.value === 0 ? '0' : format(datum.value, '~s')";
  // On a log axis only the decades are labelled: 10, 100, 1k, 10k…
  const decadeLabels = "abs(log(datum.value) / LN10 - round(log(datum.value) / LN10)) < 1e-6 ? format(datum.value, '~s') : ''";
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    height,
    data: { values },
    mark: { type: 'line', clip: true, interpolate: 'linear' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle, scale: { type: plot.scale, zero: false, nice: false }, axis: { labelExpr: plot.scale === 'log' ? decadeLabels : siLabels, labelFlush: true } },
      y: { field: 'y', type: 'quantitative', title: yTitle, scale: yLog ? { type: 'log' } : { zero: false }, axis: db ? { format: '~f' } : { labelExpr: yLog ? decadeLabels : siLabels } },
      color: { field: 'series', type: 'nominal', title: null, legend: plot.series.length > 1 ? { orient: 'top', direction: 'horizontal' } : null },
      tooltip: [
        { field: 'series', title: 'vector' },
        { field: 'x', type: 'quantitative', title: xTitle, format: '.4~s' },
        { field: 'y', type: 'quantitative', title: yTitle, format: si },
      ],
    },
  };
}
