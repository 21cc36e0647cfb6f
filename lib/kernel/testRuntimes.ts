/**
 * For Node tests: a kernel with every runtime's real engine (Pyodide's Node build, TensorFlow.js
 * on its CPU backend, ngspice in WebAssembly…), each behind an in-process worker (the browser has
 * real workers; the messages are the same), and volumes in a temp dir seeded with the named
 * built-in skills from skills/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { Simulation } from 'eecircuit-engine';
import http from 'isomorphic-git/http/node';
import { loadPyodide } from 'pyodide';
import { systemClock } from '../core';
import { type Engine, inProcessWorker, RuntimeHost, type RuntimeKind } from '../runtimes';
import { javascriptEngine } from '../runtimes/javascript/javascriptEngine';
import { quickjsModule } from '../runtimes/javascript/quickjsModule';
import { pythonEngine } from '../runtimes/python/pythonEngine';
import { createSpiceEngine } from '../runtimes/spice';
import { createTensorEngine } from '../runtimes/tensor';
import { createLockMap, memoryStore, Workspace } from '../volumes';
import { tempDir } from '../volumes/testing';
import { rootedFs } from '../volumes/testVolumes';
import { Kernel, type KernelDeps } from './kernel';

/** One QuickJS for every test kernel, small so a bomb in it is over quickly. */
const quickjs = quickjsModule({ memoryBytes: 32 * 2 ** 20 });

const engines: Record<RuntimeKind, () => Engine> = {
  python: () => pythonEngine({ loadPyodide: () => loadPyodide() }),
  javascript: () => javascriptEngine({ runtime: 'javascript', lockDown: () => {}, console, quickjs }),
  three: () => javascriptEngine({ runtime: 'three', lockDown: () => {}, console }),
  tensor: () => createTensorEngine({ tf, backends: ['cpu'], console, calibration: { n: 32, reps: 1 } }),
  spice: () => createSpiceEngine({ createSimulation: () => new Simulation() }),
};

export async function kernelWithRuntimes(skills: readonly string[], extra: Partial<KernelDeps> = {}): Promise<{ kernel: Kernel; cleanup: () => void; dir: string }> {
  const dir = tempDir();
  const builtins = {
    version: 'test',
    files: skills.map((name) => ({ path: `skills/${name}/SKILL.md`, content: readFileSync(join(__dirname, '../../skills', name, 'SKILL.md'), 'utf8') })),
  };
  const kernel = new Kernel({
    clock: systemClock,
    version: 'test',
    probe: async () => ({ crossOriginIsolated: true, sharedArrayBuffer: true, webAssembly: true, webGpu: false, indexedDb: false, userAgent: 'vitest' }),
    panic: () => {},
    runtimes: (onStatus) => new RuntimeHost({ create: (kind) => inProcessWorker(engines[kind]()), clock: systemClock, onStatus }),
    workspace: () => Workspace.open({ fs: rootedFs(dir.path), clock: systemClock, lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore(), builtins }),
    ...extra,
  });
  await kernel.boot();
  return { kernel, cleanup: dir.remove, dir: dir.path };
}
