'use client';

import { ConfirmDialog } from '@/components/volumes/ConfirmDialog';
import { plural } from './ProblemList';

/** "Save with 2 problems?": the explicit, confirmed way to keep a skill that does not parse. */
export function SaveAnywayDialog({ name, errors, editing, onConfirm, onClose }: { name: string; errors: number; editing: boolean; onConfirm(): void; onClose(): void }) {
  return (
    <ConfirmDialog title={`Save ${name} with ${plural(errors, 'problem')}?`} confirmLabel="Save anyway" pending={false} error={null} onClose={onClose} onConfirm={onConfirm}>
      <p>
        A skill with problems cannot be run or offered to the model until they are fixed.
        {editing ? ' The version saved now stays in its history, so you can go back to it.' : ''}
      </p>
    </ConfirmDialog>
  );
}
