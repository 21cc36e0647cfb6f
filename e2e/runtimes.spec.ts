import { type Browser, expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';
import type { EnzymeRun, KernelEvent } from '../lib/kernel/protocol';

// Every runtime, for real, through the kernel in Chromium: Pyodide in its module worker, the
// sandboxed JavaScript worker, TensorFlow.js (WebGPU on SwiftShader is offered by
// --enable-unsafe-webgpu), three scenes and ngspice. One page for all, so Python loads once.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let page: Page;

interface Failure {
  code: string;
  message: string;
  data: Record<string, unknown>;
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  page = await browser.newPage();
  await page.goto('/');
  await waitForKernel(page);
  await page.evaluate(() => {
    const w = window as unknown as { seen: KernelEvent[] };
    w.seen = [];
    window.weft!.on((e) => w.seen.push(e));
  });
});
test.afterAll(() => page.close());

const run = (syscall: Record<string, unknown>) => page.evaluate((c) => window.weft!.request(c) as Promise<EnzymeRun>, syscall);
const fail = (syscall: Record<string, unknown>) =>
  page.evaluate(
    (c) =>
      window.weft!.request(c).then(
        () => null,
        (e: Failure) => ({ code: e.code, message: e.message, data: e.data }),
      ),
    syscall,
  ) as Promise<Failure | null>;
const seen = () => page.evaluate(() => (window as unknown as { seen: KernelEvent[] }).seen);

test('python: a built-in skill runs in Pyodide, and print streams to the log as it happens', async () => {
  const stats = await run({ op: 'skill.run', name: 'csv-stats', seed: 1 });
  expect(stats.runtime).toBe('python');
  expect(stats.outputs.rows).toBeGreaterThan(0);
  expect(stats.details.pyodide).toBe('314.0.7');

  const printed = await run({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    for n in range(3):\n        print("line", n)\n    return {"total": sum(range(10**6))}', tag: 'printer' });
  expect(printed.outputs).toEqual({ total: 499999500000 });
  expect(printed.stdout).toBe('line 0\nline 1\nline 2\n');
  const logs = (await seen()).filter((e): e is Extract<KernelEvent, { type: 'enzyme.log' }> => e.type === 'enzyme.log' && e.tag === 'printer');
  expect(logs.map((e) => e.text).join('')).toBe('line 0\nline 1\nline 2\n');

  const states = (await seen()).filter((e): e is Extract<KernelEvent, { type: 'runtime.status' }> => e.type === 'runtime.status' && e.status.kind === 'python').map((e) => e.status.state);
  expect(states[0]).toBe('loading');
  expect(states).toContain('ready');
});

test('python: `while True: pass` past its deadline is interrupted, reports how long that took, and the same worker runs again', async () => {
  const before = await run({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {"ok": True}' });
  const stuck = await fail({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    while True:\n        pass', timeoutMs: 1500 });
  expect(stuck?.code).toBe('RUNTIME_TIMEOUT');
  expect(stuck?.data).toMatchObject({ restarted: false, timeoutMs: 1500 });
  expect(stuck?.data.interruptMs).toEqual(expect.any(Number));
  expect(stuck?.message).toMatch(/ran past its deadline of 1\.5 s and was stopped \(it stopped \d+ ms after being interrupted\)/);
  const after = await run({ op: 'runtime.run', runtime: 'python', code: 'import random\ndef execute(i):\n    return {"r": random.random()}', seed: 5 });
  expect(after.details.worker).toBe(before.details.worker);
  const again = await run({ op: 'runtime.run', runtime: 'python', code: 'import random\ndef execute(i):\n    return {"r": random.random()}', seed: 5 });
  expect(again.outputs).toEqual(after.outputs);
});

test('python: bad code ends as coded errors a person understands, and the runtime keeps working', async () => {
  const syntax = await fail({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {\n\nx = = 2' });
  expect(syntax?.code).toBe('RUNTIME_SYNTAX');
  expect(syntax?.message).toMatch(/syntax error on line \d+/i);
  const missing = await fail({ op: 'runtime.run', runtime: 'python', code: 'import this_does_not_exist\ndef execute(i):\n    return {}' });
  expect(missing?.code).toBe('RUNTIME_PACKAGE_UNAVAILABLE');
  expect(missing?.message).toMatch(/this_does_not_exist/);
  expect((await fail({ op: 'runtime.run', runtime: 'python', code: 'x = 1' }))?.code).toBe('RUNTIME_EXECUTE_MISSING');
  expect((await fail({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return 42' }))?.code).toBe('RUNTIME_OUTPUT_INVALID');
  const memory = await fail({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    x = [0] * (2**29)\n    return {}' });
  expect(memory?.code).toBe('RUNTIME_MEMORY');
  expect((await run({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {"fine": 1}' })).outputs).toEqual({ fine: 1 });
});

test('python: a Pyodide package (numpy) that cannot be downloaded is a clear error naming it', async () => {
  // Offline for the Pyodide CDN, whatever the machine's network: packages beyond the standard library load from there.
  await page.context().route('https://cdn.jsdelivr.net/**', (route) => route.abort('internetdisconnected'));
  const offline = await fail({ op: 'runtime.run', runtime: 'python', code: 'import numpy as np\ndef execute(i):\n    return {"x": float(np.pi)}' });
  expect(offline?.code).toBe('RUNTIME_PACKAGE_UNAVAILABLE');
  expect(offline?.data.package).toBe('numpy');
  expect(offline?.message).toMatch(/imports numpy \(line 1\), from the Pyodide package "numpy", which is not bundled with Weft and could not be loaded/);
  expect((await run({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {"still": "works"}' })).outputs).toEqual({ still: 'works' });
});

test('javascript: fetch without the network permission is refused; a runaway loop is stopped and the next run works', async () => {
  const refused = await fail({ op: 'runtime.run', runtime: 'javascript', code: 'async function execute() { await fetch("/"); return {}; }' });
  expect(refused?.code).toBe('RUNTIME_PERMISSION');
  expect(refused?.message).toMatch(/fetch is not available: this skill does not have the network permission/);
  const storage = await fail({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { indexedDB.open("weft"); return {}; }' });
  expect(storage?.code).toBe('RUNTIME_PERMISSION');
  const allowed = await run({ op: 'runtime.run', runtime: 'javascript', permissions: ['network'], code: 'async function execute() { const r = await fetch("/pyodide/weft-manifest.json"); return { version: (await r.json()).version }; }' });
  expect(allowed.outputs).toEqual({ version: '314.0.7' });

  const loop = await fail({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { for (;;) {} }', timeoutMs: 1000 });
  expect(loop?.code).toBe('RUNTIME_TIMEOUT');
  const memory = await fail({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { return { a: new Array(2 ** 32) }; }' });
  expect(memory?.code).toBe('RUNTIME_MEMORY');
  const seeded = await run({ op: 'skill.run', name: 'json-transform' });
  expect(seeded.runtime).toBe('javascript');
});

test('tensor: the runtime calibrates the backends, picks one, and reports it on the run', async () => {
  const bench = await run({ op: 'skill.run', name: 'matmul-benchmark' });
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(bench.details.backend);
  expect(bench.outputs.backend).toBe(bench.details.backend);
  expect(bench.outputs.check_error as number).toBeLessThan(1e-2);
  const [tensor] = (await page.evaluate(() => window.weft!.call({ op: 'runtime.list' }))).filter((s) => s.kind === 'tensor');
  expect(tensor).toMatchObject({ state: 'ready', detail: bench.details.backend });
  expect(Object.keys(tensor!.details ?? {})).toEqual(expect.arrayContaining(['backend', 'backendReason', 'webgpuAdapter']));
});

test('three and spice: a scene comes back valid, a circuit simulates, and a bad netlist is a clear error', async () => {
  const surface = await run({ op: 'skill.run', name: 'parametric-surface' });
  expect(surface.runtime).toBe('three');
  const circuit = await run({ op: 'skill.run', name: 'rc-lowpass' });
  expect(Object.keys(circuit.outputs).sort()).toEqual(['plot', 'vectors']);
  const bad = await fail({ op: 'runtime.run', runtime: 'spice', code: '* broken\nV1 in 0 1\nR1 in out abc\nR2 out 0 1k\n.op\n.end' });
  expect(bad?.code).toBe('SPICE_NETLIST');
  expect(bad?.data.line).toBe(3);
  const again = await run({ op: 'skill.run', name: 'rc-lowpass', inputs: { R: 2000 } });
  expect(again.outputs.vectors).toBeTruthy();
});
