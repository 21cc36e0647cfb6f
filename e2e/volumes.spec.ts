import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';
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
  await waitForKernel(page);
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

const SKILL_V1 = '---\nname: csv-stats\ndescription: Summarise a CSV file.\n---\n\nCount the rows.\n';
const SKILL_MINE = '---\nname: csv-stats\ndescription: Summarise a CSV file.\n---\n\nCount the rows and the columns.\n';
const SKILL_SERVER = '---\nname: csv-stats\ndescription: Summarise a CSV file.\n---\n\nCount the rows and report the mean.\n';

async function promote(page: Page, reason: string) {
  await page.locator('[data-skill="csv-stats"]').click();
  await page.getByRole('button', { name: 'Promote to team…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'Done' })).toBeVisible();
  const outcome = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Done' }).click();
  return outcome;
}

test('a skill travels from my volume to a team on a git server, meets a server-side edit, and both versions are kept', async ({ page }) => {
  const repo = await git.createRepo('lab');
  await openWorkbench(page);
  const teamCard = page.getByRole('article', { name: 'Volume teams/lab' });

  // Create a skill in my volume and find it in its history.
  await page.getByRole('button', { name: 'New skill' }).click();
  const editor = page.getByRole('dialog');
  await editor.getByLabel('Name').fill('csv-stats');
  await editor.getByLabel('SKILL.md').fill(SKILL_V1);
  await editor.getByRole('button', { name: 'Create skill' }).click();
  await expect(page.locator('[data-skill="csv-stats"]')).toContainText('mine');
  await page.locator('[data-skill="csv-stats"]').click();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.locator('[data-commit]').first()).toContainText('Add skill csv-stats');

  // Add the team volume, whose remote is the git server (reached through the app's proxy), and promote.
  await page.getByRole('tab', { name: 'Volumes' }).click();
  await page.getByRole('button', { name: 'Add team volume…' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('Team name').fill('lab');
  await add.getByLabel('Remote URL').fill(git.repoUrl('lab'));
  await add.getByLabel('Access token').fill(TOKEN);
  await add.getByRole('button', { name: 'Add and sync' }).click();
  await expect(teamCard).toBeVisible();
  expect(await promote(page, 'the lab uses it for every dataset')).toMatch(/pushed/i);
  expect((await run('git', ['--git-dir', repo, 'show', 'main:skills/csv-stats/SKILL.md'])).stdout).toBe(SKILL_V1);

  // Someone changes the skill on the server while I change my copy and promote it again.
  await serverEdit('lab', 'skills/csv-stats/SKILL.md', SKILL_SERVER, 'Report the mean');
  await page.locator('[data-skill="csv-stats"]').click();
  await page.getByRole('button', { name: 'Edit csv-stats' }).click();
  await page.getByRole('dialog').getByLabel('SKILL.md').fill(SKILL_MINE);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await promote(page, 'count the columns too')).toMatch(/conflict/i);

  // The conflict is listed; keep both, sync, and both versions are there, here and on the server.
  await page.getByRole('tab', { name: 'Volumes' }).click();
  await teamCard.click();
  await page.getByRole('button', { name: 'Keep both for skills/csv-stats/SKILL.md' }).click();
  await page.getByRole('button', { name: 'Sync teams/lab' }).click();
  await expect(teamCard).toContainText(/Pushed/);
  const copy = page.locator('[data-skill^="csv-stats-"]');
  await expect(copy).toHaveCount(1);
  const copyName = await copy.getAttribute('data-skill');
  const server = (path: string) => run('git', ['--git-dir', repo, 'show', `main:${path}`]).then((r) => r.stdout);
  expect(await server('skills/csv-stats/SKILL.md')).toBe(SKILL_MINE);
  expect(await server(`skills/${copyName}/SKILL.md`)).toContain('Count the rows and report the mean.');
  await run('git', ['--git-dir', repo, 'fsck', '--full', '--strict']);
  await page.screenshot({ path: 'e2e/screenshots/volumes.png' });

  // The team's history lists every commit native git does, the server-side edit among them on the merged-in lane.
  const history = page.getByRole('list', { name: 'History of teams/lab' });
  const native = (await run('git', ['--git-dir', repo, 'log', '--format=%s', 'main'])).stdout.trim().split('\n');
  await expect(history.locator('[data-commit]')).toHaveCount(native.length);
  await expect(history.locator('[data-commit]')).toHaveText(native.map((subject) => new RegExp(`^${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
  await expect(history.locator('[data-lane="merged-in"]')).toHaveText([/Report the mean.*merged in/]);
  await expect(history.locator('[data-commit]', { hasText: /^Merge / })).toContainText('merge');
  await history.scrollIntoViewIfNeeded();
  await page.locator('[data-open-volume="teams/lab"]').screenshot({ path: 'e2e/screenshots/history-after-merge.png' });
});

test('two pages commit 50 traces each at the same time, and all 100 are kept in a repository git accepts', async ({ context }) => {
  test.setTimeout(180_000); // 100 commits from two tabs sharing one store, on a 2-core machine
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
