import type { JsonSchema } from './ioSchema';

/**
 * Checks a JSON value against the schema subset tools use (`type`, `properties`, `required`,
 * `additionalProperties: false`, `items`, `anyOf`, `enum`) and returns the first problem, as
 * a sentence naming the path (`$.table.rows`), or null when the value conforms.
 */
export function checkSchema(value: unknown, schema: JsonSchema, path = '$'): string | null {
  if (Array.isArray(schema.anyOf)) {
    const problems = (schema.anyOf as JsonSchema[]).map((s) => checkSchema(value, s, path));
    if (!problems.includes(null)) return problems.join('; or ');
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return `${path} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${preview(value)}.`;
  }
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : null;
  if (types && !types.some((t) => isType(value, t))) return `${path} must be ${types.map(article).join(' or ')}, not ${describe(value)} (${preview(value)}).`;
  if (Array.isArray(value) && typeof schema.items === 'object' && schema.items !== null) {
    for (let i = 0; i < value.length; i++) {
      const problem = checkSchema(value[i], schema.items as JsonSchema, `${path}[${i}]`);
      if (problem) return problem;
    }
  }
  if (isType(value, 'object')) return checkObject(value as Record<string, unknown>, schema, path);
  return null;
}

function checkObject(value: Record<string, unknown>, schema: JsonSchema, path: string): string | null {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of (schema.required ?? []) as string[]) {
    if (value[name] === undefined) return `${path}.${name} is required but missing.`;
  }
  for (const [name, item] of Object.entries(value)) {
    const sub = properties[name];
    if (!sub) {
      if (schema.additionalProperties === false) return `${path}.${name} is not a known argument; known: ${Object.keys(properties).join(', ') || '(none)'}.`;
      continue;
    }
    const problem = checkSchema(item, sub, `${path}.${name}`);
    if (problem) return problem;
  }
  return null;
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'string':
    case 'boolean':
      return typeof value === type;
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
