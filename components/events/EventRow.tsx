import { memo } from 'react';
import type { LoggedEvent } from '@/components/kernel/useKernelStore';
import { Badge } from '@/components/ui/Badge';
import { describeEvent, formatClock } from './describeEvent';
import styles from './EventLog.module.css';

export const EventRow = memo(function EventRow({ logged }: { logged: LoggedEvent }) {
  const line = describeEvent(logged);
  return (
    <div className={styles.row} data-event-type={line.type} data-muted={line.muted || undefined}>
      <time className={styles.time} dateTime={new Date(line.at).toISOString()}>
        {formatClock(line.at)}
      </time>
      <span className={styles.type}>
        <Badge tone={line.tone} mono>
          {line.type}
        </Badge>
      </span>
      <span className={styles.text} title={line.text}>
        {line.text}
      </span>
    </div>
  );
});
