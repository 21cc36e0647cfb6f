/**
 * The words and checks of "Promote to team…", apart from React: which volumes a skill can be
 * promoted to, whether a reason will do, what the team's remote means, and what was committed.
 */
import { shortSha } from '@/components/volumes/relativeTime';
import type { WeftError } from '@/lib/core';
import type { PromoteResult, VolumeId, WorkspaceVolume } from '@/lib/volumes';

/** The team volumes among `volumes` (the answer of `volume.list`, undefined while it loads). */
export function teamVolumes(volumes: readonly WorkspaceVolume[] | undefined): WorkspaceVolume[] {
  return (volumes ?? []).filter((v) => v.kind === 'team');
}

/**
 * Why `reason` cannot be sent, or null when it can; the kernel refuses a blank one too.
 * @example reasonProblem('  ') // 'Give a reason: …'
 */
export function reasonProblem(reason: string): string | null {
  return reason.trim() === '' ? 'Give a reason: it goes into the team’s history, so say why the team needs this skill.' : null;
}

/** What happens after the commit: pushed to the team's remote, or kept on this device. */
export function remoteNote(team: Pick<WorkspaceVolume, 'remote'>): string {
  return team.remote ? `It is pushed to ${team.remote.url} too.` : 'This team has no remote: the copy stays on this device until you set one and sync.';
}

/** What a promotion committed, e.g. `Promoted to teams/lab in commit abc1234.` */
export function promotedLine(name: string, team: VolumeId, result: Pick<PromoteResult, 'changed' | 'commit'>): string {
  return result.changed ? `Promoted to ${team} in commit ${shortSha(result.commit)}.` : `${team} already had this version of ${name}; nothing new was committed.`;
}

/**
 * The commit a promotion kept when only its push failed (the kernel says so with
 * `data.pushed: false`), or null when the promotion itself failed.
 */
export function keptPromotion(error: WeftError): Pick<PromoteResult, 'volume' | 'commit' | 'changed'> | null {
  const { pushed, volume, commit, changed } = error.data;
  if (pushed !== false || typeof volume !== 'string' || typeof commit !== 'string') return null;
  return { volume: volume as VolumeId, commit: commit as PromoteResult['commit'], changed: changed !== false };
}

/** Why a kept promotion is not on the remote yet: the sync's own words, and when it goes out. */
export function notPushedLine(team: VolumeId, error: WeftError): string {
  const why = typeof error.data.pushError === 'string' ? error.data.pushError : error.message;
  return `Not pushed (${error.code}): ${why} The commit is kept here and goes out with the next sync of ${team}.`;
}
