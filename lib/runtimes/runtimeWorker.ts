/**
 * The host side of one runtime worker: loads it, runs one job at a time, and enforces the job's
 * deadline and cancellation. Python is interrupted through a SharedArrayBuffer flag (the worker
 * stays usable); a worker that does not stop within `graceMs` of that, or any other runtime past
 * its deadline, is terminated, and the pool replaces it.
 */
import { type Clock, type TimerHandle, WeftError } from '../core';
import type { JsEngine, LogStream, RunDetails, RuntimeKind } from './types';
import type { WorkerLike } from './workerLike';
import type { FromWorker, LoadOptions } from './workerProtocol';

export interface RuntimeWorkerOptions {
  readonly kind: RuntimeKind;
  readonly id: number;
  readonly create: () => WorkerLike;
  readonly loadOptions: LoadOptions;
  /** Present when the runtime honours interrupts (Python): the flag shared with the worker. */
  readonly interrupt?: Int32Array;
  readonly clock: Clock;
  /** How long an interrupted run may take to stop before its worker is terminated. */
  readonly graceMs: number;
  readonly onProgress: (phase: string, loaded: number, total: number) => void;
}

export interface WorkerJob {
  readonly code: string;
  readonly inputs: Record<string, unknown>;
  readonly seed: number;
  readonly permissions: readonly string[];
  readonly timeoutMs: number;
  /** The engine that runs the job (JavaScript: `v8` or `quickjs`); absent: the worker's only one. */
  readonly engine?: JsEngine;
  /** False when the job's engine does not poll the interrupt flag (a V8 job in the javascript worker). */
  readonly interruptible?: boolean;
  readonly signal?: AbortSignal;
  readonly onLog: (stream: LogStream, text: string) => void;
}

export interface WorkerOutcome {
  readonly outputs: Record<string, unknown>;
  readonly cpuMs: number;
  readonly details: RunDetails;
}

type Settle = { resolve(outcome: WorkerOutcome): void; reject(error: WeftError): void; onLog: WorkerJob['onLog'] };

export const LABELS: Readonly<Record<RuntimeKind, string>> = { python: 'Python', javascript: 'JavaScript', tensor: 'tensor', three: 'three', spice: 'SPICE' };

export class RuntimeWorker {
  readonly ready: Promise<RunDetails>;
  private readonly worker: WorkerLike;
  private current: (Settle & { id: number }) | null = null;
  private nextId = 1;
  private isDead = false;
  private loaded = false;
  private onReady!: (details: RunDetails) => void;
  private onLoadFailed!: (error: WeftError) => void;

  constructor(private readonly options: RuntimeWorkerOptions) {
    this.ready = new Promise<RunDetails>((resolve, reject) => {
      this.onReady = resolve;
      this.onLoadFailed = reject;
    });
    // A load failure is reported through `ready`; nobody may be listening yet.
    this.ready.catch(() => {});
    this.worker = options.create();
    this.worker.addEventListener('message', (event) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => this.crashed(event.message));
    this.worker.postMessage({ t: 'load', options: options.loadOptions });
  }

  get id(): number {
    return this.options.id;
  }

  get dead(): boolean {
    return this.isDead;
  }

  get busy(): boolean {
    return this.current !== null;
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Runs one job; rejects with a coded error (RUNTIME_TIMEOUT, RUNTIME_CANCELLED, the code's own…). */
  run(job: WorkerJob): Promise<WorkerOutcome> {
    if (this.isDead) return Promise.reject(new WeftError('RUNTIME_CRASHED', `The ${LABELS[this.options.kind]} worker is gone; run again to get a fresh one.`));
    if (this.current) return Promise.reject(new WeftError('RUNTIME_BUSY', `The ${LABELS[this.options.kind]} worker is already running something.`));
    const { clock, interrupt, graceMs } = this.options;
    // A worker with an interrupt flag honours it only for jobs whose engine polls it (all of
    // Python; JavaScript only in QuickJS, since V8 code cannot be interrupted from outside).
    const canInterrupt = interrupt !== undefined && job.interruptible !== false;
    const label = LABELS[this.options.kind];
    const id = this.nextId++;
    return new Promise<WorkerOutcome>((resolve, reject) => {
      let stop: { reason: 'timeout' | 'cancel'; at: number } | null = null;
      const timers: TimerHandle[] = [];
      const cleanup = () => {
        timers.forEach((t) => clock.clearTimeout(t));
        job.signal?.removeEventListener('abort', onAbort);
        this.current = null;
      };
      // `how` says what happened, and `restarted` agrees: true whenever the worker was terminated
      // (the pool starts a fresh one), false when the code stopped on its own after the interrupt.
      const stopped = (restarted: boolean, interruptMs?: number): WeftError => {
        const how =
          interruptMs !== undefined
            ? `it stopped ${Math.round(interruptMs)} ms after being interrupted`
            : canInterrupt
              ? 'its worker did not stop when interrupted, so it was stopped and a fresh one started'
              : 'its worker was stopped and a fresh one started';
        return stop!.reason === 'timeout'
          ? new WeftError('RUNTIME_TIMEOUT', `The ${label} code ran past its deadline of ${formatMs(job.timeoutMs)} and was stopped (${how}). Give it more time (timeout_ms) or make it do less.`, { timeoutMs: job.timeoutMs, ...(interruptMs === undefined ? {} : { interruptMs }), restarted })
          : new WeftError('RUNTIME_CANCELLED', `The ${label} run was cancelled (${how}).`, { ...(interruptMs === undefined ? {} : { interruptMs }), restarted });
      };
      const kill = () => {
        cleanup();
        this.terminate();
        reject(stopped(true));
      };
      const requestStop = (reason: 'timeout' | 'cancel') => {
        if (stop) return;
        stop = { reason, at: clock.now() };
        if (canInterrupt) {
          Atomics.store(interrupt!, 0, 2);
          timers.push(clock.setTimeout(kill, graceMs));
        } else {
          cleanup();
          this.terminate();
          reject(stopped(true));
        }
      };
      const onAbort = () => requestStop('cancel');
      this.current = {
        id,
        onLog: job.onLog,
        resolve: (outcome) => {
          cleanup();
          resolve(outcome);
        },
        reject: (error) => {
          cleanup();
          if (stop && error.code === 'RUNTIME_CANCELLED' && error.data.interrupted === true) {
            const interruptMs = clock.now() - stop.at;
            reject(stopped(false, interruptMs));
            return;
          }
          if (error.data.replaceWorker === true) this.terminate();
          reject(error);
        },
      };
      if (interrupt) Atomics.store(interrupt, 0, 0);
      timers.push(clock.setTimeout(() => requestStop('timeout'), job.timeoutMs));
      if (job.signal?.aborted) {
        requestStop('cancel');
        return;
      }
      job.signal?.addEventListener('abort', onAbort);
      this.worker.postMessage({ t: 'run', id, code: job.code, inputs: job.inputs, seed: job.seed, permissions: job.permissions, timeoutMs: job.timeoutMs, ...(job.engine ? { engine: job.engine } : {}) });
    });
  }

  terminate(): void {
    if (this.isDead) return;
    this.isDead = true;
    this.worker.terminate();
    this.onLoadFailed(new WeftError('RUNTIME_CRASHED', `The ${LABELS[this.options.kind]} worker was stopped before it finished loading.`));
  }

  private receive(message: FromWorker): void {
    switch (message.t) {
      case 'progress':
        this.options.onProgress(message.phase, message.loaded, message.total);
        return;
      case 'ready':
        this.loaded = true;
        this.onReady(message.details);
        return;
      case 'loadFailed':
        this.onLoadFailed(WeftError.from(message.error));
        this.terminate();
        return;
      case 'log':
        if (this.current?.id === message.id) this.current.onLog(message.stream, message.text);
        return;
      case 'done':
        if (this.current?.id === message.id) this.current.resolve({ outputs: message.outputs, cpuMs: message.cpuMs, details: message.details });
        return;
      case 'failed':
        if (this.current?.id === message.id) this.current.reject(WeftError.from(message.error));
        return;
    }
  }

  private crashed(detail: string | undefined): void {
    const label = LABELS[this.options.kind];
    const error = this.loaded
      ? new WeftError('RUNTIME_CRASHED', `The ${label} worker crashed${detail ? ` (${detail})` : ''}, perhaps out of memory. It is restarted; run again.`, { detail: detail ?? null })
      : new WeftError('RUNTIME_LOAD_FAILED', `The ${label} runtime could not start${detail ? ` (${detail})` : ''}. Reload the page; if it persists, this browser may lack something the runtime needs.`, { detail: detail ?? null });
    this.current?.reject(error);
    this.onLoadFailed(error);
    this.terminate();
  }
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
