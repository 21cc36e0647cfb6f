'use client';

/**
 * Any JSON value as a collapsible tree: branches open to `expandDepth` levels, show their counts
 * when closed, and list children a page at a time; long strings are cut with a button to show
 * them whole; typed arrays read `Float32Array(1024) [0.1, 0.2, …]`. Every toggle is a button.
 */
import { type ReactNode, useState } from 'react';
import { cx } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { formatInteger } from '../shared/formatValue';
import styles from './JsonTree.module.css';
import { branchSummary, childCount, childEntries, isBranch, keyText, leafText, LONG_BRANCH, nodeKind, PAGE, STRING_PREVIEW } from './jsonNodes';

export interface JsonTreeProps {
  value: unknown;
  /** Levels open at first: 2 opens the root and its children. */
  expandDepth?: number;
  /** Accessible name of the tree. */
  label?: string;
  className?: string;
}

export function JsonTree({ value, expandDepth = 2, label = 'JSON value', className }: JsonTreeProps) {
  return (
    <div className={cx(styles.tree, className)} role="group" aria-label={label}>
      <JsonNode value={value} depth={0} expandDepth={expandDepth} ancestors={[]} />
    </div>
  );
}

interface NodeProps {
  name?: string | number;
  value: unknown;
  depth: number;
  expandDepth: number;
  /** Branches above this one, to show a cycle instead of recursing forever. */
  ancestors: readonly object[];
}

function JsonNode({ name, value, depth, expandDepth, ancestors }: NodeProps) {
  const key =
    name === undefined ? null : (
      <>
        <span className={styles.key}>{keyText(name)}</span>
        <span className={styles.colon}>:</span>
      </>
    );
  if (isBranch(value)) {
    if (ancestors.includes(value)) {
      return (
        <div className={styles.row}>
          <span className={styles.spacer} />
          {key}
          <span className={styles.faint}>[circular]</span>
        </div>
      );
    }
    return <Branch name={name} value={value} depth={depth} expandDepth={expandDepth} ancestors={ancestors} keyNode={key} />;
  }
  return (
    <div className={styles.row}>
      <span className={styles.spacer} />
      {key}
      <Leaf value={value} />
    </div>
  );
}

function Branch({ value, depth, expandDepth, ancestors, keyNode }: NodeProps & { value: object; keyNode: ReactNode }) {
  // Long lists start closed below the root, whatever the depth: their count says enough.
  const [open, setOpen] = useState(depth < expandDepth && (depth === 0 || childCount(value) <= LONG_BRANCH));
  const [shown, setShown] = useState(PAGE);
  const count = childCount(value);
  const array = Array.isArray(value);
  const inner = [...ancestors, value];
  return (
    <div>
      <div className={styles.row}>
        <button type="button" className={styles.toggle} aria-expanded={open} onClick={() => setOpen((o) => !o)} disabled={count === 0}>
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} className={styles.chevron} />
          {keyNode}
          {open ? <span className={styles.punct}>{array ? '[' : '{'}</span> : <span className={styles.summary}>{branchSummary(value)}</span>}
        </button>
      </div>
      {open && count > 0 && (
        <div className={styles.children}>
          {childEntries(value, 0, shown).map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} depth={depth + 1} expandDepth={expandDepth} ancestors={inner} />
          ))}
          {count > shown && (
            <div className={styles.row}>
              <span className={styles.spacer} />
              <button type="button" className={styles.more} onClick={() => setShown((s) => s + PAGE)}>
                Show {Math.min(PAGE, count - shown)} more ({formatInteger(count - shown)} not shown)
              </button>
            </div>
          )}
        </div>
      )}
      {open && count > 0 && (
        <div className={styles.row}>
          <span className={styles.spacer} />
          <span className={styles.punct}>{array ? ']' : '}'}</span>
        </div>
      )}
    </div>
  );
}

function Leaf({ value }: { value: unknown }) {
  const [whole, setWhole] = useState(false);
  const kind = nodeKind(value);
  const long = kind === 'string' && (value as string).length > STRING_PREVIEW;
  const text = leafText(value, whole ? Infinity : STRING_PREVIEW);
  return (
    <>
      <span className={cx(styles.value, styles[kind], whole && styles.whole)} title={kind === 'typed' || long ? undefined : text}>
        {text}
      </span>
      {long && (
        <button type="button" className={styles.more} onClick={() => setWhole((w) => !w)}>
          {whole ? 'Show less' : `Show all ${formatInteger((value as string).length)} characters`}
        </button>
      )}
    </>
  );
}
