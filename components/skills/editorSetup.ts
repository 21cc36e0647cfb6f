/**
 * The SKILL.md editor's CodeMirror setup: Markdown with YAML front matter, the fenced code
 * highlighted in its own language, Weft's token colours, diagnostics in the gutter, and a
 * theme drawn from the app's CSS variables so it follows light and dark without a reload.
 */
import { syntaxHighlighting } from '@codemirror/language';
import { lintGutter } from '@codemirror/lint';
import { EditorView, type Extension, keymap, Prec } from '@uiw/react-codemirror';
import { markdownSupport } from '@/components/ui/codeLanguages';
import { syntaxHighlighter } from '@/components/ui/syntax';

const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--text)', backgroundColor: 'var(--bg-panel)', fontSize: 'var(--text-sm)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.6' },
  '.cm-content': { padding: '8px 0', caretColor: 'var(--accent)' },
  '.cm-line': { padding: '0 12px 0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 22%, transparent)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--bg-hover)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-sunken)', color: 'var(--text-faint)', border: 'none', borderRight: '1px solid var(--border-subtle)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)', color: 'var(--text-muted)' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 6px 0 10px', minWidth: '32px' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--accent-soft)', outline: '1px solid color-mix(in srgb, var(--accent) 40%, transparent)' },
  '.cm-searchMatch': { backgroundColor: 'var(--warn-soft)', outline: '1px solid color-mix(in srgb, var(--warn) 45%, transparent)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--accent-soft)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warn)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--danger)' },
  '.cm-gutter-lint': { width: '18px' },
  '.cm-gutter-lint .cm-gutterElement': { padding: '0 2px' },
  '.cm-tooltip': { border: '1px solid var(--border)', borderRadius: 'var(--radius)', backgroundColor: 'var(--bg-raised)', color: 'var(--text)', boxShadow: 'var(--shadow-pop)' },
  '.cm-tooltip-lint': { padding: '2px 0' },
  '.cm-diagnostic': { padding: '4px 10px', fontFamily: 'var(--font-ui)', fontSize: 'var(--text-sm)', lineHeight: '1.45' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--warn)' },
  '.cm-diagnosticSource': { fontFamily: 'var(--font-mono)', color: 'var(--text-faint)', opacity: '1' },
  '.cm-panels': { backgroundColor: 'var(--bg-sunken)', color: 'var(--text)', borderColor: 'var(--border)' },
  '.cm-panel input, .cm-panel button': { fontSize: 'var(--text-sm)' },
});

/**
 * Everything but the basic setup: language, highlighting, lint gutter, theme and accessible
 * name. Mod-Enter is claimed (so it inserts no line) and left to bubble: the form saves on it.
 */
export function skillEditorExtensions(label: string): Extension[] {
  return [
    markdownSupport(),
    syntaxHighlighting(syntaxHighlighter),
    lintGutter(),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
    Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => true }])),
    theme,
  ];
}
