'use client';

/**
 * A modal dialog on the native `<dialog>`: focus is trapped and restored by the browser, and
 * Escape closes it. Its body is a form, so Enter in a field submits. Render it only while open.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { cx } from '@/components/ui/Button';
import styles from './Dialog.module.css';

export function Dialog({
  title,
  description,
  onClose,
  onSubmit,
  footer,
  wide = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  onClose(): void;
  onSubmit(): void;
  /** The buttons; a `type="submit"` one submits the form. */
  footer: ReactNode;
  wide?: boolean;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <dialog
      ref={ref}
      className={cx(styles.dialog, wide && styles.wide)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: the owner decides (it unmounts the dialog), so React state stays the truth.
        event.preventDefault();
        onClose();
      }}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <header className={styles.header}>
          <h2 id={titleId} className={styles.title}>
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className={styles.description}>
              {description}
            </div>
          )}
        </header>
        {children && <div className={styles.body}>{children}</div>}
        <footer className={styles.footer}>{footer}</footer>
      </form>
    </dialog>
  );
}
