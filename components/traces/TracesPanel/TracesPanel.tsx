'use client';

/**
 * The Traces tab: every trace in the user volume, newest first, filtered by the kernel
 * (`trace.list`) and virtualised, so thousands scroll smoothly; more are asked for as the end
 * comes into view. It refetches when a volume changes (a run or a chat committed a trace).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import type { TraceEntry } from '@/lib/kernel/protocol';
import { formatCount } from '../traceFormat';
import { isFiltered, toListArgs } from '../traceFilters';
import { useTraceStore } from '../useTraceStore';
import { TraceColumns, TraceRow } from './TraceRow';
import { TraceFilterBar } from './TraceFilterBar';
import styles from './TracesPanel.module.css';

const PAGE = 200;
const ROW_HEIGHT = 30;
/** The sticky column heads above the rows, inside the scroller (so they scroll sideways with the rows). */
const HEAD_HEIGHT = 26;

type ListResult = { readonly entries: TraceEntry[]; readonly total: number };

export function TracesPanel() {
  const filters = useTraceStore((s) => s.filters);
  const filtersAt = useTraceStore((s) => s.filtersAt);
  const openPath = useTraceStore((s) => s.openPath);
  const open = useTraceStore((s) => s.open);
  const [now] = useState(() => Date.now());

  // The page grows as the end scrolls into view, and starts over when the filters change.
  const [page, setPage] = useState({ filters, limit: PAGE });
  const limit = page.filters === filters ? page.limit : PAGE;
  const args = useMemo(() => toListArgs(filters, filtersAt, limit), [filters, filtersAt, limit]);
  const list = useKernelQuery({ op: 'trace.list', ...args });

  // A new page or filter is a new question: keep the last answer on screen until it comes.
  const [kept, setKept] = useState<ListResult | undefined>(undefined);
  if (list.data !== undefined && list.data !== kept) setKept(list.data);
  const data = list.data ?? kept;
  const entries = useMemo(() => data?.entries ?? [], [data]);
  const total = data?.total ?? 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual keeps its own state and re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: HEAD_HEIGHT });
  const items = virtualizer.getVirtualItems();

  const onScroll = () => {
    const shown = virtualizer.getVirtualItems();
    const last = shown[shown.length - 1]?.index ?? -1;
    if (list.loading || entries.length >= total || entries.length < limit || last < entries.length - 20) return;
    setPage({ filters, limit: limit + PAGE });
  };

  const skills = useMemo(() => [...new Set(entries.flatMap((e) => e.skills))].sort(), [entries]);
  const count = data === undefined ? '' : isFiltered(filters) ? `${formatCount(total)} ${total === 1 ? 'match' : 'matches'}` : `${formatCount(total)} ${total === 1 ? 'trace' : 'traces'}`;

  return (
    <div className={styles.root}>
      <TraceFilterBar count={count} skills={skills} />
      {list.error && (
        <div className={styles.error} role="alert">
          <Icon name="alert" size={14} />
          <span>The traces could not be listed: {list.error.message}</span>
          <Button size="sm" variant="ghost" icon="refresh" onClick={list.reload}>
            Retry
          </Button>
        </div>
      )}
      <div ref={scrollRef} className={styles.scroll} onScroll={onScroll} aria-busy={list.loading || undefined}>
        <TraceColumns />
        {data === undefined ? (
          !list.error && <p className={styles.note}>Loading traces…</p>
        ) : entries.length === 0 ? (
          <div className={styles.empty}>
            <Icon name="pulse" size={16} />
            <p>{isFiltered(filters) ? 'No traces match these filters. Change or clear them to see more.' : 'No traces yet. Run a workflow or chat, and its trace appears here.'}</p>
          </div>
        ) : null}
        <div role="list" aria-label="Traces" className={styles.list} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = entries[item.index]!;
            return <TraceRow key={entry.path} entry={entry} now={now} current={entry.path === openPath} onOpen={(e) => open(e.path, e)} style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)`, height: ROW_HEIGHT }} />;
          })}
        </div>
      </div>
    </div>
  );
}
