#!/usr/bin/env node
/**
 * Syscall round trip UI → kernel worker → UI, in Chromium against the production build:
 * a no-op syscall (`kernel.ping`) 10,000 times in sequence and 10,000 at once, beside the
 * same measures for a bare `postMessage` echo worker (the floor).
 * Prints the figures and writes bench/results/kernel-syscall.json (DESIGN.md section 7).
 * Needs `npm run build` first (it runs it if .next is missing).
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.BENCH_PORT ?? 3124);
const N = Number(process.env.BENCH_CALLS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!existsSync(`${root}.next/BUILD_ID`)) execSync('npm run build', { cwd: root, stdio: 'inherit', env });
const server = spawn('npx', ['next', 'start', '-p', String(port)], { cwd: root, env, stdio: 'ignore', detached: true });
const stopServer = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } };
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(`http://localhost:${port}/`)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next start did not answer on port ${port}`);
}

/** Runs in the page: one round of every measure, for the echo worker and for the kernel. */
async function measureInPage({ n }) {
  const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const summary = (latencies, totalMs) => {
    const sorted = Float64Array.from(latencies).sort();
    return { p50: pct(sorted, 50) * 1000, p99: pct(sorted, 99) * 1000, perSecond: (latencies.length / totalMs) * 1000 };
  };
  const echoSource = 'self.onmessage = (e) => self.postMessage(e.data);';
  const echo = new Worker(URL.createObjectURL(new Blob([echoSource], { type: 'text/javascript' })), { type: 'module' });
  const waiting = new Map();
  echo.onmessage = (e) => { const done = waiting.get(e.data.id); waiting.delete(e.data.id); done(); };
  let nextId = 0;
  const echoCall = () => new Promise((resolve) => { const id = nextId++; waiting.set(id, resolve); echo.postMessage({ id, call: { op: 'kernel.ping' } }); });
  const kernelCall = () => window.weft.call({ op: 'kernel.ping' });

  async function sequential(call) {
    const lat = new Array(n);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) { const s = performance.now(); await call(); lat[i] = performance.now() - s; }
    return summary(lat, performance.now() - t0);
  }
  async function concurrent(call) {
    const lat = new Array(n);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => call().then(() => { lat[i] = performance.now() - t0; })));
    return summary(lat, performance.now() - t0);
  }
  for (let i = 0; i < 500; i++) { await echoCall(); await kernelCall(); } // warm up both paths
  const out = {
    echoSequential: await sequential(echoCall),
    kernelSequential: await sequential(kernelCall),
    echoConcurrent: await concurrent(echoCall),
    kernelConcurrent: await concurrent(kernelCall),
  };
  echo.terminate();
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // bypassCSP: the benchmarks start baseline workers of their own from blob: URLs (an echo worker,
  // raw Pyodide), which the app's policy rightly refuses; that policy is tested in e2e/security.spec.ts.
  const page = await browser.newPage({ serviceWorkers: 'block', bypassCSP: true });
  await page.goto(`http://localhost:${port}/`);
  await page.waitForFunction(() => window.weft?.status.state === 'ready');
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await page.evaluate(measureInPage, { n: N }));
  const browserVersion = browser.version();
  await browser.close();

  const m = (series, field) => median(rounds.map((round) => round[series][field]));
  const echoP50 = m('echoSequential', 'p50');
  const figures = [
    { metric: 'echo_sequential_p50', value: echoP50, unit: 'µs', better: 'lower' },
    { metric: 'echo_sequential_p99', value: m('echoSequential', 'p99'), unit: 'µs', better: 'lower' },
    { metric: 'echo_sequential_rate', value: m('echoSequential', 'perSecond'), unit: 'calls/s', better: 'higher' },
    { metric: 'echo_concurrent_rate', value: m('echoConcurrent', 'perSecond'), unit: 'calls/s', better: 'higher' },
    { metric: 'syscall_sequential_p50', value: m('kernelSequential', 'p50'), unit: 'µs', target: Math.round(echoP50 * 1.2 * 10) / 10, better: 'lower' },
    { metric: 'syscall_sequential_p99', value: m('kernelSequential', 'p99'), unit: 'µs', better: 'lower' },
    { metric: 'syscall_sequential_rate', value: m('kernelSequential', 'perSecond'), unit: 'calls/s', better: 'higher' },
    { metric: 'syscall_sequential_p50_vs_echo', value: m('kernelSequential', 'p50') / echoP50, unit: 'ratio', target: 1.2, better: 'lower' },
    { metric: 'syscall_concurrent_rate', value: m('kernelConcurrent', 'perSecond'), unit: 'calls/s', target: 50_000, better: 'higher' },
    { metric: 'syscall_concurrent_p50', value: m('kernelConcurrent', 'p50'), unit: 'µs', better: 'lower' },
    { metric: 'syscall_concurrent_p99', value: m('kernelConcurrent', 'p99'), unit: 'µs', better: 'lower' },
  ].map((f) => ({ ...f, value: Math.round(f.value * 100) / 100 }));

  const result = {
    name: 'kernel-syscall',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, browser: `Chromium ${browserVersion}`, node: process.version },
    calls: N,
    rounds: ROUNDS,
    figures,
  };
  mkdirSync(`${root}bench/results`, { recursive: true });
  writeFileSync(`${root}bench/results/kernel-syscall.json`, JSON.stringify(result, null, 2) + '\n');
  console.log(`kernel-syscall: ${N} calls × ${ROUNDS} rounds (median of rounds), Chromium ${browserVersion}, ${cpus().length} CPUs`);
  for (const f of figures) {
    const target = f.target === undefined ? '' : `  (target ${f.better === 'lower' ? '≤' : '≥'} ${f.target})`;
    console.log(`  ${f.metric.padEnd(32)} ${String(f.value).padStart(12)} ${f.unit}${target}`);
  }
  console.log('wrote bench/results/kernel-syscall.json');
} finally {
  stopServer();
}
