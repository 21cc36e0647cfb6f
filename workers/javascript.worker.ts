/**
 * The javascript worker: runs JavaScript skills' `execute(inputs)` with no DOM, the network and
 * the app's storage locked away (see lib/runtimes/javascript/jsSandbox.ts).
 * May import: lib/runtimes and lib/core. Never React, Next.js or components.
 * Built as an ES module by scripts/build-workers.mjs into public/workers/javascript.js.
 */
import { type EngineScope, serveEngine } from '../lib/runtimes/engine';
import { javascriptEngine } from '../lib/runtimes/javascript/javascriptEngine';
import { lockDown } from '../lib/runtimes/javascript/jsSandbox';

serveEngine(self as unknown as EngineScope, javascriptEngine({ runtime: 'javascript', lockDown: (network) => lockDown(self, { network }), console }));
