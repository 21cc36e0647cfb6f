/** Helpers for Node tests of volumes: a temporary directory and native git to check what was written. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GitFs } from './gitRepo';

export const nodeFs = fs as unknown as GitFs;

export function tempDir(prefix = 'weft-volumes-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs native git (the reference implementation) and returns its stdout. */
export function nativeGit(gitdir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitdir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
