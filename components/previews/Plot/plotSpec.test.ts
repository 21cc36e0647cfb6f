import { describe, expect, it } from 'vitest';
import { canFitWidth, fitSpec, inlineRows, isVegaLiteSpec, isVegaSpec, plotConfig, specProblem } from './plotSpec';

const VL = 'https://vega.github.io/schema/vega-lite/v5.json';
const line = { $schema: VL, width: 480, height: 280, data: { values: [{ x: 1, y: 2 }] }, mark: 'line', encoding: { x: { field: 'x' }, y: { field: 'y' } } };

describe('plot specs', () => {
  it('recognises Vega-Lite and Vega by $schema', () => {
    expect(isVegaLiteSpec(line)).toBe(true);
    expect(isVegaLiteSpec({ mark: 'line' })).toBe(false);
    expect(isVegaLiteSpec([line])).toBe(false);
    expect(isVegaSpec({ $schema: 'https://vega.github.io/schema/vega/v5.json' })).toBe(true);
    expect(isVegaSpec(line)).toBe(false);
  });

  it('fits single views to the width, keeping the rest of autosize', () => {
    expect(fitSpec(line, 612.7)).toEqual({ spec: { ...line, width: 612, autosize: { type: 'fit-x', contains: 'padding' } }, fitted: true });
    const layered = { $schema: VL, layer: [{ mark: 'line' }], autosize: { resize: true } };
    expect(fitSpec(layered, 300).spec.autosize).toEqual({ resize: true, type: 'fit-x', contains: 'padding' });
    expect(fitSpec(line, 0)).toEqual({ spec: line, fitted: false });
  });

  it('leaves facets, concatenations and Vega specs as written', () => {
    expect(canFitWidth({ $schema: VL, hconcat: [] })).toBe(false);
    expect(canFitWidth({ $schema: VL, facet: {}, spec: {} })).toBe(false);
    expect(canFitWidth({ ...line, encoding: { ...line.encoding, column: { field: 'g' } } })).toBe(false);
    expect(canFitWidth({ $schema: 'https://vega.github.io/schema/vega/v5.json', marks: [] })).toBe(false);
    expect(canFitWidth(line)).toBe(true);
  });

  it('names an unknown mark in plain words, in layers too', () => {
    expect(specProblem(line)).toBeNull();
    expect(specProblem({ ...line, mark: { type: 'bar', tooltip: true } })).toBeNull();
    expect(specProblem({ ...line, mark: 'lines' })).toMatch(/^mark "lines" is not a Vega-Lite mark; use one of arc, area, bar,/);
    expect(specProblem({ layer: [{ mark: 'line' }, { mark: { type: 'dot' } }] })).toMatch(/^layer\[1\]\.mark "dot" is not a Vega-Lite mark/);
    expect(specProblem({ hconcat: [] })).toBeNull();
  });

  it('counts inline rows', () => {
    expect(inlineRows(line)).toBe(1);
    expect(inlineRows({ data: { url: 'x.csv' } })).toBe(0);
  });

  it('themes axes, legends and series colours from the app colours', () => {
    const colors = { scheme: 'dark', text: 'rgb(228, 230, 234)', muted: 'rgb(154, 159, 169)', faint: 'x', border: 'b', borderSubtle: 'bs', accent: 'a', fontUi: 'Inter', fontMono: 'mono' } as const;
    const config = plotConfig(colors) as { background: unknown; axis: Record<string, unknown>; range: { category: string[] } };
    expect(config.background).toBeNull();
    expect(config.axis).toMatchObject({ labelColor: colors.muted, titleColor: colors.text, gridColor: 'bs', labelFont: 'Inter' });
    expect(config.range.category[0]).toBe('#8e95ec');
    expect((plotConfig({ ...colors, scheme: 'light' }) as typeof config).range.category[0]).toBe('#5058c4');
  });
});
