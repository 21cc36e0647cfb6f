/**
 * Sync of one volume with its git remote: fetch, then fast-forward or merge (never losing a
 * version, see mergeTrees), then push. If the remote moved while we merged, it starts over,
 * a few times at most. Runs under the volume's lock, so no local commit slips in between.
 */
import * as git from 'isomorphic-git';
import { asCommitOid, type CommitOid } from '../core';
import type { Author, GitRepo } from './gitRepo';
import { BRANCH } from './gitRepo';
import { type MergeConflict, mergeTrees } from './mergeTrees';
import { checkRemoteUrl, remoteError } from './remoteError';

export interface SyncProgress {
  readonly phase: string;
  readonly loaded: number;
  readonly total?: number;
}

export interface SyncOptions {
  readonly url: string;
  readonly token?: string | null;
  readonly http: git.HttpClient;
  /** A CORS proxy prefix (e.g. `/api/git`) for remotes that do not answer browser requests. */
  readonly corsProxy?: string | null;
  readonly author: Author;
  readonly now: () => number;
  readonly onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
  /** What happened locally and remotely. */
  readonly outcome: 'up-to-date' | 'pulled' | 'pushed' | 'merged';
  readonly head: CommitOid | null;
  /** Commits that came in, and that went out. */
  readonly received: number;
  readonly sent: number;
  readonly conflicts: readonly MergeConflict[];
}

const REMOTE = 'origin';
const TRACKING = `refs/remotes/${REMOTE}/${BRANCH}`;
const ATTEMPTS = 3;

export async function syncVolume(repo: GitRepo, options: SyncOptions): Promise<SyncResult> {
  const url = checkRemoteUrl(options.url);
  const base = { fs: repo.fs, gitdir: repo.gitdir, cache: repo.gitCache };
  const net = {
    http: options.http,
    ...(options.corsProxy ? { corsProxy: options.corsProxy } : {}),
    onAuth: () => (options.token ? { username: 'weft', password: options.token } : { cancel: true }),
    onAuthFailure: () => ({ cancel: true }),
    onProgress: (e: git.GitProgressEvent) => options.onProgress?.({ phase: e.phase, loaded: e.loaded, ...(e.total ? { total: e.total } : {}) }),
  };
  await git.setConfig({ ...base, path: `remote.${REMOTE}.url`, value: url });
  await git.setConfig({ ...base, path: `remote.${REMOTE}.fetch`, value: `+refs/heads/*:refs/remotes/${REMOTE}/*` });

  let received = 0;
  let conflicts: MergeConflict[] = [];
  let merged = false;
  for (let attempt = 1; ; attempt++) {
    try {
      options.onProgress?.({ phase: 'Fetching', loaded: 0 });
      const fetched = await git.fetch({ ...base, ...net, remote: REMOTE, ref: BRANCH, singleBranch: true, tags: false });
      const theirs = fetched.fetchHead ? asCommitOid(fetched.fetchHead) : await resolve(repo, TRACKING);
      const ours = await repo.head();
      if (theirs !== null && ours !== theirs) {
        const mergeBase = ours === null ? null : await findBase(repo, ours, theirs);
        if (mergeBase === theirs) {
          // Only we have new commits: push below.
        } else if (ours === null || mergeBase === ours) {
          received += await countBetween(repo, theirs, ours);
          await repo.setHead(theirs);
        } else {
          received += await countBetween(repo, theirs, mergeBase);
          const found: MergeConflict[] = [];
          const tree = await mergeTrees(repo.treeStore, mergeBase === null ? null : await repo.treeOf(mergeBase), await repo.treeOf(ours), await repo.treeOf(theirs), theirs.slice(0, 7), found);
          const message = found.length === 0 ? `Merge ${hostOf(url)} into ${BRANCH}` : `Merge ${hostOf(url)} into ${BRANCH}: ${found.length} conflict${found.length === 1 ? '' : 's'} kept side by side`;
          await repo.commitTree(tree ?? (await repo.treeStore.write([])), message, options.author, options.now(), [ours, theirs]);
          conflicts = [...conflicts, ...found];
          merged = true;
        }
      }
      const head = await repo.head();
      const remoteHead = await resolve(repo, TRACKING);
      if (head === null || head === remoteHead) {
        return { outcome: merged ? 'merged' : received > 0 ? 'pulled' : 'up-to-date', head, received, sent: 0, conflicts };
      }
      const sent = await countBetween(repo, head, remoteHead);
      options.onProgress?.({ phase: 'Pushing', loaded: 0 });
      const pushed = await git.push({ ...base, ...net, remote: REMOTE, ref: BRANCH, remoteRef: BRANCH });
      if (!pushed.ok) throw Object.assign(new Error(pushed.error ?? 'push rejected'), { code: 'PushRejectedError', data: { reason: pushed.error } });
      await git.writeRef({ ...base, ref: TRACKING, value: head, force: true });
      return { outcome: merged ? 'merged' : 'pushed', head, received, sent, conflicts };
    } catch (error) {
      const weft = remoteError(error, url);
      if (weft.code === 'REMOTE_REJECTED' && attempt < ATTEMPTS) continue; // the remote moved: fetch and merge again
      throw weft;
    }
  }
}

async function resolve(repo: GitRepo, ref: string): Promise<CommitOid | null> {
  try {
    return asCommitOid(await git.resolveRef({ fs: repo.fs, gitdir: repo.gitdir, ref }));
  } catch {
    return null;
  }
}

async function findBase(repo: GitRepo, a: CommitOid, b: CommitOid): Promise<CommitOid | null> {
  const bases = await git.findMergeBase({ fs: repo.fs, gitdir: repo.gitdir, cache: repo.gitCache, oids: [a, b] });
  return bases[0] ? asCommitOid(bases[0]) : null;
}

/**
 * How many commits `from` has that `stop` (an ancestor of it, usually the merge base) has not.
 * Both histories are walked newest first, `stop`'s only as far back as the oldest commit counted,
 * so the walk stays short on long histories; a commit older than `stop` that `stop` does not
 * reach (made offline before it, merged since) still counts.
 */
export async function countBetween(repo: GitRepo, from: CommitOid, stop: CommitOid | null): Promise<number> {
  const counted = new Map<CommitOid, number>(); // reached from `from` and, so far, not from `stop`
  const reached = new Set<CommitOid>(); // reached from `stop`
  const queue: { oid: CommitOid; at: number; parents: readonly CommitOid[]; fromStop: boolean }[] = [];
  let pending = 0; // queued commits on `from`'s side
  const enqueue = async (oid: CommitOid, fromStop: boolean) => {
    const { at, parents } = await repo.readCommit(oid);
    queue.push({ oid, at, parents, fromStop });
    if (!fromStop) pending++;
  };
  await enqueue(from, false);
  if (stop !== null) await enqueue(stop, true);
  for (;;) {
    // Newest last; on a tie `stop`'s side goes first, so a commit both reach is seen from `stop` before it could be counted.
    queue.sort((a, b) => a.at - b.at || Number(a.fromStop) - Number(b.fromStop));
    const next = queue.pop();
    if (next === undefined || (pending === 0 && next.at < Math.min(...counted.values()))) break;
    if (next.fromStop) {
      if (reached.has(next.oid)) continue;
      reached.add(next.oid);
      counted.delete(next.oid); // only when clocks disagree
    } else {
      pending--;
      if (next.oid === stop || reached.has(next.oid) || counted.has(next.oid)) continue;
      counted.set(next.oid, next.at);
    }
    for (const parent of next.parents) await enqueue(parent, next.fromStop);
  }
  return counted.size;
}

function hostOf(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}
