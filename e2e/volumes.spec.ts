import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { asTraceId } from '../lib/core';
import { makeTrace, sealSpan, type Trace, ZERO_ENERGY } from '../lib/spans';
import { E2E_GIT_PORT } from '../playwright.config';
import { type GitServer, startGitServer } from './fixtures/gitServer';

const run = promisify(execFile);
const TOKEN = 'e2e-token';
let git: GitServer;

// The server sends no CORS headers, so the browser can only reach it through the app's git proxy.
test.beforeAll(async () => {
  git = await startGitServer({ port: E2E_GIT_PORT, cors: false, token: TOKEN });
});
test.afterAll(async () => {
  await git.stop();
});

async function openWorkbench(page: Page) {
  await page.goto('/');
  await expect(page.getByText('Kernel ready')).toBeVisible();
}

/** Native git on the server side (async: the git server runs in this same process). */
async function serverEdit(repo: string, path: string, content: string, message: string) {
  const dir = mkdtempSync(join(tmpdir(), 'weft-e2e-native-'));
  try {
    const gitIn = (...args: string[]) => run('git', ['-C', dir, '-c', 'user.name=Server Side', '-c', 'user.email=server@example.org', ...args]);
    await run('git', ['clone', '-q', git.repoUrl(repo).replace('http://', `http://weft:${TOKEN}@`), dir]);
    writeFileSync(join(dir, path), content);
    await gitIn('commit', '-qam', message);
    await gitIn('push', '-q', 'origin', 'main');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function traceTemplate(): Promise<Trace> {
  const traceId = asTraceId('0'.repeat(32));
  const t = Date.now();
  const span = await sealSpan({ traceId, parents: [], kind: 'run', name: 'e2e', pid: null, start: t, end: t + 5, status: 'ok', inputsHash: null, outputsHash: null, energy: ZERO_ENERGY, attributes: {} });
  return makeTrace(traceId, [span]);
}

test('two pages commit 50 traces each at the same time, and all 100 are kept in a repository git accepts', async ({ context }) => {
  const pages = [await context.newPage(), await context.newPage()];
  await Promise.all(pages.map(openWorkbench));
  const template = await traceTemplate();
  await Promise.all(
    pages.map((page, p) =>
      page.evaluate(
        async ({ template, p }) => {
          for (let i = 0; i < 50; i++) {
            const id = `${p}${i.toString(16).padStart(31, '0')}`;
            await window.weft!.call({ op: 'trace.append', trace: { ...template, traceId: id, spans: template.spans.map((s) => ({ ...s, traceId: id })) } as never, message: `Run e2e: page ${p}, trace ${i}` });
          }
        },
        { template, p },
      ),
    ),
  );
  const [first] = pages;
  const files = await first!.evaluate(() => window.weft!.call({ op: 'volume.files', volume: 'users/me', dir: 'traces' }));
  expect(files).toHaveLength(100);
  const log = await first!.evaluate(() => window.weft!.call({ op: 'volume.log', volume: 'users/me', limit: 200 }));
  expect(log.filter((c) => c.message.startsWith('Run e2e:'))).toHaveLength(100);

  // Publish the volume and let native git judge it.
  const repo = await git.createRepo('me-two-pages');
  await first!.evaluate(({ url, token }) => window.weft!.call({ op: 'volume.setRemote', volume: 'users/me', url, token }), { url: git.repoUrl('me-two-pages'), token: TOKEN });
  expect(await first!.evaluate(() => window.weft!.call({ op: 'volume.sync', volume: 'users/me' }))).toMatchObject({ outcome: 'pushed' });
  const { stdout: count } = await run('git', ['--git-dir', repo, 'rev-list', '--count', 'main']);
  expect(Number(count)).toBe(101); // "Create volume users/me" + 100 traces
  await run('git', ['--git-dir', repo, 'fsck', '--full', '--strict']);
});
