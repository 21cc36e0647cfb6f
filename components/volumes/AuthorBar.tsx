'use client';

/**
 * Who signs commits. While the author is still the default, a gentle prompt asks once for a
 * name and email (on the volume list, not inside a volume's details); after that, saved or
 * declined, a quiet line with an Edit link remains.
 */
import { useState } from 'react';
import { AuthorForm } from './AuthorForm';
import { useKernelQuery } from './useKernelQuery';
import { useVolumesUi } from './useVolumesUi';
import { Icon } from '@/components/ui/Icon';
import styles from './VolumesPanel.module.css';

export function AuthorBar({ quiet = false }: { quiet?: boolean }) {
  const settings = useKernelQuery({ op: 'settings.get' });
  const promptDone = useVolumesUi((s) => s.authorPromptDone);
  const finishPrompt = useVolumesUi((s) => s.finishAuthorPrompt);
  const [editing, setEditing] = useState(false);
  const author = settings.data?.author;
  if (!author) return null;

  if (author.isDefault && !promptDone) {
    // Inside a volume's details the prompt would crowd the history; it waits for the list.
    if (quiet) return null;
    return (
      <section className={styles.prompt} aria-label="Who signs your commits">
        <div className={styles.promptHead}>
          <Icon name="user" size={15} className={styles.promptIcon} />
          <h3 className={styles.promptTitle}>Who signs your commits?</h3>
          <button type="button" className={styles.quietLink} onClick={() => finishPrompt()}>
            Keep the default
          </button>
        </div>
        <p className={styles.promptText}>
          Each change you make is a commit with your name and email; teammates see it after a sync. Until then:{' '}
          <span className={styles.authorName}>
            {author.name} &lt;{author.email}&gt;
          </span>
        </p>
        <AuthorForm initial={null} onDone={finishPrompt} inline />
      </section>
    );
  }

  if (editing) {
    return (
      <section className={styles.authorEdit} aria-label="Commit author">
        <AuthorForm initial={author} onDone={() => setEditing(false)} />
      </section>
    );
  }

  return (
    <p className={styles.authorLine}>
      <Icon name="user" size={14} />
      <span className={styles.authorText}>
        Commits are signed as{' '}
        <span className={styles.authorName} title={`${author.name} <${author.email}>`}>
          {author.name} &lt;{author.email}&gt;
        </span>
      </span>
      <button type="button" className={styles.link} onClick={() => setEditing(true)} aria-label="Edit commit author">
        Edit
      </button>
    </p>
  );
}
