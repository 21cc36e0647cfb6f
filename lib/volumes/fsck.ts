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
/** Modes git writes; a gitlink (160000) names a commit of another repository, so it is not followed. */
const MODES = new Map<string, ObjectType | null>([['40000', 'tree'], ['100644', 'blob'], ['100755', 'blob'], ['120000', 'blob'], ['160000', null]]);
/** Other file modes old git wrote (100664…): git only warns about them, and history cannot be rewritten to fix them. */
const OLD_FILE_MODE = /^100[0-7]{3}$/;
/** Objects read at once: lightning-fs answers each read from IndexedDB, so reads are overlapped. */
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
    let object: { type: string; content: Uint8Array };
    try {
      object = await readRaw(fs, gitdir, cache, v.oid);
    } catch (e) {
      if ((e as { code?: string }).code === 'NotFoundError') {
        missing.add(v.oid);
        if (v.ref === undefined) problems.push({ kind: 'missing', oid: v.oid, message: `${v.via}, which is not in the repository. ${RESTORE}` });
      } else if (!packs.unreadable.has(v.oid)) problems.push({ kind: 'corrupt', oid: v.oid, message: `${cap(v.label)} cannot be read (${(e as Error).message}). ${RESTORE}` });
      return [];
    }
    const { type, content } = object;
    found.set(v.oid, type);
    const actual = hex(await sha1(concat([encoder.encode(`${type} ${content.byteLength}\0`), content])));
    if (actual !== v.oid) {
      problems.push({ kind: 'corrupt', oid: v.oid, message: `${cap(v.label)} is damaged: its content no longer matches its id (it hashes to ${short(actual)}). ${RESTORE}` });
      return [];
    }
    if (v.want && v.want !== type && v.ref === undefined) problems.push({ kind: 'corrupt', oid: v.oid, message: `${v.via}, which is a ${type}, not a ${v.want}. ${RESTORE}` });
    const parsed = parse(type, content, v, shallow.has(v.oid));
    if (typeof parsed === 'string') {
      problems.push({ kind: 'corrupt', oid: v.oid, message: `${cap(v.label)} is malformed: ${parsed}. ${RESTORE}` });
      return [];
    }
    return v.follow ? parsed : [];
  };

  // Breadth first, a batch at a time: no recursion to overflow on a long history, and reads overlap.
  const walk = async (start: readonly Visit[]) => {
    let frontier = start.filter((v) => !seen.has(v.oid) && seen.add(v.oid));
    while (frontier.length > 0) {
      const next: Visit[] = [];
      for (let i = 0; i < frontier.length; i += BATCH) {
        for (const links of await Promise.all(frontier.slice(i, i + BATCH).map(check))) {
          for (const link of links) {
            if (seen.has(link.oid)) continue;
            seen.add(link.oid);
            next.push(link);
          }
        }
      }
      frontier = next;
    }
  };
  await walk(roots);
  const stored = [...(await listLoose(fs, gitdir)), ...packs.oids];
  await walk(stored.map((oid) => ({ oid, label: `object ${short(oid)}`, via: `Object ${short(oid)}`, follow: false })));

  for (const r of roots) {
    const type = found.get(r.oid);
    if (missing.has(r.oid)) problems.push({ kind: 'bad-ref', ref: r.ref, oid: r.oid, message: `${r.via}, which is not in the repository. Point ${r.ref} at an existing commit or delete it.` });
    else if (r.want && type && type !== r.want) problems.push({ kind: 'bad-ref', ref: r.ref, oid: r.oid, message: `${r.via}, which is a ${type}, not a commit. Point ${r.ref} at a commit or delete it.` });
  }
  const garbage: string[] = [];
  for (const name of packs.orphans) {
    // Harmless leftovers of a cut-off write, unless objects are missing: then they may be in it.
    if (missing.size === 0) garbage.push(`objects/pack/${name}`);
    else problems.push({ kind: 'bad-pack', message: `Pack ${name} has no index, so its objects cannot be read; the missing objects may be in it. ${RESTORE}` });
  }
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
  const ident = /^(author|committer) [^<>\n]*<[^<>\n]*> \d+ [+-]\d{4}$/;
  if (!ident.test(head[i] ?? '') || !head[i]!.startsWith('author ')) return 'its author line is missing or malformed';
  if (!ident.test(head[i + 1] ?? '') || !head[i + 1]!.startsWith('committer ')) return 'its committer line is missing or malformed';
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
    const want = MODES.has(mode) ? MODES.get(mode)! : OLD_FILE_MODE.test(mode) ? 'blob' : undefined;
    if (want === undefined) return `entry "${name}" has mode ${mode}, which git does not allow`;
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
  const lists = await Promise.all(
    dirs.filter((d) => /^[0-9a-f]{2}$/.test(d)).map(async (d) => ((await fs.promises.readdir(`${gitdir}/objects/${d}`)) as string[]).filter((f) => /^[0-9a-f]{38}$/.test(f)).map((f) => d + f)),
  );
  return lists.flat();
}

async function readBytes(fs: GitFs, path: string): Promise<Uint8Array | null> {
  return (fs.promises.readFile(path) as Promise<Uint8Array>).catch(() => null);
}

async function readText(fs: GitFs, path: string): Promise<string | null> {
  const bytes = await readBytes(fs, path);
  return bytes && decoder.decode(bytes);
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

const short = (oid: string) => oid.slice(0, 7);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
