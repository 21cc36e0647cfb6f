import type { IoSpec, IoType } from '../../skills';

/** A JSON Schema object (the draft 2020-12 subset tools use). */
export type JsonSchema = Readonly<Record<string, unknown>>;

const TABLE: JsonSchema = {
  anyOf: [
    {
      type: 'object',
      properties: { columns: { type: 'array', items: { type: 'string' } }, rows: { type: 'array', items: { type: 'array' } } },
      required: ['columns', 'rows'],
    },
    { type: 'array', items: { type: 'object' } },
  ],
};

const TENSOR: JsonSchema = {
  type: 'object',
  properties: { shape: { type: 'array', items: { type: 'integer' } }, dtype: { type: 'string' }, data: { type: 'array' } },
  required: ['shape', 'data'],
};

/** What each I/O type allows; `json`, `any` and `image` take any JSON value. */
const BY_TYPE: Readonly<Record<IoType, JsonSchema>> = {
  number: { type: 'number' },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  json: {},
  any: {},
  image: {},
  table: TABLE,
  tensor: TENSOR,
  plot: { type: 'object' },
  scene3d: { type: 'object' },
  circuit: { type: 'string' },
};

/** Hints for the model where the JSON type alone does not say what is expected. */
const HINT: Partial<Record<IoType, string>> = {
  table: 'A table { columns: string[], rows: any[][] } or a list of objects with the same keys.',
  tensor: 'A tensor { shape: integer[], dtype, data: number[] }.',
  plot: 'A Vega-Lite spec.',
  scene3d: 'A declarative 3D scene.',
  circuit: 'A SPICE netlist.',
};

/**
 * The JSON Schema of one skill input: its type's schema, its description (with a hint for
 * structured types) and its default.
 * @example ioSchema({ name: 'n', type: 'number', default: 3 }) // { type: 'number', default: 3 }
 */
export function ioSchema(spec: IoSpec): JsonSchema {
  const description = [spec.description?.trim(), HINT[spec.type]].filter(Boolean).join(' ');
  return {
    ...BY_TYPE[spec.type],
    ...(description ? { description } : {}),
    ...(spec.default !== undefined ? { default: spec.default } : {}),
  };
}
