/**
 * The library's outline: skills grouped by the volume they resolve from (yours, then each
 * team, then built-in), and within a volume by category, each sorted by name. Until a
 * skill's facts are known it sits in its volume without a category.
 */
import { volumeKindOf } from '@/components/volumes/volumeLabel';
import type { SkillEntry } from '@/lib/kernel/protocol';
import type { VolumeId } from '@/lib/volumes';
import { NEEDS_FIXING, type SkillFacts } from './skillFacts';

export interface CategoryGroup {
  /** Unique in the library: `volume/category`. */
  readonly key: string;
  /** Lower case; null while facts are still being read. */
  readonly category: string | null;
  readonly skills: readonly SkillEntry[];
}

export interface VolumeGroup {
  readonly key: string;
  readonly volume: VolumeId;
  readonly label: string;
  readonly count: number;
  readonly categories: readonly CategoryGroup[];
}

const KIND_ORDER = { user: 0, team: 1, system: 2 } as const;

export function groupSkills(entries: readonly SkillEntry[], facts: ReadonlyMap<string, SkillFacts>): VolumeGroup[] {
  const byVolume = new Map<VolumeId, SkillEntry[]>();
  for (const entry of entries) byVolume.set(entry.volume, [...(byVolume.get(entry.volume) ?? []), entry]);
  const volumes = [...byVolume.keys()].sort((a, b) => KIND_ORDER[volumeKindOf(a)] - KIND_ORDER[volumeKindOf(b)] || a.localeCompare(b));
  return volumes.map((volume) => {
    const skills = byVolume.get(volume) ?? [];
    const byCategory = new Map<string | null, SkillEntry[]>();
    for (const skill of skills) {
      const category = facts.get(skill.name)?.category ?? null;
      byCategory.set(category, [...(byCategory.get(category) ?? []), skill]);
    }
    const categories = [...byCategory.keys()].sort(categoryOrder).map((category) => ({
      key: `${volume}/${category ?? ''}`,
      category,
      skills: (byCategory.get(category) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    }));
    return { key: volume, volume, label: volumeGroupLabel(volume), count: skills.length, categories };
  });
}

/** `Mine`, `Team lab`, `Built-in`. */
export function volumeGroupLabel(volume: VolumeId): string {
  const kind = volumeKindOf(volume);
  return kind === 'user' ? 'Mine' : kind === 'system' ? 'Built-in' : `Team ${volume.slice('teams/'.length)}`;
}

/** Skills to fix first, then categories by name; skills not yet read last. */
function categoryOrder(a: string | null, b: string | null): number {
  const rank = (c: string | null) => (c === NEEDS_FIXING ? 0 : c === null ? 2 : 1);
  return rank(a) - rank(b) || (a ?? '').localeCompare(b ?? '');
}
