'use client';

/**
 * How an import went: the skill now in your volume (and whether it replaced one of yours), what
 * converting an older skill changed, warnings, files left out — or, for a folder of skill
 * folders, a summary of each (ImportSummary.tsx); or why it was refused, with the SKILL.md's
 * problems when that is the reason.
 */
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { Dialog } from '@/components/volumes/Dialog';
import { FormError } from '@/components/volumes/Field';
import { shortSha } from '@/components/volumes/relativeTime';
import type { ImportFailure, SkillProblem } from '@/lib/skills';
import { problemsOf } from './checkSkill';
import styles from './ImportDialog.module.css';
import { CollectionSummary, FailedList } from './ImportSummary';
import { plural, ProblemList } from './ProblemList';
import type { ImportOutcome } from './useSkillImport';

export function ImportDialog({ outcome, onOpen, onClose }: { outcome: ImportOutcome; onOpen(name: string): void; onClose(): void }) {
  const { result, error, skipped, pending } = outcome;
  // A folder of skill folders: a summary of each skill rather than the one skill's outcome.
  const collection = result !== null && (result.skills.length > 1 || result.failed.length > 0);
  const title = pending ? 'Importing…' : collection ? `Imported ${result.skills.length} of ${result.skills.length + result.failed.length} skills` : result ? `Imported ${result.name}` : 'The skill was not imported';
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => (result && !collection ? onOpen(result.name) : onClose())}
      footer={
        result && !collection ? (
          <>
            <Button onClick={onClose}>Done</Button>
            <Button type="submit" variant="primary" autoFocus>
              Open {result.name}
            </Button>
          </>
        ) : (
          <Button type="submit" variant="primary" disabled={pending} autoFocus>
            {pending ? 'Importing…' : 'Close'}
          </Button>
        )
      }
    >
      <div className={styles.outcome} data-import-outcome={pending ? 'pending' : result ? 'imported' : 'refused'}>
        {pending && <p className={styles.line}>Reading the files and checking the skill…</p>}
        {collection && <CollectionSummary result={result} />}
        {result && !collection && (
          <p className={styles.line} role="status">
            <Icon name="check" size={14} className={styles.ok} />
            <span>
              {!result.changed ? (
                <>Your volume already had this version of {result.name}; nothing new was committed.</>
              ) : result.replaced ? (
                <>
                  It replaced your earlier {result.name} in commit <code>{shortSha(result.commit)}</code>; that version stays in its history.
                </>
              ) : (
                <>
                  {result.name} is in your volume as commit <code>{shortSha(result.commit)}</code>.
                </>
              )}
            </span>
          </p>
        )}
        {result && !collection && result.notes.length > 0 && (
          <section className={styles.section} aria-label="Conversion notes">
            <h3 className={styles.heading}>Converted from the older single-file format</h3>
            <ul className={styles.notes}>
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </section>
        )}
        {result && !collection && result.warnings.length > 0 && (
          <section className={styles.section} aria-label="Warnings">
            <h3 className={styles.heading}>Worth a look</h3>
            <ProblemList problems={result.warnings} />
          </section>
        )}
        {error && <Refusal message={error.message} problems={problemsOf(error.data)} failed={failuresOf(error.data)} />}
        {skipped.length > 0 && (
          <section className={styles.section} aria-label="Left out">
            <h3 className={styles.heading}>Left out</h3>
            <ul className={styles.notes}>
              {skipped.map((s) => (
                <li key={s}>
                  <code>{s}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Dialog>
  );
}

/**
 * The kernel's refusal; when it is the SKILL.md's problems, a short line and the list (the
 * message repeats the first); when no skill of a collection could be imported, each one's reason.
 */
function Refusal({ message, problems, failed }: { message: string; problems: readonly SkillProblem[]; failed: readonly ImportFailure[] }) {
  if (failed.length > 0) {
    return (
      <>
        <FormError>None of the {plural(failed.length, 'skill folder')} could be imported; nothing was committed.</FormError>
        <FailedList failed={failed} />
      </>
    );
  }
  if (problems.length === 0) return <FormError>{message}</FormError>;
  return (
    <>
      <FormError>
        The SKILL.md has {plural(problems.length, 'problem')}, so nothing was imported. Fix {problems.length === 1 ? 'it' : 'them'} and import it again.
      </FormError>
      <ProblemList problems={problems} />
    </>
  );
}

const failuresOf = (data: Record<string, unknown>): ImportFailure[] => (Array.isArray(data.failed) ? (data.failed as ImportFailure[]) : []);
