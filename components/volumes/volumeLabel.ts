/**
 * How a volume is named where space is short: `mine` for the user's own volume, the team's
 * name for a team, `built-in` for the system volume; and the words for a shadowing note.
 */
import type { Tone } from '@/components/ui/Badge';
import type { VolumeId, VolumeKind } from '@/lib/volumes';

export function volumeKindOf(id: VolumeId): VolumeKind {
  return id === 'system' ? 'system' : id.startsWith('teams/') ? 'team' : 'user';
}

/** `mine`, `lab` (for teams/lab) or `built-in`. */
export function volumeBadge(id: VolumeId): string {
  const kind = volumeKindOf(id);
  return kind === 'user' ? 'mine' : kind === 'system' ? 'built-in' : id.slice('teams/'.length);
}

export function volumeTone(id: VolumeId): Tone {
  const kind = volumeKindOf(id);
  return kind === 'user' ? 'accent' : kind === 'team' ? 'violet' : 'neutral';
}

/** `Team lab`, `built-in`, `your volume`: for sentences like "shadows Team lab, built-in". */
export function volumePhrase(id: VolumeId): string {
  const kind = volumeKindOf(id);
  return kind === 'user' ? 'your volume' : kind === 'system' ? 'built-in' : `Team ${id.slice('teams/'.length)}`;
}

export const KIND_LABEL: Record<VolumeKind, string> = { user: 'Personal', team: 'Team', system: 'Built-in' };
