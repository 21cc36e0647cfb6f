/**
 * One bare git repository, read and written through git objects only: no index, no working
 * tree. A commit writes the changed blobs, rewrites just the trees on their paths, writes the
 * commit and moves `refs/heads/main` — a few object writes, whatever the size of the volume.
 * The branch ref is the single point where a commit becomes visible, so a commit cut off
 * half-way leaves the repository as it was (plus unreachable objects git ignores).
 */
import * as git from 'isomorphic-git';
import { asCommitOid, type CommitOid, WeftError } from '../core';
import { encodeBlob, encodeCommit, encodeTree, type GitObject, type Signature, writeObjects } from './gitObjects';
import { type LogEntry, walkHistory } from './history';
import { consolidatePacks, writePack } from './packWriter';
import type { TreeCache } from './treeCache';

export const BRANCH = 'main';
const REF = `refs/heads/${BRANCH}`;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

export type GitFs = git.PromiseFsClient;

export interface Author {
  readonly name: string;
  readonly email: string;
}

/** A file to write (`content`) or delete (`content: null`), by its path in the volume. */
export interface FileChange {
  readonly path: string;
  readonly content: string | Uint8Array | null;
}

export interface CommitInfo {
  readonly oid: CommitOid;
  readonly message: string;
  readonly author: Author;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly parents: readonly CommitOid[];
}

/** A commit as read back: with its root tree and committer date (the date `git log` orders by). */
export type StoredCommit = CommitInfo & { readonly tree: string; readonly committedAt: number };

export interface RepoDeps {
  readonly fs: GitFs;
  /** isomorphic-git's cache object, shared by every call (it keeps parsed packfiles). */
  readonly cache: object;
  readonly trees: TreeCache;
  /** Told at each step of a commit (tests and fault injection: the kernel can hang there, as a crash would). */
  readonly checkpoint?: (point: CommitPoint) => void;
}

/** `pack-written`: the objects are stored, `main` not yet moved; `head-moved`: the commit is visible and flushed. */
export type CommitPoint = 'pack-written' | 'head-moved';

export class GitRepo {
  constructor(
    private readonly deps: RepoDeps,
    readonly gitdir: string,
  ) {}

  private get base() {
    return { fs: this.deps.fs, gitdir: this.gitdir, cache: this.deps.cache };
  }

  /** Creates the bare repository (no commit yet). */
  async init(): Promise<void> {
    await git.init({ fs: this.deps.fs, gitdir: this.gitdir, bare: true, defaultBranch: BRANCH });
  }

  async exists(): Promise<boolean> {
    try {
      await this.deps.fs.promises.stat(`${this.gitdir}/HEAD`);
      return true;
    } catch {
      return false;
    }
  }

  /** The commit `main` points at, or null for a repository with no commit yet. */
  async head(): Promise<CommitOid | null> {
    try {
      return asCommitOid(await git.resolveRef({ fs: this.deps.fs, gitdir: this.gitdir, ref: REF }));
    } catch (e) {
      if ((e as { code?: string }).code === 'NotFoundError') return null;
      throw e;
    }
  }

  async readCommit(oid: CommitOid): Promise<StoredCommit> {
    const cached = this.deps.trees.commit(oid);
    if (cached) return cached as StoredCommit;
    try {
      const { commit } = await git.readCommit({ ...this.base, oid });
      const info: StoredCommit = { oid, tree: commit.tree, message: commit.message.trimEnd(), author: { name: commit.author.name, email: commit.author.email }, at: commit.author.timestamp * 1000, committedAt: commit.committer.timestamp * 1000, parents: commit.parent.map(asCommitOid) };
      this.deps.trees.rememberCommit(oid, info);
      return info;
    } catch (e) {
      throw new WeftError('COMMIT_NOT_FOUND', `Commit ${oid.slice(0, 7)} is not in ${this.gitdir}. Pick a commit from the volume's history.`, { oid, gitdir: this.gitdir, cause: String(e) });
    }
  }

  /** The bytes of a file at a commit (default: the head), or null if it does not exist there. */
  async readFile(path: string, at?: CommitOid | null): Promise<Uint8Array | null> {
    const commit = at === undefined ? await this.head() : at;
    if (commit === null) return null;
    const tree = (await this.readCommit(commit)).tree;
    const entry = await this.entryAt(tree, path);
    if (!entry || entry.type !== 'blob') return null;
    const { blob } = await git.readBlob({ ...this.base, oid: entry.oid });
    return blob;
  }

  /** The blob or tree oid at `path` (default: the head), or null: a cheap "has it changed?" check. */
  async oidAt(path: string, at?: CommitOid | null): Promise<string | null> {
    const commit = at === undefined ? await this.head() : at;
    if (commit === null) return null;
    return (await this.entryAt((await this.readCommit(commit)).tree, path))?.oid ?? null;
  }

  async readText(path: string, at?: CommitOid | null): Promise<string | null> {
    const bytes = await this.readFile(path, at);
    return bytes === null ? null : decoder.decode(bytes);
  }

  /** The entries of a folder at a commit (default: the head); empty if it does not exist. */
  async listDir(dir: string, at?: CommitOid | null): Promise<readonly git.TreeEntry[]> {
    const commit = at === undefined ? await this.head() : at;
    if (commit === null) return [];
    const root = (await this.readCommit(commit)).tree;
    if (dir === '') return this.deps.trees.read(this.deps.fs, this.gitdir, root);
    const entry = await this.entryAt(root, dir);
    return entry?.type === 'tree' ? this.deps.trees.read(this.deps.fs, this.gitdir, entry.oid) : [];
  }

  /** Every file path under `dir` at a commit (default: the head), depth first. */
  async listFiles(dir: string, at?: CommitOid | null): Promise<string[]> {
    const out: string[] = [];
    const visit = async (prefix: string, entries: readonly git.TreeEntry[]) => {
      for (const e of entries) {
        const path = prefix === '' ? e.path : `${prefix}/${e.path}`;
        if (e.type === 'tree') await visit(path, await this.deps.trees.read(this.deps.fs, this.gitdir, e.oid));
        else if (e.type === 'blob') out.push(path);
      }
    };
    await visit(dir, await this.listDir(dir, at));
    return out;
  }

  /**
   * The changes that make folder `dir` hold exactly `files` (paths inside the volume): write
   * them, and delete whatever else is under `dir` now. For replacing a skill whole.
   */
  async replaceFolder(dir: string, files: readonly FileChange[]): Promise<FileChange[]> {
    const keep = new Set(files.map((f) => f.path));
    const stale = (await this.listFiles(dir)).filter((path) => !keep.has(path));
    return [...files, ...stale.map((path) => ({ path, content: null }))];
  }

  /**
   * Writes one commit on top of `main` with the given changes. Returns the new head, or the
   * old one unchanged (`changed: false`) when the changes leave every file as it was.
   * `parents` overrides the parent list (a merge commit); the first must be the current head.
   */
  async commit(changes: readonly FileChange[], message: string, author: Author, at: number, parents?: readonly CommitOid[]): Promise<{ oid: CommitOid; changed: boolean }> {
    const head = await this.head();
    const baseTree = head === null ? null : (await this.readCommit(head)).tree;
    const blobs = new Map<string, string | null>();
    const objects: GitObject[] = [];
    for (const change of changes) {
      if (change.content === null) blobs.set(change.path, null);
      else {
        const blob = await encodeBlob(typeof change.content === 'string' ? encoder.encode(change.content) : change.content);
        objects.push(blob);
        blobs.set(change.path, blob.oid);
      }
    }
    const edit = await this.deps.trees.edit(this.deps.fs, this.gitdir, baseTree, blobs);
    const empty = edit.root === null ? await encodeTree([]) : null;
    const tree = edit.root ?? empty!.oid;
    if (tree === baseTree && parents === undefined && head !== null) return { oid: head, changed: false };
    const commit = await encodeCommit({ tree, parents: parents ?? (head === null ? [] : [head]), author: signature(author, at), committer: signature(author, at), message });
    await writePack(this.deps.fs, this.gitdir, [...objects, ...edit.objects, ...(empty ? [empty] : []), commit]);
    edit.written();
    this.remember(commit.oid, tree, message, author, at, parents ?? (head === null ? [] : [head]));
    this.deps.checkpoint?.('pack-written');
    await this.moveHead(commit.oid);
    this.deps.checkpoint?.('head-moved');
    // Packs merged into one: isomorphic-git's cache still holds the old ones (bytes and all), so it
    // is emptied; otherwise every consolidation would leak the packs it replaced.
    if (await consolidatePacks(this.deps.fs, this.gitdir)) forgetPacks(this.deps.cache);
    return { oid: asCommitOid(commit.oid), changed: true };
  }

  /** Writes a commit of an existing tree with the given parents and moves `main` to it. */
  async commitTree(tree: string, message: string, author: Author, at: number, parents: readonly CommitOid[]): Promise<CommitOid> {
    const commit = await encodeCommit({ tree, parents, author: signature(author, at), committer: signature(author, at), message });
    await writeObjects(this.deps.fs, this.gitdir, [commit]);
    this.remember(commit.oid, tree, message, author, at, parents);
    await this.moveHead(commit.oid);
    return asCommitOid(commit.oid);
  }

  /** Caches a commit this repository just wrote, exactly as readCommit would parse it. */
  private remember(oid: string, tree: string, message: string, author: Author, at: number, parents: readonly CommitOid[]): void {
    const seconds = Math.floor(at / 1000) * 1000;
    const info: StoredCommit = { oid: asCommitOid(oid), tree, message: message.trimEnd(), author: { name: author.name, email: author.email }, at: seconds, committedAt: seconds, parents: [...parents] };
    this.deps.trees.rememberCommit(oid, info);
  }

  /**
   * Moves `main`: the single point where a commit becomes visible. The filesystem is then
   * flushed (lightning-fs keeps its file table in memory and saves it lazily), so a commit
   * that was reported done survives the tab closing.
   */
  private async moveHead(oid: string): Promise<void> {
    await git.writeRef({ fs: this.deps.fs, gitdir: this.gitdir, ref: REF, value: oid, force: true });
    await (this.deps.fs.promises as { flush?: () => Promise<void> }).flush?.();
  }

  /** The root tree of a commit. */
  async treeOf(oid: CommitOid): Promise<string> {
    return (await this.readCommit(oid)).tree;
  }

  /** Tree access for merges. */
  get treeStore() {
    return {
      read: (oid: string) => this.deps.trees.read(this.deps.fs, this.gitdir, oid),
      write: (entries: readonly git.TreeEntry[]) => this.deps.trees.write(this.deps.fs, this.gitdir, entries),
    };
  }

  get fs(): GitFs {
    return this.deps.fs;
  }

  get gitCache(): object {
    return this.deps.cache;
  }

  /** Moves `main` to an existing commit (a fast-forward after fetch). */
  async setHead(oid: CommitOid): Promise<void> {
    await this.moveHead(oid);
  }

  /** History from `from` (default: the head) like `git log`: every parent walked, newest commit date first (see history.ts). */
  async log(options: { from?: CommitOid | null; limit: number; skip?: number; path?: string }): Promise<LogEntry[]> {
    const from = options.from === undefined ? await this.head() : options.from;
    if (from === null) return [];
    return walkHistory(this, from, options);
  }

  private async entryAt(tree: string, path: string): Promise<git.TreeEntry | null> {
    let entries = await this.deps.trees.read(this.deps.fs, this.gitdir, tree);
    const segments = path.split('/');
    for (let i = 0; i < segments.length; i++) {
      const entry = entries.find((e) => e.path === segments[i]);
      if (!entry) return null;
      if (i === segments.length - 1) return entry;
      if (entry.type !== 'tree') return null;
      entries = await this.deps.trees.read(this.deps.fs, this.gitdir, entry.oid);
    }
    return null;
  }
}

function signature(author: Author, at: number): Signature {
  return { name: author.name, email: author.email, timestamp: Math.floor(at / 1000) };
}

/** Empties isomorphic-git's cache object (it keys its packfile cache by a symbol). */
export function forgetPacks(cache: object): void {
  for (const key of Reflect.ownKeys(cache)) delete (cache as Record<string | symbol, unknown>)[key];
}
