/**
 * A unified diff of one file: hunks of context, removed (−) and added (+) lines, with old and
 * new line numbers. Long lines wrap, so it reads in a narrow panel too.
 */
import { Fragment } from 'react';
import type { DiffHunk } from '@/lib/volumes';
import styles from './DiffView.module.css';

export function DiffView({ hunks, label }: { hunks: readonly DiffHunk[]; label: string }) {
  return (
    <div className={styles.diff} role="table" aria-label={label}>
      {hunks.map((hunk) => {
        let oldLine = hunk.oldStart;
        let newLine = hunk.newStart;
        return (
          <Fragment key={`${hunk.oldStart}:${hunk.newStart}`}>
            <div className={styles.hunk} role="row">
              <span role="cell">{`@@ −${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`}</span>
            </div>
            {hunk.lines.map((line, i) => {
              const sign = line[0];
              // jsdiff marks a missing final newline with a "\" line; it is not content.
              if (sign === '\\') return null;
              const kind = sign === '+' ? 'add' : sign === '-' ? 'del' : 'ctx';
              const a = kind === 'add' ? '' : oldLine++;
              const b = kind === 'del' ? '' : newLine++;
              return (
                <div key={i} className={styles.line} data-kind={kind} role="row">
                  <span className={styles.num} role="cell">
                    {a}
                  </span>
                  <span className={styles.num} role="cell">
                    {b}
                  </span>
                  <span className={styles.sign} role="cell" aria-label={kind === 'add' ? 'added' : kind === 'del' ? 'removed' : undefined}>
                    {kind === 'add' ? '+' : kind === 'del' ? '−' : ' '}
                  </span>
                  <span className={styles.text} role="cell">
                    {line.slice(1) || ' '}
                  </span>
                </div>
              );
            })}
          </Fragment>
        );
      })}
    </div>
  );
}
