import { err, ok, type Result, WeftError } from '../core';

/** `system`, `teams/<team>` or `users/<user>`. */
export type VolumeId = 'system' | `teams/${string}` | `users/${string}`;
export type VolumeKind = 'system' | 'team' | 'user';

/** Where all volumes live in the filesystem. */
export const VOLUMES_ROOT = '/volumes';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * Checks a volume id. Team and user names are 1–40 of `a-z 0-9 -`, not starting or ending with `-`.
 * @example parseVolumeId('teams/lab').ok === true
 */
export function parseVolumeId(id: unknown): Result<VolumeId, WeftError> {
  if (id === 'system') return ok('system');
  if (typeof id === 'string') {
    const [kind, name, ...rest] = id.split('/');
    if ((kind === 'teams' || kind === 'users') && name !== undefined && rest.length === 0 && SLUG.test(name)) return ok(id as VolumeId);
  }
  return err(new WeftError('VOLUME_NOT_FOUND', `${JSON.stringify(id)} is not a volume id. Volumes are "system", "teams/<team>" or "users/<user>", with names of lowercase letters, digits and "-".`, { volume: id }));
}

export function volumeKind(id: VolumeId): VolumeKind {
  return id === 'system' ? 'system' : id.startsWith('teams/') ? 'team' : 'user';
}

/** The volume's name within its kind: `lab` for `teams/lab`, `system` for the system volume. */
export function volumeName(id: VolumeId): string {
  return id === 'system' ? 'system' : id.slice(id.indexOf('/') + 1);
}

/** The git directory of a volume (volumes are bare repositories). */
export function volumeGitdir(id: VolumeId): string {
  return `${VOLUMES_ROOT}/${id}`;
}

/** The title a volume gets when none is given. */
export function defaultTitle(id: VolumeId): string {
  return id === 'system' ? 'Built-in skills' : id.startsWith('teams/') ? `Team ${id.slice(6)}` : `${id.slice(6)}’s volume`;
}
