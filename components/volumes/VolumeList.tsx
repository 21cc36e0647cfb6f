'use client';

/** Every volume on this device as a card, and "Add team volume…". */
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import type { VolumeId, WorkspaceVolume } from '@/lib/volumes';
import { AddTeamDialog } from './AddTeamDialog';
import { VolumeCard } from './VolumeCard';
import styles from './VolumesPanel.module.css';

export function VolumeList({ volumes, onOpen }: { volumes: readonly WorkspaceVolume[]; onOpen(id: VolumeId): void }) {
  const [adding, setAdding] = useState(false);
  // Mine first: it is the one people work in; then teams, then the built-in skills.
  const order = { user: 0, team: 1, system: 2 } as const;
  const sorted = [...volumes].sort((a, b) => order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
  const hasTeam = volumes.some((v) => v.kind === 'team');
  return (
    <div className={styles.section}>
      <div className={styles.sectionHead}>
        <h3 className={styles.sectionTitle}>
          {volumes.length} {volumes.length === 1 ? 'volume' : 'volumes'}
        </h3>
        <Button size="sm" icon="plus" onClick={() => setAdding(true)}>
          Add team volume…
        </Button>
      </div>
      <ul className={styles.cards}>
        {sorted.map((v) => (
          <li key={v.id}>
            <VolumeCard volume={v} onOpen={() => onOpen(v.id)} />
          </li>
        ))}
      </ul>
      {!hasTeam && (
        <p className={styles.hint}>
          To share skills, add a team volume and point it at a git repository your team can reach (GitHub, GitLab, Gitea…).
          Promote a skill of yours to it, and teammates get it on their next sync.
        </p>
      )}
      {adding && (
        <AddTeamDialog
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            onOpen(id);
          }}
        />
      )}
    </div>
  );
}
