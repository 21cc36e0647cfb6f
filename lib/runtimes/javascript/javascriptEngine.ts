/**
 * The javascript engine (also the three engine): a skill's `execute(inputs)`, sync or async, in a
 * worker with no DOM, `Math.random` seeded, `console` routed to the run's log, and the network
 * (unless the worker was loaded with `network`) and the app's storage locked away at load.
 * For `three`, every output that is a scene (`type: 'scene3d'` or `objects`) is checked against
 * the scene3d schema, so a bad scene fails here, naming its field, not later in the viewer.
 * A job with `engine: 'quickjs'` (untrusted code) runs in QuickJS instead of V8 (see quickjsRun.ts):
 * bounded memory, interruptible, no network; the run's details say which engine ran it.
 */
import { WeftError } from '../../core';
import type { Engine } from '../engine';
import { parseScene3d } from '../scene3d';
import { routeConsole } from '../routeConsole';
import { callExecute, compileExecute } from './jsSandbox';
import type { QuickJsModuleSource } from './quickjsModule';
import { runInQuickJs } from './quickjsRun';

export interface JavaScriptEngineDeps {
  readonly runtime: 'javascript' | 'three';
  /** Locks the worker's scope down (see `lockDown`); called once, at load. */
  lockDown(network: boolean): void;
  readonly console: Pick<Console, 'log' | 'info' | 'debug' | 'warn' | 'error'>;
  /** Where QuickJS comes from, for jobs that ask for it; absent: such jobs are refused. */
  readonly quickjs?: QuickJsModuleSource;
  readonly now?: () => number;
}

export function javascriptEngine(deps: JavaScriptEngineDeps): Engine {
  let interrupt: Int32Array | null = null;
  const now = deps.now ?? (() => performance.now());
  return {
    async load(options, progress) {
      deps.lockDown(options.network === true);
      if (options.interrupt) interrupt = new Int32Array(options.interrupt);
      progress('ready', 1, 1);
      return { network: options.network === true };
    },
    async run(job) {
      if (job.engine === 'quickjs') {
        const source = deps.quickjs;
        if (!source) throw new WeftError('RUNTIME_UNAVAILABLE', `This ${deps.runtime} runtime has no QuickJS sandbox, so untrusted code cannot run in it.`, { engine: 'quickjs' });
        const module = await source.get();
        const flag = interrupt;
        const outputs = runInQuickJs(module, job, { runtime: deps.runtime, memoryBytes: source.memoryBytes, interrupted: () => (flag ? Atomics.load(flag, 0) !== 0 : false), now, discard: source.discard });
        if (deps.runtime === 'three') checkScenes(outputs);
        return { outputs, details: { engine: 'quickjs' } };
      }
      const restore = routeConsole(deps.console, job.log);
      try {
        const execute = compileExecute(job.code, {}, deps.runtime);
        const outputs = await callExecute(execute, job.inputs, job.seed, deps.runtime);
        if (deps.runtime === 'three') checkScenes(outputs);
        return { outputs, details: { engine: 'v8' } };
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
