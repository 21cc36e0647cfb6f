'use client';

/**
 * "Check volume": the repository checked like `git fsck --full` (every ref and every object it
 * reaches, re-hashed), with the answer in words: no problems, or what is wrong and what to do.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import type { VolumeCheck as Check, VolumeId } from '@/lib/volumes';
import { FormError } from './Field';
import { useKernelAction } from './useKernelAction';
import styles from './VolumeDetails.module.css';

export function VolumeCheck({ volume }: { volume: VolumeId }) {
  const action = useKernelAction();
  const [result, setResult] = useState<Check | null>(null);
  const check = async () => setResult(await action.run({ op: 'volume.check', volume }));
  return (
    <section className={styles.check} aria-label={`Check ${volume}`}>
      <Button size="sm" icon="check" onClick={() => void check()} disabled={action.pending}>
        {action.pending ? 'Checking…' : 'Check volume'}
      </Button>
      {result && result.ok && (
        <p className={styles.checkOk} role="status">
          No problems found in {result.objects.toLocaleString()} objects.
        </p>
      )}
      {result && !result.ok && (
        <ul className={styles.checkProblems} role="alert">
          {result.problems.slice(0, 10).map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
          {result.problems.length > 10 && <li>…and {result.problems.length - 10} more.</li>}
        </ul>
      )}
      {action.error && <FormError>{action.error.message}</FormError>}
    </section>
  );
}
