'use client';

/**
 * What can be done with the skill shown: your own one can be edited, promoted to a team (once
 * a team volume exists) or deleted (with confirmation); a team or built-in one can be copied
 * into your volume to edit. Any skill can be duplicated under a new name or exported.
 */
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { MenuButton } from '@/components/ui/Menu';
import { ConfirmDialog } from '@/components/volumes/ConfirmDialog';
import { FormError } from '@/components/volumes/Field';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { Icon } from '@/components/ui/Icon';
import type { VolumeId } from '@/lib/volumes';
import { problemsOf } from './checkSkill';
import { SkillIcon } from './SkillIcon';
import { ProblemList } from './ProblemList';
import { PromoteDialog } from './PromoteDialog';
import { teamVolumes } from './promoteForm';
import styles from './SkillDetails.module.css';
import { copyName, withName } from './skillText';
import { useSkillExport } from './useSkillExport';
import { useSkillUi } from './useSkillUi';

export function SkillActions({ name, volume, content, mine, taken }: { name: string; volume: VolumeId; content: string; mine: boolean; taken: ReadonlySet<string> }) {
  const openEditor = useSkillUi((s) => s.openEditor);
  const select = useSkillUi((s) => s.select);
  const [dialog, setDialog] = useState<'promote' | 'delete' | null>(null);
  const remove = useKernelAction();
  const exporter = useSkillExport(name, volume, content);
  const volumes = useKernelQuery(mine ? { op: 'volume.list' } : null).data;
  const teams = useMemo(() => teamVolumes(volumes), [volumes]);

  const duplicate = () => {
    const copy = copyName(name, taken);
    openEditor({ mode: 'duplicate', from: name, name: copy, content: withName(content, copy) });
  };

  return (
    <>
      <div className={styles.actions}>
        {mine ? (
          <>
            <Button size="sm" aria-label={`Edit ${name}`} onClick={() => openEditor({ mode: 'edit', name, content })}>
              <Icon name="pencil" size={14} />
              Edit
            </Button>
            {teams.length > 0 && (
              <Button size="sm" title={`Share ${name}: copy it into a team volume`} onClick={() => setDialog('promote')}>
                <Icon name="promote" size={14} />
                Promote to team…
              </Button>
            )}
          </>
        ) : (
          <Button size="sm" aria-label={`Edit a copy of ${name}`} title="Make your own version in your volume; it will shadow this one" onClick={() => openEditor({ mode: 'copy', name, content })}>
            <Icon name="pencil" size={14} />
            Edit a copy
          </Button>
        )}
        <Button size="sm" onClick={duplicate} title="A new skill of your own that starts as a copy of this one">
          <SkillIcon name="copy" size={14} />
          Duplicate
        </Button>
        <MenuButton
          label="Export"
          icon={<SkillIcon name="export" size={14} />}
          title="Download this skill"
          items={[
            { id: 'folder', label: 'Skill folder (.zip)', hint: 'SKILL.md and its scripts, references and assets', onSelect: () => void exporter.run('folder') },
            { id: 'skill-md', label: 'SKILL.md only', hint: 'The one file, as saved', onSelect: () => void exporter.run('skill-md') },
            { id: 'agent-skills', label: 'Export for Agent Skills (.zip)', hint: 'Strict format for other tools; Weft fields go into metadata', onSelect: () => void exporter.run('agent-skills') },
          ]}
        />
        <div className={styles.spacer} />
        {mine && (
          <Button size="sm" variant="danger" icon="trash" aria-label={`Delete ${name}`} onClick={() => setDialog('delete')}>
            Delete
          </Button>
        )}
      </div>
      {exporter.error && (
        <div className={styles.exportError}>
          <FormError>
            <span>{exporter.error.message}</span>
          </FormError>
          {problemsOf(exporter.error.data).length > 0 && <ProblemList problems={problemsOf(exporter.error.data)} />}
          <Button size="sm" variant="ghost" onClick={exporter.clearError}>
            Dismiss
          </Button>
        </div>
      )}
      {dialog === 'promote' && <PromoteDialog name={name} teams={teams} onClose={() => setDialog(null)} />}
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
    </>
  );
}
