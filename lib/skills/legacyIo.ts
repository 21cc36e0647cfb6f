import { IO_TYPES, type IoType } from './types';

/** Older type names and the Weft I/O type each becomes. */
const TYPE_ALIASES: Readonly<Record<string, IoType>> = {
  int: 'number', integer: 'number', float: 'number', double: 'number', real: 'number',
  str: 'string', text: 'string',
  bool: 'boolean',
  object: 'json', dict: 'json', array: 'json', list: 'json', map: 'json',
  dataframe: 'table', csv: 'table',
  ndarray: 'tensor', matrix: 'tensor', vector: 'tensor',
  chart: 'plot', vega: 'plot', 'vega-lite': 'plot',
  scene: 'scene3d', mesh: 'scene3d', gltf: 'scene3d',
  netlist: 'circuit',
};

const IO_KEYS = ['name', 'type', 'description', 'default', 'required'];

/**
 * Inputs or outputs of an older skill (a list of specs, or a mapping of name to spec or to a
 * type name) as Weft I/O specs, with notes on every change. Anything unreadable is passed
 * through unchanged for the parser to report.
 */
export function convertLegacyIo(value: unknown, list: 'inputs' | 'outputs', notes: string[]): unknown {
  if (value === undefined || value === null) return undefined;
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'object') {
    items = Object.entries(value).map(([name, spec]) => (typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? { name, ...spec } : { name, type: spec }));
  } else return value;
  return items.map((item, i) => {
    if (typeof item === 'string') return { name: item, type: 'any' };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const spec: Record<string, unknown> = { ...item };
    const label = `${list}.${i}${typeof spec.name === 'string' ? ` (${spec.name})` : ''}`;
    if (spec.type === undefined || spec.type === null) {
      spec.type = 'any';
      notes.push(`${label} had no type; it is now "any".`);
    } else if (typeof spec.type === 'string' && !(IO_TYPES as readonly string[]).includes(spec.type)) {
      const alias = TYPE_ALIASES[spec.type.toLowerCase()] ?? ((IO_TYPES as readonly string[]).includes(spec.type.toLowerCase()) ? (spec.type.toLowerCase() as IoType) : 'any');
      notes.push(`${label} had type "${spec.type}"; it is now "${alias}".`);
      spec.type = alias;
    }
    if (list === 'outputs' && 'required' in spec) delete spec.required;
    const dropped = Object.keys(spec).filter((k) => !IO_KEYS.includes(k));
    if (dropped.length > 0) {
      const details = dropped.map((k) => `${k}: ${JSON.stringify(spec[k])}`).join(', ');
      notes.push(`${label}: ${dropped.join(', ')} ${dropped.length > 1 ? 'are' : 'is'} not part of a Weft ${list === 'inputs' ? 'input' : 'output'}, so ${dropped.length > 1 ? 'they were' : 'it was'} moved into its description.`);
      spec.description = [typeof spec.description === 'string' ? spec.description : '', `(${details})`].filter(Boolean).join(' ');
      for (const k of dropped) delete spec[k];
    }
    return spec;
  });
}
