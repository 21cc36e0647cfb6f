/**
 * The syscall dispatcher: validate → policy → handler → record a `syscall` span → reply.
 * Every outcome, including a refused or malformed request, is recorded; a handler that throws
 * something other than a `WeftError` is a bug and surfaces as `INTERNAL`, never as a crash.
 */
import { type Clock, type Pid, type TraceId, WeftError } from '../core';
import { type SpanStatus, ZERO_ENERGY } from '../spans';
import type { Op, Syscall, SyscallOf, SyscallResult } from './protocol';
import type { SpanLog } from './spanLog';
import { parseSyscall } from './syscallSchema';

/** Who is calling: a process, or `null` for the person using the UI or console. */
export interface CallContext {
  readonly caller: Pid | null;
}

export type PolicyDecision = { readonly allow: true } | { readonly allow: false; readonly reason: string };
/** Decides whether a caller may make a call. Weft's capability policy plugs in here. */
export type PolicyCheck = (call: Syscall, ctx: CallContext) => PolicyDecision;

export type Handler<K extends Op> = (call: SyscallOf<K>, ctx: CallContext) => SyscallResult<K> | Promise<SyscallResult<K>>;
export type Handlers = { readonly [K in Op]: Handler<K> };

export interface DispatcherDeps {
  readonly handlers: Handlers;
  readonly clock: Clock;
  readonly spans: SpanLog;
  readonly traceId: TraceId;
  readonly policy?: PolicyCheck;
  /** Ops whose spans are recorded but not announced (reads that would flood the event log). */
  readonly quiet?: ReadonlySet<string>;
  /** Called with each span worth announcing, once it is sealed. */
  readonly announce?: (seal: () => Promise<unknown>, op: string) => void;
  /** Called with the handler time of each call (for the kernel's own energy account). */
  readonly charge?: (cpuMs: number) => void;
}

export const allowAll: PolicyCheck = () => ({ allow: true });

export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  /** Runs one request to completion; resolves with the result or rejects with a `WeftError`. */
  async dispatch(raw: unknown, ctx: CallContext = { caller: null }): Promise<unknown> {
    const start = this.deps.clock.now();
    const parsed = parseSyscall(raw);
    if (!parsed.ok) {
      this.record(nameOf(raw), raw, start, ctx, 'error', undefined, parsed.error);
      throw parsed.error;
    }
    const call = parsed.value;
    const decision = (this.deps.policy ?? allowAll)(call, ctx);
    if (!decision.allow) {
      const error = new WeftError('SYSCALL_DENIED', `${call.op} was refused: ${decision.reason}.`, { op: call.op, reason: decision.reason, caller: ctx.caller });
      this.record(call.op, call, start, ctx, 'error', undefined, error);
      throw error;
    }
    try {
      const handler = this.deps.handlers[call.op] as Handler<Op>;
      const value = await handler(call as never, ctx);
      this.record(call.op, call, start, ctx, 'ok', value);
      return value;
    } catch (thrown) {
      const error = WeftError.from(thrown);
      this.record(call.op, call, start, ctx, 'error', undefined, error);
      throw error;
    }
  }

  private record(op: string, inputs: unknown, start: number, ctx: CallContext, status: SpanStatus, outputs: unknown, error?: WeftError): void {
    const end = this.deps.clock.now();
    const cpuMs = end - start;
    this.deps.charge?.(cpuMs);
    const attributes: Record<string, string> = { 'weft.syscall.op': op };
    if (error) {
      attributes['error.type'] = error.code;
      attributes['error.message'] = error.message;
    }
    const seal = this.deps.spans.append({
      draft: { traceId: this.deps.traceId, parents: [], kind: 'syscall', name: op, pid: ctx.caller, start, end, status, energy: { ...ZERO_ENERGY, cpuMs }, attributes },
      inputs,
      outputs,
    });
    if (!this.deps.quiet?.has(op) || status === 'error') this.deps.announce?.(seal, op);
  }
}

function nameOf(raw: unknown): string {
  const op = typeof raw === 'object' && raw !== null ? (raw as { op?: unknown }).op : undefined;
  return typeof op === 'string' && op.length <= 64 ? op : 'invalid';
}
