import { memo } from 'react';
import { Badge } from '@/components/ui/Badge';
import { cx } from '@/components/ui/Button';
import { volumeBadge, volumePhrase, volumeTone } from '@/components/volumes/volumeLabel';
import type { SkillEntry } from '@/lib/kernel/protocol';
import styles from './SkillLibrary.module.css';

/** One skill in the library: its name, the volume it resolves from, and what it shadows. */
export const SkillRow = memo(function SkillRow({ skill, selected, onSelect }: { skill: SkillEntry; selected: boolean; onSelect(name: string): void }) {
  const shadows = skill.shadows.map(volumePhrase).join(', ');
  return (
    <li className={cx(styles.row, selected && styles.selected)} data-skill={skill.name} data-volume={skill.volume}>
      <button type="button" className={styles.rowButton} aria-pressed={selected} onClick={() => onSelect(skill.name)}>
        <span className={styles.rowLine}>
          <span className={styles.rowName}>{skill.name}</span>
          <Badge tone={volumeTone(skill.volume)} outline={skill.volume === 'system'} title={`From ${skill.volume}`}>
            {volumeBadge(skill.volume)}
          </Badge>
        </span>
        {shadows && (
          <span
            className={styles.shadows}
            title={`A skill named ${skill.name} also exists in ${skill.shadows.join(' and ')}. The ${volumePhrase(skill.volume)} copy is nearer, so it is the one used.`}
          >
            shadows {shadows}
          </span>
        )}
      </button>
    </li>
  );
});
