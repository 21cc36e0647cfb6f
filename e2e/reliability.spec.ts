import { chromium, expect, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';
import { chromiumLaunch } from '../playwright.config';
import type { Workflow } from '../lib/workflow';

// Reliability cases, each saying what it proves. The soak runs SOAK_RUNS workflow runs (40 in the
// test command; `npm run test:soak` runs 500).
test.describe.configure({ timeout: 600_000 });

const SOAK_RUNS = Number(process.env.SOAK_RUNS ?? 40);

// E2E_PYTHON_MEMORY_MB sets the Python memory ceiling for this run (0: none but the browser's), to
// compare the page's stalls with and without it; unset, the default ceiling holds.
const PYTHON_MEMORY_MB = process.env.E2E_PYTHON_MEMORY_MB;

test('a Python memory bomb: the kernel keeps answering during it, the run ends with a clear error, and the next run works', async ({ page }) => {
  await page.goto('/');
  await waitForKernel(page);
  const result = await page.evaluate(async (ceiling) => {
    const weft = window.weft!;
    if (ceiling !== undefined) await weft.call({ op: 'runtime.setPythonMemory', mb: Number(ceiling) });
    await weft.call({ op: 'runtime.warm', runtime: 'python' });
    // The page's own main thread: how late a 20 ms timer fires, from the bomb's start until the next run has worked.
    const lateness: { at: number; ms: number }[] = [];
    let measuring = true;
    void (async () => {
      while (measuring) {
        const t0 = performance.now();
        await new Promise((r) => setTimeout(r, 20));
        lateness.push({ at: performance.now(), ms: performance.now() - t0 - 20 });
      }
    })();
    const bomb: Promise<{ code: string; message?: string; at: number }> = weft.call({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    hoard = []\n    while True:\n        hoard.append(bytearray(64 * 1024 * 1024))\n    return {}', timeoutMs: 60_000 }).then(
      () => ({ code: 'none', at: performance.now() }),
      (e: { code: string; message: string }) => ({ code: e.code, message: e.message, at: performance.now() }),
    );
    // Ping the kernel while the bomb grows: every ping is answered, before the bomb ends.
    const pings: number[] = [];
    let settled = false;
    const started = performance.now();
    void bomb.then(() => (settled = true));
    while (!settled && pings.length < 500) {
      const t0 = performance.now();
      await weft.call({ op: 'kernel.ping' });
      pings.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const ended = await bomb;
    const after = await weft.call({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {"ok": 6 * 7}' });
    measuring = false;
    const during = lateness.filter((l) => l.at <= ended.at).map((l) => l.ms);
    const afterEnd = lateness.filter((l) => l.at > ended.at).map((l) => l.ms);
    return { ended, pings: pings.length, slowest: Math.max(...pings), after: after.outputs, bombMs: ended.at - started, stallDuring: Math.max(0, ...during), stallAfter: Math.max(0, ...afterEnd) };
  }, PYTHON_MEMORY_MB);
  expect(result.ended.code).toBe('RUNTIME_MEMORY');
  expect(result.ended.message).toMatch(/memory/);
  expect(result.pings).toBeGreaterThan(0); // answered during the attack
  expect(result.after).toEqual({ ok: 42 });
  test.info().annotations.push({ type: 'slowest ping during the bomb (ms)', description: result.slowest.toFixed(1) });
  test.info().annotations.push({ type: `page main-thread stall during / after the bomb (ms), ceiling ${PYTHON_MEMORY_MB ?? 'default'} MB`, description: `${result.stallDuring.toFixed(0)} / ${result.stallAfter.toFixed(0)}; the bomb took ${result.bombMs.toFixed(0)} ms` });
  console.log(`python bomb, ceiling ${PYTHON_MEMORY_MB ?? 'default'} MB: stall during ${result.stallDuring.toFixed(0)} ms, after ${result.stallAfter.toFixed(0)} ms, bomb ${result.bombMs.toFixed(0)} ms, slowest ping ${result.slowest.toFixed(0)} ms`);
});

test('a JavaScript memory bomb in an untrusted skill runs in QuickJS: it ends as RUNTIME_MEMORY, the tab lives, and the next run works', async ({ page }) => {
  await page.goto('/');
  await waitForKernel(page);
  const skill = ['---', 'name: hoarder', 'description: Takes all the memory it can. Use to test the sandbox.', 'runtime: javascript', 'metadata:', '  untrusted: "true"', 'outputs:', '  - name: ok', '    type: number', '---', '', '```javascript', 'function execute() { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(1.5)); }', '```', ''].join('\n');
  const result = await page.evaluate(async (content) => {
    const weft = window.weft!;
    await weft.call({ op: 'skill.write', name: 'hoarder', content });
    const bomb = weft.call({ op: 'skill.run', name: 'hoarder', timeoutMs: 120_000 }).then(
      () => ({ code: 'none', message: '', spanId: '' }),
      (e: { code: string; message: string; data: { spanId: string } }) => ({ code: e.code, message: e.message, spanId: e.data.spanId }),
    );
    let settled = false;
    let pings = 0;
    void bomb.then(() => (settled = true));
    while (!settled) {
      await weft.call({ op: 'kernel.ping' });
      pings++;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ended = await bomb;
    const after = await weft.call({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { return { ok: 6 * 7 }; }' });
    return { ended, pings, after: after.outputs, engine: after.details.engine };
  }, skill);
  expect(result.ended.code).toBe('RUNTIME_MEMORY');
  expect(result.ended.message).toMatch(/its sandbox \(QuickJS\) allows.*the page was not affected/);
  expect(result.pings).toBeGreaterThan(0); // the kernel answered during the bomb
  expect(result.after).toEqual({ ok: 42 });
  expect(result.engine).toBe('v8'); // code the person trusts still runs in V8
  await waitForKernel(page);
});

test(`a soak: ${SOAK_RUNS} workflow runs in a row in one tab; the heaps do not keep growing and no worker leaks`, async () => {
  // Its own browser, with GC exposed and eager memory measurement, so heap samples mean something.
  const browser = await chromium.launch({ ...chromiumLaunch, args: [...chromiumLaunch.args, '--js-flags=--expose-gc', '--enable-blink-features=ForceEagerMeasureMemory'] });
  const page = await browser.newPage({ baseURL: test.info().project.use.baseURL });
  try {
    await page.goto('/');
    await page.waitForFunction(() => window.weft?.status.state === 'ready', null, { timeout: 120_000 });
    const workflow: Workflow = {
      version: 1,
      id: 'soak',
      name: 'soak',
      nodes: [
        { id: 'a', skill: 'json-transform', params: {}, position: { x: 0, y: 0 } },
        { id: 'b', skill: 'json-transform', params: { spec: [{ limit: 2 }] }, position: { x: 300, y: 0 } },
        { id: 'c', skill: 'json-transform', params: { spec: [{ limit: 2 }] }, position: { x: 600, y: 0 } },
      ],
      edges: [
        { from: { node: 'a', output: 'result' }, to: { node: 'b', input: 'data' } },
        { from: { node: 'b', output: 'result' }, to: { node: 'c', input: 'data' } },
      ],
    };
    const samples = await page.evaluate(
      async ({ w, runs }) => {
        const weft = window.weft!;
        const measure = async () => {
          (globalThis as unknown as { gc?: () => void }).gc?.();
          const m = await (performance as unknown as { measureUserAgentSpecificMemory(): Promise<{ bytes: number }> }).measureUserAgentSpecificMemory();
          return m.bytes;
        };
        const out: { run: number; bytes: number; workers: number }[] = [];
        for (let i = 1; i <= runs; i++) {
          // A different seed each time: every run really runs (nothing from the memo cache) and commits its trace.
          const r = await weft.call({ op: 'workflow.run', workflow: w, seed: i });
          if (r.status !== 'ok') throw new Error(`run ${i}: ${r.status} ${JSON.stringify(r.error ?? r.nodes.find((n) => n.error)?.error)}`);
          if (i === Math.ceil(runs / 4) || i === Math.ceil(runs / 2) || i === Math.ceil((3 * runs) / 4) || i === runs) {
            const workers = (await weft.call({ op: 'runtime.list' })).reduce((n, s) => n + s.workers, 0);
            out.push({ run: i, bytes: await measure(), workers });
          }
        }
        return out;
      },
      { w: workflow, runs: SOAK_RUNS },
    );
    const first = samples[0]!;
    const last = samples.at(-1)!;
    test.info().annotations.push({ type: 'memory (MB) at 25/50/75/100 %', description: samples.map((s) => (s.bytes / 1e6).toFixed(1)).join(' / ') });
    // No leak: after warming up, memory stays within a band (commits and caches may add a little)…
    expect(last.bytes).toBeLessThan(first.bytes * 1.5 + 30e6);
    // …and the runtime pools hold the same workers at the end as after warming up.
    expect(last.workers).toBe(first.workers);
    const traces = await page.evaluate(() => window.weft!.call({ op: 'trace.list', workflow: 'soak', limit: 1 }));
    expect(traces.total).toBe(SOAK_RUNS);
  } finally {
    await browser.close();
  }
});

for (const [point, state] of [
  ['pack-written', 'absent'],
  ['head-moved', 'complete'],
] as const) {
  test(`the kernel dies while it saves a trace (at ${point}): after a reload the trace is ${state}, the banner says so, and every volume passes its check`, async ({ page }) => {
    // Proves: a crash at either step of a commit loses nothing that was saved before, leaves no
    // repository broken, and the person is told what became of the interrupted run.
    const workflow: Workflow = {
      version: 1,
      id: 'crash',
      name: 'crash',
      nodes: [{ id: 'a', skill: 'json-transform', params: {}, position: { x: 0, y: 0 } }],
      edges: [],
    };
    await page.goto('/');
    await waitForKernel(page);
    await page.evaluate((w) => window.weft!.call({ op: 'workflow.run', workflow: w, seed: 1 }), workflow);
    // The kernel stops for good at that step of its next commit; the run's own call never returns.
    await page.evaluate((at) => window.weft!.call({ op: 'kernel.panic', mode: 'hang-in-commit', at }), point);
    await page.evaluate((w) => void window.weft!.call({ op: 'workflow.run', workflow: w, seed: 2 }).catch(() => undefined), workflow);
    await expect(page.getByRole('alert').filter({ hasText: 'The kernel stopped' })).toBeVisible({ timeout: 30_000 });

    await page.reload();
    await waitForKernel(page);
    const banner = page.getByRole('status', { name: 'After the crash' });
    await expect(banner).toContainText('Weft stopped while saving a trace (Run crash');
    await expect(banner.locator(`[data-trace-state="${state}"]`)).toBeVisible();
    await expect(banner).toContainText(/All \d volumes checked: no problems found\./);
    if (point === 'pack-written') await page.screenshot({ path: test.info().outputPath('recovery-banner.png') });

    const checks = await page.evaluate(async () => {
      const volumes = await window.weft!.call({ op: 'volume.list' });
      return Promise.all(volumes.map((v) => window.weft!.call({ op: 'volume.check', volume: v.id })));
    });
    expect(checks.length).toBeGreaterThanOrEqual(2);
    for (const check of checks) expect(check.problems, check.volume).toEqual([]);
    const traces = await page.evaluate(() => window.weft!.call({ op: 'trace.list', workflow: 'crash' }));
    expect(traces.total).toBe(state === 'complete' ? 2 : 1);
    // And work goes on: the next run commits its trace.
    await page.evaluate((w) => window.weft!.call({ op: 'workflow.run', workflow: w, seed: 3 }), workflow);
    expect((await page.evaluate(() => window.weft!.call({ op: 'trace.list', workflow: 'crash' }))).total).toBe(traces.total + 1);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeHidden();
  });
}

const TABS_SECONDS = Number(process.env.TABS_SECONDS ?? 10);

test(`two tabs run workflows and commit their traces at the same time for ${TABS_SECONDS} s: every trace is there and no repository is corrupt`, async ({ context }) => {
  // Proves: the per-volume Web Lock serialises commits from two kernels on one IndexedDB, so
  // neither tab loses a commit or leaves a broken repository, and the store is shared fairly
  // (workers/fairFs.ts): neither tab is starved. `npm run test:tabs` runs a minute.
  const workflow: Workflow = {
    version: 1,
    id: 'tabs',
    name: 'tabs',
    nodes: [
      { id: 'a', skill: 'json-transform', params: {}, position: { x: 0, y: 0 } },
      { id: 'b', skill: 'json-transform', params: { spec: [{ limit: 2 }] }, position: { x: 300, y: 0 } },
    ],
    edges: [{ from: { node: 'a', output: 'result' }, to: { node: 'b', input: 'data' } }],
  };
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) {
    await tab.goto('/');
    await waitForKernel(tab);
  }
  const until = Date.now() + TABS_SECONDS * 1000;
  const counts = await Promise.all(
    tabs.map((tab, t) =>
      tab.evaluate(
        async ({ w, until, t }) => {
          let runs = 0;
          // Different seeds per tab and run, so no node result comes from the other tab's cache.
          while (Date.now() < until) await window.weft!.call({ op: 'workflow.run', workflow: w, seed: t * 1_000_000 + ++runs });
          return runs;
        },
        { w: workflow, until, t },
      ),
    ),
  );
  test.info().annotations.push({ type: 'runs per tab', description: counts.join(' + ') });
  // Both tabs got work done: neither was starved while the other kept committing.
  expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
  for (const tab of tabs) {
    const listed = await tab.evaluate(() => window.weft!.call({ op: 'trace.list', workflow: 'tabs', limit: 10_000 }));
    expect(listed.total).toBe(counts[0]! + counts[1]!);
  }
  const checks = await tabs[0]!.evaluate(async () => Promise.all((await window.weft!.call({ op: 'volume.list' })).map((v) => window.weft!.call({ op: 'volume.check', volume: v.id }))));
  for (const check of checks) expect(check.problems, check.volume).toEqual([]);
});

test('a JavaScript memory bomb in trusted code (V8) takes the tab down (the browser gives workers no memory limit); the next start says which run it was, and nothing saved is lost', async () => {
  // Trusted code (the user's own skills, raw runtime.run) runs in V8 for speed; untrusted code runs in
  // QuickJS (the test above). Proves what can be proved: Chromium ends the whole renderer when a worker's heap is exhausted,
  // so the kernel cannot answer during this attack (unlike Python's, whose WebAssembly memory is
  // bounded). What Weft guarantees is the way back: the journal names the run, and the volumes
  // are intact. See the note on issue 10 for process isolation, the fix that needs a second origin.
  // Its own browser, so the gigabytes the bomb takes and the crash stay away from the other specs.
  const browser = await chromium.launch(chromiumLaunch);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitForKernel(page);
    await page.evaluate(() => window.weft!.call({ op: 'workflow.run', workflow: { version: 1, id: 'before', name: 'before', nodes: [{ id: 'a', skill: 'json-transform', params: {}, position: { x: 0, y: 0 } }], edges: [] }, seed: 1 }));
    const crashed = page.waitForEvent('crash', { timeout: 120_000 });
    void page.evaluate(() => window.weft!.call({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(1.5)); }', timeoutMs: 60_000 })).catch(() => undefined);
    await crashed;

    const next = await context.newPage();
    await next.goto('/');
    await waitForKernel(next);
    const banner = next.getByRole('status', { name: 'After the crash' });
    await expect(banner.locator('[data-run="javascript.run"]')).toContainText('Weft stopped while javascript.run (JavaScript) was running');
    await expect(banner).toContainText(/All \d volumes checked: no problems found\./);
    await next.screenshot({ path: test.info().outputPath('after-js-bomb.png') });
    expect((await next.evaluate(() => window.weft!.call({ op: 'trace.list', workflow: 'before' }))).total).toBe(1);
    const after = await next.evaluate(() => window.weft!.call({ op: 'runtime.run', runtime: 'javascript', code: 'function execute() { return { ok: 6 * 7 }; }' }));
    expect(after.outputs).toEqual({ ok: 42 });
  } finally {
    await browser.close();
  }
});
