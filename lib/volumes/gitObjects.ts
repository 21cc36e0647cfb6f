/**
 * Git's object formats, encoded here rather than one call at a time through isomorphic-git, so
 * that all the objects of a commit can be hashed first and then written concurrently (each
 * write is an IndexedDB transaction in the browser; in sequence they dominated a commit).
 * SHA-1 and zlib come from the platform (WebCrypto, CompressionStream) in Node and browsers.
 * Native `git fsck --strict` checks the output in the tests.
 */
import type { TreeEntry } from 'isomorphic-git';
import type { GitFs } from './gitRepo';

/** An encoded object, ready to be written as `objects/<oid[0..2]>/<oid[2..]>`. */
export interface GitObject {
  readonly oid: string;
  readonly type: 'blob' | 'tree' | 'commit';
  /** `<type> <size>\0<content>`, the bytes git hashes and deflates. */
  readonly wrapped: Uint8Array;
}

export interface Signature {
  readonly name: string;
  readonly email: string;
  /** Seconds since the epoch. */
  readonly timestamp: number;
}

const encoder = new TextEncoder();

export function encodeBlob(content: Uint8Array): Promise<GitObject> {
  return wrap('blob', content);
}

/** A tree: entries in git's order (folders sort as if their name ended in `/`), modes without a leading 0. */
export function encodeTree(entries: readonly TreeEntry[]): Promise<GitObject> {
  const sorted = [...entries].sort((a, b) => compareBytes(sortKey(a), sortKey(b)));
  const parts = sorted.map((e) => concat([encoder.encode(`${e.mode.replace(/^0/, '')} ${e.path}\0`), hexToBytes(e.oid)]));
  return wrap('tree', concat(parts));
}

export function encodeCommit(commit: { tree: string; parents: readonly string[]; author: Signature; committer: Signature; message: string }): Promise<GitObject> {
  const sig = (s: Signature) => `${s.name} <${s.email}> ${s.timestamp} +0000`;
  const header = [`tree ${commit.tree}`, ...commit.parents.map((p) => `parent ${p}`), `author ${sig(commit.author)}`, `committer ${sig(commit.committer)}`];
  const message = commit.message.endsWith('\n') ? commit.message : `${commit.message}\n`;
  return wrap('commit', encoder.encode(`${header.join('\n')}\n\n${message}`));
}

/** Writes objects as loose objects, all at once; objects already present are skipped. */
export async function writeObjects(fs: GitFs, gitdir: string, objects: readonly GitObject[]): Promise<void> {
  const unique = [...new Map(objects.map((o) => [o.oid, o])).values()];
  const dirs = [...new Set(unique.map((o) => `${gitdir}/objects/${o.oid.slice(0, 2)}`))];
  await Promise.all(dirs.map((dir) => fs.promises.mkdir(dir).catch((e: { code?: string }) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)))));
  await Promise.all(
    unique.map(async (o) => {
      const path = `${gitdir}/objects/${o.oid.slice(0, 2)}/${o.oid.slice(2)}`;
      if (await exists(fs, path)) return;
      await fs.promises.writeFile(path, await deflate(o.wrapped));
    }),
  );
}

async function wrap(type: GitObject['type'], content: Uint8Array): Promise<GitObject> {
  const wrapped = concat([encoder.encode(`${type} ${content.byteLength}\0`), content]);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', wrapped as Uint8Array<ArrayBuffer>));
  return { oid: bytesToHex(digest), type, wrapped };
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function exists(fs: GitFs, path: string): Promise<boolean> {
  try {
    await fs.promises.stat(path);
    return true;
  } catch {
    return false;
  }
}

function sortKey(e: TreeEntry): Uint8Array {
  return encoder.encode(e.mode === '040000' || e.type === 'tree' ? `${e.path}/` : e.path);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
