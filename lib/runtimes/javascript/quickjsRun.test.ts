import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WeftError } from '../../core';
import { seededRandom } from '../seededRandom';
import { quickjsModule } from './quickjsModule';
import { runInQuickJs } from './quickjsRun';

// A small sandbox, so the bomb below is over quickly.
const source = quickjsModule({ memoryBytes: 32 * 2 ** 20 });

let module: QuickJSWASMModule;
let discarded = 0;
const load = async () => {
  module = await source.get();
};
beforeAll(load);

function run(code: string, over: { inputs?: Record<string, unknown>; seed?: number; timeoutMs?: number; interrupted?: () => boolean } = {}) {
  const logs: string[] = [];
  const outputs = runInQuickJs(
    module,
    { code, inputs: over.inputs ?? {}, seed: over.seed ?? 1, ...(over.timeoutMs === undefined ? {} : { timeoutMs: over.timeoutMs }), log: (stream, text) => logs.push(`${stream}:${text}`) },
    { runtime: 'JavaScript', interrupted: over.interrupted ?? (() => false), now: () => performance.now(), memoryBytes: source.memoryBytes, discard: () => (discarded++, source.discard()) },
  );
  return { outputs, logs };
}
const fail = (code: string, over: Parameters<typeof run>[1] = {}): WeftError => {
  try {
    run(code, over);
  } catch (error) {
    return error as WeftError;
  }
  throw new Error('expected the run to fail');
};

describe('QuickJS runs', () => {
  it('runs sync and async execute with inputs, typed arrays and console routed to the run log', () => {
    expect(run('function execute({ a, b }) { return { sum: a + b }; }', { inputs: { a: 2, b: 3 } }).outputs).toEqual({ sum: 5 });
    const asyncRun = run('async function execute({ bytes }) { console.log("hi", { x: 1 }); console.error("uh"); await null; return { doubled: bytes.map((b) => b * 2) }; }', { inputs: { bytes: new Uint8Array([1, 2]) } });
    expect(asyncRun.outputs).toEqual({ doubled: new Uint8Array([2, 4]) });
    expect(asyncRun.logs).toEqual(['stdout:hi {"x":1}\n', 'stderr:uh\n']);
  });

  it('seeds Math.random with the same sequence as the V8 engine', () => {
    const { outputs } = run('function execute() { return { x: [Math.random(), Math.random()] }; }', { seed: 42 });
    const random = seededRandom(42);
    expect(outputs).toEqual({ x: [random(), random()] });
  });

  it('turns bad code into the same coded errors as V8', () => {
    expect(fail('function execute( { return {} }').code).toBe('RUNTIME_SYNTAX');
    expect(fail('function run() { return {} }').message).toMatch(/must define a function execute\(inputs\).*no function named execute/);
    expect(fail('function execute() { return 5 }').message).toMatch(/must return a object of outputs.*number/);
    expect(fail('function execute() { return { f: () => 1 } }').message).toMatch(/outputs\.f is a function/);
    expect(fail('function execute() { return { n: 1 / 0 } }').message).toMatch(/outputs\.n is Infinity/);
    const thrown = fail('function execute() { throw new TypeError("bad input") }');
    expect([thrown.code, thrown.message]).toEqual(['RUNTIME_ERROR', 'The code raised TypeError: bad input']);
    expect(fail('async function execute() { await new Promise(() => {}); return {} }').message).toMatch(/never settles/);
  });

  it('a memory bomb becomes RUNTIME_MEMORY at the limit; its instance is discarded and a fresh one runs the next', async () => {
    // Typed arrays' bytes escape QuickJS's own count: the WebAssembly memory's maximum stops them.
    const bytes = fail('function execute() { const hoard = []; for (;;) hoard.push(new Float64Array(1e6)); }');
    expect(bytes.code).toBe('RUNTIME_MEMORY');
    await load();
    const bomb = fail('function execute() { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(1.5)); }');
    expect(bomb.code).toBe('RUNTIME_MEMORY');
    expect(bomb.message).toMatch(/more than the 32 MB its sandbox \(QuickJS\) allows/);
    expect(discarded).toBe(2);
    await load();
    expect(run('function execute() { return { ok: 6 * 7 }; }').outputs).toEqual({ ok: 42 });
  });

  it('an endless loop stops at its deadline (RUNTIME_TIMEOUT) or when the host sets the interrupt flag', () => {
    const timeout = fail('function execute() { for (;;) {} }', { timeoutMs: 50 });
    expect(timeout.code).toBe('RUNTIME_TIMEOUT');
    let polls = 0;
    const interrupted = fail('function execute() { while (true) {} }', { interrupted: () => ++polls > 3 });
    expect([interrupted.code, interrupted.data.interrupted]).toEqual(['RUNTIME_CANCELLED', true]);
    const topLevel = fail('for (;;) {}\nfunction execute() { return {}; }', { timeoutMs: 50 });
    expect(topLevel.code).toBe('RUNTIME_TIMEOUT');
  });

  it('has no network, timers or storage to reach', () => {
    expect(run('function execute() { return { t: [typeof fetch, typeof setTimeout, typeof indexedDB, typeof XMLHttpRequest] }; }').outputs).toEqual({ t: ['undefined', 'undefined', 'undefined', 'undefined'] });
  });
});
