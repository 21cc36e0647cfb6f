/**
 * Asks the person before a skill from a team volume uses the network. Team skills are written by
 * others and arrive by sync, so they are untrusted input: the first time one with the `network`
 * permission runs, the kernel emits `permission.request` and the run waits for `permission.answer`.
 * An allowed skill is remembered with its code's hash, so a changed skill (a later sync) is asked
 * about again. Skills of the system volume (shipped with Weft) and the user's own are not asked.
 */
import { type Clock, sha256Hex, unwrap, WeftError } from '../core';
import { type KeyValueStore, parseVolumeId, type VolumeId } from '../volumes';
import type { Handlers } from './dispatcher';
import type { KernelEvent } from './protocol';

/** Where a skill's code came from. */
export interface SkillSource {
  readonly name: string;
  readonly volume: VolumeId;
}

export type AskedPermission = 'network';

export interface PermissionRequest {
  readonly id: string;
  readonly skill: string;
  readonly volume: VolumeId;
  readonly permission: AskedPermission;
  /** The skill was allowed before, but its code has changed since. */
  readonly changed: boolean;
  readonly at: number;
}

export interface PermissionGrant {
  readonly skill: string;
  readonly volume: VolumeId;
  readonly permission: AskedPermission;
  readonly codeHash: string;
  readonly at: number;
}

export interface PermissionGateDeps {
  readonly settings: () => KeyValueStore;
  readonly clock: Clock;
  readonly emit: (event: KernelEvent) => void;
}

const GRANTS = 'permissions:grants';

interface Pending {
  readonly request: PermissionRequest;
  readonly codeHash: string;
  /** Every run waiting on this question. */
  readonly waiters: Set<(allow: boolean) => void>;
}

export class PermissionGate {
  private readonly pending = new Map<string, Pending>();
  private nextId = 1;

  constructor(private readonly deps: PermissionGateDeps) {}

  /**
   * Resolves when `source` may run `code` with `permissions`: at once for trusted volumes and for
   * skills that do not ask for the network; otherwise after the person allows it (remembered) or
   * rejects with PERMISSION_DENIED. Runs of the same skill waiting together share one question.
   */
  async ensure(source: SkillSource | undefined, permissions: readonly string[], code: string, signal?: AbortSignal, onWait?: () => void): Promise<void> {
    if (source === undefined || !source.volume.startsWith('teams/') || !permissions.includes('network')) return;
    const codeHash = await sha256Hex(code);
    const grants = await this.grants();
    const earlier = grants.find((g) => g.skill === source.name && g.volume === source.volume && g.permission === 'network');
    if (earlier?.codeHash === codeHash) return;
    const open = [...this.pending.values()].find((p) => p.request.skill === source.name && p.request.volume === source.volume);
    onWait?.();
    const allowed = await this.wait(open ?? this.ask(source, earlier !== undefined, codeHash), signal);
    if (!allowed) {
      throw new WeftError(
        'PERMISSION_DENIED',
        `${source.name} (from ${source.volume}) was not run: you did not allow it to use the network. Run it again to be asked again.`,
        { skill: source.name, volume: source.volume, permission: 'network' },
      );
    }
  }

  /** The person's answer to a request; remembered when allowed. */
  async answer(id: string, allow: boolean): Promise<{ answered: true }> {
    const found = this.pending.get(id);
    if (!found) throw new WeftError('SYSCALL_INVALID', `There is no open permission request "${id}" (it was answered, or its run ended).`, { id });
    this.pending.delete(id);
    const { skill, volume } = found.request;
    if (allow) await this.remember({ skill, volume, permission: 'network', codeHash: found.codeHash, at: this.deps.clock.now() });
    this.deps.emit({ type: 'permission.answered', id, allow, at: this.deps.clock.now() });
    for (const waiter of found.waiters) waiter(allow);
    return { answered: true };
  }

  /** Requests waiting for an answer (a page that opens late shows them). */
  open(): PermissionRequest[] {
    return [...this.pending.values()].map((p) => p.request);
  }

  /** What the person has allowed, newest first. */
  async grants(): Promise<PermissionGrant[]> {
    return (await this.deps.settings().get<PermissionGrant[]>(GRANTS)) ?? [];
  }

  /** Forgets an allowance: the skill is asked about again the next time it runs. */
  async revoke(skill: string, volume: VolumeId): Promise<{ revoked: boolean }> {
    const grants = await this.grants();
    const kept = grants.filter((g) => !(g.skill === skill && g.volume === volume));
    await this.deps.settings().set(GRANTS, kept);
    return { revoked: kept.length < grants.length };
  }

  private ask(source: SkillSource, changed: boolean, codeHash: string): Pending {
    const request: PermissionRequest = { id: `perm-${this.nextId++}`, skill: source.name, volume: source.volume, permission: 'network', changed, at: this.deps.clock.now() };
    const pending: Pending = { request, codeHash, waiters: new Set() };
    this.pending.set(request.id, pending);
    this.deps.emit({ type: 'permission.request', request, at: request.at });
    return pending;
  }

  private wait(pending: Pending, signal: AbortSignal | undefined): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const cancelled = () => {
        pending.waiters.delete(resolve);
        // Nobody waits any more: the question is withdrawn.
        if (pending.waiters.size === 0 && this.pending.delete(pending.request.id)) {
          this.deps.emit({ type: 'permission.answered', id: pending.request.id, allow: false, at: this.deps.clock.now() });
        }
        reject(new WeftError('RUNTIME_CANCELLED', `${pending.request.skill} was cancelled while it waited for permission to use the network.`, { skill: pending.request.skill }));
      };
      if (signal?.aborted) return cancelled();
      pending.waiters.add(resolve);
      signal?.addEventListener('abort', cancelled, { once: true });
    });
  }

  private async remember(grant: PermissionGrant): Promise<void> {
    const others = (await this.grants()).filter((g) => !(g.skill === grant.skill && g.volume === grant.volume));
    await this.deps.settings().set(GRANTS, [grant, ...others]);
  }
}

export function permissionHandlers(gate: PermissionGate): Pick<Handlers, 'permission.answer' | 'permission.open' | 'permission.grants' | 'permission.revoke'> {
  return {
    'permission.answer': (c) => gate.answer(c.id, c.allow),
    'permission.open': () => gate.open(),
    'permission.grants': () => gate.grants(),
    'permission.revoke': (c) => gate.revoke(c.skill, unwrap(parseVolumeId(c.volume))),
  };
}
