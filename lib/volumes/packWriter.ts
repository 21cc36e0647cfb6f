/**
 * Writes a commit's objects as one packfile + index (2 files) instead of one loose file per
 * object: in the browser each file is an IndexedDB transaction, and they run one at a time.
 * Small packs are merged now and then (`consolidatePacks`) by copying their entries byte for
 * byte, so lookups and start-up stay fast. Format: git's pack v2 and index v2; native git
 * verifies what is written here in the tests.
 */
import CRC32 from 'crc-32';
import type { GitObject } from './gitObjects';
import { concat, deflate, sha1 } from './gitObjects';
import type { GitFs } from './gitRepo';

const TYPE_CODE = { commit: 1, tree: 2, blob: 3 } as const;
const PACK_DIR = 'objects/pack';
/** Packs with deltas (fetched ones): never merged, so never read again to find out. */
const FOREIGN = new Set<string>();

interface PackEntry {
  readonly oid: string;
  /** Entry header + zlib data, exactly as it sits in a pack. */
  readonly raw: Uint8Array;
  readonly crc: number;
}

/** Packs `objects` into `objects/pack/pack-<sha>.{pack,idx}`; the index is written last, so a half-written pack is never seen. */
export async function writePack(fs: GitFs, gitdir: string, objects: readonly GitObject[]): Promise<void> {
  const unique = [...new Map(objects.map((o) => [o.oid, o])).values()];
  const entries = await Promise.all(
    unique.map(async (o) => {
      const content = o.wrapped.subarray(o.wrapped.indexOf(0) + 1);
      const raw = concat([entryHeader(TYPE_CODE[o.type], content.byteLength), await deflate(content)]);
      return { oid: o.oid, raw, crc: CRC32.buf(raw) >>> 0 };
    }),
  );
  await writePackFiles(fs, gitdir, entries);
}

/**
 * Merges packs by size tier, like git's geometric repack: 32 one-commit packs (under 256 KiB)
 * become one; 32 of those (under 16 MiB) become one again. Each byte is rewritten about twice
 * over its life instead of at every merge. The merged pack is complete before any old one goes.
 */
export async function consolidatePacks(fs: GitFs, gitdir: string, minPacks = 32): Promise<boolean> {
  for (const maxBytes of [256 << 10, 16 << 20]) if (await consolidateTier(fs, gitdir, minPacks, maxBytes)) return true;
  return false;
}

async function consolidateTier(fs: GitFs, gitdir: string, minPacks: number, maxBytes: number): Promise<boolean> {
  const dir = `${gitdir}/${PACK_DIR}`;
  const listing: string[] = await fs.promises.readdir(dir).catch(() => []);
  const names = listing.filter((n) => n.endsWith('.idx')).map((n) => n.slice(0, -4));
  if (names.length < minPacks) return false; // the listing is cheap (in memory); reading packs is not
  const candidates: string[] = [];
  for (const name of names) {
    if (FOREIGN.has(`${dir}/${name}`)) continue;
    const stat = await fs.promises.stat(`${dir}/${name}.pack`).catch(() => null);
    if (stat && stat.size <= maxBytes) candidates.push(name);
  }
  if (candidates.length < minPacks) return false;
  const small: { name: string; entries: PackEntry[] }[] = [];
  for (const name of candidates) {
    const entries = parsePack((await fs.promises.readFile(`${dir}/${name}.idx`)) as Uint8Array, (await fs.promises.readFile(`${dir}/${name}.pack`)) as Uint8Array);
    if (entries) small.push({ name, entries });
    else FOREIGN.add(`${dir}/${name}`);
  }
  if (small.length < minPacks) return false;
  const merged = [...new Map(small.flatMap((p) => p.entries).map((e) => [e.oid, e])).values()];
  const written = await writePackFiles(fs, gitdir, merged);
  for (const { name } of small) {
    if (name === written) continue;
    await fs.promises.unlink(`${dir}/${name}.idx`);
    await fs.promises.unlink(`${dir}/${name}.pack`);
  }
  return true;
}

async function writePackFiles(fs: GitFs, gitdir: string, entries: readonly PackEntry[]): Promise<string> {
  const header = new Uint8Array(12);
  header.set([0x50, 0x41, 0x43, 0x4b, 0, 0, 0, 2]); // "PACK", version 2
  new DataView(header.buffer).setUint32(8, entries.length);
  const offsets = new Map<string, number>();
  let at = 12;
  for (const e of entries) {
    offsets.set(e.oid, at);
    at += e.raw.byteLength;
  }
  const body = concat([header, ...entries.map((e) => e.raw)]);
  const packSha = await sha1(body);
  const pack = concat([body, packSha]);

  const sorted = [...entries].sort((a, b) => (a.oid < b.oid ? -1 : 1));
  const n = sorted.length;
  const idx = new Uint8Array(8 + 256 * 4 + n * (20 + 4 + 4) + 20 + 20); // …, pack checksum, index checksum
  const view = new DataView(idx.buffer);
  idx.set([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]); // "\377tOc", version 2
  let count = 0;
  for (let byte = 0; byte < 256; byte++) {
    while (count < n && parseInt(sorted[count]!.oid.slice(0, 2), 16) <= byte) count++;
    view.setUint32(8 + byte * 4, count);
  }
  const oidsAt = 8 + 1024;
  const crcsAt = oidsAt + n * 20;
  const offsetsAt = crcsAt + n * 4;
  sorted.forEach((e, i) => {
    for (let b = 0; b < 20; b++) idx[oidsAt + i * 20 + b] = parseInt(e.oid.slice(b * 2, b * 2 + 2), 16);
    view.setUint32(crcsAt + i * 4, e.crc);
    view.setUint32(offsetsAt + i * 4, offsets.get(e.oid)!);
  });
  idx.set(packSha, offsetsAt + n * 4);
  const idxBody = idx.subarray(0, idx.byteLength - 20);
  idx.set(await sha1(idxBody), idx.byteLength - 20);

  const name = `pack-${[...packSha].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const dir = `${gitdir}/${PACK_DIR}`;
  await fs.promises.mkdir(dir).catch((e: { code?: string }) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
  await fs.promises.writeFile(`${dir}/${name}.pack`, pack);
  await fs.promises.writeFile(`${dir}/${name}.idx`, idx);
  return name;
}

/** The entries of a pack with no deltas (the kind Weft writes), or null for any other pack. */
function parsePack(idx: Uint8Array, pack: Uint8Array): PackEntry[] | null {
  const view = new DataView(idx.buffer, idx.byteOffset, idx.byteLength);
  if (view.getUint32(0) !== 0xff744f63 || view.getUint32(4) !== 2) return null;
  const n = view.getUint32(8 + 255 * 4);
  const oidsAt = 8 + 1024;
  const crcsAt = oidsAt + n * 20;
  const offsetsAt = crcsAt + n * 4;
  const rows = Array.from({ length: n }, (_, i) => ({
    oid: [...idx.subarray(oidsAt + i * 20, oidsAt + i * 20 + 20)].map((b) => b.toString(16).padStart(2, '0')).join(''),
    crc: view.getUint32(crcsAt + i * 4),
    offset: view.getUint32(offsetsAt + i * 4),
  }));
  if (rows.some((r) => r.offset & 0x80000000)) return null; // 64-bit offsets: not one of ours
  rows.sort((a, b) => a.offset - b.offset);
  const entries: PackEntry[] = [];
  for (let i = 0; i < rows.length; i++) {
    const end = i + 1 < rows.length ? rows[i + 1]!.offset : pack.byteLength - 20;
    const raw = pack.subarray(rows[i]!.offset, end);
    const type = (raw[0]! >> 4) & 7;
    if (type !== 1 && type !== 2 && type !== 3) return null; // deltas and tags: leave such packs alone
    entries.push({ oid: rows[i]!.oid, raw, crc: rows[i]!.crc });
  }
  return entries;
}

/** Pack entry header: type in bits 4–6 of the first byte, size as a little-endian base-128 varint. */
function entryHeader(type: number, size: number): Uint8Array {
  const bytes = [(type << 4) | (size & 0x0f)];
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes[bytes.length - 1]! |= 0x80;
    bytes.push(rest & 0x7f);
    rest = Math.floor(rest / 128);
  }
  return Uint8Array.from(bytes);
}
