/**
 * A labelled form field: the control, a quiet hint under it, and the kernel's error in its
 * place when there is one (announced, and tied to the control with aria-describedby).
 */
import { cloneElement, type ReactElement, type ReactNode, useId } from 'react';
import styles from './forms.module.css';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function Field({
  label,
  hint,
  error,
  aside,
  children,
}: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Something at the end of the label row (e.g. a counter or a link). */
  aside?: ReactNode;
  children: ReactElement<ControlProps>;
}) {
  const id = useId();
  const noteId = useId();
  const note = error ?? hint;
  const control = cloneElement(children, {
    id,
    'aria-describedby': note ? noteId : undefined,
    'aria-invalid': error ? true : undefined,
  });
  return (
    <div className={styles.field}>
      <div className={styles.labelRow}>
        <label htmlFor={id} className={styles.label}>
          {label}
        </label>
        {aside}
      </div>
      {control}
      {error ? (
        <p id={noteId} className={styles.error} role="alert">
          {error}
        </p>
      ) : (
        hint && (
          <p id={noteId} className={styles.hint}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** An error that belongs to no single field, shown above a form's buttons. */
export function FormError({ children }: { children: ReactNode }) {
  return (
    <p className={styles.formError} role="alert">
      {children}
    </p>
  );
}
