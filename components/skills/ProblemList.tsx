/**
 * What is wrong with a SKILL.md, one problem a line: where (`line 7 · inputs.0.type`) and
 * what to do. A line number moves the editor's cursor there when `onJump` is given.
 */
import { cx } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import type { SkillProblem } from '@/lib/skills';
import styles from './ProblemList.module.css';

export function ProblemList({ problems, onJump, className }: { problems: readonly SkillProblem[]; onJump?(line: number): void; className?: string }) {
  return (
    <ul role="list" aria-label="Problems" className={cx(styles.list, className)}>
      {problems.map((p, i) => (
        <li key={`${i}:${p.code}:${p.line}`} className={styles.item} data-line={p.line ?? undefined} data-severity={p.severity} data-code={p.code}>
          <Icon name="alert" size={13} className={p.severity === 'error' ? styles.error : styles.warning} />
          <span className={styles.text}>
            <span className={styles.where}>
              {p.line !== null && onJump ? (
                <button type="button" className={styles.jump} onClick={() => onJump(p.line!)} title={`Go to line ${p.line}`}>
                  line {p.line}
                </button>
              ) : (
                p.line !== null && <span>line {p.line}</span>
              )}
              {p.line !== null && p.field && ' · '}
              {p.field && <code className={styles.field}>{p.field}</code>}
              {(p.line !== null || p.field) && ' — '}
            </span>
            {p.severity === 'warning' && <span className="visually-hidden">Warning: </span>}
            {p.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "2 problems" / "1 problem, 1 warning" / "No problems". */
export function problemSummary(problems: readonly SkillProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const parts = [errors > 0 && plural(errors, 'problem'), warnings > 0 && plural(warnings, 'warning')].filter(Boolean);
  return parts.length ? parts.join(', ') : 'No problems';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
