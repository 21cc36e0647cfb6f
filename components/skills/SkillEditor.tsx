'use client';

/**
 * Writes a skill into the user's volume (`skill.write`): a name and its SKILL.md. The kernel
 * checks both; its message appears under the field it is about and the text stays as typed.
 * Enter in the name field or Ctrl/⌘+Enter anywhere saves; Escape closes (a new skill's draft is kept).
 */
import { useState } from 'react';
import { useIsApple } from '@/components/shell/useHydrated';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/volumes/Dialog';
import { Field, FormError } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import type { WeftError } from '@/lib/core';
import { skillTemplate } from './skillTemplate';
import { type EditorState, useSkillUi } from './useSkillUi';

export function SkillEditor({ editor }: { editor: EditorState }) {
  const close = useSkillUi((s) => s.closeEditor);
  const select = useSkillUi((s) => s.select);
  const draft = useSkillUi((s) => s.draft);
  const setDraft = useSkillUi((s) => s.setDraft);
  const start = editor.mode === 'new' ? (draft ?? { name: '', content: skillTemplate('') }) : { name: editor.name, content: editor.content };
  const [name, setName] = useState(start.name);
  const [content, setContent] = useState(start.content);
  const { run, pending, error } = useKernelAction();
  const mod = useIsApple() ? '⌘' : 'Ctrl';
  const where = fieldOf(error);

  const rename = (next: string) => {
    // Keep the front matter in step with the name while the text is still the template.
    if (content === skillTemplate(name)) setContent(skillTemplate(next));
    setName(next);
    if (editor.mode === 'new') setDraft({ name: next, content: content === skillTemplate(name) ? skillTemplate(next) : content });
  };
  const edit = (next: string) => {
    setContent(next);
    if (editor.mode === 'new') setDraft({ name, content: next });
  };
  const save = async () => {
    const written = await run({ op: 'skill.write', name: name.trim(), content });
    if (!written) return;
    if (editor.mode === 'new') setDraft(null);
    select(name.trim());
    close();
  };

  const title = editor.mode === 'new' ? 'New skill' : editor.mode === 'edit' ? `Edit ${editor.name}` : `Your own ${editor.name}`;
  const description =
    editor.mode === 'copy'
      ? 'Saved in your volume, this copy shadows the team or built-in one: yours is used from then on.'
      : 'Saved in your volume as skills/<name>/SKILL.md, one commit per save.';

  return (
    <Dialog
      wide
      title={title}
      description={description}
      onClose={close}
      onSubmit={() => void save()}
      footer={
        <>
          <span className={forms.footerNote}>
            <kbd>{mod}</kbd> <kbd>Enter</kbd> to save · <kbd>Esc</kbd> to close
          </span>
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Saving…' : editor.mode === 'new' ? 'Create skill' : 'Save'}
          </Button>
        </>
      }
    >
      <div
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void save();
          }
        }}
        style={{ display: 'contents' }}
      >
        <Field label="Name" error={where === 'name' ? error?.message : null} hint="Lowercase letters, digits and single hyphens, like csv-stats.">
          <input
            className={`${forms.input} ${forms.code}`}
            value={name}
            onChange={(e) => rename(e.target.value)}
            placeholder="csv-stats"
            spellCheck={false}
            autoComplete="off"
            disabled={editor.mode !== 'new'}
            autoFocus={editor.mode === 'new'}
          />
        </Field>
        <Field label="SKILL.md" error={where === 'content' ? error?.message : null} hint="Markdown. The front matter’s description tells the model when to use the skill.">
          <textarea
            className={`${forms.textarea} ${forms.code}`}
            value={content}
            onChange={(e) => edit(e.target.value)}
            rows={16}
            spellCheck={false}
            autoFocus={editor.mode !== 'new'}
          />
        </Field>
        {error && where === null && <FormError>{error.message}</FormError>}
      </div>
    </Dialog>
  );
}

/** The field a kernel error is about: the name, the content, or neither. */
function fieldOf(error: WeftError | null): 'name' | 'content' | null {
  if (!error) return null;
  if (error.code === 'SKILL_NAME_INVALID' || error.data.field === 'name') return 'name';
  if (error.data.field === 'content') return 'content';
  return null;
}
