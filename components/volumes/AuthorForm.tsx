'use client';

/**
 * Name and email that sign commits (`settings.setAuthor`). Enter saves, Escape cancels; the
 * kernel's message appears under the field it is about. `inline` puts everything on one row,
 * for the first-run prompt.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import type { Author } from '@/lib/volumes';
import forms from './forms.module.css';
import { useKernelAction } from './useKernelAction';
import styles from './VolumesPanel.module.css';

export function AuthorForm({ initial, onDone, inline = false }: { initial: Author | null; onDone(saved: boolean): void; inline?: boolean }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const { run, pending, error } = useKernelAction();
  const field = typeof error?.data.field === 'string' ? error.data.field : null;

  const save = async () => {
    if (await run({ op: 'settings.setAuthor', name, email })) onDone(true);
  };

  return (
    <form
      className={styles.authorForm}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !inline) {
          e.preventDefault();
          onDone(false);
        }
      }}
      noValidate
    >
      <div className={styles.authorFields}>
        <input
          className={forms.input}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Your name"
          aria-label="Your name"
          aria-invalid={field === 'name' || undefined}
          autoComplete="name"
          autoFocus={!inline}
        />
        <input
          className={forms.input}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          placeholder="you@example.org"
          aria-label="Your email"
          aria-invalid={(error !== null && field !== 'name') || undefined}
          autoComplete="email"
        />
        {inline && (
          <Button size="md" variant="primary" type="submit" disabled={pending}>
            Save
          </Button>
        )}
      </div>
      {error && (
        <p className={forms.error} role="alert">
          {error.message}
        </p>
      )}
      {!inline && (
        <div className={styles.formActions}>
          <Button size="sm" variant="ghost" onClick={() => onDone(false)}>
            Cancel
          </Button>
          <Button size="sm" variant="primary" type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        </div>
      )}
    </form>
  );
}
