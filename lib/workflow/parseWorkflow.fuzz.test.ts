import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectResult } from '../core/fuzzing';
import { WorkflowErrorCode } from './errorCodes';
import { WORKFLOW_LIMITS } from './limits';
import { parseWorkflow } from './parseWorkflow';
import { serializeWorkflow } from './serializeWorkflow';
import type { Workflow } from './types';
import { NODE_ID, PORT_NAME } from './workflowSchema';

const RUNS = { numRuns: 10_000 };
/** Past this a property counts as hung (it takes a few seconds). */
const HANG_MS = 60_000;
const CODES = [WorkflowErrorCode.parse, WorkflowErrorCode.tooLarge];

/** Parses; a failure is coded and lists its issues, a success is a well-formed graph that writes back to the same text. */
function check(input: unknown): void {
  let workflow: Workflow | null;
  try {
    workflow = expectResult(() => parseWorkflow(input), CODES);
  } catch (e) {
    // The counterexample of a 20,000-node input is unreadable: say what it was.
    throw new Error(`${e instanceof Error ? e.message : String(e)} (input: ${describeInput(input)})`, { cause: e });
  }
  if (workflow !== null) checkAccepted(workflow);
}

function checkAccepted(w: Workflow): void {
  const fail = (why: string) => {
    throw new Error(`accepted a workflow where ${why}`);
  };
  if (w.version !== 1) fail(`version is ${String(w.version)}`);
  const ids = new Set<string>();
  for (const n of w.nodes) {
    if (!NODE_ID.test(n.id) || n.id === '__proto__') fail(`the node id ${JSON.stringify(n.id)} is not usable`);
    if (ids.has(n.id)) fail(`the node id ${n.id} is used twice`);
    ids.add(n.id);
    if (!Number.isFinite(n.position.x) || !Number.isFinite(n.position.y)) fail(`node ${n.id} is at ${n.position.x}, ${n.position.y}`);
  }
  for (const e of w.edges) {
    if (!ids.has(e.from.node) || !ids.has(e.to.node)) fail(`an edge ${e.from.node} → ${e.to.node} ends outside the nodes`);
    if (!PORT_NAME.test(e.from.output) || !PORT_NAME.test(e.to.input)) fail(`an edge uses the ports ${e.from.output} → ${e.to.input}`);
  }
  if (w.nodes.length > 50) return; // the round trip below is for small workflows: it costs a parse more
  const text = serializeWorkflow(w);
  const again = parseWorkflow(text);
  if (!again.ok) fail(`its own text does not parse: ${again.error.message}`);
  else if (serializeWorkflow(again.value) !== text) fail('its text changes when written, read and written again');
}

function describeInput(input: unknown): string {
  if (typeof input === 'string') return `text of ${input.length} characters`;
  if (typeof input !== 'object' || input === null) return String(input);
  const v = input as { nodes?: unknown; edges?: unknown };
  return `an object with ${Array.isArray(v.nodes) ? v.nodes.length : 'no'} nodes and ${Array.isArray(v.edges) ? v.edges.length : 'no'} edges`;
}

// ---- Arbitrary values -------------------------------------------------------------------------

const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('version', 'id', 'name', 'description', 'nodes', 'edges', '__proto__', 'constructor', 'x'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 7 }),
);
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  jsonish.map((v) => JSON.stringify(v)),
  fc.array(fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '"version"', '1', '"nodes"', '"edges"', 'null', 'true', '1e999', '-0', '"\\u0000"', '\\', ' ', '\n', '\uFEFF', '"__proto__"'), { maxLength: 30 }).map((p) => p.join('')),
);

// ---- Near-valid workflows --------------------------------------------------------------------------

/** Mostly good values, sometimes a bad one: near-valid inputs, a good share of which parse. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 49, arbitrary: good }, { weight: 1, arbitrary: bad });

const nodeId = mostly(
  fc.oneof(fc.constantFrom('a', 'b', 'c', 'load-data', 'n_1', 'A'.repeat(64)), fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/)),
  fc.oneof(fc.constantFrom('', 'has space', '__proto__', 'constructor', 'toString', 'é', 'a\u0000', '../x', 'A'.repeat(65), 'a'.repeat(10_000)), fc.string({ maxLength: 6 })),
);
const port = mostly(fc.constantFrom('x', 'y', 'rows', '_', 'constructor', '__proto__'), fc.constantFrom('1rows', 'a-b', '', 'é', 'x y'));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const node = fc.record(
  {
    id: nodeId,
    skill: mostly(fc.constantFrom('step', 'csv-stats', 'a'.repeat(64)), fc.constantFrom('CSV Load', 'a--b', '', 'x'.repeat(65), '-a')),
    params: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
    position: fc.record({ x: finite, y: finite }),
    label: mostly(fc.string({ maxLength: 10 }), fc.constant('x'.repeat(201))),
    timeoutMs: mostly(fc.integer({ min: 1, max: 86_400_000 }), fc.oneof(fc.constantFrom(0, -1, 86_400_001), fc.double())),
    retry: mostly(
      fc.record({ count: fc.integer({ min: 0, max: 10 }), backoffMs: fc.integer({ min: 0, max: 3_600_000 }) }),
      fc.record({ count: fc.constantFrom(-1, 11, 0.5), backoffMs: fc.constantFrom(-1, 3_600_001) }, { requiredKeys: [] }),
    ),
  },
  { requiredKeys: ['id', 'skill', 'params', 'position'] },
);
/** Edges mostly between the nodes' own ids, so cycles, self-loops and parallel edges come up often. */
const workflow = fc.uniqueArray(node, { maxLength: 8, selector: (n) => n.id }).chain((nodes) => {
  const end = nodes.length > 0 ? mostly(fc.constantFrom(...nodes.map((n) => n.id)), nodeId) : nodeId;
  const edge = fc.record({ from: fc.record({ node: end, output: port }), to: fc.record({ node: end, input: port }) });
  return fc.record(
    {
      version: mostly(fc.constant(1), fc.constantFrom(2, '1', 1.0000001, null)),
      id: mostly(fc.constant('wf'), fc.constantFrom('', 'x'.repeat(201))),
      name: mostly(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('', 'x'.repeat(201))),
      description: fc.string({ maxLength: 20 }),
      nodes: fc.constant(nodes),
      edges: fc.array(edge, { maxLength: 10 }),
    },
    { requiredKeys: ['version', 'id', 'name', 'nodes', 'edges'] },
  );
});

type Mutable = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: unknown[] };

const TOP = ['version', 'id', 'name', 'description', 'nodes', 'edges'];
const NODE = ['id', 'skill', 'params', 'position', 'label', 'timeoutMs', 'retry'];
// Built once and shared (parseWorkflow never changes its input): large inputs cost no generation time.
const BIG_NODES = Array.from({ length: WORKFLOW_LIMITS.maxNodes }, (_, i) => ({ id: `n${i}`, skill: 'step', params: { k: i }, position: { x: i, y: 0 } }));
const BIG_EDGES = Array.from({ length: WORKFLOW_LIMITS.maxNodes - 1 }, (_, i) => ({ from: { node: `n${i}`, output: 'y' }, to: { node: `n${i + 1}`, input: 'x' } }));
const OVER_NODES: unknown[] = new Array<null>(WORKFLOW_LIMITS.maxNodes + 1).fill(null);
const OVER_EDGES = new Array<null>(WORKFLOW_LIMITS.maxEdges + 1).fill(null);

const mutation = fc.oneof(
  { weight: 160, arbitrary: fc.record({ kind: fc.constant('dropTop' as const), key: fc.constantFrom(...TOP) }) },
  { weight: 160, arbitrary: fc.record({ kind: fc.constant('setTop' as const), key: fc.oneof(fc.constantFrom(...TOP), fc.string({ maxLength: 5 })), value: fc.jsonValue({ maxDepth: 2 }) }) },
  { weight: 160, arbitrary: fc.record({ kind: fc.constant('dropNode' as const), at: fc.nat(), key: fc.constantFrom(...NODE) }) },
  { weight: 160, arbitrary: fc.record({ kind: fc.constant('setNode' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...NODE), fc.string({ maxLength: 5 })), value: fc.jsonValue({ maxDepth: 2 }) }) },
  { weight: 80, arbitrary: fc.record({ kind: fc.constant('duplicateNode' as const), at: fc.nat() }) },
  { weight: 80, arbitrary: fc.record({ kind: fc.constant('deepParams' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 3000 }), list: fc.boolean() }) },
  { weight: 40, arbitrary: fc.record({ kind: fc.constant('cyclicParams' as const), at: fc.nat() }) },
  { weight: 40, arbitrary: fc.record({ kind: fc.constant('over' as const), edges: fc.boolean() }) },
  // Rarely large (1,000 to 20,000 nodes, within the limits): each costs tens of milliseconds.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('big' as const), nodes: fc.constantFrom(1_000, 5_000, WORKFLOW_LIMITS.maxNodes) }) },
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(w: Mutable, m: Mutation): void {
  // Copy on write: the arrays and nodes may be shared with fast-check's values or the big arrays above.
  const ownNodes = (): Record<string, unknown>[] | undefined => (Array.isArray(w.nodes) && w.nodes !== OVER_NODES ? (w.nodes = [...w.nodes]) : undefined);
  const nodeAt = (at: number) => {
    const nodes = ownNodes();
    if (!nodes || nodes.length === 0) return undefined;
    const n = nodes[at % nodes.length];
    if (typeof n !== 'object' || n === null || Array.isArray(n)) return undefined;
    return (nodes[at % nodes.length] = { ...n });
  };
  switch (m.kind) {
    case 'dropTop':
      delete w[m.key];
      return;
    case 'setTop':
      w[m.key] = m.value;
      return;
    case 'dropNode': {
      const n = nodeAt(m.at);
      if (n) delete n[m.key];
      return;
    }
    case 'setNode': {
      const n = nodeAt(m.at);
      if (n) n[m.key] = m.value;
      return;
    }
    case 'duplicateNode': {
      const n = nodeAt(m.at);
      if (n) w.nodes.push({ ...n }); // nodeAt made w.nodes this case's own
      return;
    }
    case 'deepParams': {
      const n = nodeAt(m.at);
      let v: unknown = 1;
      for (let i = 0; i < m.depth; i++) v = m.list ? [v] : { k: v };
      if (n) n.params = { deep: v };
      return;
    }
    case 'cyclicParams': {
      const n = nodeAt(m.at);
      const params: Record<string, unknown> = { a: 1 };
      params.self = params;
      if (n) n.params = params;
      return;
    }
    case 'over':
      if (m.edges) w.edges = OVER_EDGES;
      else w.nodes = OVER_NODES as never;
      return;
    case 'big':
      w.nodes = BIG_NODES.slice(0, m.nodes);
      w.edges = BIG_EDGES.slice(0, m.nodes - 1);
      return;
  }
}

/** A copy deep enough that mutations never touch the generated value (fast-check may reuse it). */
function copy(w: Record<string, unknown>): Mutable {
  const nodes = Array.isArray(w.nodes) ? (w.nodes as Record<string, unknown>[]).map((n) => ({ ...n })) : [];
  return { ...w, nodes, edges: Array.isArray(w.edges) ? [...(w.edges as unknown[])] : [] };
}

describe('parseWorkflow (fuzz)', () => {
  it('for arbitrary JSON values, JSON-like text and random text', () => {
    // Examples: a bug this found (params nested 1,500 deep overflowed zod's stack: RangeError).
    const deep = (n: number) => `{"version":1,"id":"wf","name":"w","nodes":[{"id":"a","skill":"s","params":{"v":${'{"k":'.repeat(n)}1${'}'.repeat(n)}},"position":{"x":0,"y":0}}],"edges":[]}`;
    const examples: [unknown][] = [[deep(1500)], [deep(96)]];
    fc.assert(fc.property(fc.oneof(jsonish, texts), check), { ...RUNS, examples });
  }, HANG_MS);

  it('for near-valid workflows: missing fields, wrong types, unknown fields, weird ids, cycles, deep or cyclic params, huge arrays', () => {
    fc.assert(
      fc.property(workflow, fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 3 })), fc.boolean(), (generated, mutations, asText) => {
        const w = copy(generated);
        for (const m of mutations) mutate(w, m);
        const cyclic = mutations.some((m) => m.kind === 'cyclicParams');
        check(asText && !cyclic && !(Array.isArray(w.nodes) && w.nodes.length > 50) ? JSON.stringify(w) : w);
      }),
      RUNS,
    );
  }, HANG_MS);
});
