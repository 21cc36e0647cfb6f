'use client';

/**
 * What can be done with the skill shown: your own one can be edited, promoted to a team or
 * deleted (with confirmation); a team or built-in one can be copied into your volume to edit.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/volumes/ConfirmDialog';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { VolumeIcon } from '@/components/volumes/VolumeIcon';
import { PromoteDialog } from './PromoteDialog';
import styles from './SkillDetails.module.css';
import { useSkillUi } from './useSkillUi';

export function SkillActions({ name, content, mine }: { name: string; content: string; mine: boolean }) {
  const openEditor = useSkillUi((s) => s.openEditor);
  const select = useSkillUi((s) => s.select);
  const [dialog, setDialog] = useState<'promote' | 'delete' | null>(null);
  const remove = useKernelAction();

  if (!mine) {
    return (
      <div className={styles.actions}>
        <Button size="sm" aria-label={`Edit a copy of ${name}`} title="Make your own version in your volume; it will shadow this one" onClick={() => openEditor({ mode: 'copy', name, content })}>
          <VolumeIcon name="pencil" size={14} />
          Edit a copy
        </Button>
      </div>
    );
  }

  return (
    <div className={styles.actions}>
      <Button size="sm" aria-label={`Edit ${name}`} onClick={() => openEditor({ mode: 'edit', name, content })}>
        <VolumeIcon name="pencil" size={14} />
        Edit
      </Button>
      <Button size="sm" aria-label={`Promote ${name}`} title="Share it: copy it into a team volume" onClick={() => setDialog('promote')}>
        <VolumeIcon name="promote" size={14} />
        Promote to team…
      </Button>
      <div className={styles.spacer} />
      <Button size="sm" variant="danger" icon="trash" aria-label={`Delete ${name}`} onClick={() => setDialog('delete')}>
        Delete
      </Button>
      {dialog === 'promote' && <PromoteDialog name={name} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <ConfirmDialog
          title={`Delete ${name}?`}
          confirmLabel="Delete skill"
          danger
          pending={remove.pending}
          error={remove.error}
          onClose={() => {
            remove.clearError();
            setDialog(null);
          }}
          onConfirm={async () => {
            if (!(await remove.run({ op: 'skill.delete', name }))) return;
            setDialog(null);
            select(null);
          }}
        >
          <p>
            It leaves your volume in a new commit. Its history keeps every version, so it can be restored from the Volumes
            panel. A team or built-in skill of the same name, if any, takes its place.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
