'use client';

import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import type { Workflow } from '@/lib/workflow';
import { EXAMPLE_WORKFLOWS } from '@/lib/workflow/examples';
import styles from './Canvas.module.css';

/** What an empty canvas says: how to start, and the examples to start from. */
export function CanvasEmpty({ onExample }: { onExample(workflow: Workflow): void }) {
  return (
    <div className={styles.empty}>
      <div className={styles.emptyCard}>
        <div className={styles.emptyIcon}>
          <Icon name="graph" size={20} />
        </div>
        <p className={styles.emptyTitle}>Drag a skill here, or open an example</p>
        <p className={styles.emptyBody}>
          Drag an executable skill from the skill library, or use Add skill. Wire an output to an input, then run with Ctrl+Enter.
        </p>
        <div className={styles.examples}>
          {EXAMPLE_WORKFLOWS.map((w) => (
            <Button key={w.id} size="sm" icon="graph" onClick={() => onExample(w)} title={w.description}>
              {w.name}
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}
