/** Helpers for Node tests of volumes: a temporary directory and native git to check what was written. */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { GitFs } from './gitRepo';

const run = promisify(execFile);

export const nodeFs = fs as unknown as GitFs;

export function tempDir(prefix = 'weft-volumes-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs native git (the reference implementation) and returns its stdout. */
export function nativeGit(gitdir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitdir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * A native-git working copy of a remote, to make commits "on the server side" (a teammate).
 * Async on purpose: a git server in this process would deadlock on a synchronous git call.
 * `env` is passed to each git command (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE…).
 */
export async function nativeClone(url: string, token: string): Promise<{ dir: string; git: (args: string[], env?: Record<string, string>) => Promise<string>; remove(): void }> {
  const dir = tempDir('weft-native-');
  await run('git', ['clone', '-q', url.replace('http://', `http://weft:${token}@`), dir.path]);
  const git = async (args: string[], env: Record<string, string> = {}) =>
    (await run('git', ['-C', dir.path, '-c', 'user.name=Server Side', '-c', 'user.email=server@example.org', ...args], { env: { ...process.env, ...env } })).stdout;
  return { dir: dir.path, git, remove: dir.remove };
}
