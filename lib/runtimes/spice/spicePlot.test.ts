import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { AC_RESULT, OP_RESULT, TRAN_RESULT } from './spiceFixtures';
import { spicePlot, VEGA_LITE_SCHEMA } from './spicePlot';
import { toAnalysisVectors } from './spiceVectors';

const tran = toAnalysisVectors(TRAN_RESULT);
const ac = toAnalysisVectors(AC_RESULT);
const op = toAnalysisVectors(OP_RESULT);

type Spec = {
  $schema: string;
  data: { values: Record<string, unknown>[] };
  mark?: unknown;
  encoding?: Record<string, { title?: string; scale?: { type?: string } }>;
  transform?: unknown;
  vconcat?: { title: string; transform: unknown; mark: { type: string }; encoding: Record<string, { title?: string; scale?: { type?: string } }> }[];
};

/** Renders the spec with Vega (no browser) and returns the SVG, so a spec Vega cannot draw fails. */
async function render(spec: unknown): Promise<string> {
  const view = new View(parse(compile(spec as TopLevelSpec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

describe('spicePlot', () => {
  it('draws a transient as one Vega-Lite v5 line chart of the node voltages against time, its data inline', async () => {
    const spec = spicePlot({ tran }) as Spec;
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.mark).toEqual({ type: 'line', strokeWidth: 1.5 });
    expect(spec.transform).toBeUndefined();
    expect(spec.encoding!.x!.title).toBe('time (s)');
    expect(spec.encoding!.y!.title).toBe('voltage (V)');
    // v(out) has no value at the third point (NaN), so that point is left out; currents are not drawn.
    expect(spec.data.values).toEqual([
      ...[0, 1e-4, 2e-4, 3e-4].map((x, i) => ({ analysis: 'tran', vector: 'v(in)', x, y: [0, 0.5, 1, 0.5][i] })),
      ...[0, 1e-4, 3e-4].map((x, i) => ({ analysis: 'tran', vector: 'v(out)', x, y: [0, 0.2, 0.6][i] })),
    ]);
    expect(await render(spec)).toMatch(/^<svg[\s\S]*time \(s\)[\s\S]*v\(out\)/);
  });

  it('draws an AC sweep as the Bode magnitude in dB on a log frequency axis', async () => {
    const spec = spicePlot({ ac }) as Spec;
    expect(spec.encoding!.x!.scale).toEqual({ type: 'log' });
    expect(spec.encoding!.x!.title).toBe('frequency (Hz)');
    expect(spec.encoding!.y!.title).toBe('magnitude (dB)');
    const vout = spec.data.values.filter((row) => row.vector === 'v(out)').map((row) => row.y as number);
    expect(vout.map((db) => Math.round(db))).toEqual([0, -20, -40]);
    expect(await render(spec)).toMatch(/magnitude \(dB\)/);
  });

  it('stacks one chart per analysis when a netlist has several, each filtered to its own rows', async () => {
    const spec = spicePlot({ tran, ac, op }) as Spec;
    expect(spec.mark).toBeUndefined();
    expect(spec.vconcat!.map((panel) => [panel.title, panel.mark.type, panel.transform])).toEqual([
      ['Transient analysis', 'line', [{ filter: { field: 'analysis', equal: 'tran' } }]],
      ['AC analysis', 'line', [{ filter: { field: 'analysis', equal: 'ac' } }]],
      ['Operating point', 'bar', [{ filter: { field: 'analysis', equal: 'op' } }]],
    ]);
    expect(new Set(spec.data.values.map((row) => row.analysis))).toEqual(new Set(['tran', 'ac', 'op']));
    const svg = await render(spec);
    expect(svg).toMatch(/Transient analysis[\s\S]*AC analysis[\s\S]*Operating point/);
  });

  it('shows an operating point as one bar per node voltage', () => {
    const spec = spicePlot({ op }) as Spec;
    expect(spec.mark).toEqual({ type: 'bar' });
    expect(spec.data.values).toEqual([
      { analysis: 'op', vector: 'v(in)', y: 1 },
      { analysis: 'op', vector: 'v(out)', y: 0.5 },
    ]);
  });

  it('keeps a long transient small: thinned to about PLOT_MAX_POINTS per chart', () => {
    const time = Array.from({ length: 50_000 }, (_, i) => i * 1e-7);
    const spec = spicePlot({ tran: { time, 'v(out)': time.map((t) => Math.sin(t * 1e4)) } }) as Spec;
    expect(spec.data.values.length).toBeLessThanOrEqual(2001);
  });

  it('still gives a valid spec, with a note, when nothing can be drawn', async () => {
    const spec = spicePlot({ pz: { 'pole(1)': { re: [-1], im: [0] } } }) as Spec;
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.mark).toBe('text');
    expect(await render(spec)).toMatch(/No vectors to plot/);
  });
});
