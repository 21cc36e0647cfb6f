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
  private readonly queue: Entry[] = [];
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
      this.queue.push(entry);
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
    for (const e of this.queue) if (pid === undefined || e.request.pid === pid) e.heldForBudget = false;
    this.pump();
  }

  /** Kill: every queued call of `pid` is rejected and its call in flight aborted. */
  cancel(pid: Pid): void {
    for (const e of [...this.queue]) {
      if (e.request.pid !== pid) continue;
      this.remove(e);
      e.reject(cancelled(pid));
    }
    for (const set of this.running.values()) for (const r of set) if (r.pid === pid) r.controller.abort();
  }

  stats(): SchedulerStats {
    const running: Record<string, number> = {};
    for (const [provider, set] of this.running) running[provider] = set.size;
    return { queued: this.queue.length, running };
  }

  /** Pids in the order their calls would start now (for tests and the process view). */
  order(): Pid[] {
    const now = this.deps.clock.now();
    return [...this.queue].sort((a, b) => this.rank(a, now) - this.rank(b, now) || a.seq - b.seq).map((e) => e.request.pid);
  }

  private rank(e: Entry, now: number): number {
    return this.deps.priority(e.request.pid) - Math.floor((now - e.enqueuedAt) / this.agingMs);
  }

  private pump(): void {
    const now = this.deps.clock.now();
    for (;;) {
      const candidates = this.queue
        .filter((e) => !e.heldForBudget && !this.deps.isSuspended(e.request.pid) && this.free(e.request.providerId))
        .sort((a, b) => this.rank(a, now) - this.rank(b, now) || a.seq - b.seq);
      const next = candidates[0];
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
    const i = this.queue.indexOf(entry);
    if (i < 0) return false;
    this.queue.splice(i, 1);
    return true;
  }
}

function cancelled(pid: Pid): WeftError {
  return new WeftError('LLM_CANCELLED', `The model call of process ${pid} was cancelled.`, { pid });
}
