'use client';

/**
 * CodeMirror for a SKILL.md: Markdown with front matter and highlighted code, the skill's
 * problems as diagnostics on their lines, and a handle to move the cursor to a line (from the
 * problem list). Tab moves focus on, as in any form field; Ctrl+] and Ctrl+[ indent.
 */
import { setDiagnostics } from '@codemirror/lint';
import CodeMirror, { EditorSelection, type EditorView } from '@uiw/react-codemirror';
import { type Ref, useEffect, useImperativeHandle, useMemo, useState } from 'react';
import { cx } from '@/components/ui/Button';
import syntax from '@/components/ui/syntax.module.css';
import type { SkillProblem } from '@/lib/skills';
import { skillEditorExtensions } from './editorSetup';
import { problemDiagnostics } from './problemDiagnostics';
import styles from './SkillEditor.module.css';

export interface MarkdownEditorHandle {
  /** Puts the cursor at the start of a 1-based line, scrolls to it and focuses the editor. */
  jumpTo(line: number): void;
}

const BASIC_SETUP = { foldGutter: false, autocompletion: false, closeBrackets: false, completionKeymap: false, highlightActiveLineGutter: true } as const;

export function MarkdownEditor({ value, onChange, onSave, problems, label, autoFocus, handle, readOnly = false }: {
  value: string;
  onChange(value: string): void;
  onSave(): void;
  problems: readonly SkillProblem[];
  /** The accessible name of the text area. */
  label: string;
  /** While a save is in flight: nothing typed then could be saved, so nothing can be typed. */
  readOnly?: boolean;
  autoFocus?: boolean;
  handle?: Ref<MarkdownEditorHandle>;
}) {
  const [view, setView] = useState<EditorView | null>(null);
  const extensions = useMemo(() => skillEditorExtensions(label), [label]);

  useEffect(() => {
    if (view) view.dispatch(setDiagnostics(view.state, problemDiagnostics(view.state.doc, problems)));
  }, [view, problems]);

  useImperativeHandle(
    handle,
    () => ({
      jumpTo(line) {
        if (!view) return;
        const at = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines)).from;
        view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
        view.focus();
      },
    }),
    [view],
  );

  return (
    <div
      className={cx(styles.editorFrame, syntax.syntax)}
      data-testid="skill-editor"
      data-invalid={problems.some((p) => p.severity === 'error') || undefined}
      onKeyDown={(e) => {
        // The editor's keymap claims Mod-Enter (no blank line is inserted); the key bubbles here.
        if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) onSave();
      }}
    >
      <CodeMirror
        value={value}
        onChange={onChange}
        onCreateEditor={setView}
        extensions={extensions}
        readOnly={readOnly}
        basicSetup={BASIC_SETUP}
        indentWithTab={false}
        theme="none"
        autoFocus={autoFocus}
        height="100%"
        className={styles.codemirror}
      />
    </div>
  );
}
