/**
 * Which preview shows an output: its declared I/O type when the value fits it, else what the
 * value looks like (a Vega-Lite spec, a scene, a table, a tensor, image bytes…), else JSON.
 */
import { toCircuitView } from '../Circuit/circuitPlots';
import { isImageValue } from '../Image/imageSource';
import { isVegaLiteSpec } from '../Plot/plotSpec';
import { isTypedArray } from '../shared/formatValue';
import { toTable } from '../Table/tableData';
import { isTensorDescriptor, toTensor } from './tensorData';

export type PreviewKind = 'empty' | 'number' | 'string' | 'boolean' | 'json' | 'table' | 'tensor' | 'image' | 'plot' | 'scene3d' | 'circuit';

/** Kinds with a rich view, which can also be looked at as JSON. */
export const RICH_KINDS: ReadonlySet<PreviewKind> = new Set(['table', 'tensor', 'plot', 'scene3d', 'circuit']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isTypedArray(v);
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * @example previewKind({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', mark: 'bar' }) === 'plot'
 * @example previewKind([[1, 2], [3, 4]], 'tensor') === 'tensor'
 */
export function previewKind(value: unknown, declared?: string): PreviewKind {
  if (value === null || value === undefined) return 'empty';
  const fits = declared ? declaredKind(value, declared) : null;
  return fits ?? sniff(value);
}

function declaredKind(value: unknown, declared: string): PreviewKind | null {
  switch (declared) {
    case 'number':
      return typeof value === 'number' || typeof value === 'bigint' ? 'number' : null;
    case 'string':
      return typeof value === 'string' ? 'string' : null;
    case 'boolean':
      return typeof value === 'boolean' ? 'boolean' : null;
    case 'table':
      return toTable(value) ? 'table' : null;
    case 'tensor':
      return toTensor(value) ? 'tensor' : null;
    case 'image':
      return isImageValue(value) ? 'image' : null;
    // A declared plot or scene that does not check out is still shown by its preview, which says what is wrong.
    case 'plot':
      return isRecord(value) ? 'plot' : null;
    case 'scene3d':
      return isRecord(value) ? 'scene3d' : null;
    case 'circuit':
      return toCircuitView(value) ? 'circuit' : null;
    default:
      return null;
  }
}

const SWEEP = /^(time|frequency|[vi]-sweep|temp-sweep)$/i;

/** Spice vectors (the spice runtime's `vectors` output, declared `json`): analyses holding a sweep such as `time` or `frequency`. */
function looksLikeSpiceVectors(value: Record<string, unknown>): boolean {
  const analyses = Object.values(value);
  const hasSweep = (analysis: unknown) => isRecord(analysis) && Object.keys(analysis).some((k) => SWEEP.test(k));
  return analyses.length > 0 && (analyses.every(isRecord) ? analyses.some(hasSweep) : hasSweep(value));
}

function sniff(value: unknown): PreviewKind {
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string':
      return /^data:image\//i.test(value) ? 'image' : 'string';
  }
  if (isTypedArray(value) || value instanceof ArrayBuffer) return isImageValue(value) ? 'image' : isTypedArray(value) ? 'tensor' : 'json';
  if (isVegaLiteSpec(value)) return 'plot';
  if (isRecord(value)) {
    if (value.type === 'scene3d') return 'scene3d';
    if (looksLikeSpiceVectors(value) && toCircuitView(value)) return 'circuit';
    if (isTensorDescriptor(value)) return 'tensor';
    if (Array.isArray(value.columns) && Array.isArray(value.rows) && toTable(value)) return 'table';
    if (typeof value.mime === 'string' && /^image\//i.test(value.mime) && isImageValue(value)) return 'image';
  }
  // A list of flat records reads best as a table.
  if (Array.isArray(value) && value.length > 0 && value.every((row) => isRecord(row) && Object.values(row).every(isPrimitive))) return 'table';
  return 'json';
}
