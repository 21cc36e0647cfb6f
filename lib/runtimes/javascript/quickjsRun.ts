/**
 * Runs a JavaScript skill's `execute(inputs)` in QuickJS compiled to WebAssembly: the bounded
 * engine for untrusted code. Each run gets a fresh QuickJS runtime with a memory limit (a bomb
 * becomes RUNTIME_MEMORY instead of taking the tab down with V8's heap) and an interrupt handler
 * (the host's interrupt flag or the run's own deadline stop an endless loop, and the worker stays).
 * The sandbox has no network, no timers and no storage: only the language, `console` and a seeded
 * `Math.random`. Values cross as JSON (typed arrays kept; see quickjsValues.ts).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core';
import { WeftError } from '../../core';
import { checkOutputs } from '../outputs';
import { formatLogArgs } from '../routeConsole';
import { codeError, executeMissing } from '../runtimeErrors';
import type { LogStream } from '../types';
import { decodeOutputs, encodeInputs, QUICKJS_PRELUDE } from './quickjsValues';

/** What a QuickJS run may take. Far below what a browser tab survives. */
export const QUICKJS_LIMITS = { memoryBytes: 256 * 1024 * 1024, stackBytes: 1024 * 1024 } as const;

export interface QuickJsJob {
  readonly code: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly seed: number;
  /** Past this (from the start of the run) the code is stopped with RUNTIME_TIMEOUT; absent: only the flag stops it. */
  readonly timeoutMs?: number;
  log(stream: LogStream, text: string): void;
}

export interface QuickJsOptions {
  readonly runtime: string;
  readonly memoryBytes?: number;
  /** The host's interrupt flag is set (a cancel, or the host's deadline). */
  readonly interrupted: () => boolean;
  readonly now: () => number;
  /** `module` must not be used again (a run ran out of memory in it): load a fresh instance for the next run. */
  readonly discard: () => void;
}

const CONSOLE: Readonly<Record<string, LogStream>> = { log: 'stdout', info: 'stdout', debug: 'stdout', warn: 'stderr', error: 'stderr' };

const DRIVER = `
globalThis.__weftState = { done: false };
Promise.resolve()
  .then(() => __weftExecute(JSON.parse(__weftInputs, __weft.revive)))
  .then((v) => (v === undefined ? undefined : JSON.stringify(v, __weft.replace)))
  .then((out) => { __weftState.out = out; __weftState.done = true; }, (e) => { __weftState.error = e; __weftState.done = true; });
`;

/** Runs one job in a fresh QuickJS runtime of `module`; returns checked outputs or throws a coded error. */
export function runInQuickJs(module: QuickJSWASMModule, job: QuickJsJob, options: QuickJsOptions): Record<string, unknown> {
  const memoryBytes = options.memoryBytes ?? QUICKJS_LIMITS.memoryBytes;
  const runtime = module.newRuntime();
  let stoppedBy: 'flag' | 'deadline' | null = null;
  const deadline = job.timeoutMs === undefined ? Infinity : options.now() + job.timeoutMs;
  runtime.setMemoryLimit(memoryBytes);
  runtime.setMaxStackSize(QUICKJS_LIMITS.stackBytes);
  runtime.setInterruptHandler(() => {
    if (options.interrupted()) stoppedBy = 'flag';
    else if (options.now() > deadline) stoppedBy = 'deadline';
    return stoppedBy !== null;
  });
  const ctx = runtime.newContext();
  let outOfMemory = false;
  const fail = (error: unknown): WeftError => {
    if (stoppedBy === 'flag') return new WeftError('RUNTIME_CANCELLED', `The ${options.runtime} code was interrupted.`, { interrupted: true, engine: 'quickjs' });
    if (stoppedBy === 'deadline') {
      return new WeftError('RUNTIME_TIMEOUT', `The ${options.runtime} code ran past its deadline of ${job.timeoutMs} ms and was stopped (QuickJS interrupted it; the worker stays). Give it more time (timeout_ms) or make it do less.`, { timeoutMs: job.timeoutMs ?? 0, restarted: false, engine: 'quickjs' });
    }
    const { name, message, stack } = describe(error);
    if (/out of memory/i.test(message)) {
      const mb = Math.round(memoryBytes / 2 ** 20);
      return new WeftError('RUNTIME_MEMORY', `The ${options.runtime} code used more than the ${mb} MB its sandbox (QuickJS) allows, and was stopped; the page was not affected. Work on smaller data or in chunks.`, { name, detail: message, limitBytes: memoryBytes, engine: 'quickjs' });
    }
    return codeError(hostError(name, message, stack), options.runtime);
  };
  try {
    installGlobals(ctx, job);
    evalOrThrow(ctx, QUICKJS_PRELUDE, 'weft-prelude.js', fail);
    evalOrThrow(ctx, `"use strict";\n${job.code}\n;globalThis.__weftExecute = typeof execute === 'function' ? execute : typeof execute;`, '<skill>', fail);
    const found = ctx.getProp(ctx.global, '__weftExecute');
    const kind = ctx.typeof(found);
    const label = kind === 'string' ? (ctx.getString(found) as string) : kind;
    found.dispose();
    if (kind !== 'function') throw executeMissing(options.runtime, label === 'undefined' ? 'there is no function named execute' : `execute is a ${label}, not a function`);
    evalOrThrow(ctx, DRIVER, 'weft-driver.js', fail);
    return checkOutputs(settle(ctx, fail), options.runtime);
  } catch (error) {
    outOfMemory = error instanceof WeftError && error.code === 'RUNTIME_MEMORY';
    throw error;
  } finally {
    // After an out-of-memory QuickJS may have left objects half made, and freeing the runtime
    // then aborts the whole WebAssembly instance: the instance is dropped instead (the garbage
    // collector takes its memory) and the next run gets a fresh one.
    if (outOfMemory) options.discard();
    else {
      try {
        ctx.dispose();
        runtime.dispose();
      } catch {
        options.discard();
      }
    }
  }
}

/** Runs QuickJS's job queue until execute's promise settles; the sandbox has no timers, so nothing else can settle it. */
function settle(ctx: QuickJSContext, fail: (error: unknown) => WeftError): unknown {
  for (;;) {
    const jobs = ctx.runtime.executePendingJobs();
    if (jobs.error) {
      const error = fail(dumpAndDispose(ctx, jobs.error));
      throw error;
    }
    const state = ctx.getProp(ctx.global, '__weftState');
    const done = readProp(ctx, state, 'done');
    if (done === true) {
      const errorHandle = ctx.getProp(state, 'error');
      const failed = ctx.typeof(errorHandle) !== 'undefined';
      const out = failed ? undefined : readProp(ctx, state, 'out');
      const thrown = failed ? ctx.dump(errorHandle) : undefined;
      errorHandle.dispose();
      state.dispose();
      if (failed) throw fail(thrown);
      return decodeOutputs(out as string | undefined);
    }
    state.dispose();
    if (jobs.value === 0) throw new WeftError('RUNTIME_ERROR', 'execute(inputs) returned a promise that never settles: the sandbox (QuickJS) has no timers or network to wait for. Return the outputs directly.', { engine: 'quickjs' });
  }
}

function installGlobals(ctx: QuickJSContext, job: QuickJsJob): void {
  const consoleObject = ctx.newObject();
  for (const [method, stream] of Object.entries(CONSOLE)) {
    const fn = ctx.newFunction(method, (...args: QuickJSHandle[]) => {
      job.log(stream, `${formatLogArgs(args.map((a) => ctx.dump(a) as unknown))}\n`);
    });
    ctx.setProp(consoleObject, method, fn);
    fn.dispose();
  }
  ctx.setProp(ctx.global, 'console', consoleObject);
  consoleObject.dispose();
  const inputs = ctx.newString(encodeInputs(job.inputs));
  ctx.setProp(ctx.global, '__weftInputs', inputs);
  inputs.dispose();
  const seed = ctx.newNumber(job.seed >>> 0);
  ctx.setProp(ctx.global, '__weftSeed', seed);
  seed.dispose();
}

function evalOrThrow(ctx: QuickJSContext, code: string, filename: string, fail: (error: unknown) => WeftError): void {
  const result = ctx.evalCode(code, filename);
  if (result.error) throw fail(dumpAndDispose(ctx, result.error));
  result.value.dispose();
}

function readProp(ctx: QuickJSContext, handle: QuickJSHandle, key: string): unknown {
  const value = ctx.getProp(handle, key);
  const dumped = ctx.dump(value) as unknown;
  value.dispose();
  return dumped;
}

function dumpAndDispose(ctx: QuickJSContext, handle: QuickJSHandle): unknown {
  try {
    return ctx.dump(handle) as unknown;
  } catch {
    return { name: 'InternalError', message: 'out of memory' };
  } finally {
    handle.dispose();
  }
}

function describe(error: unknown): { name: string; message: string; stack?: string } {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    return { name: typeof e.name === 'string' ? e.name : 'Error', message: typeof e.message === 'string' ? e.message : String(error), ...(typeof e.stack === 'string' ? { stack: e.stack } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

const ERRORS: Readonly<Record<string, ErrorConstructor>> = { SyntaxError, RangeError, TypeError, ReferenceError, EvalError, URIError };

/** The sandbox's error as a host error of the same kind, so `codeError` reads it as it reads V8's. */
function hostError(name: string, message: string, stack: string | undefined): Error {
  const error = new (ERRORS[name] ?? Error)(message);
  if (!ERRORS[name]) error.name = name;
  error.stack = stack ? `${name}: ${message}\n${stack}` : `${name}: ${message}`;
  return error;
}
