'use client';

/**
 * The skill library: every skill visible to you, once, from the nearest volume (yours, then
 * teams, then built-in), with a name filter. Selecting one shows it in the inspector.
 */
import { useMemo, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { Icon } from '@/components/ui/Icon';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { SkillEditor } from './SkillEditor';
import { SkillRow } from './SkillRow';
import styles from './SkillLibrary.module.css';
import { useSkillUi } from './useSkillUi';

export function SkillLibrary() {
  const kernel = useKernelStore((s) => s.status.state);
  const skills = useKernelQuery({ op: 'skill.list' });
  const selected = useSkillUi((s) => s.selected);
  const select = useSkillUi((s) => s.select);
  const editor = useSkillUi((s) => s.editor);
  const [text, setText] = useState('');

  const all = useMemo(() => skills.data ?? [], [skills.data]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return needle ? all.filter((s) => s.name.includes(needle)) : all;
  }, [all, text]);
  const mine = all.filter((s) => s.volume.startsWith('users/')).length;

  return (
    <div className={styles.library}>
      <div className={styles.toolbar}>
        <label className={styles.search}>
          <Icon name="search" size={14} />
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Filter skills" aria-label="Filter skills by name" spellCheck={false} />
        </label>
      </div>
      <div className={styles.scroll}>
        {!skills.data ? (
          <EmptyState icon="skills" title={skills.error ? 'Skills could not be listed' : kernel === 'dead' ? 'The kernel is not running' : 'Loading skills…'} compact>
            {skills.error ? skills.error.message : 'Built-in, team and your own skills will be listed here.'}
          </EmptyState>
        ) : all.length === 0 ? (
          <EmptyState icon="skills" title="No skills yet" compact>
            Skills are instructions, written in Markdown, that the model and your workflows use. Write your first with{' '}
            <strong>New skill</strong>; team skills appear here once you add and sync a team volume.
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState title={`No skill matches “${text.trim()}”`} compact>
            Clear the filter, or create it with <strong>New skill</strong>.
          </EmptyState>
        ) : (
          <ul className={styles.list} aria-label="Skills">
            {shown.map((s) => (
              <SkillRow key={s.name} skill={s} selected={s.name === selected} onSelect={select} />
            ))}
          </ul>
        )}
      </div>
      {all.length > 0 && (
        <div className={styles.footer}>
          {shown.length === all.length ? `${all.length} ${all.length === 1 ? 'skill' : 'skills'}` : `${shown.length} of ${all.length}`}
          {mine > 0 && ` · ${mine} mine`}
        </div>
      )}
      {editor && <SkillEditor key={editor.mode === 'new' ? 'new' : editor.name} editor={editor} />}
    </div>
  );
}

/** "New skill", for the library's header: opens the editor on a template (or the unsaved draft). */
export function NewSkillButton() {
  const openEditor = useSkillUi((s) => s.openEditor);
  const hasDraft = useSkillUi((s) => s.draft !== null);
  return (
    <Button size="sm" variant="ghost" icon="plus" onClick={() => openEditor({ mode: 'new' })} title={hasDraft ? 'Continue the skill you started' : 'Write a new skill in your volume'}>
      New skill
    </Button>
  );
}
