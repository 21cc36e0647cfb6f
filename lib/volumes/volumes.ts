/**
 * The volumes: every git repository Weft keeps (system, teams/<team>, users/<user>), the access
 * rules between them, and the operations on skills, workflows and traces. Each write is one
 * commit made under the volume's lock, so writers in several tabs never lose a commit.
 * I/O is injected: the browser passes lightning-fs and Web Locks, tests pass Node's fs.
 */
import { type Clock, type CommitOid, type SkillName, WeftError } from '../core';
import type { Trace } from '../spans';
import { parseSkillName } from '../skills/skillName';
import { type Author, type CommitPoint, type FileChange, type GitFs, GitRepo } from './gitRepo';
import type { LogEntry } from './history';
import type { LockFn } from './lockMap';
import { TreeCache } from './treeCache';
import { defaultTitle, parseVolumeId, type VolumeId, type VolumeKind, volumeGitdir, volumeKind, VOLUMES_ROOT } from './volumeId';
import { parseVolumePath } from './volumePath';
import { parseWorkflowName, skillPath, tracePath, workflowPath } from './layout';
import { type SyncOptions, type SyncResult, syncVolume } from './syncVolume';
import { diffFile, type FileDiff } from './diffFile';
import { removeTree } from './removeTree';

export interface VolumeManifest {
  readonly kind: VolumeKind;
  readonly name: string;
  readonly title: string;
  readonly createdAt: number;
  /** System volume only: the version of the built-in skills it holds. */
  readonly builtinVersion?: string;
}

export interface VolumeInfo {
  readonly id: VolumeId;
  readonly kind: VolumeKind;
  readonly title: string;
  readonly head: CommitOid | null;
  readonly writable: boolean;
}

export interface VolumesDeps {
  readonly fs: GitFs;
  readonly clock: Clock;
  readonly lock: LockFn;
  /** The author of commits, from the user's settings. */
  readonly author: () => Author | Promise<Author>;
  /** The user whose volume is writable (`users/<user>`). */
  readonly user: string;
  /** Told after every commit, so other tabs and views can refresh. */
  readonly onCommit?: (volume: VolumeId, head: CommitOid) => void;
  readonly cache?: object;
  /** Told at each step of every commit (see `RepoDeps.checkpoint`). */
  readonly checkpoint?: (volume: VolumeId, point: CommitPoint) => void;
}

export interface WriteResult {
  readonly volume: VolumeId;
  readonly commit: CommitOid;
  /** False when the content was already there (no commit was made). */
  readonly changed: boolean;
}

export class Volumes {
  readonly cache: object;
  private readonly trees = new TreeCache();
  readonly userVolume: VolumeId;

  constructor(readonly deps: VolumesDeps) {
    this.cache = deps.cache ?? {};
    const user = parseVolumeId(`users/${deps.user}`);
    if (!user.ok) throw user.error;
    this.userVolume = user.value;
  }

  /** The repository of a volume (which may not exist yet). */
  repo(id: VolumeId): GitRepo {
    const checkpoint = this.deps.checkpoint;
    return new GitRepo({ fs: this.deps.fs, cache: this.cache, trees: this.trees, ...(checkpoint ? { checkpoint: (point: CommitPoint) => checkpoint(id, point) } : {}) }, volumeGitdir(id));
  }

  /** A volume that must exist. */
  async open(id: unknown): Promise<GitRepo> {
    const parsed = parseVolumeId(id);
    if (!parsed.ok) throw parsed.error;
    const repo = this.repo(parsed.value);
    if (!(await repo.exists())) {
      throw new WeftError('VOLUME_NOT_FOUND', `There is no volume ${parsed.value}. List volumes with volume.list${volumeKind(parsed.value) === 'team' ? ', or add the team with volume.create' : ''}.`, { volume: parsed.value });
    }
    return repo;
  }

  /**
   * Creates a volume with its `volume.json` as the first commit; a no-op if it exists.
   * `empty: true` creates the repository without a commit, for a volume about to be filled
   * from its remote (so the first sync is a fast-forward, not a merge of unrelated histories).
   */
  async ensure(id: VolumeId, title?: string, options: { empty?: boolean } = {}): Promise<void> {
    await this.deps.lock(id, async () => {
      const repo = this.repo(id);
      if (await repo.exists() && ((await repo.head()) !== null || options.empty)) return;
      await repo.init();
      if (options.empty) return;
      const manifest: VolumeManifest = { kind: volumeKind(id), name: id, title: title ?? defaultTitle(id), createdAt: this.deps.clock.now() };
      await this.commitLocked(id, repo, [{ path: 'volume.json', content: json(manifest) }], `Create volume ${id}`);
    });
  }

  /** Deletes a volume that has no commit yet (a team whose first sync failed); refuses any other. */
  async removeEmpty(id: VolumeId): Promise<void> {
    await this.deps.lock(id, async () => {
      const repo = this.repo(id);
      if (!(await repo.exists())) return;
      if ((await repo.head()) !== null) throw new WeftError('VOLUME_EXISTS', `${id} has commits; it is not removed.`, { volume: id });
      await removeTree(this.deps.fs, volumeGitdir(id));
    });
  }

  /** Every volume on this device: system first, then teams, then users. */
  async list(): Promise<VolumeInfo[]> {
    return Promise.all((await this.ids()).map((id) => this.info(id)));
  }

  /** The ids of the volumes on this device, in `list` order, from the folders alone (no git reads). */
  private async ids(): Promise<VolumeId[]> {
    const ids: VolumeId[] = [];
    if (await this.repo('system').exists()) ids.push('system');
    for (const kind of ['teams', 'users'] as const) {
      for (const name of (await this.readdir(`${VOLUMES_ROOT}/${kind}`)).sort()) {
        const id = parseVolumeId(`${kind}/${name}`);
        if (id.ok && (await this.repo(id.value).exists())) ids.push(id.value);
      }
    }
    return ids;
  }

  async info(id: VolumeId): Promise<VolumeInfo> {
    const repo = await this.open(id);
    const manifest = await this.manifest(repo);
    return { id, kind: volumeKind(id), title: manifest?.title ?? defaultTitle(id), head: await repo.head(), writable: id === this.userVolume };
  }

  /** The volume's manifest; null if it is missing or unreadable (a bad push must not break every listing). */
  async manifest(repo: GitRepo): Promise<VolumeManifest | null> {
    const text = await repo.readText('volume.json');
    if (text === null) return null;
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null ? (value as VolumeManifest) : null;
    } catch {
      return null;
    }
  }

  /** Reads a file's text at the head or at a commit; `VOLUME_FILE_NOT_FOUND` if it is not there. */
  async read(id: VolumeId, path: string, at?: CommitOid): Promise<string> {
    return new TextDecoder().decode(await this.readBytes(id, path, at));
  }

  /** A file's bytes as stored (an image, a font…); `VOLUME_FILE_NOT_FOUND` if it is not there. */
  async readBytes(id: VolumeId, path: string, at?: CommitOid): Promise<Uint8Array> {
    const checked = parseVolumePath(path);
    if (!checked.ok) throw checked.error;
    const bytes = await (await this.open(id)).readFile(checked.value, at);
    if (bytes === null) throw new WeftError('VOLUME_FILE_NOT_FOUND', `${path} is not in ${id}${at ? ` at ${at.slice(0, 7)}` : ''}.`, { volume: id, path, at });
    return bytes;
  }

  // ── skills ────────────────────────────────────────────────────────────────

  async listSkills(id: VolumeId): Promise<SkillName[]> {
    const entries = await (await this.open(id)).listDir('skills');
    return entries.filter((e) => e.type === 'tree' && parseSkillName(e.path).ok).map((e) => e.path as SkillName);
  }

  async readSkill(id: VolumeId, name: string): Promise<string> {
    const skill = this.skillName(name);
    const text = await (await this.open(id)).readText(skillPath(skill));
    if (text === null) throw new WeftError('SKILL_NOT_FOUND', `There is no skill ${skill} in ${id}.`, { volume: id, name: skill });
    return text;
  }

  /**
   * Writes a skill into the user volume: `Add skill <name>` or `Update skill <name>`.
   * With `create`, an existing skill of that name is never replaced (SKILL_EXISTS).
   */
  async writeSkill(id: VolumeId, name: string, content: string, options: { create?: boolean } = {}): Promise<WriteResult> {
    const skill = this.skillName(name);
    this.assertUserWritable(id);
    return this.write(id, async (repo) => {
      const existed = (await repo.oidAt(skillPath(skill))) !== null;
      if (existed && options.create) {
        throw new WeftError('SKILL_EXISTS', `You already have a skill named ${skill}. Pick another name, or open ${skill} to edit it.`, { volume: id, name: skill, field: 'name' });
      }
      return { changes: [{ path: skillPath(skill), content }], message: `${existed ? 'Update' : 'Add'} skill ${skill}` };
    });
  }

  /** Deletes a skill's whole folder from the user volume. */
  async deleteSkill(id: VolumeId, name: string): Promise<WriteResult> {
    const skill = this.skillName(name);
    this.assertUserWritable(id);
    return this.write(id, async (repo) => {
      const files = await repo.listFiles(`skills/${skill}`);
      if (files.length === 0) throw new WeftError('SKILL_NOT_FOUND', `There is no skill ${skill} in ${id} to delete.`, { volume: id, name: skill });
      return { changes: files.map((path) => ({ path, content: null })), message: `Delete skill ${skill}` };
    });
  }

  /**
   * Finds a skill by name, nearest first: the user volume, then teams, then system. The first
   * is the one used; the others are listed as shadowed so the UI can say so.
   */
  async resolveSkill(name: string): Promise<{ volume: VolumeId; shadows: VolumeId[] }> {
    const skill = this.skillName(name);
    const found: VolumeId[] = [];
    for (const id of await this.lookupOrder()) if ((await this.repo(id).readText(skillPath(skill))) !== null) found.push(id);
    if (found.length === 0) throw new WeftError('SKILL_NOT_FOUND', `No volume has a skill named ${skill}.`, { name: skill });
    return { volume: found[0]!, shadows: found.slice(1) };
  }

  /** Every visible skill once, where it resolves, with the volumes it shadows; sorted by name. */
  async catalogue(): Promise<{ name: SkillName; volume: VolumeId; shadows: VolumeId[] }[]> {
    const byName = new Map<SkillName, VolumeId[]>();
    for (const id of await this.lookupOrder()) {
      for (const name of await this.listSkills(id)) byName.set(name, [...(byName.get(name) ?? []), id]);
    }
    return [...byName.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, [volume, ...shadows]]) => ({ name, volume: volume!, shadows }));
  }

  /** The volumes a skill name is looked up in, nearest first: mine, teams, system (other users' never). */
  private async lookupOrder(): Promise<VolumeId[]> {
    const ids = await this.ids();
    const rank = (id: VolumeId) => (id === this.userVolume ? 0 : volumeKind(id) === 'team' ? 1 : volumeKind(id) === 'system' ? 2 : -1);
    return ids.filter((id) => rank(id) >= 0).sort((a, b) => rank(a) - rank(b));
  }

  // ── workflows ─────────────────────────────────────────────────────────────

  async listWorkflows(id: VolumeId): Promise<string[]> {
    const entries = await (await this.open(id)).listDir('workflows');
    return entries.filter((e) => e.type === 'blob' && e.path.endsWith('.workflow.json')).map((e) => e.path.slice(0, -'.workflow.json'.length));
  }

  async readWorkflow(id: VolumeId, name: string): Promise<unknown> {
    const path = workflowPath(this.workflowName(name));
    const text = await this.read(id, path);
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new WeftError('VOLUME_CORRUPT', `${path} in ${id} is not valid JSON (${(e as Error).message}). Restore an earlier version from its history.`, { volume: id, path });
    }
  }

  async writeWorkflow(id: VolumeId, name: string, workflow: unknown): Promise<WriteResult> {
    const checked = this.workflowName(name);
    this.assertUserWritable(id);
    return this.write(id, async (repo) => {
      const existed = (await repo.readText(workflowPath(checked))) !== null;
      return { changes: [{ path: workflowPath(checked), content: json(workflow) }], message: `${existed ? 'Update' : 'Add'} workflow ${checked}` };
    });
  }

  async deleteWorkflow(id: VolumeId, name: string): Promise<WriteResult> {
    const checked = this.workflowName(name);
    this.assertUserWritable(id);
    return this.write(id, async (repo) => {
      if ((await repo.readText(workflowPath(checked))) === null) throw new WeftError('VOLUME_FILE_NOT_FOUND', `There is no workflow ${checked} in ${id}.`, { volume: id, name: checked });
      return { changes: [{ path: workflowPath(checked), content: null }], message: `Delete workflow ${checked}` };
    });
  }

  // ── traces ────────────────────────────────────────────────────────────────

  /** Commits a trace to the user volume at `traces/<yyyy>/<mm>/<traceId>.json`. */
  /** Writes one file of the user volume by hand (other volumes change only by sync and promotion). */
  async writeFile(id: VolumeId, path: string, content: string | Uint8Array, message: string): Promise<WriteResult> {
    this.assertUserWritable(id);
    const checked = parseVolumePath(path);
    if (!checked.ok) throw checked.error;
    return this.write(id, async () => ({ changes: [{ path: checked.value, content }], message }));
  }

  async appendTrace(id: VolumeId, trace: Trace, message: string): Promise<WriteResult & { path: string }> {
    this.assertUserWritable(id);
    const path = this.tracePathOf(trace);
    const result = await this.write(id, async () => ({ changes: [{ path, content: json(trace) }], message }));
    return { ...result, path };
  }

  /** Where a trace is stored: traces/yyyy/mm/<start>-<trace id>.json. */
  tracePathOf(trace: Trace): string {
    const start = trace.spans.reduce((min, s) => Math.min(min, s.start), Number.POSITIVE_INFINITY);
    return tracePath(trace.traceId, Number.isFinite(start) ? start : this.deps.clock.now());
  }

  // ── history ───────────────────────────────────────────────────────────────

  /** History newest first, every parent walked like `git log`; `skip` pages on through the same walk. */
  async log(id: VolumeId, options: { limit?: number; skip?: number; from?: CommitOid; path?: string } = {}): Promise<LogEntry[]> {
    const repo = await this.open(id);
    const checked = options.path === undefined ? null : parseVolumePath(options.path);
    if (checked && !checked.ok) throw checked.error;
    const path = checked?.value;
    if (options.from !== undefined) await repo.readCommit(options.from);
    return repo.log({ limit: Math.min(options.limit ?? 100, 1000), ...(options.skip ? { skip: options.skip } : {}), ...(options.from ? { from: options.from } : {}), ...(path ? { path } : {}) });
  }

  /** The difference of one file between two commits (`from: null` — as if it did not exist). */
  async diff(id: VolumeId, path: string, from: CommitOid | null, to: CommitOid): Promise<FileDiff> {
    const checked = parseVolumePath(path);
    if (!checked.ok) throw checked.error;
    return diffFile(await this.open(id), checked.value, from, to);
  }

  /** Puts a file back as it was at `at`, as a new commit in the user volume. */
  async restore(id: VolumeId, path: string, at: CommitOid): Promise<WriteResult> {
    this.assertUserWritable(id);
    const checked = parseVolumePath(path);
    if (!checked.ok) throw checked.error;
    return this.write(id, async (repo) => {
      await repo.readCommit(at);
      const content = await repo.readFile(checked.value, at);
      if (content === null) {
        throw new WeftError('VOLUME_FILE_NOT_FOUND', `${checked.value} did not exist at ${at.slice(0, 7)}, so there is nothing to restore from there. Pick a commit where the file exists.`, { volume: id, path: checked.value, at });
      }
      return { changes: [{ path: checked.value, content }], message: `Restore ${checked.value} from ${at.slice(0, 7)}` };
    });
  }

  // ── sync ──────────────────────────────────────────────────────────────────

  /** Fetches, merges and pushes a team volume (or the user volume) under its lock. */
  async sync(id: VolumeId, options: Omit<SyncOptions, 'author' | 'now'>): Promise<SyncResult> {
    if (id === 'system') throw new WeftError('VOLUME_READONLY', 'The system volume holds the built-in skills and has no remote to sync with.', { volume: id });
    const repo = await this.open(id);
    const author = await this.deps.author();
    return this.deps.lock(id, async () => {
      const before = await repo.head();
      const result = await syncVolume(repo, { ...options, author, now: () => this.deps.clock.now() });
      if (result.head !== null && result.head !== before) this.deps.onCommit?.(id, result.head);
      return result;
    });
  }

  // ── writing ───────────────────────────────────────────────────────────────

  /**
   * Makes one commit under the volume's lock. `plan` runs inside the lock, so what it reads
   * (does the file exist?) is what the commit builds on. Internal: callers check access first.
   */
  async write(id: VolumeId, plan: (repo: GitRepo) => Promise<{ changes: FileChange[]; message: string; parents?: CommitOid[] }>): Promise<WriteResult> {
    const repo = await this.open(id);
    return this.deps.lock(id, async () => {
      const { changes, message, parents } = await plan(repo);
      for (const change of changes) {
        const checked = parseVolumePath(change.path);
        if (!checked.ok) throw checked.error;
      }
      const { oid, changed } = await this.commitLocked(id, repo, changes, message, parents);
      return { volume: id, commit: oid, changed };
    });
  }

  private async commitLocked(id: VolumeId, repo: GitRepo, changes: readonly FileChange[], message: string, parents?: readonly CommitOid[]) {
    const result = await repo.commit(changes, message, await this.deps.author(), this.deps.clock.now(), parents);
    if (result.changed) this.deps.onCommit?.(id, result.oid);
    return result;
  }

  /** The user writes only their own volume; teams change through promote and sync, system never. */
  assertUserWritable(id: VolumeId): void {
    if (id === this.userVolume) return;
    const kind = volumeKind(id);
    const how =
      kind === 'system'
        ? 'The system volume holds the built-in skills and never changes; copy the skill into your own volume to change it.'
        : kind === 'team'
          ? 'A team volume changes only by promoting a skill from your volume (skill.promote) or by syncing with its remote.'
          : `Only your own volume (${this.userVolume}) can be written here.`;
    throw new WeftError('VOLUME_READONLY', `${id} is read-only. ${how}`, { volume: id, kind });
  }

  private skillName(name: string): SkillName {
    const parsed = parseSkillName(name);
    if (!parsed.ok) throw parsed.error;
    return parsed.value;
  }

  private workflowName(name: string): string {
    const parsed = parseWorkflowName(name);
    if (!parsed.ok) throw parsed.error;
    return parsed.value;
  }

  private async readdir(path: string): Promise<string[]> {
    try {
      return await this.deps.fs.promises.readdir(path);
    } catch {
      return [];
    }
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
