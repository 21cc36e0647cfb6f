/**
 * One runtime as the kernel sees it: a small pool of warm workers. A run takes an idle worker that
 * fits it (loaded with or without the `network` permission), starts one if the pool has room, or
 * waits. Dead workers (timed out, crashed, out of memory) are dropped and, when the pool would be
 * empty, replaced in the background so the next run finds a warm one.
 */
import { type Clock, WeftError } from '../core';
import { byteSize } from './outputs';
import { LABELS, RuntimeWorker } from './runtimeWorker';
import type { RunRequest, RunResult, Runtime, RuntimeKind, RuntimeStatus, RunDetails } from './types';
import type { WorkerLike } from './workerLike';
import type { LoadOptions } from './workerProtocol';

export interface RuntimePoolOptions {
  readonly kind: RuntimeKind;
  /**
   * Starts a worker for this runtime (the browser's `new Worker(...)`, or `inProcessWorker`).
   * `network`: the worker is for code with the `network` permission (in the browser it is loaded
   * with a Content-Security-Policy that lets it connect out; the others cannot).
   */
  readonly create: (network: boolean) => WorkerLike;
  /** Options every new worker loads with (the tensor backend choice…); `network` is added per worker. */
  readonly loadOptions?: () => LoadOptions;
  readonly maxWorkers: number;
  /** Python, JavaScript: workers get a SharedArrayBuffer flag to interrupt a run instead of terminating. */
  readonly interruptible: boolean;
  /** Whether a run's engine polls that flag (default: every run does); a V8 JavaScript run does not. */
  readonly interruptibleRun?: (request: RunRequest) => boolean;
  /** Whether the code's `network` permission matters (javascript, three, tensor lock the network away). */
  readonly networkAware: boolean;
  readonly clock: Clock;
  readonly graceMs?: number;
  readonly onStatus: (status: RuntimeStatus) => void;
}

interface Waiter {
  readonly network: boolean;
  readonly grant: (worker: RuntimeWorker) => void;
}

export class RuntimePool implements Runtime {
  readonly kind: RuntimeKind;
  private workers: { worker: RuntimeWorker; network: boolean }[] = [];
  private waiting: Waiter[] = [];
  private nextId = 1;
  private progress: { phase: string; loaded: number; total: number } | null = null;
  private lastDetails: RunDetails | undefined;
  private failure: string | null = null;

  constructor(private readonly options: RuntimePoolOptions) {
    this.kind = options.kind;
  }

  status(): RuntimeStatus {
    const alive = this.workers.filter((w) => !w.worker.dead);
    const ready = alive.some((w) => w.worker.isLoaded);
    const loading = alive.some((w) => !w.worker.isLoaded);
    // A reserved worker is busy from the moment a run takes it (it may still be loading).
    const busy = alive.filter((w) => w.worker.busy || this.reserved.has(w.worker)).length;
    const base = { kind: this.kind, workers: alive.length, busy, ...(this.lastDetails ? { details: this.lastDetails } : {}) };
    if (ready) {
      const detail = readyDetail(this.lastDetails);
      return { ...base, state: 'ready', ...(detail ? { detail } : {}) };
    }
    if (loading) {
      const p = this.progress;
      return { ...base, state: 'loading', progress: p && p.total > 0 ? Math.min(1, p.loaded / p.total) : 0, ...(p ? { detail: p.phase } : {}) };
    }
    if (this.failure) return { ...base, state: 'failed', detail: this.failure };
    return { ...base, state: 'idle' };
  }

  /** Loads a worker ahead of need (if none is alive) and resolves when one is ready. */
  async warm(): Promise<RuntimeStatus> {
    const alive = this.workers.find((w) => !w.worker.dead && !w.network);
    const worker = alive?.worker ?? this.start(false).worker;
    await worker.ready;
    return this.status();
  }

  async run(request: RunRequest): Promise<RunResult> {
    const network = this.options.networkAware && request.permissions.includes('network');
    const worker = await this.acquire(network, request.signal);
    let stdout = '';
    let stderr = '';
    try {
      await worker.ready;
      const outcome = await worker.run({
        code: request.code,
        inputs: { ...request.inputs },
        seed: request.seed,
        permissions: request.permissions,
        timeoutMs: request.timeoutMs,
        ...(request.engine ? { engine: request.engine } : {}),
        interruptible: this.options.interruptibleRun?.(request) ?? true,
        ...(request.signal ? { signal: request.signal } : {}),
        onLog: (stream, text) => {
          if (stream === 'stdout') stdout += text;
          else stderr += text;
          request.onLog?.({ stream, text });
        },
      });
      const bytesIn = byteSize(request.code) + byteSize(request.inputs);
      const bytesOut = byteSize(outcome.outputs);
      return {
        outputs: outcome.outputs,
        stdout,
        stderr,
        energy: { cpuMs: outcome.cpuMs, tokensIn: 0, tokensOut: 0, bytes: bytesIn + bytesOut },
        details: { ...this.lastDetails, ...outcome.details, worker: worker.id, bytesIn, bytesOut },
      };
    } catch (error) {
      const coded = WeftError.from(error);
      throw new WeftError(coded.code, coded.message, { ...coded.data, ...(stdout ? { stdout } : {}), ...(stderr ? { stderr } : {}) });
    } finally {
      this.release(worker);
    }
  }

  /** Stops every worker (e.g. after a settings change); the next run starts fresh ones. Busy ones finish first. */
  restart(): void {
    for (const entry of this.workers) if (!entry.worker.busy) entry.worker.terminate();
    this.prune();
    this.emit();
  }

  dispose(): void {
    for (const entry of this.workers) entry.worker.terminate();
    this.workers = [];
    this.emit();
  }

  private acquire(network: boolean, signal: AbortSignal | undefined): Promise<RuntimeWorker> {
    this.prune();
    const idle = this.workers.find((w) => w.network === network && !w.worker.busy && !w.worker.dead && !this.reserved.has(w.worker));
    if (idle) return Promise.resolve(this.reserve(idle.worker));
    if (this.workers.length < this.options.maxWorkers) return Promise.resolve(this.reserve(this.start(network).worker));
    // Full: an idle worker of the other kind makes room.
    const other = this.workers.find((w) => !w.worker.busy && !this.reserved.has(w.worker));
    if (other) {
      other.worker.terminate();
      this.prune();
      return Promise.resolve(this.reserve(this.start(network).worker));
    }
    return new Promise<RuntimeWorker>((resolve, reject) => {
      const waiter: Waiter = {
        network,
        grant: (worker) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(worker);
        },
      };
      const onAbort = () => {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        reject(new WeftError('RUNTIME_CANCELLED', `The ${LABELS[this.kind]} run was cancelled before it started.`, { restarted: false }));
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort);
      this.waiting.push(waiter);
    });
  }

  private readonly reserved = new Set<RuntimeWorker>();

  private reserve(worker: RuntimeWorker): RuntimeWorker {
    this.reserved.add(worker);
    this.emit();
    return worker;
  }

  private release(worker: RuntimeWorker): void {
    this.reserved.delete(worker);
    this.prune();
    const next = this.waiting.shift();
    if (next) {
      // Hand the freed slot on: the same worker if it fits, else a fresh one in its place.
      const entry = this.workers.find((w) => w.worker === worker);
      if (entry && entry.network === next.network && !worker.dead) next.grant(this.reserve(worker));
      else {
        if (entry) worker.terminate();
        this.prune();
        next.grant(this.reserve(this.start(next.network).worker));
      }
    } else if (this.workers.length === 0 && worker.isLoaded) {
      // Keep one warm: a dead worker's replacement loads now, not when the next run needs it.
      // (Not after a failed load: that would retry forever; the next run tries again.)
      this.start(false);
    }
    this.emit();
  }

  private start(network: boolean): { worker: RuntimeWorker; network: boolean } {
    const interrupt = this.options.interruptible && typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    const worker = new RuntimeWorker({
      kind: this.kind,
      id: this.nextId++,
      create: () => this.options.create(network),
      loadOptions: { ...this.options.loadOptions?.(), network, ...(interrupt ? { interrupt: interrupt.buffer as SharedArrayBuffer } : {}) },
      ...(interrupt ? { interrupt } : {}),
      clock: this.options.clock,
      graceMs: this.options.graceMs ?? 1000,
      onProgress: (phase, loaded, total) => {
        // Shown as one bar: it never goes back, even when a runtime's phases each count from zero.
        const before = this.progress && this.progress.total > 0 ? this.progress.loaded / this.progress.total : 0;
        this.progress = total > 0 && loaded / total < before ? { phase, loaded: before * total, total } : { phase, loaded, total };
        this.emit();
      },
    });
    const entry = { worker, network };
    this.workers.push(entry);
    this.failure = null;
    worker.ready.then(
      (details) => {
        this.lastDetails = details;
        this.progress = null;
        this.emit();
      },
      (error: unknown) => {
        this.failure = WeftError.from(error).message;
        this.progress = null;
        this.prune();
        this.emit();
      },
    );
    this.emit();
    return entry;
  }

  private prune(): void {
    this.workers = this.workers.filter((w) => !w.worker.dead);
  }

  private emit(): void {
    this.options.onStatus(this.status());
  }
}

/** What a ready runtime runs on, in a few words: the tensor backend, the Pyodide version… */
function readyDetail(details: RunDetails | undefined): string | null {
  if (!details) return null;
  if (typeof details.backend === 'string') return details.backend;
  if (details.pyodide !== undefined) return `Pyodide ${String(details.pyodide)}`;
  if (typeof details.engine === 'string') return details.engine;
  return null;
}
