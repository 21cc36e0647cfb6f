import { Icon } from '@/components/ui/Icon';
import type { SkillProblem } from '@/lib/skills';
import { problemSummary } from './ProblemList';
import styles from './SkillEditor.module.css';

/** Beside the editor's label: "Valid", or how many problems and warnings there are. Announced politely. */
export function EditorStatus({ problems }: { problems: readonly SkillProblem[] }) {
  const errors = problems.some((p) => p.severity === 'error');
  const tone = errors ? styles.bad : problems.length ? styles.warn : styles.good;
  return (
    <span className={`${styles.status} ${tone}`} role="status" aria-live="polite">
      <Icon name={problems.length ? 'alert' : 'check'} size={12} />
      {problems.length ? problemSummary(problems) : 'Valid'}
    </span>
  );
}
