/**
 * Reads and builds git trees, keeping recently used ones in memory. Trees are immutable and
 * named by their content, so a cached tree is never stale, across volumes or tabs. A tree is
 * cached only once it is on disk, so a failed write can never leave a later commit pointing at
 * a tree that does not exist.
 */
import * as git from 'isomorphic-git';
import { encodeTree, type GitObject, writeObjects } from './gitObjects';
import type { GitFs } from './gitRepo';

const TREE_MODE = '040000';

/** Trees built by `edit`, not yet written: write `objects`, then call `written()`. */
export interface TreeEdit {
  readonly root: string | null;
  readonly objects: GitObject[];
  written(): void;
}

export class TreeCache {
  private readonly trees = new Map<string, readonly git.TreeEntry[]>();
  /** Parsed commits, also immutable: reading the head's commit on every write costs a disk read otherwise. */
  private readonly commits = new Map<string, object>();

  /** Entries held across all cached trees: the cache is bounded by what it holds, not by tree count. */
  private entries = 0;

  /**
   * @param capacity most parsed commits kept
   * @param maxEntries most tree entries kept in all: a folder that grows by one file per commit
   *   (traces/…) is a new, larger tree each time, so counting trees alone would hold O(n²).
   */
  constructor(
    private readonly capacity = 4000,
    private readonly maxEntries = 50_000,
  ) {}

  /** Tree entries held now (for tests). */
  get heldEntries(): number {
    return this.entries;
  }

  async read(fs: GitFs, gitdir: string, oid: string): Promise<readonly git.TreeEntry[]> {
    const hit = this.trees.get(oid);
    if (hit) {
      this.trees.delete(oid); // keep recently used entries at the end
      this.trees.set(oid, hit);
      return hit;
    }
    const { tree } = await git.readTree({ fs, gitdir, oid });
    this.remember(oid, tree);
    return tree;
  }

  /** Encodes and writes one tree now. */
  async write(fs: GitFs, gitdir: string, entries: readonly git.TreeEntry[]): Promise<string> {
    const object = await encodeTree(entries);
    await writeObjects(fs, gitdir, [object]);
    this.remember(object.oid, entries);
    return object.oid;
  }

  /**
   * Applies `changes` (path → blob oid, or null to delete) to the tree `base`. Only trees on
   * changed paths are rebuilt; emptied folders disappear, as in git. Nothing is written: the
   * caller writes `objects` together with the rest of its commit.
   */
  async edit(fs: GitFs, gitdir: string, base: string | null, changes: ReadonlyMap<string, string | null>): Promise<TreeEdit> {
    const built = new Map<string, readonly git.TreeEntry[]>();
    const objects: GitObject[] = [];
    const root = await this.build(fs, gitdir, base, changes, built, objects);
    return { root, objects, written: () => built.forEach((entries, oid) => this.remember(oid, entries)) };
  }

  private async build(fs: GitFs, gitdir: string, base: string | null, changes: ReadonlyMap<string, string | null>, built: Map<string, readonly git.TreeEntry[]>, objects: GitObject[]): Promise<string | null> {
    const entries = base === null ? [] : [...(await this.read(fs, gitdir, base))];
    const here = new Map<string, string | null>();
    const below = new Map<string, Map<string, string | null>>();
    for (const [path, oid] of changes) {
      const slash = path.indexOf('/');
      if (slash < 0) here.set(path, oid);
      else {
        const dir = path.slice(0, slash);
        if (!below.has(dir)) below.set(dir, new Map());
        below.get(dir)!.set(path.slice(slash + 1), oid);
      }
    }
    const byName = new Map(entries.map((e) => [e.path, e]));
    for (const [name, oid] of here) {
      if (oid === null) byName.delete(name);
      else byName.set(name, { mode: '100644', path: name, oid, type: 'blob' });
    }
    for (const [dir, sub] of below) {
      const current = byName.get(dir);
      const subtree = await this.build(fs, gitdir, current?.type === 'tree' ? current.oid : null, sub, built, objects);
      if (subtree === null) byName.delete(dir);
      else byName.set(dir, { mode: TREE_MODE, path: dir, oid: subtree, type: 'tree' });
    }
    if (byName.size === 0) return null;
    const next = [...byName.values()];
    if (base !== null && sameEntries(entries, next)) return base;
    const object = await encodeTree(next);
    objects.push(object);
    built.set(object.oid, next);
    return object.oid;
  }

  commit(oid: string): object | undefined {
    return this.commits.get(oid);
  }

  rememberCommit(oid: string, commit: object): void {
    this.commits.set(oid, commit);
    if (this.commits.size > this.capacity) this.commits.delete(this.commits.keys().next().value!);
  }

  private remember(oid: string, entries: readonly git.TreeEntry[]): void {
    const old = this.trees.get(oid);
    if (old) this.entries -= old.length;
    this.trees.delete(oid);
    this.trees.set(oid, entries);
    this.entries += entries.length;
    // Oldest first, but never the tree just added.
    while ((this.entries > this.maxEntries || this.trees.size > this.capacity) && this.trees.size > 1) {
      const [first, held] = this.trees.entries().next().value!;
      this.trees.delete(first);
      this.entries -= held.length;
    }
  }
}

function sameEntries(a: readonly git.TreeEntry[], b: readonly git.TreeEntry[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((e) => [e.path, e.oid]));
  return b.every((e) => byName.get(e.path) === e.oid);
}
