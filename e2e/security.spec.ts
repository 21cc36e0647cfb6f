import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { waitForKernel } from './fixtures/workbench';
import { E2E_GIT_PORT } from '../playwright.config';
import { type GitServer, startGitServer } from './fixtures/gitServer';

// The Content-Security-Policy (lib/security/csp.ts, set by proxy.ts) as the browser enforces it:
// the page runs only the app's own scripts and connects only to the app; runtime workers reach
// the network only for skills with the `network` permission, even when skill code gets past the
// JavaScript sandbox's locked globals.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

/** A server on another origin that counts what reaches it (CORS open, so only the policy can stop a request). */
let outside: { server: Server; url: string; hits: string[] };
let git: GitServer;
const TOKEN = 'e2e-token';

test.beforeAll(async () => {
  git = await startGitServer({ port: E2E_GIT_PORT, cors: false, token: TOKEN });
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin', 'content-type': 'text/javascript' });
    res.end('export const pwned = true;');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  outside = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => outside.server.close(() => resolve()));
  await git.stop();
});

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await waitForKernel(page);
}

test('every page and worker script is served with its policy; the page’s scripts all carry the request’s nonce', async ({ request }) => {
  const page = await request.get('/');
  const policy = page.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(directive(policy, 'script-src'))?.[1];
  expect(nonce, policy).toBeTruthy();
  expect(directive(policy, 'script-src')).toBe(`script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`);
  expect(directive(policy, 'connect-src')).toBe("connect-src 'self' data: blob:");
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // A fresh nonce for every request.
  const again = (await request.get('/')).headers()['content-security-policy'] ?? '';
  expect(again).not.toContain(nonce);

  const kernel = (await request.get('/workers/kernel.js')).headers()['content-security-policy'] ?? '';
  expect(directive(kernel, 'script-src').split(' ')).not.toContain("'unsafe-eval'");
  const sandboxed = (await request.get('/workers/javascript.js')).headers()['content-security-policy'] ?? '';
  expect(directive(sandboxed, 'connect-src')).toBe("connect-src 'self' data: blob:");
  const networked = (await request.get('/workers/javascript.js?network=1')).headers()['content-security-policy'] ?? '';
  expect(directive(networked, 'connect-src')).toContain('https:');
});

test('an injected inline script does not run, and the page cannot connect to another origin', async ({ page }) => {
  await openApp(page);
  const injected = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = true';
    document.body.append(script);
    return { directive: await violation, ran: (window as unknown as { __pwned?: boolean }).__pwned === true };
  });
  expect(injected).toEqual({ directive: 'script-src-elem', ran: false });

  const fetched = await page.evaluate((url) => fetch(url).then(() => 'reached', (e: Error) => e.message), `${outside.url}/from-the-page`);
  expect(fetched).not.toBe('reached');
  expect(outside.hits).toEqual([]);
});

test('a JavaScript skill cannot load code from elsewhere, nor, without the network permission, connect out; with it, it can connect', async ({ page }) => {
  await openApp(page);
  // Skill code that tries the prototype's `fetch` (the sandbox locks it) and a dynamic import,
  // which the sandbox does not touch: only the worker's policy stops that one.
  const code = (tag: string) => `async function execute() {
    const tried = {};
    try { await Object.getPrototypeOf(Object.getPrototypeOf(self)).fetch.call(self, '${outside.url}/${tag}-fetch'); tried.fetch = 'reached'; } catch (e) { tried.fetch = String(e.message); }
    try { await import('${outside.url}/${tag}-import.js'); tried.import = 'reached'; } catch (e) { tried.import = String(e.message); }
    return tried;
  }`;
  const run = (permissions: string[], tag: string) =>
    page.evaluate(([c, p]) => window.weft!.request({ op: 'runtime.run', runtime: 'javascript', code: c, permissions: p }) as Promise<{ outputs: { fetch: string; import: string } }>, [code(tag), permissions] as const);

  const locked = (await run([], 'locked')).outputs;
  expect(locked.fetch).not.toBe('reached'); // the sandbox removed it
  expect(locked.import).toMatch(/Failed to fetch dynamically imported module/);
  // With the permission the same code connects (so the refusal above was real), yet still loads no script from elsewhere.
  const open = (await run(['network'], 'open')).outputs;
  expect(open.fetch).toBe('reached');
  expect(open.import).toMatch(/Failed to fetch dynamically imported module/);
  expect(outside.hits.sort()).toEqual(['/open-fetch']);
});

test('skill code cannot read the app’s storage, where keys and settings are kept: neither Python nor JavaScript', async ({ page }) => {
  await openApp(page);
  const attempt = (runtime: string, code: string) =>
    page.evaluate(
      ([r, c]) =>
        window.weft!.request({ op: 'runtime.run', runtime: r as 'python', code: c }).then(
          () => 'read it',
          (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
        ),
      [runtime, code] as const,
    );
  const python = await attempt('python', 'def execute(i):\n    from js import indexedDB\n    indexedDB.open("weft-secrets")\n    return {}');
  expect(python).toContain("skills cannot read the app's storage");
  const javascript = await attempt('javascript', 'async function execute() { indexedDB.open("weft-secrets"); return {}; }');
  expect(javascript).toContain("skills cannot read the app's storage");
  // Python still loads and runs (its own caches were taken before the lock-down).
  const ok = await page.evaluate(() => window.weft!.request({ op: 'runtime.run', runtime: 'python', code: 'def execute(i):\n    return {"x": 1}' }) as Promise<{ outputs: { x: number } }>);
  expect(ok.outputs).toEqual({ x: 1 });
});

test('the kernel refuses plain http to another machine in words, before the browser blocks it', async ({ page }) => {
  await openApp(page);
  const refused = await page.evaluate(() =>
    window.weft!.request({ op: 'llm.probe', url: 'http://10.20.30.40:8080/model.gguf' }).then(
      () => null,
      (e: { code: string; message: string }) => e.message,
    ),
  );
  expect(refused).toContain('http://10.20.30.40:8080 is neither');
  expect(refused).toContain('ssh -L 8080:10.20.30.40:8080');
});

/** A team's skill that fetches from `url`, pushed to the team's repository by someone else (native git). */
async function pushTeamSkill(repo: string, url: string): Promise<void> {
  await git.createRepo(repo);
  const dir = mkdtempSync(join(tmpdir(), 'weft-e2e-team-'));
  const run = promisify(execFile);
  try {
    const gitIn = (...args: string[]) => run('git', ['-C', dir, '-c', 'user.name=Someone Else', '-c', 'user.email=else@example.org', ...args]);
    await run('git', ['clone', '-q', git.repoUrl(repo).replace('http://', `http://weft:${TOKEN}@`), dir]);
    mkdirSync(join(dir, 'skills', 'weather'), { recursive: true });
    const skill = [
      '---',
      'name: weather',
      'description: Fetches the weather from a team server. Use when asked about the weather.',
      'runtime: javascript',
      'permissions: [network]',
      'outputs:',
      '  - name: report',
      '    type: string',
      '---',
      '',
      '# weather',
      '',
      '```javascript',
      `async function execute() { const r = await fetch('${url}/weather'); return { report: String(r.status) }; }`,
      '```',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'skills', 'weather', 'SKILL.md'), skill);
    await gitIn('checkout', '-q', '-B', 'main');
    await gitIn('add', '.');
    await gitIn('commit', '-qm', 'Add weather');
    await gitIn('push', '-q', 'origin', 'main');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a team skill asks before it uses the network: refused, it does not run; allowed, it runs and is not asked again', async ({ page }) => {
  await pushTeamSkill('lab', outside.url);
  await openApp(page);
  await page.evaluate(({ url, token }) => window.weft!.request({ op: 'volume.create', team: 'lab', url, token }), { url: git.repoUrl('lab'), token: TOKEN });
  const runWeather = () =>
    page.evaluate(() =>
      (window.weft!.request({ op: 'skill.run', name: 'weather', volume: 'teams/lab' }) as Promise<{ outputs: { report: string } }>).then(
        (r) => r.outputs.report,
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
      ),
    );

  // The run waits on the question; "Don't allow" has the focus.
  const refused = runWeather();
  const dialog = page.getByRole('dialog', { name: 'Allow weather to use the network?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('comes from the team volume teams/lab');
  await expect(dialog.getByRole('button', { name: 'Don’t allow' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('permission-prompt.png') });
  await dialog.getByRole('button', { name: 'Don’t allow' }).click();
  expect(await refused).toMatch(/^PERMISSION_DENIED: weather \(from teams\/lab\) was not run/);
  await expect(dialog).toBeHidden();
  expect(outside.hits.filter((h) => h === '/weather')).toEqual([]);

  // Asked again next time; allowed, it reaches the server.
  const allowed = runWeather();
  await dialog.getByRole('button', { name: 'Allow', exact: true }).click();
  expect(await allowed).toBe('200');
  expect(outside.hits.filter((h) => h === '/weather')).toHaveLength(1);

  // Remembered: no question the third time.
  expect(await runWeather()).toBe('200');
  await expect(dialog).toBeHidden();
  const grants = await page.evaluate(() => window.weft!.request({ op: 'permission.grants' }) as Promise<{ skill: string; volume: string }[]>);
  expect(grants.map((g) => `${g.volume}/${g.skill}`)).toEqual(['teams/lab/weather']);

  // The team volume lists what was allowed; Revoke means it is asked about again. Its check passes.
  await page.getByRole('tab', { name: 'Volumes' }).click();
  await page.getByTitle('Open the history of teams/lab').click();
  const allowedList = page.getByRole('region', { name: 'Network access in teams/lab' });
  await expect(allowedList).toContainText('weather');
  await page.getByRole('button', { name: 'Check volume' }).click();
  await expect(page.getByRole('region', { name: 'Check teams/lab' })).toContainText(/No problems found in \d+ objects/);
  await page.screenshot({ path: test.info().outputPath('team-volume.png') });
  await allowedList.getByRole('button', { name: 'Revoke' }).click();
  await expect(allowedList).toBeHidden();
  const again = runWeather();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Don’t allow' }).click();
  expect(await again).toMatch(/^PERMISSION_DENIED/);
});
