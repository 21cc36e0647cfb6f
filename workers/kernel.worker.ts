/**
 * The kernel worker: hosts one `Kernel` and nothing else.
 * May import: lib/kernel, lib/core, lib/runtimes, lib/security, ./browserWorkspace (and what they import). Never React, Next.js or components.
 * The runtime workers (python, javascript, tensor, three, spice) are started from here, as nested
 * module workers, so the UI never talks to a runtime directly.
 * Built as an ES module by scripts/build-workers.mjs into public/workers/kernel.js and started
 * with `new Worker('/workers/kernel.js', { type: 'module' })`.
 */
import { systemClock } from '../lib/core';
import { Kernel, probeEnvironment, serveKernel } from '../lib/kernel';
import { RuntimeHost, type WorkerLike } from '../lib/runtimes';
import { policedFetch } from '../lib/security/networkPolicy';
import { browserMemoStore } from './browserMemo';
import { openBrowserWorkspace } from './browserWorkspace';
import { wllamaModels } from './wllamaEngine';

declare const __WEFT_VERSION__: string;

const scope = self as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const kernel = new Kernel({
  clock: systemClock,
  version: __WEFT_VERSION__,
  // What this worker's Content-Security-Policy allows, refused in words rather than "Failed to fetch".
  fetch: policedFetch((input, init) => fetch(input, init), self.location.origin, () => navigator.onLine),
  probe: () => probeEnvironment(),
  runtimes: (onStatus) =>
    new RuntimeHost({
      create: (kind, network) => new Worker(`/workers/${kind}.js${network ? '?network=1' : ''}`, { type: 'module', name: `weft-${kind}` }) as unknown as WorkerLike,
      clock: systemClock,
      onStatus,
    }),
  memo: browserMemoStore(),
  inBrowserModels: wllamaModels(),
  workspace: (hooks) => openBrowserWorkspace(hooks, systemClock, (volume, head) => kernel.volumeChanged(volume, head, 'other-tab')),
  panic: (mode) => {
    if (mode === 'throw') throw new Error('kernel.panic: deliberate failure requested');
    for (;;) {
      // Deliberately spin forever: the client's heartbeat must notice and declare the kernel dead.
    }
  },
});

serveKernel(kernel, {
  post: (messages) => scope.postMessage(messages),
  listen: (handler) => scope.addEventListener('message', (event) => handler(event.data)),
});
