/**
 * The javascript engine (also the three engine): a skill's `execute(inputs)`, sync or async, in a
 * worker with no DOM, `Math.random` seeded, `console` routed to the run's log, and the network
 * (unless the worker was loaded with `network`) and the app's storage locked away at load.
 * For `three`, every output that is a scene (`type: 'scene3d'` or `objects`) is checked against
 * the scene3d schema, so a bad scene fails here, naming its field, not later in the viewer.
 */
import type { Engine } from '../engine';
import { parseScene3d } from '../scene3d';
import { routeConsole } from '../routeConsole';
import { callExecute, compileExecute } from './jsSandbox';

export interface JavaScriptEngineDeps {
  readonly runtime: 'javascript' | 'three';
  /** Locks the worker's scope down (see `lockDown`); called once, at load. */
  lockDown(network: boolean): void;
  readonly console: Pick<Console, 'log' | 'info' | 'debug' | 'warn' | 'error'>;
}

export function javascriptEngine(deps: JavaScriptEngineDeps): Engine {
  return {
     
    async load(options, progress) {
      deps.lockDown(options.network === true);
      progress('ready', 1, 1);
      return { network: options.network === true };
    },
    async run(job) {
      const restore = routeConsole(deps.console, job.log);
      try {
        const execute = compileExecute(job.code, {}, deps.runtime);
        const outputs = await callExecute(execute, job.inputs, job.seed, deps.runtime);
        if (deps.runtime === 'three') checkScenes(outputs);
        return { outputs };
      } finally {
        restore();
      }
    },
  };
}

function checkScenes(outputs: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(outputs)) {
    const scene = value as { type?: unknown; objects?: unknown } | null;
    if (!scene || typeof scene !== 'object' || (scene.type !== 'scene3d' && !Array.isArray(scene.objects))) continue;
    const parsed = parseScene3d(value, name);
    if (!parsed.ok) throw parsed.error;
  }
}
