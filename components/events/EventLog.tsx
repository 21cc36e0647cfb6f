'use client';

/**
 * The live kernel event log: newest at the bottom, following along unless you scroll up.
 * Renders at most `MAX_ROWS` rows of the (filtered) buffer, so it stays fast under a flood.
 */
import { useMemo, useRef } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { describeEvent } from './describeEvent';
import styles from './EventLog.module.css';
import { EventRow } from './EventRow';
import { EventToolbar } from './EventToolbar';
import { useEventLogView } from './useEventLogView';
import { useStickToBottom } from './useStickToBottom';

export const MAX_ROWS = 500;

export function EventLog() {
  const events = useKernelStore((s) => (s.paused ? s.frozen : s.events));
  const hidden = useEventLogView((s) => s.hidden);
  const text = useEventLogView((s) => s.text);
  const showInternal = useEventLogView((s) => s.showInternal);

  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    if (hidden.size === 0 && needle === '' && showInternal) return events;
    return events.filter((e) => {
      const line = describeEvent(e);
      return (showInternal || line.audience === 'person') && !hidden.has(line.type) && (needle === '' || line.haystack.includes(needle));
    });
  }, [events, hidden, text, showInternal]);
  const rows = filtered.length > MAX_ROWS ? filtered.slice(-MAX_ROWS) : filtered;

  const scrollRef = useRef<HTMLDivElement>(null);
  const { atBottom, onScroll, jump } = useStickToBottom(scrollRef, rows);

  return (
    <div className={styles.root}>
      <EventToolbar shown={filtered.length} total={events.length} />
      <div ref={scrollRef} className={styles.scroll} onScroll={onScroll} role="log" aria-live="off" aria-label="Kernel events">
        {rows.length === 0 ? (
          events.length === 0 ? (
            <EmptyState icon="pulse" title="No events yet" compact>
              Kernel events — syscalls, process changes and logs — appear here as they happen.
            </EmptyState>
          ) : !showInternal && hidden.size === 0 && text.trim() === '' ? (
            <EmptyState icon="pulse" title="Nothing has happened yet" compact>
              Runs, chats, commits and errors appear here. The views&apos; own calls to the kernel are hidden: turn on &ldquo;Show internal calls&rdquo; to see them.
            </EmptyState>
          ) : (
            <EmptyState title="No events match the filter" compact>
              Turn a type back on, change the text filter, or show internal calls.
            </EmptyState>
          )
        ) : (
          rows.map((e) => <EventRow key={e.seq} logged={e} />)
        )}
      </div>
      {!atBottom && rows.length > 0 && (
        <Button size="sm" icon="arrowDown" className={styles.jump} onClick={jump}>
          Latest
        </Button>
      )}
    </div>
  );
}
