/**
 * Everything the kernel needs around the volumes: the commit author (the user's settings),
 * remotes and their tokens (kept in browser storage, never in a volume), the built-in skills
 * seeded into the system volume, and sync/promote wired to the right remote and route.
 */
import type { HttpClient } from 'isomorphic-git';
import { type Clock, WeftError } from '../core';
import { type Conflict, type ConflictChoice, listConflicts, resolveConflict } from './conflicts';
import { type FsckReport, fsckRepository } from './fsck';
import type { Author, CommitPoint, FileChange, GitFs } from './gitRepo';
import { type InterruptedRun, type InterruptedTrace, Journal } from './journal';
import type { Trace } from '../spans';
import type { KeyValueStore } from './keyValueStore';
import type { LockFn } from './lockMap';
import { promoteSkill, type PromoteResult } from './promoteSkill';
import { checkRemoteUrl } from './remoteError';
import type { SyncProgress, SyncResult } from './syncVolume';
import { parseVolumeId, type VolumeId, volumeGitdir, volumeKind } from './volumeId';
import { type VolumeInfo, Volumes, type WriteResult } from './volumes';

export const DEFAULT_AUTHOR: Author = { name: 'Weft user', email: 'user@weft.local' };

export interface BuiltinSkills {
  /** Changes whenever the app's built-in skills change (a content hash). */
  readonly version: string;
  /** Files relative to the volume root, e.g. `skills/<name>/SKILL.md`. */
  readonly files: readonly { readonly path: string; readonly content: string }[];
}

export interface RemoteConfig {
  readonly url: string;
  readonly lastSync: number | null;
  readonly lastOutcome: string | null;
}

export interface WorkspaceVolume extends VolumeInfo {
  readonly remote: RemoteConfig | null;
  readonly hasToken: boolean;
}

export interface WorkspaceDeps {
  readonly fs: GitFs;
  readonly clock: Clock;
  readonly lock: LockFn;
  readonly http: HttpClient;
  readonly settings: KeyValueStore;
  readonly secrets: KeyValueStore;
  /** The proxy prefix to use for a remote, or null to go direct (the browser probes CORS). */
  readonly corsProxyFor?: (url: string) => Promise<string | null>;
  readonly builtins?: BuiltinSkills;
  readonly user?: string;
  readonly onCommit?: (volume: VolumeId, head: string) => void;
  readonly onProgress?: (volume: VolumeId, progress: SyncProgress) => void;
  readonly checkpoint?: (volume: VolumeId, point: CommitPoint) => void;
  /** Whether the device is online (`navigator.onLine`); offline, sync says it needs the network. Default: online. */
  readonly online?: () => boolean;
  /** This kernel's id in the trace journal, and whether another kernel is still running (default: none is). */
  readonly owner?: string;
  readonly isAlive?: (owner: string) => Promise<boolean>;
}

/** What the start after a crash found: the traces that were being saved, the runs going on, and every volume checked. */
export interface RecoveryReport {
  readonly traces: readonly InterruptedTrace[];
  readonly runs: readonly InterruptedRun[];
  readonly volumes: readonly VolumeCheck[];
}

export interface VolumeCheck extends FsckReport {
  readonly volume: VolumeId;
}

export class Workspace {
  private author: Author = DEFAULT_AUTHOR;
  readonly volumes: Volumes;
  private readonly journal: Journal;

  private constructor(private readonly deps: WorkspaceDeps) {
    this.volumes = new Volumes({
      fs: deps.fs,
      clock: deps.clock,
      lock: deps.lock,
      user: deps.user ?? 'me',
      author: () => this.author,
      ...(deps.onCommit ? { onCommit: deps.onCommit } : {}),
      ...(deps.checkpoint ? { checkpoint: deps.checkpoint } : {}),
    });
    this.journal = new Journal({ settings: deps.settings, owner: deps.owner ?? `kernel-${Math.random().toString(36).slice(2)}`, isAlive: deps.isAlive ?? (async () => false), clock: deps.clock });
  }

  /** Opens the workspace: reads the settings, creates the user volume, seeds or refreshes the system volume. */
  static async open(deps: WorkspaceDeps): Promise<Workspace> {
    const ws = new Workspace(deps);
    ws.author = (await deps.settings.get<Author>('author')) ?? DEFAULT_AUTHOR;
    await ws.volumes.ensure(ws.volumes.userVolume);
    if (deps.builtins) await ws.seedSystem(deps.builtins);
    return ws;
  }

  /** Commits a trace to the user volume, journaled so that a crash mid-commit is reported at the next start. */
  appendTrace(trace: Trace, message: string): Promise<WriteResult & { path: string }> {
    const volume = this.volumes.userVolume;
    return this.journal.around({ volume, path: this.volumes.tracePathOf(trace), message, at: this.deps.clock.now() }, () => this.volumes.appendTrace(volume, trace, message));
  }

  /**
   * After a crash: the traces a dead kernel was committing (complete or absent), the runs it had
   * going on and, when there were any, every volume checked like `git fsck`. Null after a clean exit.
   */
  async recover(): Promise<RecoveryReport | null> {
    const { traces, runs } = await this.journal.recover(async (volume, path) => (await (await this.volumes.open(volume)).oidAt(path)) !== null);
    if (traces.length === 0 && runs.length === 0) return null;
    const volumes = await Promise.all((await this.volumes.list()).map((v) => this.check(v.id)));
    return { traces, runs, volumes };
  }

  /** Notes a run of code that could take the tab down (see `Journal.running`); call the result when it ends. */
  running(name: string, runtime: string): () => void {
    return this.journal.running({ name, runtime, at: this.deps.clock.now() });
  }

  /** Checks a volume's repository like `git fsck --full` (under its lock, reading from storage, not caches). */
  check(volume: VolumeId): Promise<VolumeCheck> {
    return this.deps.lock(volume, async () => ({ volume, ...(await fsckRepository(this.deps.fs, volumeGitdir(volume))) }));
  }

  private assertOnline(what: string): void {
    if (this.deps.online?.() === false) {
      throw new WeftError('REMOTE_UNREACHABLE', `You are offline: ${what} needs the network. Everything here keeps working and nothing is lost; try again when you are back online.`, { offline: true });
    }
  }

  /** Small settings kept outside every volume (model providers, remotes…). */
  get settings(): KeyValueStore {
    return this.deps.settings;
  }

  /** Secrets (API keys, remote tokens): kept outside every volume, and never written to a trace, a log or an event. */
  get secrets(): KeyValueStore {
    return this.deps.secrets;
  }

  getAuthor(): Author & { isDefault: boolean } {
    return { ...this.author, isDefault: this.author.name === DEFAULT_AUTHOR.name && this.author.email === DEFAULT_AUTHOR.email };
  }

  async setAuthor(author: Author): Promise<Author> {
    const name = author.name.trim();
    const email = author.email.trim();
    if (!name || !/^[^\s@<>]+@[^\s@<>]+$/.test(email) || /[<>\n]/.test(name)) {
      throw new WeftError('SYSCALL_INVALID', 'Give a name and an email address like ada@example.org; they sign every commit you make.', { field: name ? 'email' : 'name' });
    }
    this.author = { name, email };
    await this.deps.settings.set('author', this.author);
    return this.author;
  }

  async listVolumes(): Promise<WorkspaceVolume[]> {
    return Promise.all(
      (await this.volumes.list()).map(async (info) => ({
        ...info,
        remote: (await this.deps.settings.get<RemoteConfig>(remoteKey(info.id))) ?? null,
        hasToken: (await this.deps.secrets.get<string>(tokenKey(info.id))) !== undefined,
      })),
    );
  }

  /** Adds a team volume; with a remote, it starts empty and is filled by a first sync. */
  async createTeam(team: string, options: { title?: string; url?: string; token?: string } = {}): Promise<{ volume: VolumeId; sync: SyncResult | null }> {
    const id = parseVolumeId(team.startsWith('teams/') ? team : `teams/${team}`);
    if (!id.ok || volumeKind(id.value) !== 'team') throw id.ok ? new WeftError('VOLUME_NOT_FOUND', `${team} is not a team name.`) : id.error;
    if (await this.volumes.repo(id.value).exists()) throw new WeftError('VOLUME_EXISTS', `${id.value} already exists on this device.`, { volume: id.value });
    if (!options.url) {
      await this.volumes.ensure(id.value, options.title);
      return { volume: id.value, sync: null };
    }
    this.assertOnline(`adding ${id.value} from its remote`);
    await this.setRemote(id.value, options.url, options.token);
    await this.volumes.ensure(id.value, options.title, { empty: true });
    let sync: SyncResult;
    try {
      sync = await this.sync(id.value);
    } catch (error) {
      // Nothing half-made stays behind: the person fixes the URL or token and adds the team again.
      await this.volumes.removeEmpty(id.value);
      await this.setRemote(id.value, null);
      throw error;
    }
    if (sync.head === null) {
      // The remote is empty too: start the volume here and publish it.
      await this.volumes.ensure(id.value, options.title);
      return { volume: id.value, sync: await this.sync(id.value) };
    }
    return { volume: id.value, sync };
  }

  /** Sets (or with `url: null` removes) a volume's remote; a token, if given, stays in browser storage. */
  async setRemote(id: VolumeId, url: string | null, token?: string | null): Promise<RemoteConfig | null> {
    if (id === 'system') throw new WeftError('VOLUME_READONLY', 'The system volume has no remote.', { volume: id });
    if (url === null) {
      await this.deps.settings.delete(remoteKey(id));
      await this.deps.secrets.delete(tokenKey(id));
      return null;
    }
    const config: RemoteConfig = { url: checkRemoteUrl(url), lastSync: null, lastOutcome: null };
    await this.deps.settings.set(remoteKey(id), config);
    if (token !== undefined) {
      if (token === null || token === '') await this.deps.secrets.delete(tokenKey(id));
      else await this.deps.secrets.set(tokenKey(id), token);
    }
    return config;
  }

  async sync(id: VolumeId): Promise<SyncResult> {
    const remote = await this.deps.settings.get<RemoteConfig>(remoteKey(id));
    if (!remote) throw new WeftError('REMOTE_URL_INVALID', `${id} has no remote yet. Set its remote URL (and a token if the host needs one), then sync.`, { volume: id });
    this.assertOnline(`syncing ${id}`);
    const result = await this.volumes.sync(id, await this.syncOptions(id, remote));
    await this.deps.settings.set(remoteKey(id), { ...remote, lastSync: this.deps.clock.now(), lastOutcome: result.outcome });
    return result;
  }

  async promote(name: string, team: string, reason: string): Promise<PromoteResult> {
    const id = team.startsWith('teams/') ? team : `teams/${team}`;
    const remote = await this.deps.settings.get<RemoteConfig>(remoteKey(id as VolumeId));
    if (remote) this.assertOnline(`promoting to ${id}`);
    const result = await promoteSkill(this.volumes, name, team, reason, remote ? await this.syncOptions(id as VolumeId, remote) : null);
    if (remote && result.sync) await this.deps.settings.set(remoteKey(id as VolumeId), { ...remote, lastSync: this.deps.clock.now(), lastOutcome: result.sync.outcome });
    return result;
  }

  conflicts(id: VolumeId): Promise<Conflict[]> {
    return listConflicts(this.volumes, id);
  }

  resolve(id: VolumeId, theirs: string, choice: ConflictChoice): Promise<WriteResult & { kept: string[] }> {
    if (id === 'system') throw new WeftError('VOLUME_READONLY', 'The system volume never has conflicts to resolve.', { volume: id });
    return resolveConflict(this.volumes, id, theirs, choice);
  }

  private async syncOptions(id: VolumeId, remote: RemoteConfig) {
    return {
      url: remote.url,
      token: (await this.deps.secrets.get<string>(tokenKey(id))) ?? null,
      http: this.deps.http,
      corsProxy: this.deps.corsProxyFor ? await this.deps.corsProxyFor(remote.url) : null,
      onProgress: (p: SyncProgress) => this.deps.onProgress?.(id, p),
    };
  }

  /** Makes the system volume hold exactly the app's built-in skills, once per version. */
  private async seedSystem(builtins: BuiltinSkills): Promise<void> {
    await this.volumes.ensure('system');
    const repo = this.volumes.repo('system');
    const manifest = await this.volumes.manifest(repo);
    if (manifest?.builtinVersion === builtins.version) return;
    await this.volumes.write('system', async () => {
      const changes: FileChange[] = [
        ...(await repo.replaceFolder('skills', builtins.files.map((f) => ({ path: f.path, content: f.content })))),
        { path: 'volume.json', content: `${JSON.stringify({ ...manifest, builtinVersion: builtins.version }, null, 2)}\n` },
      ];
      return { changes, message: `Update built-in skills to ${builtins.version.slice(0, 12)}` };
    });
  }
}

const remoteKey = (id: VolumeId) => `remote:${id}`;
const tokenKey = (id: VolumeId) => `token:${id}`;
