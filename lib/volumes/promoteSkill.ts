/**
 * Promotion: a skill leaves the user's volume for a team's — copied with all its files, one
 * commit `Promote <name> from <user>: <reason>`, then pushed if the team has a remote. A push
 * that fails leaves the commit in the team volume here: the error says so (and carries it in
 * `data.commit`, `data.pushed: false`), as the next sync sends it.
 */
import { WeftError } from '../core';
import { parseSkillName } from '../skills/skillName';
import type { SyncOptions, SyncResult } from './syncVolume';
import { parseVolumeId, volumeKind, volumeName } from './volumeId';
import type { Volumes, WriteResult } from './volumes';

export interface PromoteResult extends WriteResult {
  /** The sync that pushed it, when the team has a remote. */
  readonly sync: SyncResult | null;
}

export async function promoteSkill(volumes: Volumes, name: string, team: string, reason: string, remote?: Omit<SyncOptions, 'author' | 'now'> | null): Promise<PromoteResult> {
  const skill = parseSkillName(name);
  if (!skill.ok) throw skill.error;
  const target = parseVolumeId(team.startsWith('teams/') ? team : `teams/${team}`);
  if (!target.ok || volumeKind(target.value) !== 'team') throw target.ok ? new WeftError('VOLUME_NOT_FOUND', `${team} is not a team volume.`, { volume: team }) : target.error;
  const why = reason.trim();
  if (why.length === 0) throw new WeftError('PROMOTE_INVALID', 'Say why this skill is promoted: the reason goes into the team’s history.', { name, field: 'reason' });
  const source = await volumes.open(volumes.userVolume);
  const files = await source.listFiles(`skills/${skill.value}`);
  if (files.length === 0) throw new WeftError('SKILL_NOT_FOUND', `There is no skill ${skill.value} in your volume (${volumes.userVolume}) to promote.`, { name: skill.value });
  const changes = await Promise.all(files.map(async (path) => ({ path, content: await source.readFile(path) })));
  // Files the team has under that skill but the user does not are removed: the promoted skill replaces it whole.
  const written = await volumes.write(target.value, async (repo) => {
    return {
      changes: await repo.replaceFolder(`skills/${skill.value}`, changes),
      message: `Promote ${skill.value} from ${volumeName(volumes.userVolume)}: ${why.split('\n')[0]}`,
    };
  });
  let sync: SyncResult | null = null;
  if (remote) {
    try {
      sync = await volumes.sync(target.value, remote);
    } catch (error) {
      throw notPushed(WeftError.from(error), skill.value, written);
    }
  }
  return { ...written, sync };
}

/** The sync's own error, told that the promotion itself is kept on this device. */
function notPushed(error: WeftError, name: string, written: WriteResult): WeftError {
  const kept = written.changed
    ? `${name} is promoted to ${written.volume} on this device (commit ${written.commit.slice(0, 7)}) but not pushed: the commit is kept and goes out with the next sync of ${written.volume}.`
    : `${written.volume} already had this version of ${name}; the sync that would push it failed.`;
  return new WeftError(error.code, `${kept} ${error.message}`, { ...error.data, volume: written.volume, commit: written.commit, changed: written.changed, pushed: false, pushError: error.message });
}
