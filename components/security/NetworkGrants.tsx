'use client';

/** The team skills of one volume you allowed to use the network, each with *Revoke* (it is asked about again). */
import { Button } from '@/components/ui/Button';
import { FormError } from '@/components/volumes/Field';
import { useKernelAction } from '@/components/volumes/useKernelAction';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import type { VolumeId } from '@/lib/volumes';
import panel from '@/components/volumes/VolumesPanel.module.css';
import styles from './NetworkGrants.module.css';

export function NetworkGrants({ volume }: { volume: VolumeId }) {
  const grants = useKernelQuery(volume.startsWith('teams/') ? { op: 'permission.grants' } : null);
  const action = useKernelAction();
  const mine = (grants.data ?? []).filter((g) => g.volume === volume);
  if (mine.length === 0) return null;
  const revoke = async (skill: string) => {
    if (await action.run({ op: 'permission.revoke', skill, volume })) grants.reload();
  };
  return (
    <section className={styles.box} aria-label={`Network access in ${volume}`}>
      <h3 className={panel.sectionTitle}>Allowed to use the network</h3>
      <ul className={styles.list}>
        {mine.map((g) => (
          <li key={g.skill} className={styles.row}>
            <span className={styles.name}>{g.skill}</span>
            <span className={styles.when}>since {new Date(g.at).toLocaleDateString()}</span>
            <Button size="sm" variant="ghost" onClick={() => void revoke(g.skill)} disabled={action.pending}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      {action.error && <FormError>{action.error.message}</FormError>}
    </section>
  );
}
