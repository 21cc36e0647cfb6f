'use client';

/**
 * The time axis above the timeline: round ticks for the part in view, following the rows'
 * horizontal scroll. It listens to the scroller itself, so scrolling sideways re-renders the
 * axis only, not the rows.
 */
import { type RefObject, useEffect, useState } from 'react';
import { formatTick, ticksBetween } from '../timeTicks';
import { NAME_WIDTH } from '../timelineZoom';
import styles from './Timeline.module.css';

export function TimelineAxis({ scrollRef, pxPerMs, step, totalMs, viewport }: { scrollRef: RefObject<HTMLDivElement | null>; pxPerMs: number; step: number; totalMs: number; viewport: number }) {
  const [scrollLeft, setScrollLeft] = useState(0);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => setScrollLeft(el.scrollLeft);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef]);

  const from = scrollLeft / pxPerMs;
  const to = Math.min(totalMs, (scrollLeft + viewport) / pxPerMs);
  const ticks = ticksBetween(Math.max(0, from - step), to, step);
  return (
    <div className={styles.axis} aria-hidden="true">
      <div className={styles.axisName}>Span</div>
      {ticks.map((t) => {
        const x = NAME_WIDTH + t * pxPerMs - scrollLeft;
        if (x < NAME_WIDTH - 1) return null;
        return (
          <span key={t} className={styles.tick} style={{ left: x }}>
            {formatTick(t, step)}
          </span>
        );
      })}
    </div>
  );
}
