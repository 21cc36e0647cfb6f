import { type DragEvent, memo, useId } from 'react';
import { SKILL_DRAG_TYPE } from '@/components/canvas/flowTypes';
import { Badge } from '@/components/ui/Badge';
import { cx } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { volumeBadge, volumePhrase, volumeTone } from '@/components/volumes/volumeLabel';
import type { VolumeId } from '@/lib/volumes';
import { Highlight } from './Highlight';
import styles from './SkillLibrary.module.css';

export interface RowSkill {
  readonly name: string;
  readonly volume: VolumeId;
  readonly shadows: readonly VolumeId[];
  readonly description: string | null;
  readonly runtime: string | null;
  /** Errors that keep it from being used (0 when it parses). */
  readonly problems: number;
}

const NO_TERMS: readonly string[] = [];

/**
 * One skill in the library: its name, runtime and description, the volume it resolves from
 * (as a badge where the list mixes volumes, else only for screen readers), and what it shadows.
 * Search terms it matched are marked. An executable skill that parses can be dragged onto the
 * workflow canvas.
 */
export const SkillRow = memo(function SkillRow({ skill, selected, onSelect, terms = NO_TERMS, showVolume }: {
  skill: RowSkill;
  selected: boolean;
  onSelect(name: string): void;
  terms?: readonly string[];
  showVolume: boolean;
}) {
  const shadows = skill.shadows.map(volumePhrase).join(', ');
  const id = useId();
  const placeable = skill.runtime !== null && skill.problems === 0;
  // Named by the skill's name and volume only: its description describes, so buttons elsewhere
  // ("Export", "Duplicate") are not confused with a skill whose description mentions them.
  return (
    <li
      className={cx(styles.row, selected && styles.selected)}
      data-skill={skill.name}
      data-volume={skill.volume}
      draggable={placeable || undefined}
      onDragStart={placeable ? (e) => startSkillDrag(e, skill.name) : undefined}
    >
      <button
        type="button"
        className={styles.rowButton}
        aria-pressed={selected}
        aria-labelledby={`${id}-name ${id}-volume`}
        aria-describedby={skill.description ? `${id}-description` : undefined}
        data-nav
        onClick={() => onSelect(skill.name)}
      >
        <span className={styles.rowLine}>
          <span className={styles.rowName} id={`${id}-name`}>
            <Highlight text={skill.name} terms={terms} />
          </span>
          {skill.problems > 0 && (
            <span className={styles.rowProblem} title={`${skill.problems} ${skill.problems === 1 ? 'problem keeps' : 'problems keep'} it from being used`}>
              <Icon name="alert" size={12} />
              <span className="visually-hidden">needs fixing</span>
            </span>
          )}
          {skill.runtime && <span className={styles.rowRuntime}>{skill.runtime}</span>}
          {showVolume ? (
            <span id={`${id}-volume`}>
              <Badge tone={volumeTone(skill.volume)} outline={skill.volume === 'system'} title={`From ${skill.volume}`}>
                {volumeBadge(skill.volume)}
              </Badge>
            </span>
          ) : (
            <span className="visually-hidden" id={`${id}-volume`}>
              {volumeBadge(skill.volume)}
            </span>
          )}
        </span>
        {skill.description && (
          <span className={cx(styles.rowDescription, showVolume && styles.twoLines)} id={`${id}-description`}>
            <Highlight text={skill.description} terms={terms} />
          </span>
        )}
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

/** Carries the skill in the format the canvas's drop handler reads. */
function startSkillDrag(event: DragEvent, name: string): void {
  event.dataTransfer.setData(SKILL_DRAG_TYPE, name);
  event.dataTransfer.setData('text/plain', name);
  event.dataTransfer.effectAllowed = 'copy';
}
