import type { Denial } from '@/lib/kernel/protocol';
import styles from './RefusedCalls.module.css';

/** The syscalls the capability policy refused a process, newest first: "why was this refused?". */
export function RefusedCalls({ denials }: { denials: readonly Denial[] }) {
  if (denials.length === 0) return <p className={styles.empty}>No calls refused.</p>;
  // The kernel keeps them oldest first; the latest refusal is the one being asked about.
  const newestFirst = [...denials].reverse();
  return (
    <ol className={styles.list}>
      {newestFirst.map((d, i) => (
        <li key={`${d.at}-${i}`} className={styles.item}>
          <div className={styles.line}>
            <code className={styles.op}>{d.op}</code>
            <time className={styles.time} dateTime={new Date(d.at).toISOString()} title={new Date(d.at).toLocaleString()}>
              {new Date(d.at).toLocaleTimeString()}
            </time>
          </div>
          <p className={styles.reason}>{d.reason}</p>
        </li>
      ))}
    </ol>
  );
}
