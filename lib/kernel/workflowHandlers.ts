/**
 * The workflow syscalls: check, simulate and run a workflow. A run is a process (kind `run`) that
 * can be suspended between nodes, resumed and killed; each node runs as an enzyme (a child
 * process); at the end the trace is verified and committed to the user volume.
 */
import { type Clock, hashJson, newTraceId, type Pid, unwrap, WeftError } from '../core';
import { type ExecutableSkill, parseSkill } from '../skills';
import { sumEnergy, verifyTrace } from '../spans';
import type { Workspace } from '../volumes';
import {
  checkWorkflow,
  historyFromSpans,
  type MemoStore,
  parseWorkflow,
  type ResolvedSkill,
  runWorkflow,
  simulateWorkflow,
  type Workflow,
  type WorkflowRun,
} from '../workflow';
import type { Handlers } from './dispatcher';
import { type EnzymeDeps, runEnzyme } from './enzymes';
import type { WorkflowRunSummary } from './protocol';
import type { SpanLog } from './spanLog';
import type { AgentHost } from './agentHost';

type WorkflowOp = 'workflow.check' | 'workflow.simulate' | 'workflow.run' | 'workflow.cancelNode';

export interface WorkflowDeps {
  readonly enzymes: EnzymeDeps;
  readonly clock: Clock;
  readonly spans: SpanLog;
  readonly workspace: () => Workspace;
  readonly memo: MemoStore;
  readonly log: (level: 'info' | 'warn' | 'error', message: string, pid?: Pid) => void;
  readonly agents: AgentHost;
}

const KERNEL_PID = 0 as Pid;
/** Runs repeat by default (and so hit the memo cache): every node's seed derives from this unless the caller gives another. */
const DEFAULT_SEED = 0;

export function workflowHandlers(deps: WorkflowDeps): Pick<Handlers, WorkflowOp> {
  const runs = new Map<string, WorkflowRun>();
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
      const ws = deps.workspace();
      const skills = await resolveSkills(ws, workflow);
      const { table, runners } = deps.enzymes;
      const proc = table.spawn({ name: workflow.name, kind: 'run', command: `run ${workflow.name} (${workflow.nodes.length} nodes)`, state: 'RUNNING', parent: KERNEL_PID });
      const pid = proc.pid;
      const runId = c.tag ?? `run-${pid}-${deps.clock.now().toString(36)}`;
      const seed = c.seed ?? DEFAULT_SEED;
      const traceId = newTraceId();
      // Agent nodes are agent processes, children of the run; a reviewer reaches its reviser by node id.
      const agentPids = new Map<string, Pid>();
      const revisable = new Set(workflow.nodes.map((n) => n.params.reviser).filter((r): r is string => typeof r === 'string' && r !== ''));
      const run = runWorkflow(
        workflow,
        {
          skills,
          memo: deps.memo,
          clock: deps.clock,
          emit: (event) => deps.enzymes.emit(event),
          runNode: async (node, inputs, ctx) => {
            const skill = ctx.skill;
            if (skill.runtime === 'agent') {
              const done = await deps.agents.runNode({ runPid: pid, nodeId: node.id, name: `${workflow.name}/${node.label ?? node.id}`, skill, inputs, signal: ctx.signal, nodePids: agentPids, revisable: revisable.has(node.id) });
              return { outputs: done.outputs, energy: { cpuMs: 0, tokensIn: done.tokens.inputTokens, tokensOut: done.tokens.outputTokens, bytes: 0 }, details: { agent: true } };
            }
            const result = await runEnzyme(deps.enzymes, {
              runtime: runtimeOf(skill),
              code: skill.code.source,
              inputs,
              seed: ctx.seed,
              timeoutMs: ctx.timeoutMs,
              permissions: skill.permissions,
              name: `${workflow.name}/${node.id}`,
              parent: pid,
              signal: ctx.signal,
              span: false,
            });
            return { outputs: result.outputs, energy: result.energy, details: result.details };
          },
        },
        { runId, traceId, seed, pid, ...(c.concurrency ? { concurrency: c.concurrency } : {}), ...(c.only ? { only: new Set(c.only) } : {}), ...(c.force ? { force: new Set(c.force) } : {}) },
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
      deps.agents.endRun(agentPids);
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
        seed,
      };
      try {
        const report = await verifyTrace(result.trace);
        if (!report.ok) throw new WeftError('TRACE_INVALID', `The run's trace did not verify (${report.problems.length} problems), so it was not committed.`, { problems: report.problems.slice(0, 20) });
        const message = `Run ${workflow.name}: ${result.status}, ${result.trace.spans.length} spans`;
        const written = await ws.volumes.appendTrace(ws.volumes.userVolume, result.trace, message);
        return { ...summary, trace: { path: written.path, commit: written.commit, spans: result.trace.spans.length }, traceError: null };
      } catch (error) {
        const coded = WeftError.from(error);
        deps.log('error', `The trace of ${workflow.name} was not saved: ${coded.message}`, pid);
        return { ...summary, trace: null, traceError: coded.toJSON() };
      }
    },
  };
}

function runtimeOf(skill: ExecutableSkill) {
  if (skill.runtime === 'agent') throw new WeftError('RUNTIME_UNAVAILABLE', `${skill.name} is an agent skill; it runs as an agent process.`, { skill: skill.name });
  if (skill.runtime === 'workflow') throw new WeftError('RUNTIME_UNAVAILABLE', `${skill.name} is a workflow skill; compound skills run inside the executor, which does not nest them yet.`, { skill: skill.name });
  return skill.runtime;
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
        return [name, { skill: parsed.value.skill, hash: await hashJson(content) }] as const;
      } catch {
        return null;
      }
    }),
  );
  return new Map(entries.filter((e): e is NonNullable<typeof e> => e !== null));
}
