import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitServer, startGitServer } from '../../e2e/fixtures/gitServer';
import { type OpenAiServer, startOpenAiServer, textAnswer } from '../../e2e/fixtures/openaiServer';
import { nativeGit } from '../volumes/testing';
import type { Kernel } from './kernel';
import { kernelWithRuntimes } from './testRuntimes';

// Proves: after a session of use — a chat with an API key configured, a team volume synced and
// a skill promoted with a token — no git object of any volume (local, or the remote's) contains
// the key or the token. Every object is read with native `git cat-file --batch-all-objects`.
const KEY = 'sk-secret-scan-key-5f1e2d3c4b5a69788796a5b4';
const TOKEN = 'ghp_secretScanToken_0123456789abcdefABCDEF';
let kernel: Kernel;
let dir = '';
let cleanup = () => {};
let models: OpenAiServer;
let git: GitServer;
const call = <T,>(op: string, args: Record<string, unknown> = {}) => kernel.dispatch({ op, ...args }) as Promise<T>;

/** Every git directory under `root` (a folder holding HEAD, objects/ and refs/). */
function gitDirs(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    if (entries.includes('HEAD') && entries.includes('objects') && entries.includes('refs')) out.push(d);
    for (const e of entries) {
      const p = join(d, e);
      if (e !== 'objects' && statSync(p).isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

beforeAll(async () => {
  models = await startOpenAiServer({ apiKey: KEY });
  git = await startGitServer({ token: TOKEN });
  ({ kernel, cleanup, dir } = await kernelWithRuntimes(['csv-stats', 'writing-clear-prompts']));
}, 60_000);
afterAll(async () => {
  cleanup();
  await models.close();
  await git.stop();
});

describe('secrets never reach a volume', () => {
  it('finds neither the API key nor the git token in any git object after a session of use', async () => {
    await call('llm.setProvider', { id: 'scan', baseUrl: models.url, model: 'test-model', apiKey: KEY });
    models.script(textAnswer(['Clear prompts say what they want.']));
    expect((await call<{ status: string }>('chat.send', { text: 'How do I write clear prompts?' })).status).toBe('ok');
    // A wrong-key answer echoes the key in OpenAI's 401 body: it must not be stored either.
    await call('llm.setProvider', { id: 'scan', baseUrl: models.url, model: 'test-model', apiKey: `${KEY}-wrong` });
    await call('chat.send', { text: 'Again, with the wrong key' });

    await git.createRepo('lab');
    const created = await call<{ volume: string }>('volume.create', { team: 'lab', url: git.repoUrl('lab'), token: TOKEN });
    await call('skill.write', { name: 'my-notes', content: '---\nname: my-notes\ndescription: Notes on how this lab writes prompts, for the model. Use when writing prompts here.\n---\n\n# my-notes\n\nBe brief.\n', create: true });
    await call('skill.promote', { name: 'my-notes', team: 'lab', reason: 'shared with the lab' });
    await call('volume.sync', { volume: created.volume });

    const dirs = [...gitDirs(dir), ...gitDirs(git.root)];
    expect(dirs.length).toBeGreaterThanOrEqual(4); // system, users/me, teams/lab, and the remote
    for (const gitdir of dirs) {
      const objects = nativeGit(gitdir, 'cat-file', '--batch-all-objects', '--batch');
      expect(objects.length).toBeGreaterThan(0);
      expect(objects.includes(KEY), `${gitdir} holds the API key`).toBe(false);
      expect(objects.includes(TOKEN), `${gitdir} holds the git token`).toBe(false);
      const config = nativeGit(gitdir, 'config', '--list');
      expect(config.includes(TOKEN), `${gitdir}/config holds the git token`).toBe(false);
    }
  }, 60_000);
});
