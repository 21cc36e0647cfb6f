'use client';

/**
 * A skill in the inspector: where it resolves from (and what it shadows), what you can do with
 * it, its SKILL.md and its history. When it shadows other copies, each copy can be shown.
 */
import { useState } from 'react';
import { Badge } from '@/components/ui/Badge';
import { IconButton } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { type TabItem, TabList, TabPanel } from '@/components/ui/Tabs';
import { HistoryPanel } from '@/components/volumes/HistoryPanel';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { volumeBadge, volumeKindOf, volumeTone } from '@/components/volumes/volumeLabel';
import { SkillActions } from './SkillActions';
import { SkillCopies } from './SkillCopies';
import { skillDescription } from './skillTemplate';
import styles from './SkillDetails.module.css';
import { useSkillUi } from './useSkillUi';

type SkillTab = 'content' | 'history';
const TABS: readonly TabItem<SkillTab>[] = [
  { id: 'content', label: 'SKILL.md', icon: 'inspect' },
  { id: 'history', label: 'History', icon: 'list' },
];

export function SkillDetails({ name }: { name: string }) {
  const select = useSkillUi((s) => s.select);
  const viewVolume = useSkillUi((s) => s.viewVolume);
  const entry = useKernelQuery({ op: 'skill.list' }).data?.find((s) => s.name === name);
  const skill = useKernelQuery({ op: 'skill.read', name, ...(viewVolume ? { volume: viewVolume } : {}) });
  const [tab, setTab] = useState<SkillTab>('content');
  const close = () => select(null);

  if (skill.error && !skill.data) {
    return (
      <EmptyState icon="skills" title={`${name} is not available`} compact>
        {skill.error.message}
      </EmptyState>
    );
  }
  if (!skill.data) return <p className={styles.loading}>Reading {name}…</p>;

  const { volume, content } = skill.data;
  const mine = volumeKindOf(volume) === 'user';
  const description = skillDescription(content);
  const path = `skills/${name}/SKILL.md`;

  return (
    <div className={styles.details} data-skill-details={name}>
      <div className={styles.detailsHead}>
        <div className={styles.titleRow}>
          <h3 className={styles.detailsTitle}>{name}</h3>
          <Badge tone={volumeTone(volume)} outline={volume === 'system'} title={`From ${volume}`}>
            {volumeBadge(volume)}
          </Badge>
          <div className={styles.spacer} />
          <IconButton icon="x" size="sm" label="Close the skill" onClick={close} />
        </div>
        {description && <p className={styles.description}>{description}</p>}
        {entry && entry.shadows.length > 0 && <SkillCopies entry={entry} shown={volume} />}
        <SkillActions name={name} content={content} mine={mine} />
      </div>
      <div className={styles.tabs}>
        <TabList<SkillTab> idBase="skill" label="Skill" tabs={TABS} value={tab} onChange={setTab} />
      </div>
      <TabPanel idBase="skill" id={tab} className={styles.tabBody}>
        {tab === 'content' ? (
          <pre className={styles.source} aria-label={`${path} in ${volume}`}>
            {content}
          </pre>
        ) : (
          <HistoryPanel key={`${volume}:${name}`} volume={volume} path={path} canRestore={mine} />
        )}
      </TabPanel>
    </div>
  );
}
