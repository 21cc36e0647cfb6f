/** One command's output: what was typed, then its blocks (text, a monospace table, a list, Markdown). */
import { Fragment } from 'react';
import { cx } from '@/components/ui/Button';
import { Markdown } from '@/components/ui/Markdown';
import type { CommandOutput, OutputBlock } from './commandOutput';
import styles from './Commands.module.css';

export function CommandOutputView({ output }: { output: CommandOutput }) {
  return (
    <div className={styles.output} data-command={output.command} data-status={output.status}>
      <div className={styles.head}>
        <code className={styles.input} title={output.input}>
          {output.input}
        </code>
        {output.status === 'running' && <span className={styles.running}>running…</span>}
      </div>
      {output.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </div>
  );
}

function Block({ block }: { block: OutputBlock }) {
  switch (block.kind) {
    case 'text':
      return <p className={cx(styles.text, block.tone && styles[block.tone])}>{block.text}</p>;
    case 'table':
      return (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                {block.head.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, i) => (
                <Fragment key={i}>
                  <tr>
                    {row.cells.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                  {row.note && (
                    <tr className={styles.note}>
                      <td />
                      <td colSpan={block.head.length - 1}>↳ {row.note}</td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'list':
      return (
        <dl className={styles.list}>
          {block.items.map((item) => (
            <Fragment key={item.term}>
              <dt>{item.term}</dt>
              <dd>{item.text}</dd>
            </Fragment>
          ))}
        </dl>
      );
    case 'bullets':
      return (
        <ul className={styles.bullets}>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'markdown':
      return <Markdown className={styles.markdown}>{block.text}</Markdown>;
  }
}
