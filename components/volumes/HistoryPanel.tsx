'use client';

/**
 * History of a volume or of one file in it, with the diff of what is selected: one entry
 * against its parent, or (⇧/⌘-click a second) two entries against each other. A whole-volume
 * history lets you pick the file, starting from the one the commit message names.
 */
import { useCallback, useState } from 'react';
import { useNow } from '@/components/processes/useNow';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import type { CommitInfo, VolumeId } from '@/lib/volumes';
import { CommitDiff } from './CommitDiff';
import { CommitRow } from './CommitRow';
import { FilePicker } from './FilePicker';
import { guessPath } from './guessPath';
import styles from './History.module.css';
import { useHistory } from './useHistory';
import { useKernelQuery } from './useKernelQuery';

const SKILL_FILE = /^skills\/[^/]+\/SKILL\.md$/;

export function HistoryPanel({ volume, path, canRestore }: { volume: VolumeId; path?: string; canRestore: boolean }) {
  const history = useHistory(volume, path);
  const now = useNow();
  // Null until the person chooses: the newest entry is shown to begin with.
  const [chosenOids, setSelected] = useState<readonly string[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const files = useKernelQuery(path ? null : { op: 'volume.files', volume }).data ?? [];

  const newest = history.commits[0]?.oid;
  const onSelect = useCallback((commit: CommitInfo, add: boolean) => {
    setPicked(null);
    setSelected((chosen) => {
      const current = chosen ?? (newest ? [newest] : []);
      if (current.includes(commit.oid)) return current.filter((oid) => oid !== commit.oid);
      if (add && current.length >= 1) return [current[current.length - 1]!, commit.oid];
      return [commit.oid];
    });
  }, [newest]);

  if (history.error && history.commits.length === 0) return <p className={styles.error}>{history.error.message}</p>;
  if (history.loading) return <p className={styles.muted}>Reading the history…</p>;
  if (history.commits.length === 0) {
    return (
      <EmptyState icon="list" title="No history yet" compact>
        Every change is a commit; they will be listed here, newest first.
      </EmptyState>
    );
  }

  const selected = chosenOids ?? (newest ? [newest] : []);
  // Newest first: the entry further down the list is the older side.
  const chosen = history.commits.filter((c) => selected.includes(c.oid));
  const newer = chosen[0];
  const older = chosen.length === 2 ? chosen[1]! : null;
  // The newest entry already holds the current version: nothing to restore there.
  const restoreAt = canRestore && (older ?? newer) !== history.commits[0] ? (older ?? newer ?? null) : null;
  // The file the message names, else the first skill: a commit like "Update built-in skills" changed several.
  const file = path ?? picked ?? (newer ? guessPath(newer.message) : null) ?? files.find((f) => SKILL_FILE.test(f)) ?? files[0] ?? null;

  return (
    <div className={styles.history}>
      <p className={styles.hint}>
        {chosen.length === 2
          ? 'Comparing two versions. Click an entry to see one commit on its own.'
          : 'Select an entry to see what it changed; ⇧-click a second one to compare two versions.'}
      </p>
      <ol className={styles.list} aria-label={path ? `History of ${path}` : `History of ${volume}`}>
        {history.commits.map((c) => (
          <CommitRow key={c.oid} commit={c} now={now} selected={selected.includes(c.oid)} onSelect={onSelect} />
        ))}
      </ol>
      {history.hasMore && (
        <Button size="sm" variant="ghost" className={styles.more} onClick={history.loadMore} disabled={history.loadingMore}>
          {history.loadingMore ? 'Loading…' : 'Load more'}
        </Button>
      )}
      {newer && (
        <div className={styles.diffArea}>
          {!path && <FilePicker files={files} value={file} onChange={setPicked} />}
          {file ? (
            <CommitDiff
              key={`${file}:${newer.oid}:${older?.oid ?? ''}`}
              volume={volume}
              path={file}
              from={older ? older.oid : (newer.parents[0] ?? null)}
              to={newer}
              restoreAt={restoreAt}
              compare={older !== null}
            />
          ) : (
            <p className={styles.muted}>Choose a file to see how it changed in this commit.</p>
          )}
        </div>
      )}
    </div>
  );
}
