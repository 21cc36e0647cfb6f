/** The difference of one file between two commits, as unified-diff hunks (jsdiff). */
import { structuredPatch } from 'diff';
import type { CommitOid } from '../core';
import type { GitRepo } from './gitRepo';

export interface DiffHunk {
  readonly oldStart: number;
  readonly oldLines: number;
  readonly newStart: number;
  readonly newLines: number;
  /** Lines prefixed with `+`, `-` or a space. */
  readonly lines: readonly string[];
}

export interface FileDiff {
  readonly path: string;
  readonly from: CommitOid | null;
  readonly to: CommitOid;
  /** `added`/`deleted` when the file exists on one side only. */
  readonly status: 'added' | 'deleted' | 'modified' | 'unchanged';
  readonly hunks: readonly DiffHunk[];
  readonly before: string | null;
  readonly after: string | null;
}

/** Diffs `path` between `from` (null: as if absent) and `to`. */
export async function diffFile(repo: GitRepo, path: string, from: CommitOid | null, to: CommitOid): Promise<FileDiff> {
  if (from !== null) await repo.readCommit(from);
  await repo.readCommit(to);
  const before = from === null ? null : await repo.readText(path, from);
  const after = await repo.readText(path, to);
  const status = before === after ? 'unchanged' : before === null ? 'added' : after === null ? 'deleted' : 'modified';
  const patch = structuredPatch(path, path, before ?? '', after ?? '', undefined, undefined, { context: 3 });
  return { path, from, to, status, hunks: patch.hunks.map((h) => ({ oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines: h.lines })), before, after };
}
