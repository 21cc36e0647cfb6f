/**
 * The text being edited — name, SKILL.md and (for a new skill) its template — kept as a
 * draft in the session as it changes, and restored when the same editor opens again (for an
 * edit, only while the saved skill is still the version the draft started from).
 */
import { useState } from 'react';
import { skillTemplate } from '@/lib/skills';
import { frontmatterName, withName } from './skillText';
import { PLACEHOLDER_NAME } from './templates';
import { draftKey, type EditorState, type SkillDraft, type TemplateKind, useSkillUi } from './useSkillUi';

export interface Draft {
  readonly name: string;
  readonly content: string;
  readonly template: TemplateKind;
  /** True when the editor opened on an unsaved draft rather than on the saved text. */
  readonly restored: boolean;
  /** The text is still the untouched template: picking another one replaces it without asking. */
  readonly untouched: boolean;
  rename(name: string): void;
  edit(content: string): void;
  applyTemplate(template: TemplateKind): void;
  /** Back to the saved text (or the template), dropping the draft. */
  discard(): void;
  /** Forgets the draft (after a save). */
  forget(): void;
}

export function useSkillDraft(editor: EditorState): Draft {
  const key = draftKey(editor);
  const setDraft = useSkillUi((s) => s.setDraft);
  const [start] = useState(() => startOf(editor));
  const [state, setState] = useState<SkillDraft & { restored: boolean }>(() => {
    const saved = useSkillUi.getState().drafts[key];
    return saved && saved.base === start.base ? { ...saved, restored: true } : { ...start, restored: false };
  });

  const update = (next: Omit<SkillDraft, 'base'>) => {
    setState({ ...next, base: start.base, restored: state.restored });
    const same = next.name === start.name && next.content === start.content;
    setDraft(key, same ? null : { ...next, ...(start.base !== undefined && { base: start.base }) });
  };

  const untouched = state.content === skillTemplate(state.template, state.name || PLACEHOLDER_NAME);
  return {
    name: state.name,
    content: state.content,
    template: state.template,
    restored: state.restored,
    untouched,
    rename(name) {
      const before = state.name || PLACEHOLDER_NAME;
      const after = name || PLACEHOLDER_NAME;
      // Keep the front matter's name in step with the field while they agree.
      const content = untouched ? skillTemplate(state.template, after) : frontmatterName(state.content) === before ? withName(state.content, after) : state.content;
      update({ name, content, template: state.template });
    },
    edit: (content) => update({ name: state.name, content, template: state.template }),
    applyTemplate: (template) => update({ name: state.name, content: skillTemplate(template, state.name || PLACEHOLDER_NAME), template }),
    discard() {
      setState({ ...start, restored: false });
      setDraft(key, null);
    },
    forget: () => setDraft(key, null),
  };
}

function startOf(editor: EditorState): SkillDraft {
  if (editor.mode === 'new') return { name: '', content: skillTemplate('context', PLACEHOLDER_NAME), template: 'context' };
  return { name: editor.name, content: editor.content, template: 'context', base: editor.content };
}
