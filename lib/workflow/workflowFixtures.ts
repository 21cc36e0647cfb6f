// Test fixtures only: skills, workflows from a compact notation, and helpers to drive runs.
import { asSkillName, asTraceId, FakeClock } from '../core';
import type { ContextSkill, ExecutableSkill, IoSpec, Runtime } from '../skills';
import { memoryMemoStore, type MemoStore } from './memoStore';
import type { ResolvedSkill, RunNode, RunWorkflowDeps, RunWorkflowOptions, WorkflowEvent } from './runTypes';
import type { Workflow, WorkflowEdge, WorkflowNode } from './types';

export const TRACE = asTraceId('4bf92f3577b34da6a3ce929d0e0e4736');

export function execSkill(
  name: string,
  io: { inputs?: IoSpec[]; outputs?: IoSpec[]; permissions?: string[]; timeoutMs?: number; runtime?: Runtime; version?: string } = {},
): ExecutableSkill {
  return {
    kind: 'executable',
    name: asSkillName(name),
    description: `The ${name} skill.`,
    runtime: io.runtime ?? 'javascript',
    inputs: io.inputs ?? [{ name: 'x', type: 'any', required: false }],
    outputs: io.outputs ?? [{ name: 'y', type: 'any' }],
    permissions: io.permissions ?? [],
    ...(io.timeoutMs === undefined ? {} : { timeoutMs: io.timeoutMs }),
    ...(io.version === undefined ? {} : { version: io.version }),
    body: '```js\nfunction execute(inputs) { return {} }\n```\n',
    code: { language: 'js', source: 'function execute(inputs) { return {} }', line: 1 },
  };
}

export function contextSkill(name: string): ContextSkill {
  return { kind: 'context', name: asSkillName(name), description: `Guidance ${name}.`, body: 'Be careful.' };
}

/** Skills by name, each hashed by its name (enough for tests that do not change skills). */
export function skillMap(...skills: (ExecutableSkill | ContextSkill)[]): Map<string, ResolvedSkill> {
  return new Map(skills.map((skill) => [skill.name as string, { skill, hash: `hash-of-${skill.name}-${'version' in skill ? (skill.version ?? '') : ''}` }]));
}

/**
 * A workflow from nodes (`'a'` or `'a:skill'`, skill defaulting to `step`) and edges
 * (`'a->b'` meaning a.y → b.x, or `'a.out->b.in'`).
 */
export function wf(nodes: (string | Partial<WorkflowNode> & { id: string })[], edges: string[] = []): Workflow {
  return {
    version: 1,
    id: 'wf-1',
    name: 'test workflow',
    nodes: nodes.map((n, i) => {
      const spec = typeof n === 'string' ? { id: n.split(':')[0]!, skill: n.split(':')[1] ?? 'step' } : n;
      return { skill: 'step', params: {}, position: { x: i * 100, y: 0 }, ...spec };
    }),
    edges: edges.map(edge),
  };
}

export function edge(text: string): WorkflowEdge {
  const [from, to] = text.split('->') as [string, string];
  const [a, out = 'y'] = from.split('.');
  const [b, input = 'x'] = to.split('.');
  return { from: { node: a!, output: out }, to: { node: b!, input } };
}

/**
 * Lets pending promises and I/O callbacks (WebCrypto hashing runs off the main thread) go on:
 * until `until` holds (failing if it does not within `limitMs` of wall time, a bound rather than
 * a timing claim), or, without a condition, for a short while (to see that nothing happens).
 */
export async function settle(until?: () => boolean, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + (until ? limitMs : 20);
  while (Date.now() < deadline) {
    if (until?.()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (until && !until()) throw new Error('settle: condition not reached');
}

/** Deps and options for a run with a FakeClock, recording events. */
export function harness(runNode: RunNode, skills = skillMap(execSkill('step')), memo: MemoStore = memoryMemoStore()) {
  const clock = new FakeClock();
  const events: WorkflowEvent[] = [];
  const deps: RunWorkflowDeps = { runNode, skills, memo, clock, emit: (e) => events.push(e) };
  const options: RunWorkflowOptions = { runId: 'run-1', traceId: TRACE, seed: 7, concurrency: 4 };
  const statuses = (nodeId: string) => events.flatMap((e) => (e.type === 'node.status' && e.nodeId === nodeId ? [e.status] : []));
  return { clock, events, deps, options, statuses, memo };
}

/** A runNode that answers at once: `y` = its node id plus its input `x`, if any. */
export const echo: RunNode = (node, inputs) => Promise.resolve({ outputs: { y: `${String(inputs.x ?? '')}${node.id}` }, energy: { cpuMs: 1, tokensIn: 0, tokensOut: 0, bytes: 0 }, details: { worker: 1 } });

/** A runNode whose calls wait until the test resolves or rejects them by node id. */
export function manualRunNode() {
  const calls = new Map<string, { resolve: (outputs: Record<string, unknown>) => void; reject: (error: unknown) => void; signal: AbortSignal; inputs: Record<string, unknown> }>();
  const order: string[] = [];
  const waiting = new Set<string>();
  let maxActive = 0;
  const runNode: RunNode = (node, inputs, context) =>
    new Promise((resolve, reject) => {
      order.push(node.id);
      waiting.add(node.id);
      maxActive = Math.max(maxActive, waiting.size);
      const done = () => waiting.delete(node.id);
      calls.set(node.id, {
        resolve: (outputs) => {
          done();
          resolve({ outputs, energy: { cpuMs: 2, tokensIn: 0, tokensOut: 0, bytes: 0 }, details: {} });
        },
        reject: (error) => {
          done();
          reject(error);
        },
        signal: context.signal,
        inputs,
      });
    });
  return {
    runNode,
    calls,
    order,
    /** Ids of the calls not answered yet. */
    waiting,
    get active() {
      return waiting.size;
    },
    get maxActive() {
      return maxActive;
    },
  };
}
