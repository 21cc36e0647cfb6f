'use client';

/**
 * When a skill name exists in several volumes: which copy is used (the nearest), which it
 * shadows, and a switch to look at each copy.
 */
import { Chip } from '@/components/ui/Chip';
import { volumeBadge, volumePhrase } from '@/components/volumes/volumeLabel';
import type { SkillEntry } from '@/lib/kernel/protocol';
import type { VolumeId } from '@/lib/volumes';
import styles from './SkillDetails.module.css';
import { useSkillUi } from './useSkillUi';

export function SkillCopies({ entry, shown }: { entry: SkillEntry; shown: VolumeId }) {
  const setViewVolume = useSkillUi((s) => s.setViewVolume);
  const copies = [entry.volume, ...entry.shadows];
  return (
    <div className={styles.copies}>
      <p className={styles.copiesText}>
        {shown === entry.volume ? (
          <>This copy is the one used; it shadows {entry.shadows.map(volumePhrase).join(', ')}.</>
        ) : (
          <>
            Showing the {volumePhrase(shown)} copy, shadowed by {volumePhrase(entry.volume)}: it is not used.
          </>
        )}
      </p>
      <div className={styles.copyChips} role="group" aria-label="Copies of this skill">
        <span className={styles.copyLabel}>Copies</span>
        {copies.map((id) => (
          <Chip key={id} pressed={id === shown} onToggle={() => setViewVolume(id === entry.volume ? null : id)} title={`Show the copy in ${id}`}>
            {volumeBadge(id)}
          </Chip>
        ))}
      </div>
    </div>
  );
}
