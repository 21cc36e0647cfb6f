/**
 * `git fsck --full` for a volume, in the browser: every ref, every object reachable from them
 * (re-hashed, parsed, links followed), every other loose or packed object (re-hashed, parsed),
 * and every pack against its index. Only readFile, readdir and stat go through the injected fs,
 * so it runs on lightning-fs as on Node's fs; native git checks that the verdicts agree in the
 * tests. Not checked, as Weft writes none: reflogs, signatures, an index file.
 */
import * as git from 'isomorphic-git';
import { concat, sha1 } from './gitObjects';
import type { GitFs } from './gitRepo';

export interface FsckProblem {
  readonly kind: 'missing' | 'corrupt' | 'bad-ref' | 'bad-pack';
  readonly oid?: string;
  readonly ref?: string;
  /** What is wrong and what to do, for the user. */
  readonly message: string;
}

export interface FsckReport {
  readonly ok: boolean;
  /** Distinct objects found and read. */
  readonly objects: number;
  /** Sorted by kind, then message. */
  readonly problems: readonly FsckProblem[];
  /** Packs without an index, left by a write cut off half-way: git ignores them and so may the user. */
  readonly garbage: readonly string[];
}

type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

/** An object to check: `via` says who names it (for messages), `follow` whether what it names is reachable too. */
interface Visit {
  readonly oid: string;
  readonly want?: ObjectType;
  readonly label: string;
  readonly via: string;
  readonly ref?: string;
  /** For a tree entry, its path in the volume. */
  readonly path?: string;
  readonly follow: boolean;
}

const HEX40 = /^[0-9a-f]{40}$/;
/**
 * The modes git writes (a gitlink, 160000, names a commit of another repository: not followed). Any other is
 * reported, though git only warns about some (100664): isomorphic-git cannot read a tree holding one.
 */
const MODES = new Map<string, ObjectType | null>([['40000', 'tree'], ['100644', 'blob'], ['100755', 'blob'], ['120000', 'blob'], ['160000', null]]);
/** Objects read at once: in the browser each loose object is an IndexedDB read, so reads overlap. */
const BATCH = 64;
const RESTORE = 'Re-clone the volume from its remote, or restore it from a backup.';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Checks a repository the way `git fsck --full --strict` does, reading each object once.
 *
 * @example
 * const report = await fsckRepository(fs, '/volumes/workspace.git');
 * if (!report.ok) for (const p of report.problems) console.warn(p.kind, p.message);
 */
export async function fsckRepository(fs: GitFs, gitdir: string, options: { cache?: object } = {}): Promise<FsckReport> {
  const cache = options.cache ?? {}; // without one, isomorphic-git would parse every pack index for every object
  const problems: FsckProblem[] = [];
  const packs = await scanPacks(fs, gitdir, problems);
  const roots = await readRefs(fs, gitdir, problems);
  const shallow = new Set((await readText(fs, `${gitdir}/shallow`))?.split('\n').filter((l) => HEX40.test(l)));
  const seen = new Set<string>();
  const found = new Map<string, string>();
  const missing = new Set<string>();

  const check = async (v: Visit): Promise<Visit[]> => {
    const object = await readRaw(fs, gitdir, cache, v.oid).catch((e: { code?: string; message?: string }) => {
      if (e.code === 'NotFoundError') missing.add(v.oid);
      if (e.code === 'NotFoundError' && v.ref === undefined) problems.push({ kind: 'missing', oid: v.oid, message: `${v.via}, which is not in the repository. ${RESTORE}` });
      if (e.code !== 'NotFoundError' && !packs.unreadable.has(v.oid)) problems.push({ kind: 'corrupt', oid: v.oid, message: `${cap(v.label)} cannot be read (${e.message}). ${RESTORE}` });
      return null;
    });
    if (!object) return [];
    const { type, content } = object;
    found.set(v.oid, type);
    const actual = hex(await sha1(concat([encoder.encode(`${type} ${content.byteLength}\0`), content])));
    const parsed = actual === v.oid ? parse(type, content, v, shallow.has(v.oid)) : `its content no longer matches its id (it hashes to ${short(actual)})`;
    if (typeof parsed === 'string') problems.push({ kind: 'corrupt', oid: v.oid, message: `${cap(v.label)} is damaged: ${parsed}. ${RESTORE}` });
    else if (v.want && v.want !== type && v.ref === undefined) problems.push({ kind: 'corrupt', oid: v.oid, message: `${v.via}, which is a ${type}, not a ${v.want}. ${RESTORE}` });
    return v.follow && typeof parsed !== 'string' ? parsed : [];
  };

  // A pool of BATCH reads over a stack: no recursion to overflow on a long history, reads overlap, and
  // the parent just found is read next, so the chain of commits (the critical path) never waits.
  const walk = (start: readonly Visit[]) =>
    new Promise<void>((resolve, reject) => {
      const stack = start.filter((v) => !seen.has(v.oid) && seen.add(v.oid));
      let running = 0;
      const pump = () => {
        for (; running < BATCH && stack.length > 0; running++) {
          check(stack.pop()!).then((links) => {
            for (const link of links) if (!seen.has(link.oid)) stack.push((seen.add(link.oid), link));
            running--;
            pump();
          }, reject);
        }
        if (running === 0) resolve();
      };
      pump();
    });
  await walk(roots);
  const stored = [...(await listLoose(fs, gitdir)), ...packs.oids];
  await walk(stored.map((oid) => ({ oid, label: `object ${short(oid)}`, via: `Object ${short(oid)}`, follow: false })));

  for (const r of roots) {
    const type = found.get(r.oid);
    if (missing.has(r.oid)) problems.push({ kind: 'bad-ref', ref: r.ref, oid: r.oid, message: `${r.via}, which is not in the repository. Point ${r.ref} at an existing commit or delete it.` });
    else if (r.want && type && type !== r.want) problems.push({ kind: 'bad-ref', ref: r.ref, oid: r.oid, message: `${r.via}, which is a ${type}, not a commit. Point ${r.ref} at a commit or delete it.` });
  }
  // Packs without an index are harmless leftovers of a cut-off write, unless objects are missing: then they may be in them.
  const garbage = missing.size === 0 ? packs.orphans.map((name) => `objects/pack/${name}`) : [];
  if (missing.size > 0) for (const name of packs.orphans) problems.push({ kind: 'bad-pack', message: `Pack ${name} has no index, so its objects cannot be read; the missing objects may be in it. ${RESTORE}` });
  problems.sort((a, b) => (a.kind === b.kind ? (a.message < b.message ? -1 : 1) : a.kind < b.kind ? -1 : 1));
  return { ok: problems.length === 0, objects: found.size, problems, garbage };
}

/** An object's type and content, loose or packed; throws isomorphic-git's NotFoundError if there is none. */
async function readRaw(fs: GitFs, gitdir: string, cache: object, oid: string): Promise<{ type: string; content: Uint8Array }> {
  const result = await git.readObject({ fs, gitdir, oid, cache, format: 'wrapped' });
  if (result.format === 'content') return { type: result.type, content: result.object }; // packed objects come unwrapped
  const bytes = result.object as Uint8Array; // `<type> <size>\0<content>`
  const nul = bytes.indexOf(0);
  const [type = '', size] = decoder.decode(bytes.subarray(0, Math.max(nul, 0))).split(' ');
  if (nul < 0 || Number(size) !== bytes.byteLength - nul - 1) throw new Error(`its header promises ${size ?? 'no'} bytes but it holds ${bytes.byteLength - nul - 1}`);
  if (!['commit', 'tree', 'blob', 'tag'].includes(type)) throw new Error(`unknown object type "${type}"`);
  return { type, content: bytes.subarray(nul + 1) };
}

/** The objects an object names, or why it cannot be parsed. */
function parse(type: string, content: Uint8Array, v: Visit, shallow: boolean): Visit[] | string {
  if (type === 'blob') return [];
  if (type === 'tree') return parseTree(content, v);
  const text = decoder.decode(content);
  const head = text.slice(0, text.includes('\n\n') ? text.indexOf('\n\n') : text.length).split('\n');
  const link = (oid: string, want: ObjectType, via: string): Visit => ({ oid, want, label: `${want} ${short(oid)}`, via: `${cap(v.label)} ${via} ${short(oid)}`, follow: true });
  if (type === 'tag') {
    const m = /^object ([0-9a-f]{40})$/.exec(head[0] ?? '');
    const t = /^type (commit|tree|blob|tag)$/.exec(head[1] ?? '');
    return m && t ? [link(m[1]!, t[1] as ObjectType, `tags ${t[1]}`)] : 'its object or type line is missing';
  }
  const tree = /^tree ([0-9a-f]{40})$/.exec(head[0] ?? '');
  if (!tree) return 'it has no tree line';
  const links: Visit[] = [{ ...link(tree[1]!, 'tree', 'has root folder'), path: '', label: `the root folder of ${v.label}` }];
  let i = 1;
  for (let m; (m = /^parent ([0-9a-f]{40})$/.exec(head[i] ?? '')); i++) if (!shallow) links.push(link(m[1]!, 'commit', 'has parent'));
  const ident = (key: string, line = '') => new RegExp(`^${key} [^<>\n]*<[^<>\n]*> \\d+ [+-]\\d{4}$`).test(line);
  if (!ident('author', head[i]) || !ident('committer', head[i + 1])) return 'its author or committer line is missing or malformed';
  return links;
}

/** `<mode> <name>\0<20-byte oid>`, repeated, in git's order (a folder sorts as if its name ended in `/`). */
function parseTree(content: Uint8Array, v: Visit): Visit[] | string {
  const links: Visit[] = [];
  let previous = '';
  for (let at = 0; at < content.byteLength; ) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > content.byteLength) return 'its last entry is cut short';
    const mode = decoder.decode(content.subarray(at, space));
    const nameBytes = content.subarray(space + 1, nul);
    const name = decoder.decode(nameBytes);
    const oid = hex(content.subarray(nul + 1, nul + 21));
    at = nul + 21;
    const want = MODES.get(mode);
    if (want === undefined) return `entry "${name}" has mode ${mode}, not one of git's (40000, 100644, 100755, 120000, 160000)`;
    if (name === '' || name.includes('/') || ['.', '..', '.git'].includes(name.toLowerCase())) return `it has an entry named "${name}", which git does not allow`;
    const key = String.fromCharCode(...nameBytes) + (want === 'tree' ? '/' : ''); // byte order, as git compares
    if (previous !== '' && key <= previous) return `entry "${name}" is out of order or repeated`;
    previous = key;
    const path = v.path ? `${v.path}/${name}` : name;
    const label = `${want === 'tree' ? 'folder' : 'file'} ${path} (${short(oid)})`;
    if (want !== null) links.push({ oid, want, label, path, via: `${cap(v.label)} lists ${label}`, follow: true });
  }
  return links;
}

/** HEAD, loose refs under refs/ and packed-refs (a loose ref wins), as walk roots. */
async function readRefs(fs: GitFs, gitdir: string, problems: FsckProblem[]): Promise<Visit[]> {
  const refs = new Map<string, string>();
  for (const line of (await readText(fs, `${gitdir}/packed-refs`))?.split('\n') ?? []) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue; // ^: the commit a tag above peels to
    const [oid = '', name] = line.split(' ');
    if (name) refs.set(name, oid);
    else problems.push({ kind: 'bad-ref', message: `packed-refs has a line git cannot read ("${line.slice(0, 60)}"). ${RESTORE}` });
  }
  const visit = async (dir: string): Promise<void> => {
    const names: string[] = await fs.promises.readdir(`${gitdir}/${dir}`).catch(() => []);
    for (const name of names) {
      const path = `${dir}/${name}`;
      if ((await fs.promises.stat(`${gitdir}/${path}`)).isDirectory()) await visit(path);
      else refs.set(path, (await readText(fs, `${gitdir}/${path}`))?.trim() ?? '');
    }
  };
  await visit('refs');
  const head = await readText(fs, `${gitdir}/HEAD`);
  if (head === null) problems.push({ kind: 'bad-ref', ref: 'HEAD', message: `The repository has no HEAD file, so git does not recognise it. ${RESTORE}` });
  else refs.set('HEAD', head.trim());
  const roots: Visit[] = [];
  for (const [ref, value] of refs) {
    // A symbolic ref's target is a ref of its own; an unborn one (a new volume's HEAD) is fine, as for git.
    if (value.startsWith('ref: refs/')) continue;
    if (!HEX40.test(value)) problems.push({ kind: 'bad-ref', ref, message: `${ref} holds "${value.slice(0, 50)}", which is not a commit id. Point it at a commit or delete it.` });
    else roots.push({ oid: value, ref, label: `commit ${short(value)}`, via: `${ref} points to ${short(value)}`, follow: true, ...(ref === 'HEAD' || ref.startsWith('refs/heads/') ? { want: 'commit' as const } : {}) });
  }
  return roots;
}

/** Checks each pack against its index; returns the objects of sound packs, of damaged ones, and packs without an index. */
async function scanPacks(fs: GitFs, gitdir: string, problems: FsckProblem[]): Promise<{ oids: string[]; unreadable: Set<string>; orphans: string[] }> {
  const dir = `${gitdir}/objects/pack`;
  const names = new Set<string>(await fs.promises.readdir(dir).catch(() => []));
  const result = { oids: [] as string[], unreadable: new Set<string>(), orphans: [...names].filter((n) => n.endsWith('.pack') && !names.has(`${n.slice(0, -5)}.idx`)) };
  for (const name of [...names].filter((n) => n.endsWith('.idx'))) {
    const base = name.slice(0, -4);
    const idx = await readBytes(fs, `${dir}/${name}`);
    const listed = idx && listIndex(idx);
    const pack = names.has(`${base}.pack`) ? await readBytes(fs, `${dir}/${base}.pack`) : null;
    const fault = !listed ? 'its index is not a git pack index (version 2)' : !pack ? 'its .pack file is gone, only the index is left' : await packFault(idx!, pack, listed.length);
    if (!fault) result.oids.push(...listed!);
    else {
      listed?.forEach((oid) => result.unreadable.add(oid));
      problems.push({ kind: 'bad-pack', message: `Pack ${base} is damaged: ${fault}. The ${listed?.length ?? 'unknown number of'} objects it holds cannot be read. ${RESTORE}` });
    }
  }
  return result;
}

/** The oids in a version-2 pack index, or null if it is not one. */
function listIndex(idx: Uint8Array): string[] | null {
  const view = new DataView(idx.buffer, idx.byteOffset, idx.byteLength);
  if (idx.byteLength < 1072 || view.getUint32(0) !== 0xff744f63 || view.getUint32(4) !== 2) return null;
  const n = view.getUint32(8 + 255 * 4);
  if (idx.byteLength < 1072 + n * 28) return null;
  return Array.from({ length: n }, (_, i) => hex(idx.subarray(1032 + i * 20, 1052 + i * 20)));
}

/** Why a pack and its index disagree, or null: checksums of both, the pack's header and object count. */
async function packFault(idx: Uint8Array, pack: Uint8Array, count: number): Promise<string | null> {
  if (hex(await sha1(idx.subarray(0, -20))) !== hex(idx.subarray(-20))) return 'its index fails its checksum';
  if (pack.byteLength < 32 || decoder.decode(pack.subarray(0, 4)) !== 'PACK') return 'the pack file has no pack header';
  if (hex(await sha1(pack.subarray(0, -20))) !== hex(pack.subarray(-20))) return 'the pack file fails its checksum (some of its bytes changed)';
  if (hex(idx.subarray(-40, -20)) !== hex(pack.subarray(-20))) return 'its index was written for another pack';
  const inPack = new DataView(pack.buffer, pack.byteOffset).getUint32(8);
  return inPack === count ? null : `the pack holds ${inPack} objects but its index lists ${count}`;
}

async function listLoose(fs: GitFs, gitdir: string): Promise<string[]> {
  const dirs: string[] = await fs.promises.readdir(`${gitdir}/objects`).catch(() => []);
  const lists = dirs.filter((d) => /^[0-9a-f]{2}$/.test(d)).map(async (d) => ((await fs.promises.readdir(`${gitdir}/objects/${d}`)) as string[]).filter((f) => /^[0-9a-f]{38}$/.test(f)).map((f) => d + f));
  return (await Promise.all(lists)).flat();
}

const readBytes = (fs: GitFs, path: string): Promise<Uint8Array | null> => (fs.promises.readFile(path) as Promise<Uint8Array>).catch(() => null);
const readText = async (fs: GitFs, path: string) => readBytes(fs, path).then((bytes) => bytes && decoder.decode(bytes));
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex = (bytes: Uint8Array) => bytes.reduce((out, b) => out + HEX[b], ''); // hot: once per tree entry
const short = (oid: string) => oid.slice(0, 7);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
