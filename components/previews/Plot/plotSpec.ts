/**
 * Vega-Lite specs as the plot preview draws them: recognised, fitted to the width of their box
 * when they are a single view, and themed from the app's colours (both light and dark).
 */

export type Spec = Record<string, unknown>;

const isRecord = (v: unknown): v is Spec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A Vega-Lite spec by its `$schema` (the marker the `plot` output type promises). */
export function isVegaLiteSpec(value: unknown): value is Spec {
  return isRecord(value) && typeof value.$schema === 'string' && /vega-lite/i.test(value.$schema);
}

/** A Vega (not Vega-Lite) spec by its `$schema`. */
export function isVegaSpec(value: unknown): boolean {
  return isRecord(value) && typeof value.$schema === 'string' && /\/vega\/v\d/i.test(value.$schema);
}

const COMPOSITE = ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'];

/** A single view (one mark, or layers of marks, no facets or concatenation) can be fitted to a width. */
export function canFitWidth(spec: Spec): boolean {
  if (isVegaSpec(spec)) return false;
  if (COMPOSITE.some((k) => k in spec)) return false;
  const encoding = isRecord(spec.encoding) ? spec.encoding : {};
  if ('row' in encoding || 'column' in encoding || 'facet' in encoding) return false;
  return 'mark' in spec || Array.isArray(spec.layer);
}

const MARKS = ['arc', 'area', 'bar', 'boxplot', 'circle', 'errorband', 'errorbar', 'geoshape', 'image', 'line', 'point', 'rect', 'rule', 'square', 'text', 'tick', 'trail'];

/**
 * A plain-words problem with a Vega-Lite spec that Vega-Lite itself reports cryptically (an
 * unknown mark fails deep inside the compiler), or null.
 * @example specProblem({ mark: 'lines' }) === 'mark "lines" is not a Vega-Lite mark; use one of arc, area, bar, …'
 */
export function specProblem(spec: Spec, path = 'mark'): string | null {
  const mark = isRecord(spec.mark) ? spec.mark.type : spec.mark;
  if (mark !== undefined && (typeof mark !== 'string' || !MARKS.includes(mark))) {
    return `${path} ${JSON.stringify(mark)} is not a Vega-Lite mark; use one of ${MARKS.join(', ')}.`;
  }
  if (Array.isArray(spec.layer)) {
    for (const [i, layer] of spec.layer.entries()) {
      const problem = isRecord(layer) ? specProblem(layer, `layer[${i}].mark`) : `layer[${i}] is not an object.`;
      if (problem) return problem;
    }
  }
  return null;
}

/** How many inline data rows the spec carries (to pick SVG for small plots, canvas for large). */
export function inlineRows(spec: Spec): number {
  const data = isRecord(spec.data) ? spec.data : null;
  return Array.isArray(data?.values) ? data.values.length : 0;
}

/**
 * The spec to draw at `width` pixels: single views fill the width (axes and legend included);
 * others are drawn as written and scroll sideways when wider.
 */
export function fitSpec(spec: Spec, width: number): { spec: Spec; fitted: boolean } {
  if (!canFitWidth(spec) || !(width > 0)) return { spec, fitted: false };
  const autosize = isRecord(spec.autosize) ? spec.autosize : {};
  return { spec: { ...spec, width: Math.floor(width), autosize: { ...autosize, type: 'fit-x', contains: 'padding' } }, fitted: true };
}

export interface PlotColors {
  readonly scheme: 'light' | 'dark';
  readonly text: string;
  readonly muted: string;
  readonly faint: string;
  readonly border: string;
  readonly borderSubtle: string;
  readonly accent: string;
  readonly fontUi: string;
  readonly fontMono: string;
}

/** Series colours: the accent first, then distinct hues that stay legible on either background. */
const PALETTE = {
  light: ['#5058c4', '#e07b39', '#2a9d8f', '#d64f5b', '#8e5bc8', '#3a8fd6', '#b8901c', '#d06ba3', '#5f8f3e', '#7a7f88'],
  dark: ['#8e95ec', '#f0a05e', '#4fc4b4', '#f07a84', '#b594ee', '#6aa8ec', '#e2c050', '#ee93c4', '#8cc46a', '#a0a5ae'],
};

/** A Vega config in the app's colours and fonts, on a transparent background. */
export function plotConfig(c: PlotColors): Spec {
  const label = { labelColor: c.muted, labelFont: c.fontUi, labelFontSize: 11, titleColor: c.text, titleFont: c.fontUi, titleFontSize: 11, titleFontWeight: 600 };
  const palette = PALETTE[c.scheme];
  return {
    background: null,
    font: c.fontUi,
    padding: 4,
    view: { stroke: null },
    axis: { ...label, domainColor: c.border, tickColor: c.border, gridColor: c.borderSubtle, labelPadding: 4, titlePadding: 8, labelOverlap: true, labelSeparation: 6 },
    legend: { ...label, symbolStrokeWidth: 2, padding: 2 },
    header: { ...label },
    title: { color: c.text, font: c.fontUi, fontSize: 13, fontWeight: 600, anchor: 'start', offset: 8, subtitleColor: c.muted, subtitleFont: c.fontUi },
    range: { category: palette },
    mark: { color: palette[0] },
    line: { strokeWidth: 2 },
    point: { filled: true, size: 28 },
    rule: { color: c.faint },
    text: { color: c.text, font: c.fontUi },
  };
}
