'use client';

/**
 * A table output: a sticky header whose cells sort the rows (ascending, descending, off), rows
 * virtualised so 100,000 of them scroll smoothly, long cells cut short with the full text on
 * hover, and the row count underneath.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { cx } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { formatInteger, plural } from '../shared/formatValue';
import shared from '../shared/Preview.module.css';
import { PreviewError } from '../shared/PreviewError';
import styles from './Table.module.css';
import { cellText, columnWidths, isNumericColumn, nextSort, sortedOrder, type SortState, type TableData, toTable } from './tableData';

const ROW_HEIGHT = 26;
const INDEX_WIDTH = 56;

export interface TableProps {
  /** `{ columns, rows }` or a list of plain objects. */
  value: TableData | readonly Record<string, unknown>[] | unknown;
  /** Accessible name of the table. */
  label?: string;
  /** Tallest the table grows before it scrolls, in pixels. */
  maxHeight?: number;
  className?: string;
}

export function Table({ value, label = 'Table output', maxHeight = 360, className }: TableProps) {
  const data = useMemo(() => toTable(value), [value]);
  if (!data) {
    return <PreviewError title="This is not a table">A table is {'{ columns: [...], rows: [[...], ...] }'} or a list of objects with the same keys.</PreviewError>;
  }
  return <TableView data={data} label={label} maxHeight={maxHeight} className={className} />;
}

function TableView({ data, label, maxHeight, className }: { data: TableData; label: string; maxHeight: number; className?: string }) {
  const [sort, setSort] = useState<SortState | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const order = useMemo(() => sortedOrder(data.rows, sort), [data, sort]);
  const widths = useMemo(() => columnWidths(data), [data]);
  const numeric = useMemo(() => data.columns.map((_, c) => isNumericColumn(data.rows, c)), [data]);
  const totalWidth = INDEX_WIDTH + widths.reduce((a, b) => a + b, 0);

  // TanStack Virtual keeps its own state and re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const sortedBy = sort ? `sorted by ${data.columns[sort.column]} ${sort.direction === 'asc' ? 'ascending' : 'descending'}` : null;

  return (
    <div className={cx(shared.frame, styles.table, className)}>
      <div ref={scrollRef} className={styles.scroll} style={{ maxHeight }} tabIndex={0} role="region" aria-label={`${label}, ${plural(order.length, 'row')}`}>
        <table className={styles.grid} style={{ width: totalWidth }} aria-rowcount={order.length + 1} aria-colcount={data.columns.length + 1}>
          <colgroup>
            <col style={{ width: INDEX_WIDTH }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
            {/* Takes what is left when the columns are narrower than the frame. */}
            <col />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className={styles.index}>
                <span className="visually-hidden">Row</span>#
              </th>
              {data.columns.map((name, c) => {
                const direction = sort?.column === c ? sort.direction : null;
                return (
                  <th key={c} scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} className={cx(numeric[c] && styles.numeric)}>
                    <button type="button" className={styles.sortButton} onClick={() => setSort((s) => nextSort(s, c))} title={`Sort by ${name}`}>
                      <span className={styles.headText}>{name}</span>
                      <Icon name={direction === 'desc' ? 'chevronDown' : 'chevronUp'} size={12} className={cx(styles.sortIcon, direction && styles.sortActive)} />
                    </button>
                  </th>
                );
              })}
              <th aria-hidden="true" className={styles.filler} />
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {items.map((item) => {
              const r = order[item.index]!;
              const row = data.rows[r]!;
              return (
                <tr key={r} aria-rowindex={item.index + 2} className={styles.row}>
                  <td className={styles.index}>{formatInteger(r + 1)}</td>
                  {data.columns.map((_, c) => {
                    const text = cellText(row[c]);
                    return (
                      <td key={c} className={cx(numeric[c] && styles.numeric, (row[c] === null || row[c] === undefined) && styles.empty)} title={text.length > 8 ? text : undefined}>
                        {text}
                      </td>
                    );
                  })}
                  <td aria-hidden="true" className={styles.filler} />
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
        {order.length === 0 && <p className={styles.none}>No rows.</p>}
      </div>
      <div className={shared.meta}>
        <span>
          {plural(order.length, 'row')} × {plural(data.columns.length, 'column')}
        </span>
        {sortedBy && <span>{sortedBy}</span>}
      </div>
    </div>
  );
}
