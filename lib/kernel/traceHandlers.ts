/**
 * The trace syscalls over the user volume's `traces/`: list (summaries cached per file), read
 * (size-limited, parsed), verify (span by span), replay (the recorded workflow run again with the
 * same params and seeds, nothing from the cache, output hashes compared).
 */
import { hashJson, WeftError } from '../core';
import { parseSkill } from '../skills';
import { parseTrace, type Trace, verifyTrace } from '../spans';
import { compareReplay, replayPlan, summarizeTrace, type TraceSummary } from '../traces';
import type { VolumeId, Workspace } from '../volumes';
import type { ResolvedSkill, WorkflowRun } from '../workflow';
import type { Handlers } from './dispatcher';
import type { ReplayReport, TraceListArgs } from './protocol';
import { executeWorkflow, resolveSkills, type WorkflowDeps } from './workflowHandlers';

type TraceOp = 'trace.list' | 'trace.read' | 'trace.verify' | 'trace.replay';

/** Trace files larger than this are refused (a 50 MB trace says so instead of freezing anything). */
export const MAX_TRACE_BYTES = 32 * 1024 * 1024;

export class TraceStore {
  private readonly summaries = new Map<string, TraceSummary | null>();

  constructor(private readonly workspace: () => Workspace) {}

  async paths(): Promise<string[]> {
    const ws = this.workspace();
    const repo = await ws.volumes.open(ws.volumes.userVolume);
    return (await repo.listFiles('traces')).filter((p) => p.endsWith('.json'));
  }

  /** Reads and parses one trace file; TRACE_INVALID says what is wrong with it. */
  async read(path: string): Promise<Trace> {
    if (!/^traces\/.+\.json$/.test(path)) throw new WeftError('TRACE_INVALID', `${path} is not a trace file (traces live in traces/…/*.json).`, { path });
    const ws = this.workspace();
    const text = await ws.volumes.read(ws.volumes.userVolume, path);
    if (text.length > MAX_TRACE_BYTES) {
      throw new WeftError('TRACE_INVALID', `${path} is ${(text.length / 1024 / 1024).toFixed(0)} MB; traces over ${MAX_TRACE_BYTES / 1024 / 1024} MB are not opened here. Export it from the volume and inspect it with another tool.`, { path, bytes: text.length });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new WeftError('TRACE_INVALID', `${path} is not JSON (${e instanceof Error ? e.message : String(e)}), so it is not a readable trace.`, { path });
    }
    const parsed = parseTrace(json);
    if (!parsed.ok) throw new WeftError('TRACE_INVALID', `${path} is not a valid trace: ${parsed.error.message}`, { path });
    return parsed.value;
  }

  /** Summaries of every trace (unreadable files are left out), newest first. */
  async all(): Promise<TraceSummary[]> {
    const out: TraceSummary[] = [];
    for (const path of await this.paths()) {
      let summary = this.summaries.get(path);
      if (summary === undefined) {
        try {
          summary = summarizeTrace(path, await this.read(path));
        } catch {
          summary = null;
        }
        this.summaries.set(path, summary);
      }
      if (summary) out.push(summary);
    }
    return out.sort((a, b) => b.start - a.start);
  }

  /** A file changed by hand: forget its summary. */
  forget(path?: string): void {
    if (path === undefined) this.summaries.clear();
    else this.summaries.delete(path);
  }

  async list(args: TraceListArgs): Promise<{ entries: TraceSummary[]; total: number }> {
    const words = (args.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (await this.all()).filter((t) => {
      if (args.kind && t.kind !== args.kind) return false;
      if (args.status && t.status !== args.status) return false;
      if (args.skill && !t.skills.includes(args.skill)) return false;
      if (args.workflow && (t.kind !== 'run' || t.name !== args.workflow)) return false;
      if (args.since !== undefined && t.start < args.since) return false;
      if (args.until !== undefined && t.start >= args.until) return false;
      const hay = `${t.name} ${t.skills.join(' ')} ${t.path}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const offset = args.offset ?? 0;
    return { entries: matches.slice(offset, offset + (args.limit ?? 200)), total: matches.length };
  }
}

export function traceHandlers(deps: WorkflowDeps & { readonly traces: TraceStore; readonly runs: Map<string, WorkflowRun> }): Pick<Handlers, TraceOp> {
  const { traces } = deps;
  return {
    'trace.list': (c) => traces.list(c),
    'trace.read': (c) => traces.read(c.path),
    'trace.verify': async (c) => {
      traces.forget(c.path);
      const report = await verifyTrace(await traces.read(c.path));
      return { path: c.path, ok: report.ok, spanCount: report.spanCount, problems: report.problems.map((p) => ({ spanId: p.spanId, code: p.code, message: p.message })) };
    },
    'trace.replay': async (c): Promise<ReplayReport> => {
      const trace = await traces.read(c.path);
      const plan = replayPlan(trace);
      const ws = deps.workspace();
      const current = await resolveSkills(ws, plan.workflow);
      const skillChanges: { skill: string; recordedHash: string; currentHash: string | null }[] = [];
      const seen = new Set<string>();
      for (const r of plan.recorded.values()) {
        if (!r.skillHash || seen.has(r.skill)) continue;
        seen.add(r.skill);
        const now = current.get(r.skill)?.hash ?? null;
        if (now !== r.skillHash) skillChanges.push({ skill: r.skill, recordedHash: r.skillHash, currentHash: now });
      }
      const override = c.recorded ? await recordedSkills(ws, skillChanges) : new Map<string, ResolvedSkill>();
      const result = await executeWorkflow(deps, deps.runs, plan.workflow, { seed: plan.seed, force: new Set(plan.workflow.nodes.map((n) => n.id)), skills: override, verb: 'Replay' });
      const compared = compareReplay(plan, result.nodes, (name) => result.nodeSkills.get(name)?.skill);
      const changed = c.recorded ? [] : skillChanges;
      const summary = changed.length > 0 && compared.identical < compared.compared ? `${compared.summary} — ${changed.map((s) => s.skill).join(', ')} changed since the run` : compared.summary;
      return { path: c.path, runId: result.runId, status: result.status, identical: compared.identical, compared: compared.compared, nodes: compared.nodes, skillChanges: changed, summary };
    },
  };
}

/** The recorded versions of changed skills, found in their volume's git history by content hash. */
async function recordedSkills(ws: Workspace, changes: readonly { skill: string; recordedHash: string }[]): Promise<Map<string, ResolvedSkill>> {
  const out = new Map<string, ResolvedSkill>();
  for (const change of changes) {
    const volumes: VolumeId[] = [];
    try {
      const where = await ws.volumes.resolveSkill(change.skill);
      volumes.push(where.volume, ...where.shadows);
    } catch {
      volumes.push(ws.volumes.userVolume);
    }
    let found = false;
    for (const volume of volumes) {
      const path = `skills/${change.skill}/SKILL.md`;
      const commits = await ws.volumes.log(volume, { path, limit: 200 }).catch(() => []);
      for (const commit of commits) {
        const content = await ws.volumes.read(volume, path, commit.oid).catch(() => null);
        if (content === null || (await hashJson(content)) !== change.recordedHash) continue;
        const parsed = parseSkill(content, { folder: change.skill });
        if (parsed.ok) {
          out.set(change.skill, { skill: parsed.value.skill, hash: change.recordedHash });
          found = true;
          break;
        }
      }
      if (found) break;
    }
    if (!found) throw new WeftError('TRACE_INVALID', `The version of ${change.skill} this trace ran is not in the history of its volume, so it cannot be replayed as recorded. Replay with the current version instead.`, { skill: change.skill });
  }
  return out;
}
