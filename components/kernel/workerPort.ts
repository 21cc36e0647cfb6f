/**
 * The browser transport for `KernelClient`: the kernel runs in a module worker built outside
 * the Next bundle (scripts/build-workers.mjs → public/workers/kernel.js).
 */
import type { PortFactory } from '@/lib/kernel/client';

export const KERNEL_WORKER_URL = '/workers/kernel.js';

export const workerPort: PortFactory = (handlers) => {
  let worker: Worker;
  try {
    worker = new Worker(KERNEL_WORKER_URL, { type: 'module', name: 'weft-kernel' });
  } catch (error) {
    // Construction throws synchronously for a bad URL or a blocked origin; report it like any
    // other failure, once the client has finished wiring itself up.
    const reason = error instanceof Error ? error.message : String(error);
    queueMicrotask(() => handlers.fail(`the kernel worker could not be created (${reason})`));
    return { post: () => {}, close: () => {} };
  }
  worker.onmessage = (event: MessageEvent<unknown>) => handlers.message(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    // A script that fails to load (404, syntax error at fetch) fires an ErrorEvent without a message.
    handlers.fail(event.message ? `the kernel worker failed: ${event.message}` : `the kernel worker could not be loaded from ${KERNEL_WORKER_URL}`);
  };
  worker.onmessageerror = () => handlers.fail('it sent a message that could not be deserialised');
  return {
    post: (batch) => worker.postMessage(batch),
    close: () => worker.terminate(),
  };
};
