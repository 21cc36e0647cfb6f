import styles from './ProcessList.module.css';
import type { TokenUse } from './tokenUse';

/**
 * A thin bar of the share of its token budget a process has used: warn colour past 80 %,
 * danger once spent. Nothing without a limit. Decorative: the numbers beside it say the same.
 */
export function TokenMeter({ use }: { use: TokenUse }) {
  if (use.percent === null) return null;
  return (
    <span className={styles.meter} data-level={use.level} aria-hidden>
      <span className={styles.meterFill} style={{ width: `${use.percent}%` }} />
    </span>
  );
}
