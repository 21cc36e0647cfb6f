'use client';

/**
 * One file both sides changed: this device's version stays at its path, the remote's sits
 * beside it. Three ways out, each one commit; "Show both" diffs the two versions.
 */
import { structuredPatch } from 'diff';
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import type { Conflict, ConflictChoice, VolumeId } from '@/lib/volumes';
import { DiffView } from './DiffView';
import { useKernelAction } from './useKernelAction';
import { useKernelQuery } from './useKernelQuery';
import styles from './VolumeDetails.module.css';

export function ConflictRow({ volume, conflict: c }: { volume: VolumeId; conflict: Conflict }) {
  const { run, pending, error } = useKernelAction();
  const [comparing, setComparing] = useState(false);
  const copy = keepBothPath(c);
  const choices: readonly { choice: ConflictChoice; label: string; why: string }[] = [
    { choice: 'mine', label: 'Keep mine', why: `Keep this device’s version of ${c.path} and discard the remote’s copy` },
    { choice: 'theirs', label: 'Keep theirs', why: `Replace ${c.path} with the remote’s version (from ${c.tag})` },
    { choice: 'both', label: 'Keep both', why: `Keep yours as it is, and keep theirs as ${copy}` },
  ];
  return (
    <li className={styles.conflict} data-conflict={c.path}>
      <span className={styles.conflictPath} title={c.path}>
        {c.path}
      </span>
      <div className={styles.conflictHead}>
        <span className={styles.conflictTag}>Their version came with {c.tag}.</span>
        <button type="button" className={styles.link} aria-expanded={comparing} onClick={() => setComparing(!comparing)}>
          {comparing ? 'Hide' : 'Compare'}
        </button>
      </div>
      <div className={styles.conflictActions}>
        {choices.map(({ choice, label, why }) => (
          <Button
            key={choice}
            size="sm"
            aria-label={`${label} for ${c.path}`}
            title={why}
            disabled={pending}
            onClick={() => {
              // Their copy is about to go: stop reading it.
              setComparing(false);
              void run({ op: 'volume.resolve', volume, theirs: c.theirs, choice });
            }}
          >
            {label}
          </Button>
        ))}
      </div>
      {error && <p className={styles.error}>{error.message}</p>}
      {comparing && <ConflictDiff volume={volume} conflict={c} />}
    </li>
  );
}

function ConflictDiff({ volume, conflict: c }: { volume: VolumeId; conflict: Conflict }) {
  const mine = useKernelQuery({ op: 'volume.read', volume, path: c.path });
  const theirs = useKernelQuery({ op: 'volume.read', volume, path: c.theirs });
  const failed = mine.error ?? theirs.error;
  if (failed) return <p className={styles.error}>{failed.message}</p>;
  if (!mine.data || !theirs.data) return <p className={styles.muted}>Reading both versions…</p>;
  const patch = structuredPatch('mine', 'theirs', mine.data.content, theirs.data.content, undefined, undefined, { context: 3 });
  return (
    <div className={styles.conflictDiff}>
      <p className={styles.muted}>
        <span className={styles.legendDel}>− yours</span> <span className={styles.legendAdd}>+ theirs</span>
      </p>
      <DiffView hunks={patch.hunks} label={`Differences between your and their ${c.path}`} />
    </div>
  );
}

/** Where "Keep both" puts their version (mirrors the kernel's rule, for the tooltip). */
function keepBothPath(c: Conflict): string {
  const skill = /^skills\/([^/]+)\/(.+)$/.exec(c.path);
  if (skill) return `a skill of its own, ${skill[1]}-${c.tag}`;
  const workflow = /^workflows\/([^/]+)\.workflow\.json$/.exec(c.path);
  if (workflow) return `a workflow of its own, ${workflow[1]}-${c.tag}`;
  return `a file beside it, tagged ${c.tag}`;
}
