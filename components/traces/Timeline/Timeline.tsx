'use client';

/**
 * The Gantt view of a trace: one row per span in causal order, bars on a shared time axis,
 * coloured by kind, the critical path marked. Rows are virtualised and their layout was
 * computed once (see timelineLayout.ts), so 10,000 spans scroll and zoom smoothly. Zoom with
 * Ctrl/⌘ + wheel (around the pointer) or the buttons; Fit shows the whole trace again. The
 * rows form a listbox: arrow keys, Page Up/Down, Home and End move the selection.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { niceStep } from '../timeTicks';
import { clampZoom, maxZoom, NAME_WIDTH, pxPerMs as scaleOf, RIGHT_PAD, zoomScroll } from '../timelineZoom';
import type { TraceModel } from '../traceModel';
import pane from '../pane.module.css';
import styles from './Timeline.module.css';
import { TimelineAxis } from './TimelineAxis';
import { ROW_HEIGHT, TimelineRow } from './TimelineRow';
import { TimelineToolbar } from './TimelineToolbar';
import { useElementWidth } from './useElementWidth';

const STEP = 1.5;

export function Timeline({ model, selected, tampered, onSelect }: { model: TraceModel; selected: number; tampered: ReadonlySet<string>; onSelect(spanIndex: number): void }) {
  const { layout, trace, onCritical } = model;
  const { rows } = layout;
  const scrollRef = useRef<HTMLDivElement>(null);
  const viewport = useElementWidth(scrollRef);
  const [zoom, setZoom] = useState(1);
  const px = scaleOf(viewport, layout.total, zoom);
  const max = maxZoom(viewport, layout.total);
  const step = niceStep(px);
  const contentWidth = NAME_WIDTH + layout.total * px + RIGHT_PAD;

  // TanStack Virtual keeps its own state and re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 16 });

  // A zoom sets where to scroll once the new width is laid out.
  const pendingScroll = useRef<number | null>(null);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && pendingScroll.current !== null) el.scrollLeft = pendingScroll.current;
    pendingScroll.current = null;
  }, [zoom]);

  const zoomAt = useCallback(
    (factor: number, anchorX?: number) => {
      const el = scrollRef.current;
      const next = clampZoom(zoom, factor, max);
      if (!el || next === zoom) return;
      const anchor = anchorX ?? NAME_WIDTH + (el.clientWidth - NAME_WIDTH) / 2;
      pendingScroll.current = zoomScroll(el.scrollLeft, anchor, px, scaleOf(viewport, layout.total, next));
      setZoom(next);
    },
    [zoom, max, px, viewport, layout.total],
  );
  const fit = useCallback(() => {
    pendingScroll.current = 0;
    setZoom(1);
  }, []);

  // Ctrl/⌘ + wheel zooms; the listener is not passive, so the page itself does not zoom.
  const latestZoomAt = useRef(zoomAt);
  useEffect(() => {
    latestZoomAt.current = zoomAt;
  });
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      latestZoomAt.current(Math.exp(-event.deltaY * 0.002), event.clientX - el.getBoundingClientRect().left);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // Bring a newly selected span into view (chosen here, in the graph, the inspector or a problem list).
  const shownSelection = useRef(-1);
  useEffect(() => {
    const el = scrollRef.current;
    if (selected < 0) shownSelection.current = -1;
    if (selected < 0 || selected === shownSelection.current || !el) return;
    shownSelection.current = selected;
    const row = layout.rowOf[selected]!;
    virtualizer.scrollToIndex(row, { align: 'auto' });
    const x = rows[row]!.offset * px;
    const visible = el.clientWidth - NAME_WIDTH - RIGHT_PAD;
    if (x < el.scrollLeft || x > el.scrollLeft + visible) el.scrollLeft = Math.max(0, x - 40);
  }, [selected, layout, rows, px, virtualizer]);

  const selectedRow = selected >= 0 ? layout.rowOf[selected]! : -1;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const from = selectedRow;
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: rows.length - 1 }[event.key];
    if (to === undefined || rows.length === 0) return;
    event.preventDefault();
    const row = rows[Math.min(rows.length - 1, Math.max(0, to))]!;
    onSelect(row.span);
  };

  const items = virtualizer.getVirtualItems();
  const stepPx = step * px;
  return (
    <div className={pane.pane} data-timeline="">
      <TimelineToolbar model={model} zoom={zoom} maxZoom={max} onZoomIn={() => zoomAt(STEP)} onZoomOut={() => zoomAt(1 / STEP)} onFit={fit} />
      <TimelineAxis scrollRef={scrollRef} pxPerMs={px} step={step} totalMs={layout.total} viewport={viewport} />
      <div
        ref={scrollRef}
        className={styles.scroll}
        data-timeline-scroll=""
        role="listbox"
        aria-label={`Spans by start time, ${rows.length} in all`}
        aria-activedescendant={selectedRow >= 0 ? rowId(selectedRow) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div
          className={styles.rows}
          style={{
            height: virtualizer.getTotalSize(),
            width: contentWidth,
            // Grid lines at every tick, drawn by the background instead of one element per line.
            backgroundSize: `${stepPx}px 100%`,
            backgroundPosition: `${NAME_WIDTH}px 0`,
          }}
        >
          {viewport > 0 &&
            items.map((item) => {
              const row = rows[item.index]!;
              const span = trace.spans[row.span]!;
              return (
                <TimelineRow
                  key={item.index}
                  id={rowId(item.index)}
                  span={span}
                  row={row}
                  y={item.start}
                  pxPerMs={px}
                  critical={onCritical[row.span] === 1}
                  tampered={tampered.has(span.id)}
                  selected={row.span === selected}
                  onSelect={onSelect}
                />
              );
            })}
        </div>
      </div>
    </div>
  );
}

function rowId(row: number): string {
  return `trace-timeline-row-${row}`;
}
