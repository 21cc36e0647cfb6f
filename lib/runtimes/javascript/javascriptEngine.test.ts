import { describe, expect, it } from 'vitest';
import { type WeftError } from '../../core';
import type { EngineJob } from '../engine';
import { javascriptEngine } from './javascriptEngine';
import { lockDown } from './jsSandbox';


async function engineFor(runtime: 'javascript' | 'three' = 'javascript') {
  const locked: boolean[] = [];
  // The skill's own `console` is the global one, which the engine routes to the run's log while it runs.
  const engine = javascriptEngine({ runtime, lockDown: (network) => locked.push(network), console });
  await engine.load({ network: false }, () => {});
  const run = async (code: string, inputs: Record<string, unknown> = {}, seed = 1) => {
    const logs: string[] = [];
    const job: EngineJob = { id: 1, code, inputs, seed, permissions: [], log: (stream, text) => logs.push(`${stream}:${text}`) };
    return { ...(await engine.run(job)), logs };
  };
  const fail = (code: string, inputs: Record<string, unknown> = {}) =>
    run(code, inputs).then(
      () => Promise.reject(new Error('expected the run to fail')),
      (e: WeftError) => e,
    );
  return { run, fail, locked };
}

describe('javascript engine', () => {
  it('runs sync and async execute, with console routed to the run log', async () => {
    const { run, locked } = await engineFor();
    expect(locked).toEqual([false]);
    expect((await run('function execute({ a, b }) { return { sum: a + b }; }', { a: 2, b: 3 })).outputs).toEqual({ sum: 5 });
    const asyncRun = await run('async function execute() { console.log("hi", { x: 1 }); console.error("uh"); await null; return { ok: true }; }');
    expect(asyncRun.outputs).toEqual({ ok: true });
    expect(asyncRun.logs).toEqual(['stdout:hi {"x":1}\n', 'stderr:uh\n']);
  });

  it('seeds Math.random per run: same seed, same numbers; and restores it after', async () => {
    const { run } = await engineFor();
    const code = 'function execute() { return { x: [Math.random(), Math.random()] }; }';
    expect((await run(code, {}, 42)).outputs).toEqual((await run(code, {}, 42)).outputs);
    expect((await run(code, {}, 42)).outputs).not.toEqual((await run(code, {}, 43)).outputs);
    expect(Math.random).not.toBe(undefined);
  });

  it('gives each run a fresh scope: a top-level variable of one run is not seen by the next', async () => {
    const { run } = await engineFor();
    await run('var leaked = 1; function execute() { return {}; }');
    expect((await run('function execute() { return { seen: typeof leaked !== "undefined" }; }')).outputs).toEqual({ seen: false });
  });

  it('turns bad code into coded errors', async () => {
    const { fail } = await engineFor();
    expect((await fail('function execute( { return {} }')).code).toBe('RUNTIME_SYNTAX');
    expect((await fail('function run() { return {} }')).message).toMatch(/must define a function execute\(inputs\).*no function named execute/);
    expect((await fail('function execute() { return 5 }')).message).toMatch(/must return a object of outputs.*number/);
    expect((await fail('function execute() { return { f: () => 1 } }')).message).toMatch(/outputs\.f is a function/);
    const thrown = await fail('function execute() { throw new TypeError("bad input") }');
    expect([thrown.code, thrown.message]).toEqual(['RUNTIME_ERROR', 'The code raised TypeError: bad input']);
    expect((await fail('function execute() { return { a: new Array(2 ** 32) } }')).code).toBe('RUNTIME_MEMORY');
  });

  it('three: checks scene outputs against the scene3d schema and names the bad field', async () => {
    const { run, fail } = await engineFor('three');
    const good = await run('function execute() { return { scene: { type: "scene3d", objects: [{ kind: "sphere", radius: 1 }] } }; }');
    expect(good.outputs.scene).toMatchObject({ objects: [{ kind: 'sphere' }] });
    const bad = await fail('function execute() { return { scene: { type: "scene3d", objects: [{ kind: "sphere", radius: -1 }] } }; }');
    expect(bad.code).toBe('RUNTIME_OUTPUT_INVALID');
    expect(bad.message).toMatch(/scene\.objects\[0\]\.radius/);
  });
});

describe('lockDown', () => {
  it('refuses the network without the permission, and storage always, even through the prototype', () => {
    class Scope {}
    Object.assign(Scope.prototype, { fetch: () => 'fetched', indexedDB: {}, WebSocket: class {} });
    const scope = new Scope() as Record<string, unknown>;
    lockDown(scope, { network: false });
    expect(() => (scope.fetch as () => unknown)()).toThrow(/fetch is not available: this skill does not have the network permission/);
    expect(() => new (scope.WebSocket as new () => unknown)()).toThrow(/WebSocket is not available/);
    expect(() => (scope.indexedDB as () => unknown)()).toThrow(/cannot read the app's storage/);
    expect(() => (scope.indexedDB as { open(name: string): unknown }).open('weft')).toThrow(/cannot read the app's storage/);
    expect((Object.getPrototypeOf(scope) as Record<string, unknown>).fetch).toBeUndefined();
    const error = (() => {
      try {
        (scope.fetch as () => unknown)();
      } catch (e) {
        return e as WeftError;
      }
    })();
    expect(error?.code).toBe('RUNTIME_PERMISSION');
    expect(() => {
      scope.fetch = () => 'back';
    }).toThrow();
  });

  it('leaves the network alone with the permission', () => {
    const scope: Record<string, unknown> = { fetch: () => 'fetched', indexedDB: {} };
    lockDown(scope, { network: true });
    expect((scope.fetch as () => unknown)()).toBe('fetched');
    expect(() => (scope.indexedDB as () => unknown)()).toThrow(/storage/);
  });
});
