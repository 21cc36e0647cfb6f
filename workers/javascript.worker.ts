/**
 * The javascript worker: runs JavaScript skills' `execute(inputs)` with no DOM, the network and
 * the app's storage locked away (see lib/runtimes/javascript/jsSandbox.ts); untrusted code runs in
 * QuickJS (WebAssembly, /quickjs/emscripten-module.wasm, loaded on first use) with a memory limit.
 * May import: lib/runtimes and lib/core. Never React, Next.js or components.
 * Built as an ES module by scripts/build-workers.mjs into public/workers/javascript.js.
 */
import { type EngineScope, serveEngine } from '../lib/runtimes/engine';
import { javascriptEngine } from '../lib/runtimes/javascript/javascriptEngine';
import { lockDown } from '../lib/runtimes/javascript/jsSandbox';
import { quickjsModule } from '../lib/runtimes/javascript/quickjsModule';

// Kept before the lock-down takes `fetch` away from skill code (module scope: code compiled with
// `new Function` cannot reach it). Only this app's own file is fetched with it.
const ownFetch = self.fetch.bind(self);
const quickjs = quickjsModule({ wasmModule: () => WebAssembly.compileStreaming(ownFetch(new URL('/quickjs/emscripten-module.wasm', self.location.origin).href)) });

serveEngine(self as unknown as EngineScope, javascriptEngine({ runtime: 'javascript', lockDown: (network) => lockDown(self, { network }), console, quickjs }));
