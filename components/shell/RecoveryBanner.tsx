'use client';

/**
 * After a crash (the tab closed or crashed, the kernel died while a trace was being saved), the
 * next start says what became of that trace (complete or absent), which JavaScript runs were going
 * on (a runaway allocation there takes the whole tab down), and whether every volume passed its check.
 * Nothing is shown after a clean exit.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import type { RecoveryReport } from '@/lib/volumes';
import styles from './RecoveryBanner.module.css';

export function RecoveryBanner() {
  const [dismissed, setDismissed] = useState(false);
  const query = useKernelQuery({ op: 'kernel.recovery' });
  const report = query.data;
  if (!report || dismissed) return null;
  const broken = report.volumes.filter((v) => !v.ok);
  return (
    <div role="status" className={styles.banner} data-tone={broken.length > 0 ? 'danger' : 'warn'} aria-label="After the crash">
      <Icon name={broken.length > 0 ? 'alert' : 'history'} className={styles.icon} />
      <div className={styles.text}>
        {report.traces.map((t) => (
          <p key={`${t.owner}-${t.path}`} data-trace-state={t.state}>
            <strong>Weft stopped while saving a trace</strong> ({t.message}).{' '}
            {t.state === 'complete' ? 'It was saved completely and is in your volume.' : 'It was not saved: the trace is absent, and your volume is as it was before that run.'}
          </p>
        ))}
        {report.runs.map((r) => (
          <p key={`${r.owner}-${r.at}-${r.name}`} data-run={r.name}>
            <strong>Weft stopped while {r.name} ({r.runtime}) was running</strong>: the tab was closed or crashed. If it crashed, that run probably used more memory than the
            browser allows ({r.runtime} code has no memory limit of its own); its result was not saved. Check its code before running it again.
          </p>
        ))}
        <p className={styles.checks}>{describeChecks(report)}</p>
      </div>
      <Button size="sm" onClick={() => setDismissed(true)}>
        Dismiss
      </Button>
    </div>
  );
}

function describeChecks(report: RecoveryReport): string {
  const broken = report.volumes.filter((v) => !v.ok);
  const n = report.volumes.length;
  if (broken.length === 0) return `All ${n} volume${n === 1 ? '' : 's'} checked: no problems found.`;
  return broken.map((v) => `${v.volume} failed its check: ${v.problems[0]?.message ?? 'unknown problem'}${v.problems.length > 1 ? ` (and ${v.problems.length - 1} more)` : ''}`).join(' ');
}
