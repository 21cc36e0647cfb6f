/**
 * The `plot` output of a spice run: a Vega-Lite v5 spec with its data inline. A transient shows
 * the node voltages against time, an AC sweep the Bode magnitude (dB) against log frequency, a DC
 * sweep the voltages against the swept source, an operating point a bar per node voltage. One
 * analysis gives one chart; several give one chart each, stacked (`vconcat`).
 */
import { analysesOf, circuitSeries, type CircuitSeries } from './circuitSeries';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Points per chart beyond which a sweep is thinned (keeping its peaks), so the spec stays small. */
export const PLOT_MAX_POINTS = 2000;

const WIDTH = 520;
const HEIGHT = 240;

type Spec = Record<string, unknown>;
type Row = { analysis: string; vector: string; x?: number; y: number };

/**
 * A ready-to-render Vega-Lite spec of `vectors` (a spice `vectors` output).
 * @example spicePlot({ tran: { time: [0, 1e-3], 'v(out)': [0, 0.6] } }).mark // { type: 'line', … }
 */
export function spicePlot(vectors: unknown, maxPoints: number = PLOT_MAX_POINTS): Spec {
  const rows: Row[] = [];
  const panels: Spec[] = [];
  const curves = new Map(circuitSeries(vectors, { maxPoints }).map((s) => [s.analysis, s]));
  for (const [key, analysis] of analysesOf(vectors)) {
    const curve = curves.get(key);
    const panel = curve ? linePanel(curve, rows) : barPanel(key, analysis, rows);
    if (panel) panels.push(panel);
  }
  const head = { $schema: VEGA_LITE_SCHEMA, description: 'ngspice simulation results', data: { values: rows } };
  if (panels.length === 0) {
    return { ...head, data: { values: [{ text: 'No vectors to plot: the analysis gave neither a sweep nor node voltages.' }] }, mark: 'text', encoding: { text: { field: 'text', type: 'nominal' } } };
  }
  if (panels.length === 1) {
    const { transform: _filter, ...panel } = panels[0]!;
    return { ...head, ...panel };
  }
  return { ...head, vconcat: panels, resolve: { scale: { color: 'independent' } } };
}

function linePanel(curve: CircuitSeries, rows: Row[]): Spec {
  const log = curve.scale === 'log';
  for (const series of curve.series) {
    curve.x.values.forEach((x, i) => {
      const y = series.values[i];
      if (y === null || y === undefined || (log && x <= 0) || (curve.y.scale === 'log' && y <= 0)) return;
      rows.push({ analysis: curve.analysis, vector: series.name, x, y });
    });
  }
  const xTitle = titled(curve.x.label, curve.x.unit);
  const yTitle = titled(curve.y.label, curve.y.unit);
  return {
    title: curve.title,
    width: WIDTH,
    height: HEIGHT,
    transform: [{ filter: { field: 'analysis', equal: curve.analysis } }],
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle, scale: log ? { type: 'log' } : { zero: false }, axis: { format: '~s' } },
      y: { field: 'y', type: 'quantitative', title: yTitle, scale: curve.y.scale === 'log' ? { type: 'log' } : { zero: false } },
      color: { field: 'vector', type: 'nominal', title: 'vector' },
      tooltip: [
        { field: 'vector', type: 'nominal' },
        { field: 'x', type: 'quantitative', title: xTitle, format: '.4~g' },
        { field: 'y', type: 'quantitative', title: yTitle, format: '.4~g' },
      ],
    },
  };
}

/** One bar per node voltage (or per value, when there are none) of a single-point analysis like `.op`. */
function barPanel(key: string, analysis: Record<string, unknown>, rows: Row[]): Spec | null {
  const real = Object.entries(analysis).flatMap(([name, v]) => (Array.isArray(v) && v.length === 1 && typeof v[0] === 'number' ? [[name, v[0] as number] as const] : []));
  const voltages = real.filter(([name]) => /^v\(/i.test(name));
  const shown = voltages.length > 0 ? voltages : real;
  if (shown.length === 0) return null;
  for (const [name, y] of shown) rows.push({ analysis: key, vector: name, y });
  const yTitle = voltages.length > 0 ? 'voltage (V)' : 'value';
  return {
    title: key === 'op' ? 'Operating point' : `${key} analysis`,
    width: WIDTH,
    height: HEIGHT,
    transform: [{ filter: { field: 'analysis', equal: key } }],
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'vector', type: 'nominal', title: 'vector', sort: null },
      y: { field: 'y', type: 'quantitative', title: yTitle },
      tooltip: [{ field: 'vector', type: 'nominal' }, { field: 'y', type: 'quantitative', title: yTitle, format: '.6~g' }],
    },
  };
}

const titled = (label: string, unit: string): string => (unit ? `${label} (${unit})` : label);
