'use client';

import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button } from '@/components/ui/Button';
import { Chip } from '@/components/ui/Chip';
import { Icon } from '@/components/ui/Icon';
import { EVENT_TYPES } from './describeEvent';
import styles from './EventLog.module.css';
import { useEventLogView } from './useEventLogView';

/** Type chips, text filter, whether internal calls show, pause / resume, clear. */
export function EventToolbar({ shown, total }: { shown: number; total: number }) {
  const hidden = useEventLogView((s) => s.hidden);
  const toggle = useEventLogView((s) => s.toggle);
  const text = useEventLogView((s) => s.text);
  const setText = useEventLogView((s) => s.setText);
  const showInternal = useEventLogView((s) => s.showInternal);
  const setShowInternal = useEventLogView((s) => s.setShowInternal);
  const paused = useKernelStore((s) => s.paused);
  const fresh = useKernelStore((s) => (s.paused ? s.nextSeq - s.pausedAtSeq : 0));
  const setPaused = useKernelStore((s) => s.setPaused);
  const clear = useKernelStore((s) => s.clearEvents);

  return (
    <div className={styles.toolbar}>
      <label className={styles.internal} title="The calls the views make to stay fresh (lists, reads, checks) and the text a chat streams">
        <input type="checkbox" checked={showInternal} onChange={(e) => setShowInternal(e.target.checked)} />
        Show internal calls
      </label>
      <div className={styles.chips} role="group" aria-label="Show event types">
        {EVENT_TYPES.map((type) => (
          <Chip key={type} pressed={!hidden.has(type)} onToggle={() => toggle(type)} title={`Show ${type} events`}>
            {type}
          </Chip>
        ))}
      </div>
      <label className={styles.search}>
        <Icon name="search" size={14} />
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Filter events"
          aria-label="Filter events by text"
          spellCheck={false}
        />
      </label>
      <span className={styles.count} aria-live="off">
        {paused && fresh > 0 ? `${fresh} new while paused · ` : ''}
        {shown === total ? `${total} events` : `${shown} of ${total}`}
      </span>
      <Button
        size="sm"
        variant="ghost"
        icon={paused ? 'play' : 'pause'}
        aria-pressed={paused}
        onClick={() => setPaused(!paused)}
        title={paused ? 'Resume the live log' : 'Pause the log (events keep being recorded)'}
      >
        {paused ? 'Resume' : 'Pause'}
      </Button>
      <Button size="sm" variant="ghost" icon="trash" onClick={clear} title="Clear the log" disabled={total === 0}>
        Clear
      </Button>
    </div>
  );
}
