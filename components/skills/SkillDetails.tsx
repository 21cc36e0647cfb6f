'use client';

/**
 * A skill in the inspector: where it resolves from (and what it shadows), its runtime, what
 * you can do with it, then its views: the skill read (inputs, outputs, permissions and its
 * instructions as Markdown), a Run form for executable skills, its SKILL.md source, and its history.
 */
import { useMemo, useState } from 'react';
import { RunPanel } from '@/components/runtimes/RunPanel';
import { Badge } from '@/components/ui/Badge';
import { IconButton } from '@/components/ui/Button';
import { CodeBlock } from '@/components/ui/CodeBlock';
import { EmptyState } from '@/components/ui/EmptyState';
import { type TabItem, TabList, TabPanel } from '@/components/ui/Tabs';
import { HistoryPanel } from '@/components/volumes/HistoryPanel';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { volumeBadge, volumeKindOf, volumeTone } from '@/components/volumes/volumeLabel';
import { checkSkill } from './checkSkill';
import { SkillActions } from './SkillActions';
import { SkillCopies } from './SkillCopies';
import styles from './SkillDetails.module.css';
import { SkillOverview } from './SkillOverview';
import { useSkillUi } from './useSkillUi';

type SkillTab = 'overview' | 'run' | 'content' | 'history';
const TABS: readonly TabItem<SkillTab>[] = [
  { id: 'overview', label: 'Overview', icon: 'skills' },
  { id: 'run', label: 'Run', icon: 'play' },
  { id: 'content', label: 'SKILL.md', icon: 'inspect' },
  { id: 'history', label: 'History', icon: 'list' },
];
const NOT_RUNNABLE = TABS.filter((t) => t.id !== 'run');

export function SkillDetails({ name }: { name: string }) {
  const select = useSkillUi((s) => s.select);
  const viewVolume = useSkillUi((s) => s.viewVolume);
  const entries = useKernelQuery({ op: 'skill.list' }).data;
  const skill = useKernelQuery({ op: 'skill.read', name, ...(viewVolume ? { volume: viewVolume } : {}) });
  const [tab, setTab] = useState<SkillTab>('overview');
  const content = skill.data?.content;
  const check = useMemo(() => (content === undefined ? null : checkSkill(content, name)), [content, name]);
  const taken = useMemo(() => new Set(entries?.map((e) => e.name)), [entries]);
  const entry = entries?.find((s) => s.name === name);
  const close = () => select(null);

  if (skill.error && !skill.data) {
    return (
      <EmptyState icon="skills" title={`${name} is not available`} compact>
        {skill.error.message}
      </EmptyState>
    );
  }
  if (!skill.data || !check) return <p className={styles.loading}>Reading {name}…</p>;

  const { volume } = skill.data;
  const mine = volumeKindOf(volume) === 'user';
  const parsed = check.skill;
  const path = `skills/${name}/SKILL.md`;
  // Runnable here: executable skills of a runtime with a worker (workflow skills run on the canvas).
  const runnable = parsed?.kind === 'executable' && parsed.runtime !== 'workflow' && parsed.runtime !== 'agent' ? { skill: parsed, runtime: parsed.runtime } : null;
  const shown = tab === 'run' && !runnable ? 'overview' : tab;

  return (
    <div className={styles.details} data-skill-details={name}>
      <div className={styles.detailsHead}>
        <div className={styles.titleRow}>
          <h3 className={styles.detailsTitle}>{name}</h3>
          <Badge tone={volumeTone(volume)} outline={volume === 'system'} title={`From ${volume}`}>
            {volumeBadge(volume)}
          </Badge>
          {parsed ? (
            <Badge tone={parsed.kind === 'executable' ? 'info' : 'neutral'} mono title={parsed.kind === 'executable' ? `Runs in the ${parsed.runtime} runtime` : 'Instructions for the model; no code'}>
              {parsed.kind === 'executable' ? parsed.runtime : 'context'}
            </Badge>
          ) : (
            <Badge tone="danger" title="This skill does not parse; see its problems">
              needs fixing
            </Badge>
          )}
          <div className={styles.spacer} />
          <IconButton icon="x" size="sm" label="Close the skill" onClick={close} />
        </div>
        {parsed && <p className={styles.description}>{parsed.description}</p>}
        {entry && entry.shadows.length > 0 && <SkillCopies entry={entry} shown={volume} />}
        <SkillActions name={name} volume={volume} content={skill.data.content} mine={mine} taken={taken} />
      </div>
      <div className={styles.tabs}>
        <TabList<SkillTab> idBase="skill" label="Skill" tabs={runnable ? TABS : NOT_RUNNABLE} value={shown} onChange={setTab} />
      </div>
      <TabPanel idBase="skill" id={shown} className={styles.tabBody}>
        {shown === 'overview' ? (
          <SkillOverview check={check} content={skill.data.content} path={path} />
        ) : shown === 'run' && runnable ? (
          <RunPanel skill={runnable.skill} runtime={runnable.runtime} volume={volume} />
        ) : shown === 'content' ? (
          <CodeBlock code={skill.data.content} language="markdown" label={`${path} in ${volume}`} caption={path} wrap />
        ) : (
          <HistoryPanel key={`${volume}:${name}`} volume={volume} path={path} canRestore={mine} />
        )}
      </TabPanel>
    </div>
  );
}
