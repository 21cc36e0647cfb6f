/**
 * The three worker: runs `three` skills, JavaScript that returns a declarative scene3d, which is
 * checked against the schema here and rendered by the Scene3D preview on the main thread.
 * May import: lib/runtimes and lib/core. Never React, Next.js, components or three.js itself.
 * Built as an ES module by scripts/build-workers.mjs into public/workers/three.js.
 */
import { type EngineScope, serveEngine } from '../lib/runtimes/engine';
import { javascriptEngine } from '../lib/runtimes/javascript/javascriptEngine';
import { lockDown } from '../lib/runtimes/javascript/jsSandbox';

serveEngine(self as unknown as EngineScope, javascriptEngine({ runtime: 'three', lockDown: (network) => lockDown(self, { network }), console }));
