'use client';

/** How full the open conversation's context window is: a thin bar and "34% of 8k". */
import { contextFill, type ChatMessage } from '@/lib/llm';
import styles from './ChatPanel.module.css';
import { ASSUMED_CONTEXT_LENGTH, contextMeterView } from './contextMeter';

export function ContextMeter({ messages, contextLength, summarised }: { messages: readonly ChatMessage[]; contextLength: number | undefined; summarised: boolean }) {
  const view = contextMeterView(contextFill(messages, contextLength ?? ASSUMED_CONTEXT_LENGTH), contextLength, summarised);
  return (
    <div className={styles.meter} data-context-meter={view.tone} title={view.title}>
      <div className={styles.meterTrack} role="meter" aria-label="Context used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={view.percent} aria-valuetext={view.label}>
        <div className={styles.meterFill} style={{ width: `${view.percent}%` }} />
      </div>
      <span className={styles.meterLabel}>
        {view.label}
        {summarised && <span className={styles.meterNote}> · earlier turns summarised</span>}
      </span>
    </div>
  );
}
