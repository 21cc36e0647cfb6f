/**
 * Problems found while parsing a workflow file, as `{ path, message }` (path like
 * `$.nodes[3].id`), whether they come from zod or from the graph rules zod cannot see.
 */
import type * as z from 'zod';

export interface ParseIssue {
  readonly path: string;
  readonly message: string;
}

/** A zod path as `$.nodes[3].params.rows`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), '$');
}

/** zod issues as parse issues; unknown keys each get their own line naming the fields that exist. */
export function zodIssues(issues: readonly z.core.$ZodIssue[]): ParseIssue[] {
  const out: ParseIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatPath([...issue.path, key]), message: `"${key}" is not a field here: ${fieldsOf(issue.path)}` });
      continue;
    }
    const input = 'input' in issue ? issue.input : undefined;
    if (issue.code === 'invalid_type' && input === undefined) {
      out.push({ path: formatPath(issue.path), message: 'is missing' });
      continue;
    }
    out.push({ path: formatPath(issue.path), message: issue.code === 'invalid_type' ? `must be ${article(issue.expected)}, not ${kindOf(input)}` : issue.message });
  }
  return out;
}

/** Duplicate node ids and edges whose ends are not nodes, read defensively from unchecked data. */
export function structureIssues(value: unknown): ParseIssue[] {
  if (!isRecord(value) || !Array.isArray(value.nodes)) return [];
  const out: ParseIssue[] = [];
  const firstAt = new Map<string, number>();
  value.nodes.forEach((node, i) => {
    if (!isRecord(node) || typeof node.id !== 'string') return;
    const first = firstAt.get(node.id);
    if (first === undefined) firstAt.set(node.id, i);
    else out.push({ path: `$.nodes[${i}].id`, message: `"${node.id}" is already the id of $.nodes[${first}]; node ids must be unique` });
  });
  if (!Array.isArray(value.edges)) return out;
  value.edges.forEach((edge, i) => {
    if (!isRecord(edge)) return;
    for (const end of ['from', 'to'] as const) {
      const at = edge[end];
      if (!isRecord(at) || typeof at.node !== 'string' || firstAt.has(at.node)) continue;
      out.push({ path: `$.edges[${i}].${end}.node`, message: `there is no node "${at.node}"` });
    }
  });
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldsOf(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (path.length === 0) return 'a workflow has version, id, name, description, nodes and edges';
  if (path[0] === 'nodes' && path.length === 2) return 'a node has id, skill, params, position, label, timeoutMs and retry';
  if (last === 'from') return 'an edge starts at { node, output }';
  if (last === 'to') return 'an edge ends at { node, input }';
  if (path[0] === 'edges' && path.length === 2) return 'an edge has from and to';
  if (last === 'position') return 'a position has x and y';
  if (last === 'retry') return 'retry has count and backoffMs';
  return 'remove it';
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'an object';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
