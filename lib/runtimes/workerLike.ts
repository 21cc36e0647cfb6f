/**
 * The part of a `Worker` the runtime host uses, so Node tests can put an in-process worker
 * (`inProcessWorker`) where the browser has a real one.
 */
import type { Engine, EngineScope } from './engine';
import { serveEngine } from './engine';
import type { FromWorker, ToWorker } from './workerProtocol';

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

/**
 * An engine served in this thread, behind the same messages as a real worker. `terminate()` cuts
 * it off (whatever it is still doing can no longer answer), as terminating a worker would.
 */
export function inProcessWorker(engine: Engine): WorkerLike {
  let terminated = false;
  const toHost = new Set<(event: { data: FromWorker }) => void>();
  let toWorker: (event: { data: ToWorker }) => void = () => {};
  const scope: EngineScope = {
    postMessage: (message) =>
      queueMicrotask(() => {
        if (!terminated) for (const listener of toHost) listener({ data: structuredClone(message) });
      }),
    addEventListener: (_type, listener) => {
      toWorker = listener;
    },
  };
  serveEngine(scope, engine);
  return {
    postMessage: (message) =>
      queueMicrotask(() => {
        if (!terminated) toWorker({ data: structuredClone(message) });
      }),
    terminate: () => {
      terminated = true;
    },
    addEventListener: (type: 'message' | 'error', listener: (event: never) => void) => {
      if (type === 'message') toHost.add(listener as (event: { data: FromWorker }) => void);
    },
  };
}
