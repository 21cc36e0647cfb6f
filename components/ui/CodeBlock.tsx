/**
 * Read-only code, highlighted with the editor's grammars but without an editor: the text is
 * parsed once and drawn as spans in a `<pre>`, so a skill's code reads the same as in the editor.
 */
import { highlightCode } from '@lezer/highlight';
import { type ReactNode, useMemo } from 'react';
import { cx } from './Button';
import styles from './CodeBlock.module.css';
import { languageFor } from './codeLanguages';
import { syntaxHighlighter } from './syntax';
import syntax from './syntax.module.css';

export function CodeBlock({ code, language, label, caption, wrap = false, className }: {
  code: string;
  /** A fence's info string or a runtime name; unknown ones are shown plain. */
  language?: string | null;
  /** Accessible name of the block (e.g. the file it shows). */
  label?: string;
  /** A small heading above the code (e.g. its language). */
  caption?: ReactNode;
  /** Wrap long lines (prose, front matter) instead of scrolling sideways. */
  wrap?: boolean;
  className?: string;
}) {
  const spans = useMemo(() => highlight(code.replace(/\n$/, ''), language), [code, language]);
  return (
    <figure className={cx(styles.block, className)}>
      {caption && <figcaption className={styles.caption}>{caption}</figcaption>}
      <pre className={cx(styles.pre, wrap && styles.wrap, syntax.syntax)} aria-label={label} tabIndex={0}>
        <code>{spans}</code>
      </pre>
    </figure>
  );
}

function highlight(code: string, info: string | null | undefined): ReactNode[] {
  const language = languageFor(info);
  if (!language) return [code];
  const out: ReactNode[] = [];
  highlightCode(
    code,
    language.parser.parse(code),
    syntaxHighlighter,
    (text, classes) => {
      out.push(classes ? <span key={out.length} className={classes}>{text}</span> : text);
    },
    () => out.push('\n'),
  );
  return out;
}
