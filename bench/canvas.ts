/**
 * The workflow canvas with 1,000 nodes in Chromium (production build): frames per second while
 * panning the view and while dragging a node (target 50 fps or more). The workflow (a grid of
 * `json-transform` nodes chained in rows) is saved to the user volume and opened from the canvas's
 * Open menu, as a person would. Frames are counted with requestAnimationFrame during the gesture.
 * Prints the figures and writes bench/results/canvas.json.
 */
import type { Page } from '@playwright/test';
import type { Workflow } from '../lib/workflow';
import { startApp } from './lib/app';
import { type Figure, writeResults } from './lib/results';

const port = Number(process.env.BENCH_PORT ?? 3127);
const N = Number(process.env.BENCH_NODES ?? 1000);
const COLUMNS = 25;

function grid(n: number): Workflow {
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, skill: 'json-transform', params: {}, position: { x: (i % COLUMNS) * 320, y: Math.floor(i / COLUMNS) * 260 } }));
  const edges = nodes.filter((_, i) => i % COLUMNS !== 0).map((node) => {
    const i = Number(node.id.slice(1));
    return { from: { node: `n${i - 1}`, output: 'result' }, to: { node: node.id, input: 'data' } };
  });
  return { version: 1, id: 'bench-canvas', name: `bench-canvas-${n}`, nodes, edges };
}

/** Frames drawn while `gesture` runs, per second. */
async function fps(page: Page, gesture: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { frames: number; counting: boolean };
    w.frames = 0;
    w.counting = true;
    const tick = () => {
      if (!w.counting) return;
      w.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await gesture();
  const seconds = (Date.now() - t0) / 1000;
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames: number; counting: boolean };
    w.counting = false;
    return w.frames;
  });
  return frames / seconds;
}

async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number, steps: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + (dx * i) / steps, from.y + (dy * i) / steps);
  await page.mouse.up();
}

async function main() {
  const app = await startApp(port);
  const { page } = app;
  const figures: Figure[] = [];
  try {
    const workflow = grid(N);
    await page.evaluate((w) => window.weft!.request({ op: 'workflow.write', name: w.name, workflow: w }), workflow);
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('menuitem', { name: workflow.name }).click();
    await page.locator('.react-flow__node').first().waitFor();
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    const rendered = await page.locator('.react-flow__node').count();
    figures.push({ metric: `pan, ${N} nodes`, value: await fps(page, () => drag(page, { x: box.x + 20, y: box.y + box.height - 20 }, box.width / 2, -box.height / 3, 120)), unit: 'fps', target: 50, better: 'higher' });
    // Zoomed out: many nodes drawn at once, the hardest case for panning.
    await page.locator('.react-flow__controls-fitview, button[aria-label="Fit view"]').first().click();
    // Fit view zooms out as far as the canvas allows (its minimum zoom), drawing every node that is then in view.
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length > n, rendered, { timeout: 10_000 }).catch(() => {});
    const allRendered = await page.locator('.react-flow__node').count();
    figures.push({ metric: `pan, ${N} nodes, zoomed out`, value: await fps(page, () => drag(page, { x: box.x + 20, y: box.y + box.height - 20 }, box.width / 3, -box.height / 4, 120)), unit: 'fps', target: 50, better: 'higher' });
    const node = page.locator('.react-flow__node').first();
    const nodeBox = (await node.boundingBox())!;
    figures.push({ metric: `drag a node, ${N} nodes`, value: await fps(page, () => drag(page, { x: nodeBox.x + nodeBox.width / 2, y: nodeBox.y + 12 }, 200, 120, 120)), unit: 'fps', target: 50, better: 'higher' });
    writeResults('canvas', `Chromium ${app.browser.version()}`, figures, { nodes: N, edges: workflow.edges.length, nodesDrawnAtStart: rendered, nodesDrawnZoomedOut: allRendered });
  } finally {
    await app.stop();
  }
}

await main();
