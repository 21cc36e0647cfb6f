'use client';

/** "Are you sure?" for something that changes a volume: says what will happen, shows the kernel's refusal if any. */
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import type { WeftError } from '@/lib/core';
import { Dialog } from './Dialog';
import { FormError } from './Field';
import styles from './Dialog.module.css';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: WeftError | null;
  onConfirm(): void;
  onClose(): void;
}) {
  return (
    <Dialog
      title={title}
      description={children}
      onClose={onClose}
      onSubmit={onConfirm}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" className={danger ? styles.dangerSolid : undefined} disabled={pending} autoFocus>
            {pending ? 'Working…' : confirmLabel}
          </Button>
        </>
      }
    >
      {error && <FormError>{error.message}</FormError>}
    </Dialog>
  );
}
