'use client';

import { EventLog } from '@/components/events/EventLog';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { ProcessList } from '@/components/processes/ProcessList';
import { TracesPanel } from '@/components/traces';
import { IconButton } from '@/components/ui/Button';
import { type TabItem, TabList, TabPanel } from '@/components/ui/Tabs';
import { type BottomTab, useWorkbenchStore } from '../useWorkbenchStore';
import { Area } from './Area';
import styles from './Area.module.css';

/** Event log, process list and traces, as tabs. */
export function BottomArea({ onHide, shortcut }: { onHide(): void; shortcut: string }) {
  const tab = useWorkbenchStore((s) => s.bottomTab);
  const setTab = useWorkbenchStore((s) => s.setBottomTab);
  const live = useKernelStore((s) => countLive(s.processes));
  const tabs: readonly TabItem<BottomTab>[] = [
    { id: 'events', label: 'Event log', icon: 'pulse' },
    { id: 'processes', label: 'Processes', icon: 'list', count: live },
    { id: 'traces', label: 'Traces', icon: 'history' },
  ];
  return (
    <Area
      label="Events and processes"
      header={
        <>
          <TabList idBase="bottom" label="Events and processes" tabs={tabs} value={tab} onChange={setTab} />
          <div className={styles.spacer} />
          <IconButton icon="chevronDown" size="sm" label="Hide bottom panel" title={`Hide panel (${shortcut})`} onClick={onHide} />
        </>
      }
    >
      <TabPanel idBase="bottom" id={tab}>
        {tab === 'events' ? <EventLog /> : tab === 'processes' ? <ProcessList /> : <TracesPanel />}
      </TabPanel>
    </Area>
  );
}

function countLive(processes: ReadonlyMap<unknown, { state: string }>): number {
  let n = 0;
  for (const p of processes.values()) if (p.state !== 'TERMINATED') n++;
  return n;
}
