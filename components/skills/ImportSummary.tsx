'use client';

/**
 * How the import of a folder of skill folders went: each skill now in your volume (with its
 * warnings and whether it replaced one of yours), each folder that was not imported and why,
 * and the files that belong to no skill folder.
 */
import { shortSha } from '@/components/volumes/relativeTime';
import type { ImportFailure, ImportResult } from '@/lib/skills';
import { Icon } from '@/components/ui/Icon';
import styles from './ImportDialog.module.css';
import { plural, ProblemList } from './ProblemList';

export function CollectionSummary({ result }: { result: ImportResult }) {
  const { skills, failed, leftOut } = result;
  return (
    <>
      <p className={styles.line} role="status">
        <Icon name="check" size={14} className={styles.ok} />
        <span>
          {plural(skills.length, 'skill')} imported{failed.length > 0 && `, ${failed.length} not`}.{' '}
          {result.changed ? (
            <>
              They are in your volume as commit <code>{shortSha(result.commit)}</code>.
            </>
          ) : (
            <>Your volume already had these versions, so nothing new was committed.</>
          )}
        </span>
      </p>
      <section className={styles.section} aria-label="Imported">
        <h3 className={styles.heading}>Imported</h3>
        <ul className={styles.notes}>
          {skills.map((s) => (
            <li key={s.name} data-imported-skill={s.name}>
              <code>{s.name}</code>
              {s.replaced && ' (replaced your earlier one; it stays in the history)'}
              {s.warnings.length > 0 && ` — ${plural(s.warnings.length, 'warning')}`}
              {s.notes.length > 0 && ` — ${s.notes.join(' ')}`}
              {s.warnings.length > 0 && <ProblemList problems={s.warnings} />}
            </li>
          ))}
        </ul>
      </section>
      {failed.length > 0 && <FailedList failed={failed} />}
      {leftOut.length > 0 && (
        <section className={styles.section} aria-label="Outside every skill folder">
          <h3 className={styles.heading}>Not in a skill folder, left out</h3>
          <p className={styles.notes}>
            {leftOut.slice(0, 8).map((p, i) => (
              <span key={p}>
                {i > 0 && ', '}
                <code>{p}</code>
              </span>
            ))}
            {leftOut.length > 8 && ` and ${leftOut.length - 8} more`}
          </p>
        </section>
      )}
    </>
  );
}

/** Skill folders that were not imported, each with why (and its SKILL.md's problems). */
export function FailedList({ failed }: { failed: readonly ImportFailure[] }) {
  return (
    <section className={styles.section} aria-label="Not imported">
      <h3 className={styles.heading}>Not imported</h3>
      <ul className={styles.notes}>
        {failed.map((f) => (
          <li key={f.folder} data-import-failed={f.folder}>
            <code>{f.folder}/</code> — {f.problems.length > 0 ? `its SKILL.md has ${plural(f.problems.filter((p) => p.severity === 'error').length || 1, 'problem')}:` : f.message}
            {f.problems.length > 0 && <ProblemList problems={f.problems} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
