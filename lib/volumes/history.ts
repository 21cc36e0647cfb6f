/**
 * A volume's history the way `git log` walks it: every parent of every commit (a sync merge's
 * second parent brings the teammates' commits), newest commit date first, each commit once.
 * Like git, the walk keeps a queue of reached commits ordered by commit date (ties: first
 * reached, first out) and lists a commit when it leaves the queue, so a child always comes
 * before its parents whatever the clocks say.
 */
import type { CommitOid } from '../core';
import type { CommitInfo } from './gitRepo';

/** One history entry. */
export interface LogEntry extends CommitInfo {
  /**
   * On the first-parent line from where the log starts (this device's own line of work); false
   * for a commit that came in through a merge — in Weft a sync merge, whose second parent is the
   * remote's head, so these are the commits made elsewhere.
   */
  readonly mainline: boolean;
}

/** What the walk reads: a parsed commit (with its committer date) and the oid at a path in it. */
export interface HistorySource {
  readCommit(oid: CommitOid): Promise<CommitInfo & { readonly committedAt: number }>;
  oidAt(path: string, at: CommitOid): Promise<string | null>;
}

export interface WalkOptions {
  readonly limit: number;
  /** Entries to leave out first (a later page of the same walk). */
  readonly skip?: number;
  /**
   * Only commits that changed this file or folder: a commit whose version there differs from
   * its parent's (a first commit: that has it at all). A merge is listed when it changed the
   * path on the line it was made on (differs from its first parent): where a teammate's version
   * came in. Every parent is still walked, so a teammate's own commit to it is listed too.
   */
  readonly path?: string;
}

interface Queued {
  readonly commit: CommitInfo & { readonly committedAt: number };
  mainline: boolean;
}

export async function walkHistory(source: HistorySource, from: CommitOid, options: WalkOptions): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  let skip = options.skip ?? 0;
  const queued = new Map<CommitOid, Queued>();
  const queue: Queued[] = []; // newest commit date first
  const reach = async (oid: CommitOid, mainline: boolean) => {
    const seen = queued.get(oid);
    if (seen) {
      seen.mainline ||= mainline;
      return;
    }
    const entry: Queued = { commit: await source.readCommit(oid), mainline };
    queued.set(oid, entry);
    const at = entry.commit.committedAt;
    let i = queue.findIndex((q) => q.commit.committedAt < at);
    if (i < 0) i = queue.length;
    queue.splice(i, 0, entry);
  };
  await reach(from, true);
  while (out.length < options.limit) {
    const next = queue.shift();
    if (next === undefined) break;
    const { commit, mainline } = next;
    for (const [i, parent] of commit.parents.entries()) await reach(parent, mainline && i === 0);
    if (options.path !== undefined && !(await changes(source, commit, options.path))) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    out.push({ oid: commit.oid, message: commit.message, author: commit.author, at: commit.at, parents: commit.parents, mainline });
  }
  return out;
}

async function changes(source: HistorySource, commit: CommitInfo, path: string): Promise<boolean> {
  const here = await source.oidAt(path, commit.oid);
  const first = commit.parents[0];
  if (first === undefined) return here !== null;
  return here !== (await source.oidAt(path, first));
}
