/**
 * The inference scheduler (DESIGN.md section 1): every model call of every process waits here
 * for a slot. One queue; per provider a concurrency limit; among the calls that could start,
 * the best *effective* priority wins — its nice value (0 best … 19) minus one level for every
 * `agingMs` it has waited, so a low-priority call always gets its turn under a flood of high
 * ones — and ties go to the oldest. Before a call starts, its process's token budget is checked:
 * a call that would overrun it is held and the process is reported (the kernel suspends it with
 * a message); raising the budget and `wake()` lets it go. Suspended processes' calls wait;
 * `cancel(pid)` rejects its queued calls and aborts the one in flight.
 *
 * Pure: time comes from the injected clock, process facts from the injected callbacks.
 */
import { type Clock, type Pid, WeftError } from '../core';

export interface SchedulerDeps {
  readonly clock: Clock;
  /** Concurrent calls allowed per provider (default 1: a local model serves one call at a time). */
  readonly concurrency?: (providerId: string) => number;
  /** One priority level gained per this much waiting (default 2 s). */
  readonly agingMs?: number;
  /** The process's nice value now (renice takes effect on the next pick). */
  readonly priority: (pid: Pid) => number;
  /** Tokens the process may still use; null: unlimited. */
  readonly remainingTokens: (pid: Pid) => number | null;
  /** Whether the process is suspended (its calls wait). */
  readonly isSuspended: (pid: Pid) => boolean;
  /** The process's next call needs `need` tokens but it has `remaining`: the kernel suspends it, saying so. */
  readonly onBudgetExhausted: (pid: Pid, need: number, remaining: number) => void;
  /** A call of the process started (THINKING) or is waiting (READY). */
  readonly onState?: (pid: Pid, state: 'waiting' | 'running') => void;
}

export interface SlotRequest {
  readonly pid: Pid;
  readonly providerId: string;
  /** Tokens the call is expected to use (prompt estimate + answer reserve). */
  readonly estimate: number;
  readonly signal?: AbortSignal;
}

/** A started call: abort follows kill; `release` must be called when the call ends. */
export interface Slot {
  readonly signal: AbortSignal;
  release(): void;
}

interface Entry {
  readonly seq: number;
  readonly request: SlotRequest;
  readonly enqueuedAt: number;
  readonly resolve: (slot: Slot) => void;
  readonly reject: (error: WeftError) => void;
  /** Held for the budget: reported once until the budget changes. */
  heldForBudget: boolean;
}

export interface SchedulerStats {
  readonly queued: number;
  readonly running: Readonly<Record<string, number>>;
}

export class InferenceScheduler {
  /** The waiting calls, per process, each list in arrival order. */
  private readonly queues = new Map<Pid, Entry[]>();
  private queued = 0;
  /** Waiting calls per provider: when none of their providers has a free slot, nothing can start. */
  private readonly waitingFor = new Map<string, number>();
  private readonly running = new Map<string, Set<{ pid: Pid; controller: AbortController }>>();
  private seq = 0;
  private readonly agingMs: number;

  constructor(private readonly deps: SchedulerDeps) {
    this.agingMs = deps.agingMs ?? 2000;
  }

  /** Waits for a slot for one model call; rejects with LLM_CANCELLED when the caller's signal aborts or the process is killed. */
  acquire(request: SlotRequest): Promise<Slot> {
    if (request.signal?.aborted) return Promise.reject(cancelled(request.pid));
    return new Promise<Slot>((resolve, reject) => {
      const entry: Entry = { seq: this.seq++, request, enqueuedAt: this.deps.clock.now(), resolve, reject, heldForBudget: false };
      const own = this.queues.get(request.pid);
      if (own) own.push(entry);
      else this.queues.set(request.pid, [entry]);
      this.queued++;
      this.waitingFor.set(request.providerId, (this.waitingFor.get(request.providerId) ?? 0) + 1);
      this.deps.onState?.(request.pid, 'waiting');
      request.signal?.addEventListener(
        'abort',
        () => {
          if (this.remove(entry)) reject(cancelled(request.pid));
        },
        { once: true },
      );
      this.pump();
    });
  }

  /** Re-evaluates the queue: after a resume, a renice or a budget raise. */
  wake(pid?: Pid): void {
    for (const e of this.entries()) if (pid === undefined || e.request.pid === pid) e.heldForBudget = false;
    this.pump();
  }

  /** Kill: every queued call of `pid` is rejected and its call in flight aborted. */
  cancel(pid: Pid): void {
    for (const e of [...(this.queues.get(pid) ?? [])]) {
      this.remove(e);
      e.reject(cancelled(pid));
    }
    for (const set of this.running.values()) for (const r of set) if (r.pid === pid) r.controller.abort();
  }

  stats(): SchedulerStats {
    const running: Record<string, number> = {};
    for (const [provider, set] of this.running) running[provider] = set.size;
    return { queued: this.queued, running };
  }

  /** Pids in the order their calls would start now (for tests and the process view). */
  order(): Pid[] {
    const now = this.deps.clock.now();
    return [...this.entries()].sort((a, b) => this.rank(a, now) - this.rank(b, now) || a.seq - b.seq).map((e) => e.request.pid);
  }

  private rank(e: Entry, now: number): number {
    return this.deps.priority(e.request.pid) - Math.floor((now - e.enqueuedAt) / this.agingMs);
  }

  private pump(): void {
    const now = this.deps.clock.now();
    for (;;) {
      const next = this.best(now);
      if (!next) return;
      const { pid, estimate } = next.request;
      const remaining = this.deps.remainingTokens(pid);
      if (remaining !== null && estimate > remaining) {
        next.heldForBudget = true;
        this.deps.onBudgetExhausted(pid, estimate, remaining);
        continue;
      }
      this.remove(next);
      this.start(next);
    }
  }

  /**
   * The call that would start now. Within one process every call has the same nice value, so its
   * oldest call that could start beats its others: only each process's first such call is compared
   * (not a sort of the whole queue: with 10,000 calls queued that made each call cost milliseconds).
   */
  private best(now: number): Entry | undefined {
    const free = new Map<string, boolean>();
    for (const provider of this.waitingFor.keys()) free.set(provider, this.free(provider));
    if (![...free.values()].some(Boolean)) return undefined;
    let best: Entry | undefined;
    let bestRank = Infinity;
    for (const [pid, entries] of this.queues) {
      if (this.deps.isSuspended(pid)) continue;
      const first = entries.find((e) => {
        if (e.heldForBudget) return false;
        return free.get(e.request.providerId)!;
      });
      if (!first) continue;
      const rank = this.rank(first, now);
      if (rank < bestRank || (rank === bestRank && first.seq < best!.seq)) {
        best = first;
        bestRank = rank;
      }
    }
    return best;
  }

  private *entries(): Iterable<Entry> {
    for (const entries of this.queues.values()) yield* entries;
  }

  private free(providerId: string): boolean {
    const limit = Math.max(1, this.deps.concurrency?.(providerId) ?? 1);
    return (this.running.get(providerId)?.size ?? 0) < limit;
  }

  private start(entry: Entry): void {
    const { pid, providerId, signal } = entry.request;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const record = { pid, controller };
    let set = this.running.get(providerId);
    if (!set) this.running.set(providerId, (set = new Set()));
    set.add(record);
    this.deps.onState?.(pid, 'running');
    let released = false;
    entry.resolve({
      signal: controller.signal,
      release: () => {
        if (released) return;
        released = true;
        signal?.removeEventListener('abort', onAbort);
        set.delete(record);
        this.pump();
      },
    });
  }

  private remove(entry: Entry): boolean {
    const entries = this.queues.get(entry.request.pid);
    const i = entries?.indexOf(entry) ?? -1;
    if (i < 0) return false;
    entries!.splice(i, 1);
    if (entries!.length === 0) this.queues.delete(entry.request.pid);
    this.queued--;
    const left = this.waitingFor.get(entry.request.providerId)! - 1;
    if (left === 0) this.waitingFor.delete(entry.request.providerId);
    else this.waitingFor.set(entry.request.providerId, left);
    return true;
  }
}

function cancelled(pid: Pid): WeftError {
  return new WeftError('LLM_CANCELLED', `The model call of process ${pid} was cancelled.`, { pid });
}
