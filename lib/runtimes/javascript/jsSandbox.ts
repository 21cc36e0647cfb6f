/**
 * What the javascript, three and tensor workers share: turning a skill's code into its `execute`
 * function, calling it with a seeded `Math.random`, and locking the worker's global scope down so
 * the code cannot reach the network (unless it has the `network` permission) or the app's storage.
 */
import { WeftError } from '../../core';
import { checkOutputs } from '../outputs';
import { codeError, executeMissing } from '../runtimeErrors';
import { seededRandom } from '../seededRandom';

export type Execute = (inputs: Record<string, unknown>) => unknown;

/** Globals that reach the network; replaced by refusals unless the skill has `network`. */
export const NETWORK_GLOBALS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport', 'importScripts', 'Worker', 'SharedWorker'] as const;
/** Globals that reach the app's own storage (settings, API keys, volumes): never available to skill code. */
export const STORAGE_GLOBALS = ['indexedDB', 'caches', 'BroadcastChannel'] as const;

/**
 * Compiles `code` (which must define `execute`) with `free` as free variables (`tf` for tensor code).
 * @example compileExecute('function execute(x) { return { y: x.a + 1 } }', {}, 'javascript')
 */
export function compileExecute(code: string, free: Record<string, unknown>, runtime: string): Execute {
  const names = Object.keys(free);
  let factory: (...args: unknown[]) => unknown;
  try {
    factory = new Function(...names, `"use strict";\n${code}\n;return typeof execute === 'function' ? execute : typeof execute;`) as typeof factory;
  } catch (error) {
    throw codeError(error, runtime);
  }
  let found: unknown;
  try {
    found = factory(...names.map((name) => free[name]));
  } catch (error) {
    throw codeError(error, runtime);
  }
  if (typeof found !== 'function') {
    throw executeMissing(runtime, found === 'undefined' ? 'there is no function named execute' : `execute is a ${String(found)}, not a function`);
  }
  return found as Execute;
}

/** Calls `execute(inputs)` (awaiting it if async) with `Math.random` seeded; checks the outputs are plain data. */
export async function callExecute(execute: Execute, inputs: Record<string, unknown>, seed: number, runtime: string): Promise<Record<string, unknown>> {
  const original = Math.random;
  Math.random = seededRandom(seed);
  let value: unknown;
  try {
    value = await execute(inputs);
  } catch (error) {
    throw codeError(error, runtime);
  } finally {
    Math.random = original;
  }
  return checkOutputs(value, runtime);
}

/**
 * Replaces the network globals (unless `network`) and the storage globals of `scope` by refusals,
 * on the scope and on every prototype it inherits them from, so code cannot get the originals back.
 * Call once, before any skill code runs in the worker.
 */
export function lockDown(scope: object, options: { network: boolean }): void {
  const refused: string[] = [...STORAGE_GLOBALS, ...(options.network ? [] : NETWORK_GLOBALS)];
  for (const name of refused) {
    for (let target: object | null = scope; target; target = Object.getPrototypeOf(target) as object | null) {
      if (Object.prototype.hasOwnProperty.call(target, name)) Reflect.deleteProperty(target, name);
    }
    Object.defineProperty(scope, name, { value: refusal(name, (NETWORK_GLOBALS as readonly string[]).includes(name)), configurable: false, writable: false, enumerable: false });
  }
}

function refusal(name: string, network: boolean): unknown {
  const error = () =>
    network
      ? new WeftError('RUNTIME_PERMISSION', `${name} is not available: this skill does not have the network permission. Add "network" to its permissions (permissions: [network]) if it really needs the network.`, { global: name, permission: 'network' })
      : new WeftError('RUNTIME_PERMISSION', `${name} is not available to skill code: skills cannot read the app's storage.`, { global: name });
  // A class-shaped function, so `fetch(url)`, `new WebSocket(url)` and `indexedDB.open(…)` all get the clear error.
  return new Proxy(function refused() {}, {
    apply: () => {
      throw error();
    },
    construct: () => {
      throw error();
    },
    get: (target, key) => {
      if (key === 'name') return name;
      if (typeof key === 'symbol') return Reflect.get(target, key);
      throw error();
    },
  });
}
