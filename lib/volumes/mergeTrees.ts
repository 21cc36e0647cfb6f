/**
 * A three-way merge of git trees where nothing is ever lost. Subtrees that only one side
 * changed are taken whole, so a merge walks only where both sides changed. A file both sides
 * changed differently keeps ours in place and theirs beside it as `<file>.remote-<tag>`;
 * a file one side deleted and the other changed is kept with its changes.
 */
import type { TreeEntry } from 'isomorphic-git';

export type ConflictKind = 'both-changed' | 'deleted-here' | 'deleted-there';

export interface MergeConflict {
  readonly path: string;
  readonly kind: ConflictKind;
  /** Where their version was put (for `both-changed`). */
  readonly theirs?: string;
}

export interface TreeStore {
  read(oid: string): Promise<readonly TreeEntry[]>;
  write(entries: readonly TreeEntry[]): Promise<string>;
}

/** Suffix that marks the remote's version of a conflicting file. */
export const conflictSuffix = (tag: string) => `.remote-${tag}`;
export const CONFLICT_FILE = /^(.*)\.remote-([0-9a-f]{7,40})$/;

/** Merges `ours` and `theirs` (tree oids) against their common `base`; returns the merged tree oid (null if empty). */
export async function mergeTrees(store: TreeStore, base: string | null, ours: string | null, theirs: string | null, tag: string, conflicts: MergeConflict[], prefix = ''): Promise<string | null> {
  if (ours === theirs) return ours;
  if (base === ours) return theirs;
  if (base === theirs) return ours;
  const [b, o, t] = await Promise.all([base, ours, theirs].map(async (oid) => new Map((oid === null ? [] : await store.read(oid)).map((e) => [e.path, e]))));
  const names = new Set([...b!.keys(), ...o!.keys(), ...t!.keys()]);
  const out: TreeEntry[] = [];
  for (const name of [...names].sort()) {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    const be = b!.get(name);
    const oe = o!.get(name);
    const te = t!.get(name);
    const same = (x?: TreeEntry, y?: TreeEntry) => x?.oid === y?.oid && x?.mode === y?.mode;
    if (same(oe, te) || same(be, te)) {
      if (oe) out.push(oe);
    } else if (same(be, oe)) {
      if (te) out.push(te);
    } else if (oe?.type === 'tree' && te?.type === 'tree') {
      const merged = await mergeTrees(store, be?.type === 'tree' ? be.oid : null, oe.oid, te.oid, tag, conflicts, path);
      if (merged !== null) out.push({ ...oe, oid: merged });
    } else if (oe && te) {
      const sibling = `${name}${conflictSuffix(tag)}`;
      out.push(oe, { ...te, path: sibling });
      conflicts.push({ path, kind: 'both-changed', theirs: prefix === '' ? sibling : `${prefix}/${sibling}` });
    } else if (te) {
      out.push(te);
      conflicts.push({ path, kind: 'deleted-here' });
    } else if (oe) {
      out.push(oe);
      conflicts.push({ path, kind: 'deleted-there' });
    }
  }
  return out.length === 0 ? null : store.write(out);
}
