/**
 * The workflow syscalls: check, simulate and run a workflow. A run is a process (kind `run`) that
 * can be suspended between nodes, resumed and killed; each node runs as an enzyme (a child
 * process); at the end the trace is verified and committed to the user volume.
 */
import { type Clock, hashJson, newTraceId, type Pid, unwrap, WeftError } from '../core';
import { type ExecutableSkill, parseSkill } from '../skills';
import { sumEnergy, verifyTrace } from '../spans';
import { parseVolumeId, type Workspace } from '../volumes';
import {
  checkWorkflow,
  expandCompound,
  historyFromSpans,
  MAX_COMPOUND_DEPTH,
  parseCompound,
  type MemoStore,
  parseWorkflow,
  type ResolvedSkill,
  type RunNode,
  runRefusal,
  runWorkflow,
  simulateWorkflow,
  type Workflow,
  type WorkflowRun,
} from '../workflow';
import type { Handlers } from './dispatcher';
import { type EnzymeDeps, markedUntrusted, runEnzyme } from './enzymes';
import type { SkillSource } from './permissionGate';
import type { EnzymeRun, WorkflowRunSummary } from './protocol';
import type { SpanLog } from './spanLog';
import type { AgentHost } from './agentHost';
import { endAgentRun, runAgentNode } from './agentNodes';

type WorkflowOp = 'workflow.check' | 'workflow.simulate' | 'workflow.run' | 'workflow.cancelNode';

export interface WorkflowDeps {
  readonly enzymes: EnzymeDeps;
  readonly clock: Clock;
  readonly spans: SpanLog;
  readonly workspace: () => Workspace;
  readonly memo: MemoStore;
  readonly log: (level: 'info' | 'warn' | 'error', message: string, pid?: Pid) => void;
  readonly agents: AgentHost;
  /** Called after each committed run (evolution mines then). */
  readonly afterRun?: () => void;
}

const KERNEL_PID = 0 as Pid;
/** Runs repeat by default (and so hit the memo cache): every node's seed derives from this unless the caller gives another. */
const DEFAULT_SEED = 0;

export function workflowHandlers(deps: WorkflowDeps, runs = new Map<string, WorkflowRun>()): Pick<Handlers, WorkflowOp> {
  return {
    'workflow.check': async (c) => {
      const workflow = unwrap(parseWorkflow(c.workflow));
      const skills = await resolveSkills(deps.workspace(), workflow);
      return checkWorkflow(workflow, (name) => skills.get(name)?.skill ?? null);
    },
    'workflow.simulate': async (c) => {
      const workflow = unwrap(parseWorkflow(c.workflow));
      const skills = await resolveSkills(deps.workspace(), workflow);
      const history = historyFromSpans(await deps.spans.recent(5000, 'node'));
      return simulateWorkflow(workflow, { skills, history, memo: deps.memo, seed: c.seed ?? DEFAULT_SEED });
    },
    'workflow.cancelNode': (c) => ({ cancelled: runs.get(c.runId)?.cancelNode(c.nodeId) ?? false }),
    'workflow.run': async (c) => {
      const workflow = unwrap(parseWorkflow(c.workflow));
      // The resolved skills are for replay's comparison; the caller gets the summary only.
      const { nodeSkills: _skills, ...summary } = await executeWorkflow(deps, runs, workflow, {
        seed: c.seed ?? DEFAULT_SEED,
        ...(c.tag ? { tag: c.tag } : {}),
        ...(c.concurrency ? { concurrency: c.concurrency } : {}),
        ...(c.only ? { only: new Set(c.only) } : {}),
        ...(c.force ? { force: new Set(c.force) } : {}),
      });
      return summary;
    },
  };
}

export interface ExecuteOptions {
  readonly seed: number;
  readonly tag?: string;
  readonly concurrency?: number;
  readonly only?: ReadonlySet<string>;
  readonly force?: ReadonlySet<string>;
  /** Skills to use instead of the current ones (replay with recorded versions). */
  readonly skills?: ReadonlyMap<string, ResolvedSkill>;
  /** The commit message's verb ("Run", "Replay"). */
  readonly verb?: string;
}

/**
 * Runs a workflow as a process (kind `run`): each node an enzyme, an agent process, or a nested
 * compound run; the trace verified and committed. Used by `workflow.run` and `trace.replay`.
 * A workflow that `workflow.check` finds errors in is refused before anything starts (see `runRefusal`).
 */
export async function executeWorkflow(deps: WorkflowDeps, runs: Map<string, WorkflowRun>, workflow: Workflow, o: ExecuteOptions): Promise<WorkflowRunSummary & { readonly nodeSkills: ReadonlyMap<string, ResolvedSkill> }> {
  const ws = deps.workspace();
  const skills = new Map(await resolveSkills(ws, workflow));
  for (const [name, resolved] of o.skills ?? []) skills.set(name, resolved);
  // Whatever workflow.check finds refuses the run here: no process, no node started, no trace committed.
  const refusal = runRefusal(workflow, (name) => skills.get(name)?.skill ?? null, o.only ? { only: o.only } : {});
  if (refusal) throw refusal;
  const { table, runners } = deps.enzymes;
  const proc = table.spawn({ name: workflow.name, kind: 'run', command: `${o.verb === 'Replay' ? 'replay' : 'run'} ${workflow.name} (${workflow.nodes.length} nodes)`, state: 'RUNNING', parent: KERNEL_PID });
  const pid = proc.pid;
  const runId = o.tag ?? `run-${pid}-${deps.clock.now().toString(36)}`;
  const traceId = newTraceId();
  // Agent nodes are agent processes, children of the run; a reviewer reaches its reviser by node id.
  const agentPids = new Map<string, Pid>();
  const revisable = new Set(workflow.nodes.map((n) => n.params.reviser).filter((r): r is string => typeof r === 'string' && r !== ''));
  const runNode = nodeRunner(deps, { workflowName: workflow.name, pid, agentPids, revisable, depth: 0, skills });
  const run = runWorkflow(
    workflow,
    { skills, memo: deps.memo, clock: deps.clock, emit: (event) => deps.enzymes.emit(event), runNode },
    { runId, traceId, seed: o.seed, pid, ...(o.concurrency ? { concurrency: o.concurrency } : {}), ...(o.only ? { only: o.only } : {}), ...(o.force ? { force: o.force } : {}) },
  );
  runs.set(runId, run);
  runners.set(pid, {
    suspend: () => run.suspend(),
    resume: () => {
      run.resume();
      return 'RUNNING';
    },
    kill: () => run.cancel('killed by the user'),
  });
  const result = await run.done;
  endAgentRun(deps.agents, agentPids);
  runs.delete(runId);
  runners.delete(pid);
  table.charge(pid, result.energy);
  if (table.get(pid).state !== 'TERMINATED') {
    table.setState(pid, 'TERMINATED', { status: result.status === 'ok' ? 'ok' : 'error', reason: `${workflow.name}: ${result.status}` });
  }
  const summary: Omit<WorkflowRunSummary, 'trace' | 'traceError'> = {
    runId,
    pid,
    status: result.status,
    error: result.error,
    nodes: result.nodes,
    traceId: result.trace.traceId,
    energy: sumEnergy([result.energy]),
    durationMs: result.durationMs,
    seed: o.seed,
  };
  try {
    const report = await verifyTrace(result.trace);
    if (!report.ok) throw new WeftError('TRACE_INVALID', `The run's trace did not verify (${report.problems.length} problems), so it was not committed.`, { problems: report.problems.slice(0, 20) });
    const message = `${o.verb ?? 'Run'} ${workflow.name}: ${result.status}, ${result.trace.spans.length} spans`;
    const written = await ws.appendTrace(result.trace, message);
    deps.afterRun?.();
    return { ...summary, trace: { path: written.path, commit: written.commit, spans: result.trace.spans.length }, traceError: null, nodeSkills: skills };
  } catch (error) {
    const coded = WeftError.from(error);
    deps.log('error', `The trace of ${workflow.name} was not saved: ${coded.message}`, pid);
    return { ...summary, trace: null, traceError: coded.toJSON(), nodeSkills: skills };
  }
}

/**
 * `skill.run` of a compound (workflow) skill: a one-node workflow of it, run as any workflow runs
 * it (a run process, the sub-workflow nested, the trace committed); the node's outputs are the
 * result, its error the error. `where` is the version to run (the volume it was read from).
 */
export async function runWorkflowSkill(deps: WorkflowDeps, runs: Map<string, WorkflowRun>, skill: ExecutableSkill, where: { volume: string; content: string }, request: { inputs: Record<string, unknown>; seed: number; tag?: string; timeoutMs?: number }): Promise<EnzymeRun> {
  const started = deps.clock.now();
  const node = { id: 'skill', skill: skill.name, params: request.inputs, position: { x: 0, y: 0 }, ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }) };
  const workflow: Workflow = { version: 1, id: `skill-run-${skill.name}`, name: skill.name, nodes: [node], edges: [] };
  const resolved: ResolvedSkill = { skill, hash: await hashJson(where.content), volume: where.volume };
  const summary = await executeWorkflow(deps, runs, workflow, { seed: request.seed, skills: new Map([[skill.name, resolved]]), ...(request.tag === undefined ? {} : { tag: request.tag }) });
  const result = summary.nodes[0];
  if (!result || (result.status !== 'ok' && result.status !== 'cached')) throw WeftError.from(result?.error ?? summary.error ?? new WeftError('RUNTIME_ERROR', `${skill.name} did not finish (${summary.status}).`, { skill: skill.name }));
  return {
    outputs: result.outputs ?? {},
    stdout: '',
    stderr: '',
    energy: summary.energy,
    details: { compound: true, runId: summary.runId, ...(summary.trace ? { trace: summary.trace.path } : {}) },
    pid: summary.pid,
    runtime: 'workflow',
    seed: request.seed,
    spanId: result.spanId,
    durationMs: deps.clock.now() - started,
  };
}

interface RunContext {
  readonly workflowName: string;
  readonly pid: Pid;
  readonly agentPids: Map<string, Pid>;
  readonly revisable: ReadonlySet<string>;
  readonly depth: number;
  /** The run's skills, for the volume each came from. */
  readonly skills: ReadonlyMap<string, ResolvedSkill>;
}

/** How one node runs: an enzyme in its runtime, an agent process, or a compound skill's sub-workflow run nested. */
function nodeRunner(deps: WorkflowDeps, run: RunContext): RunNode {
  return async (node, inputs, ctx) => {
    const skill = ctx.skill;
    if (skill.runtime === 'agent') {
      const done = await runAgentNode(deps.agents, { runPid: run.pid, nodeId: node.id, name: `${run.workflowName}/${node.label ?? node.id}`, skill, inputs, signal: ctx.signal, nodePids: run.agentPids, revisable: run.revisable.has(node.id) });
      return { outputs: done.outputs, energy: { cpuMs: 0, tokensIn: done.tokens.inputTokens, tokensOut: done.tokens.outputTokens, bytes: 0 }, details: { agent: true } };
    }
    if (skill.runtime === 'workflow') return runCompound(deps, run, node.id, skill, inputs, ctx);
    const result = await runEnzyme(deps.enzymes, {
      runtime: skill.runtime,
      code: skill.code.source,
      inputs,
      seed: ctx.seed,
      timeoutMs: ctx.timeoutMs,
      permissions: skill.permissions,
      name: `${run.workflowName}/${node.id}`,
      parent: run.pid,
      signal: ctx.signal,
      span: false,
      ...sourceOf(run.skills.get(node.skill), skill.name),
      ...markedUntrusted(skill),
    });
    return { outputs: result.outputs, energy: result.energy, details: result.details };
  };
}

/** Where a node's skill came from, for the permission gate (a replayed recorded version has none). */
function sourceOf(resolved: ResolvedSkill | undefined, name: string): { source?: SkillSource } {
  const parsed = resolved?.volume === undefined ? null : parseVolumeId(resolved.volume);
  return parsed?.ok ? { source: { name, volume: parsed.value } } : {};
}

/** A compound skill: its sub-workflow, with the node's inputs as params, run nested (sharing the memo cache). */
async function runCompound(deps: WorkflowDeps, run: RunContext, nodeId: string, skill: ExecutableSkill, inputs: Record<string, unknown>, ctx: Parameters<RunNode>[2]) {
  if (run.depth >= MAX_COMPOUND_DEPTH) throw new WeftError('WORKFLOW_INVALID', `${skill.name} nests compound skills more than ${MAX_COMPOUND_DEPTH} deep (does it contain itself?).`, { skill: skill.name });
  const spec = unwrap(parseCompound(skill.code.source, skill.name));
  const inner = expandCompound(spec, inputs);
  const skills = await resolveSkills(deps.workspace(), inner);
  const missing = inner.nodes.filter((n) => !skills.has(n.skill)).map((n) => n.skill);
  if (missing.length > 0) throw new WeftError('SKILL_NOT_FOUND', `${skill.name} uses skills that are not available: ${[...new Set(missing)].join(', ')}.`, { skill: skill.name, missing });
  const innerRun = runWorkflow(
    inner,
    { skills, memo: deps.memo, clock: deps.clock, emit: () => {}, runNode: nodeRunner(deps, { ...run, workflowName: `${run.workflowName}/${nodeId}`, depth: run.depth + 1, skills }) },
    { runId: `${nodeId}-${deps.clock.now().toString(36)}`, traceId: newTraceId(), seed: ctx.seed, pid: run.pid, signal: ctx.signal },
  );
  const result = await innerRun.done;
  // Refused as a whole (its sub-workflow has check errors): say so, not "node ? failed".
  if (result.status !== 'ok' && result.nodes.length === 0 && result.error) throw new WeftError(result.error.code, `${skill.name}: ${result.error.message}`, { skill: skill.name, ...result.error.data });
  if (result.status !== 'ok') {
    const failed = result.nodes.find((n) => n.status === 'error');
    throw new WeftError('RUNTIME_ERROR', `${skill.name}: its node ${failed?.nodeId ?? '?'} failed${failed?.error ? `: ${failed.error.message}` : ` (${result.status})`}.`, { skill: skill.name, node: failed?.nodeId ?? null });
  }
  const outputs: Record<string, unknown> = {};
  for (const [name, from] of Object.entries(spec.outputs)) outputs[name] = result.nodes.find((n) => n.nodeId === from.node)?.outputs?.[from.output];
  return { outputs, energy: result.energy, details: { compound: true, nodes: inner.nodes.length } };
}


/** Every skill the workflow names, resolved user → team → system; names that do not resolve are left out (checkWorkflow reports them). */
export async function resolveSkills(ws: Workspace, workflow: Workflow): Promise<Map<string, ResolvedSkill>> {
  const names = [...new Set(workflow.nodes.map((n) => n.skill))];
  const entries = await Promise.all(
    names.map(async (name) => {
      try {
        const where = await ws.volumes.resolveSkill(name);
        const content = await ws.volumes.readSkill(where.volume, name);
        const parsed = parseSkill(content, { folder: name });
        if (!parsed.ok) return null;
        return [name, { skill: parsed.value.skill, hash: await hashJson(content), volume: where.volume }] as const;
      } catch {
        return null;
      }
    }),
  );
  return new Map(entries.filter((e): e is NonNullable<typeof e> => e !== null));
}
