/**
 * Enzyme runs: code executed in a runtime worker as a process of its own (kind `enzyme`), so it
 * shows in the process list, can be killed (which cancels the run), is charged its energy, and
 * leaves a `node` span with its runtime's details (the tensor backend…).
 * JavaScript from an untrusted source (a team volume, or a skill marked `metadata.untrusted: "true"`)
 * runs in QuickJS, bounded in memory and time; trusted JavaScript runs in V8 for speed. The span
 * says which (`weft.runtime.engine`).
 */
import { type Clock, type Pid, type SpanId, type TraceId, WeftError } from '../core';
import { type JsEngine, RUNTIME_LABELS, type RunResult, type RuntimeHost, type RuntimeKind, toHashable } from '../runtimes';
import type { ExecutableSkill } from '../skills';
import type { Span, SpanStatus } from '../spans';
import type { PermissionGate, SkillSource } from './permissionGate';
import type { ProgramRunner } from './programs/program';
import type { ProcessTable } from './processTable';
import type { EnzymeRun, KernelEvent } from './protocol';
import type { SpanLog } from './spanLog';

/** Deadlines when neither the skill nor the caller gives one. */
export const DEFAULT_TIMEOUT_MS: Readonly<Record<RuntimeKind, number>> = { python: 30_000, javascript: 10_000, three: 10_000, tensor: 60_000, spice: 30_000 };

export interface EnzymeSpec {
  readonly runtime: RuntimeKind;
  readonly code: string;
  readonly inputs: Record<string, unknown>;
  readonly seed: number;
  readonly timeoutMs: number;
  readonly permissions: readonly string[];
  /** The process's and span's name: the skill's name, or `runtime.run`. */
  readonly name: string;
  readonly tag?: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly parent: Pid;
  /** An outer signal (a workflow node's cancel or deadline) that also cancels the run. */
  readonly signal?: AbortSignal;
  /** Record a `node` span in the kernel's span log (default). A workflow run records its own. */
  readonly span?: boolean;
  /** The skill's name and volume; a team skill asking for the network waits for the person's permission. */
  readonly source?: SkillSource;
  /** The person marked the skill untrusted (`metadata.untrusted: "true"`): it runs as a team skill would. */
  readonly untrusted?: boolean;
  /** JavaScript: the engine, chosen by the caller (`runtime.run`); default: by trust (see `engineFor`). */
  readonly engine?: JsEngine;
}

/** `{ untrusted: true }` when the person marked the skill untrusted in its frontmatter (`metadata: { untrusted: "true" }`). */
export function markedUntrusted(skill: Pick<ExecutableSkill, 'metadata'>): { untrusted?: true } {
  return skill.metadata?.untrusted?.trim().toLowerCase() === 'true' ? { untrusted: true } : {};
}

/**
 * The engine JavaScript runs in: QuickJS for untrusted code (a team skill, written by others and
 * arrived by sync, or one the person marked), V8 otherwise. QuickJS has no `fetch`, so untrusted
 * code with the `network` permission runs in V8, once the person has allowed it (the permission
 * gate asks for team skills): that Allow is the trust. Other runtimes have one engine (none named).
 */
export function engineFor(spec: Pick<EnzymeSpec, 'runtime' | 'source' | 'untrusted' | 'engine' | 'permissions'>): JsEngine | undefined {
  if (spec.runtime !== 'javascript') return undefined;
  if (spec.engine) return spec.engine;
  const untrusted = spec.untrusted === true || spec.source?.volume.startsWith('teams/') === true;
  return untrusted && !spec.permissions.includes('network') ? 'quickjs' : 'v8';
}

export interface EnzymeDeps {
  readonly clock: Clock;
  readonly table: ProcessTable;
  readonly spans: SpanLog;
  readonly traceId: TraceId;
  readonly runtimes: () => RuntimeHost;
  readonly runners: Map<Pid, ProgramRunner>;
  readonly emit: (event: KernelEvent) => void;
  /** Asks before untrusted (team) skills use the network; absent: nothing is asked. */
  readonly permissions?: PermissionGate;
  /** Notes a run the browser cannot contain (see `Journal.running`); returns its end. */
  readonly running?: (name: string, runtime: string) => () => void;
}

/** Runtimes on the JavaScript heap, which has no per-worker limit: a runaway allocation crashes the tab. */
const UNCONTAINED: ReadonlySet<RuntimeKind> = new Set(['javascript', 'three', 'tensor']);

/** Runs one enzyme to its end; rejects with the run's coded error (the process and span record it too). */
export async function runEnzyme(deps: EnzymeDeps, spec: EnzymeSpec): Promise<EnzymeRun> {
  const { clock, table } = deps;
  const pool = deps.runtimes().get(spec.runtime);
  if (!pool) throw new WeftError('RUNTIME_UNAVAILABLE', `The ${spec.runtime} runtime is not available in this kernel.`, { runtime: spec.runtime });
  const proc = table.spawn({ name: spec.name, kind: 'enzyme', command: `${spec.runtime} ${spec.name}`, state: 'RUNNING', parent: spec.parent, permissions: spec.permissions });
  const pid = proc.pid;
  const controller = new AbortController();
  if (spec.signal?.aborted) controller.abort();
  spec.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  deps.runners.set(pid, {
    suspend: () => {
      throw new WeftError('PROC_STATE', `Process ${pid} (${spec.name}) is an enzyme run, which cannot pause mid-run. Kill it, or let it finish.`, { pid });
    },
    resume: () => 'RUNNING',
    kill: () => controller.abort(),
  });
  const tag = spec.tag === undefined ? {} : { tag: spec.tag };
  const engine = engineFor(spec);
  const start = clock.now();
  deps.emit({ type: 'enzyme.start', pid, runtime: spec.runtime, name: spec.name, ...tag, at: start });
  let result: RunResult | null = null;
  let failure: WeftError | null = null;
  try {
    if (deps.permissions && spec.source) {
      const waiting = `Waiting for your permission to use the network (${spec.source.name} is from ${spec.source.volume})`;
      await deps.permissions.ensure(spec.source, spec.permissions, spec.code, controller.signal, () => table.setState(pid, 'BLOCKED', undefined, waiting));
      if (table.get(pid).state === 'BLOCKED') table.setState(pid, 'RUNNING');
    }
    // QuickJS is bounded: a bomb in it cannot take the tab down, so there is nothing to journal.
    const ended = UNCONTAINED.has(spec.runtime) && engine !== 'quickjs' ? deps.running?.(spec.name, RUNTIME_LABELS[spec.runtime]) : undefined;
    result = await pool.run({
      ...(engine ? { engine } : {}),
      code: spec.code,
      inputs: spec.inputs,
      seed: spec.seed,
      timeoutMs: spec.timeoutMs,
      permissions: spec.permissions,
      signal: controller.signal,
      onLog: (log) => deps.emit({ type: 'enzyme.log', pid, stream: log.stream, text: log.text, ...tag, at: clock.now() }),
    }).finally(() => ended?.());
  } catch (error) {
    failure = WeftError.from(error);
  } finally {
    deps.runners.delete(pid);
  }
  const end = clock.now();
  const status: SpanStatus = failure ? (failure.code === 'RUNTIME_CANCELLED' ? 'cancelled' : 'error') : 'ok';
  const energy = result?.energy ?? { cpuMs: Number(failure?.data.cpuMs ?? 0), tokensIn: 0, tokensOut: 0, bytes: 0 };
  table.charge(pid, energy);
  if (table.get(pid).state !== 'TERMINATED') {
    table.setState(pid, 'TERMINATED', failure ? { status: 'error', reason: failure.message } : { status: 'ok', reason: `${RUNTIME_LABELS[spec.runtime]} run finished` });
  }
  const attributes: Record<string, string> = { 'weft.runtime': spec.runtime, 'weft.seed': String(spec.seed), ...(engine ? { 'weft.runtime.engine': engine } : {}), ...spec.attributes };
  for (const [key, value] of Object.entries(result?.details ?? {})) attributes[`weft.runtime.${key}`] = String(value);
  if (failure) {
    attributes['error.type'] = failure.code;
    attributes['error.message'] = failure.message;
  }
  if (spec.span === false) {
    if (failure) throw new WeftError(failure.code, failure.message, { ...failure.data, pid, seed: spec.seed });
    return { ...result!, pid, runtime: spec.runtime, seed: spec.seed, spanId: null, durationMs: end - start };
  }
  const seal = deps.spans.append({
    draft: { traceId: deps.traceId, parents: [], kind: 'node', name: spec.name, pid, start, end, status, energy, attributes },
    inputs: toHashable({ code: spec.code, inputs: spec.inputs, seed: spec.seed }),
    outputs: result ? toHashable(result.outputs) : null,
  });
  const span: Span = await seal();
  deps.emit({ type: 'span.end', key: span.id, span });
  if (failure) throw new WeftError(failure.code, failure.message, { ...failure.data, pid, seed: spec.seed, spanId: span.id });
  return { ...result!, pid, runtime: spec.runtime, seed: spec.seed, spanId: span.id as SpanId, durationMs: end - start };
}
