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
  const keyed = entries.map((e) => ({ e, key: e.type === 'tree' || e.mode === '040000' ? `${e.path}/` : e.path }));
  keyed.sort((a, b) => compareCodePoints(a.key, b.key));
  const heads = keyed.map(({ e }) => encoder.encode(`${e.mode.replace(/^0/, '')} ${e.path}\0`));
  const out = new Uint8Array(heads.reduce((n, h) => n + h.byteLength + 20, 0));
  let at = 0;
  keyed.forEach(({ e }, i) => {
    out.set(heads[i]!, at);
    at += heads[i]!.byteLength;
    writeHex(e.oid, out, at);
    at += 20;
  });
  return wrap('tree', out);
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
  return { oid: bytesToHex(await sha1(wrapped)), type, wrapped };
}

export async function sha1(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>));
}

/** zlib (RFC 1950) deflate, as git stores objects. */
export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
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

/** Git compares names as UTF-8 bytes, which is code point order (JS `<` is UTF-16 unit order). */
function compareCodePoints(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
const SURROGATE = /[\uD800-\uDFFF]/;

/** The bytes of `parts`, one after another. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const HEX = new Map([...'0123456789abcdef'].map((c, i) => [c.charCodeAt(0), i]));

/** Writes a 40-char hex oid as 20 bytes into `out` at `at`. */
function writeHex(hex: string, out: Uint8Array, at: number): void {
  for (let i = 0; i < 20; i++) out[at + i] = (HEX.get(hex.charCodeAt(2 * i))! << 4) | HEX.get(hex.charCodeAt(2 * i + 1))!;
}

function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
