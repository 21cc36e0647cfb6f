/**
 * Traces: the time to open and render a 10,000-span trace in the trace viewer (Chromium,
 * production build: from the click on the list entry to the timeline's rows on screen, and
 * scrolling to its end), and evolution's mining time over 10,000 traces (Node).
 * Prints the figures and writes bench/results/traces.json. Run: npm run bench:traces
 */
import { asTraceId, type SpanId } from '../lib/core';
import { makeTrace, sealSpan, type Span } from '../lib/spans';
import { startApp } from './lib/app';
import { miningBench } from './lib/miningBench';
import { type Figure, writeResults } from './lib/results';

const port = Number(process.env.BENCH_PORT ?? 3128);
const SPANS = Number(process.env.BENCH_SPANS ?? 10_000);
const OPENS = 3;
const TRACE_ID = asTraceId('bench0000000000000000000000000001'.replace(/[^0-9a-f]/g, '0').padEnd(32, '0').slice(0, 32));

/** A run of SPANS - 1 node spans in 20 parallel chains (each node names the one before it). */
async function bigTrace() {
  const t0 = Date.UTC(2026, 10, 1, 12, 0, 0);
  const energy = { cpuMs: 1, tokensIn: 0, tokensOut: 0, bytes: 100 };
  const run = await sealSpan({ traceId: TRACE_ID, parents: [], kind: 'run', name: `bench-${SPANS}`, pid: 1 as never, start: t0, end: t0 + SPANS, status: 'ok', inputsHash: null, outputsHash: null, energy, attributes: { 'weft.workflow.name': `bench-${SPANS}` } });
  const spans: Span[] = [run];
  const last: (SpanId | null)[] = Array.from({ length: 20 }, () => null);
  for (let i = 0; i < SPANS - 1; i++) {
    const chain = i % 20;
    const step = Math.floor(i / 20);
    const prev = last[chain];
    const span = await sealSpan({
      traceId: TRACE_ID,
      parents: prev ? [prev] : [run.id],
      kind: 'node',
      name: `n${i}`,
      pid: 1 as never,
      start: t0 + step * 20 + chain * 0.5 + 0.1,
      end: t0 + step * 20 + chain * 0.5 + 15,
      status: i % 97 === 0 ? 'cached' : 'ok',
      inputsHash: null,
      outputsHash: null,
      energy,
      attributes: { 'weft.node.id': `n${i}`, 'weft.skill': `skill-${chain}`, ...(prev ? {} : { 'weft.concurrent_parents': [run.id] }) },
    });
    spans.push(span);
    last[chain] = span.id;
  }
  return makeTrace(TRACE_ID, spans);
}

async function main() {
  const trace = await bigTrace();
  const path = `traces/2026/11/bench-${SPANS}.json`;
  const app = await startApp(port);
  const { page } = app;
  const figures: Figure[] = [];
  try {
    await page.evaluate(({ p, content }) => window.weft!.request({ op: 'volume.write', volume: 'users/me', path: p, content }), { p: path, content: JSON.stringify(trace) });
    await page.getByRole('tab', { name: 'Traces' }).click();
    const entry = page.locator(`[data-trace-path="${path}"]`);
    await entry.waitFor({ timeout: 60_000 });
    const times: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const t0 = Date.now();
      await entry.click();
      await page.locator('[data-timeline] [data-span-id]').first().waitFor({ timeout: 60_000 });
      times.push(Date.now() - t0);
      if (i < OPENS - 1) {
        await page.getByRole('button', { name: 'Close trace' }).click();
        await page.getByRole('region', { name: 'Trace' }).waitFor({ state: 'hidden' });
      }
    }
    times.sort((a, b) => a - b);
    figures.push({ metric: `open and render a ${SPANS.toLocaleString('en')}-span trace`, value: times[Math.floor(times.length / 2)]!, unit: 'ms', target: 1000, better: 'lower' });
    // Scroll the timeline from top to bottom and count frames.
    const scroller = page.locator('[data-timeline]');
    const fps = await scroller.evaluate(async (el) => {
      const box = (el.querySelector('[data-timeline-scroll]') ?? el) as HTMLElement;
      let frames = 0;
      let done = false;
      const tick = () => {
        if (done) return;
        frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const start = performance.now();
      for (let i = 0; i <= 60; i++) {
        box.scrollTop = (box.scrollHeight * i) / 60;
        await new Promise((r) => requestAnimationFrame(r));
      }
      done = true;
      return frames / ((performance.now() - start) / 1000);
    });
    figures.push({ metric: `scroll the timeline, ${SPANS.toLocaleString('en')} spans`, value: fps, unit: 'fps', target: 50, better: 'higher' });
  } finally {
    await app.stop();
  }
  figures.push(...(await miningBench(10_000)));
  writeResults('traces', `Chromium ${app.browser.version()}`, figures, { spans: SPANS });
  process.exit(0);
}

await main();
