'use client';

import { IconButton } from '@/components/ui/Button';
import styles from './Canvas.module.css';
import { clearNotice, useCanvasNotice } from './useCanvasNotice';

/** The latest canvas message (saved, import failed…), dismissable; errors are announced. */
export function CanvasNotice() {
  const notice = useCanvasNotice((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={styles.notice} data-tone={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <div className={styles.noticeText}>
        <p>{notice.text}</p>
        {notice.details && notice.details.length > 0 && (
          <ul>
            {notice.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </div>
      <IconButton icon="x" size="sm" label="Dismiss" onClick={clearNotice} />
    </div>
  );
}
