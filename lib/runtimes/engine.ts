/**
 * The worker side of a runtime. A worker entry (`workers/<kind>.worker.ts`) builds an `Engine`
 * and hands it to `serveEngine`, which loads it on the first message, runs jobs one at a time,
 * times them, and turns whatever they throw into a `WeftErrorData`.
 */
import { WeftError } from '../core';
import type { FromWorker, LoadOptions, RunJobMessage, ToWorker } from './workerProtocol';
import type { JsEngine, LogStream, RunDetails } from './types';

export interface EngineJob {
  readonly id: number;
  readonly code: string;
  readonly inputs: Record<string, unknown>;
  readonly seed: number;
  readonly permissions: readonly string[];
  /** The run's deadline (engines that can stop themselves use it). */
  readonly timeoutMs?: number;
  /** JavaScript: the engine to run it in (default `v8`). */
  readonly engine?: JsEngine;
  /** Streams printed output to the host as it happens. */
  log(stream: LogStream, text: string): void;
}

export interface EngineResult {
  readonly outputs: Record<string, unknown>;
  readonly details?: RunDetails;
}

export interface Engine {
  /** Loads the runtime (interpreter, backend…), reporting progress; resolves with what it runs on. */
  load(options: LoadOptions, progress: (phase: string, loaded: number, total: number) => void): Promise<RunDetails>;
  run(job: EngineJob): Promise<EngineResult>;
}

/** The part of a worker's global scope `serveEngine` uses (a fake in tests). */
export interface EngineScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
}

/** Serves `engine` on `scope`: runs are queued and executed strictly one after another. */
export function serveEngine(scope: EngineScope, engine: Engine, now: () => number = () => performance.now()): void {
  let loading: Promise<boolean> | null = null;
  let queue: Promise<void> = Promise.resolve();

  const load = (options: LoadOptions): Promise<boolean> => {
    loading ??= engine
      .load(options, (phase, loaded, total) => scope.postMessage({ t: 'progress', phase, loaded, total }))
      .then((details) => {
        scope.postMessage({ t: 'ready', details });
        return true;
      })
      .catch((error: unknown) => {
        scope.postMessage({ t: 'loadFailed', error: WeftError.from(error).toJSON() });
        return false;
      });
    return loading;
  };

  const run = async (message: RunJobMessage): Promise<void> => {
    if (!(await (loading ?? load({})))) {
      scope.postMessage({ t: 'failed', id: message.id, cpuMs: 0, error: new WeftError('RUNTIME_LOAD_FAILED', 'The runtime did not load, so nothing can run in it.').toJSON() });
      return;
    }
    const job: EngineJob = { ...message, log: (stream, text) => scope.postMessage({ t: 'log', id: message.id, stream, text }) };
    const started = now();
    try {
      const result = await engine.run(job);
      scope.postMessage({ t: 'done', id: message.id, outputs: result.outputs, cpuMs: now() - started, details: result.details ?? {} });
    } catch (error) {
      scope.postMessage({ t: 'failed', id: message.id, cpuMs: now() - started, error: WeftError.from(error).toJSON() });
    }
  };

  scope.addEventListener('message', (event) => {
    const message = event.data;
    if (message.t === 'load') void load(message.options);
    else queue = queue.then(() => run(message));
  });
}
