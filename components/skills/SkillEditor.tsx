'use client';

/**
 * Writes a skill into the user's volume (`skill.write`): a name and its SKILL.md, edited in
 * CodeMirror and checked as you type. Problems show on their lines and in a list; Save waits
 * until there are none, and "Save anyway" (confirmed) is the explicit way to keep a broken one.
 * Ctrl/⌘+Enter saves; Escape closes, keeping the draft.
 */
import { useRef, useState } from 'react';
import { useIsApple } from '@/components/shell/useHydrated';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/volumes/ConfirmDialog';
import { Dialog } from '@/components/volumes/Dialog';
import { Field, FormError } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { nameProblem } from '@/lib/skills';
import { problemsOf } from './checkSkill';
import { editorHeading } from './editorHeading';
import { EditorStatus } from './EditorStatus';
import { MarkdownEditor, type MarkdownEditorHandle } from './MarkdownEditor';
import { plural, ProblemList } from './ProblemList';
import { SaveAnywayDialog } from './SaveAnywayDialog';
import styles from './SkillEditor.module.css';
import { TEMPLATES } from './templates';
import { useSkillCheck } from './useSkillCheck';
import { useSkillDraft } from './useSkillDraft';
import { type EditorState, type TemplateKind, useSkillUi } from './useSkillUi';

type Confirm = { readonly kind: 'save' } | { readonly kind: 'template'; readonly template: TemplateKind };

export function SkillEditor({ editor }: { editor: EditorState }) {
  const close = useSkillUi((s) => s.closeEditor);
  const select = useSkillUi((s) => s.select);
  const draft = useSkillDraft(editor);
  const named = editor.mode === 'new' || editor.mode === 'duplicate';
  const name = draft.name.trim();
  const check = useSkillCheck(draft.content, name || null);
  const { run, pending, error, clearError } = useKernelAction();
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [savedContent, setSavedContent] = useState<string | null>(null);
  const editorRef = useRef<MarkdownEditorHandle>(null);
  const saving = useRef(false);
  const mod = useIsApple() ? '⌘' : 'Ctrl';

  const nameError = !named || name === '' ? null : nameProblem(name);
  const kernelName = error && (error.code === 'SKILL_NAME_INVALID' || error.data.field === 'name') ? error.message : null;
  // The kernel's own list, while the text is still what it refused.
  const kernelProblems = error?.code === 'SKILL_PARSE' && savedContent === draft.content ? problemsOf(error.data) : null;
  const problems = kernelProblems ?? check.problems;
  const errors = kernelProblems ? kernelProblems.filter((p) => p.severity === 'error').length : check.errors;

  const save = async (allowInvalid = false) => {
    if (saving.current || name === '' || nameError) return;
    if (check.now().errors > 0 && !allowInvalid) return;
    setSavedContent(draft.content);
    saving.current = true;
    const written = await run({ op: 'skill.write', name, content: draft.content, ...(allowInvalid && { allowInvalid: true }), ...(named && { create: true }) });
    saving.current = false;
    if (!written) return;
    draft.forget();
    select(name);
    close();
  };

  // The problems shown may be a moment behind the text: if it is valid by now, this is a plain save.
  const saveAnyway = () => {
    if (check.now().errors === 0 && !kernelProblems) void save();
    else setConfirm({ kind: 'save' });
  };

  const pickTemplate = (template: TemplateKind) => {
    if (draft.untouched) draft.applyTemplate(template);
    else setConfirm({ kind: 'template', template });
  };

  const label = pending ? 'Saving…' : name === '' ? 'Name the skill first' : nameError ? 'Fix the name first' : errors > 0 ? `Fix ${plural(errors, 'problem')} first` : named ? 'Create skill' : 'Save';
  const { title, description } = editorHeading(editor);

  return (
    <>
      <Dialog
        wide
        title={title}
        description={description}
        onClose={close}
        onSubmit={() => void save()}
        footer={
          <>
            <span className={forms.footerNote}>
              <kbd>{mod}</kbd> <kbd>Enter</kbd> to save · <kbd>Esc</kbd> to close, keeping your draft
            </span>
            <Button onClick={close}>Cancel</Button>
            {errors > 0 && !nameError && name !== '' && (
              <Button onClick={saveAnyway} disabled={pending} title="Keep it as it is, problems and all">
                Save anyway
              </Button>
            )}
            <Button type="submit" variant="primary" disabled={pending || name === '' || nameError !== null || errors > 0}>
              {label}
            </Button>
          </>
        }
      >
        <div className={styles.body}>
          {draft.restored && (
            <p className={styles.restored} role="status">
              <span>{editor.mode === 'new' ? 'Continuing the skill you started.' : 'Your unsaved changes are back.'}</span>
              <button type="button" className={styles.linkButton} onClick={draft.discard}>
                {editor.mode === 'new' ? 'Start over' : 'Discard them'}
              </button>
            </p>
          )}
          <div className={named && editor.mode === 'new' ? styles.topRow : undefined}>
            <Field label="Name" error={kernelName ?? (nameError ? `Not a valid name: ${nameError}.` : null)} hint="Lowercase letters, digits and single hyphens, like csv-stats.">
              <input
                className={`${forms.input} ${forms.code}`}
                value={draft.name}
                readOnly={pending}
                onChange={(e) => {
                  if (kernelName) clearError();
                  draft.rename(e.target.value);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
                    e.preventDefault();
                    void save();
                  }
                }}
                placeholder="csv-stats"
                spellCheck={false}
                autoComplete="off"
                disabled={!named}
                autoFocus={named}
              />
            </Field>
            {editor.mode === 'new' && (
              <Field label="Template" hint="Replaces the text below with a working example.">
                <select className={forms.select} value={draft.template} onChange={(e) => pickTemplate(e.target.value as TemplateKind)}>
                  {TEMPLATES.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </div>
          <div className={styles.source}>
            <div className={forms.labelRow}>
              <span className={forms.label}>SKILL.md</span>
              <EditorStatus problems={problems} />
            </div>
            <MarkdownEditor
              handle={editorRef}
              value={draft.content}
              onChange={draft.edit}
              onSave={() => void save()}
              problems={problems}
              label="SKILL.md editor"
              autoFocus={!named}
              readOnly={pending}
            />
            {problems.length > 0 ? (
              <ProblemList problems={problems} onJump={(line) => editorRef.current?.jumpTo(line)} className={errors > 0 ? styles.problems : `${styles.problems} ${styles.warningsOnly}`} />
            ) : (
              <p className={forms.hint}>Front matter, then Markdown. The description tells the model when to use the skill; an executable skill keeps its code in one fenced block.</p>
            )}
          </div>
          {error && !kernelName && !kernelProblems && <FormError>{error.message}</FormError>}
        </div>
      </Dialog>
      {confirm?.kind === 'save' && (
        <SaveAnywayDialog
          name={name}
          errors={errors}
          editing={editor.mode === 'edit'}
          onClose={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void save(true);
          }}
        />
      )}
      {confirm?.kind === 'template' && (
        <ConfirmDialog
          title="Replace your text?"
          confirmLabel="Replace"
          pending={false}
          error={null}
          onClose={() => setConfirm(null)}
          onConfirm={() => {
            draft.applyTemplate(confirm.template);
            setConfirm(null);
          }}
        >
          <p>The {TEMPLATES.find((t) => t.id === confirm.template)?.label.split(' — ')[0]} template replaces what you have written in SKILL.md.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
