import { IconButton } from '@/components/ui/Button';
import type { Pid } from '@/lib/core';
import styles from './ProcessList.module.css';

export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 19;

/** Renice as a stepper: − runs the process sooner (lower nice value), + later. */
export function PriorityControl({
  pid,
  priority,
  locked,
  lockedWhy,
  onChange,
}: {
  pid: Pid;
  priority: number;
  /** Finished or kernel-owned: show the value only. */
  locked: boolean;
  lockedWhy?: string;
  onChange(pid: Pid, priority: number): void;
}) {
  if (locked) {
    return (
      <span className={styles.priorityLocked} title={lockedWhy}>
        {priority}
      </span>
    );
  }
  return (
    <div className={styles.priority} title="Priority 0 (highest) to 19 (lowest), like Unix nice values">
      <IconButton
        icon="minus"
        size="sm"
        label={`Raise priority of process ${pid} (lower value)`}
        title="Raise priority (lower value)"
        disabled={priority <= MIN_PRIORITY}
        onClick={() => onChange(pid, priority - 1)}
      />
      <span className={styles.priorityValue} aria-label={`Priority ${priority}`}>
        {priority}
      </span>
      <IconButton
        icon="plus"
        size="sm"
        label={`Lower priority of process ${pid} (higher value)`}
        title="Lower priority (higher value)"
        disabled={priority >= MAX_PRIORITY}
        onClick={() => onChange(pid, priority + 1)}
      />
    </div>
  );
}
