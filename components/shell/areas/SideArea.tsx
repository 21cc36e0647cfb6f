'use client';

import { useEffect } from 'react';
import { ChatPanel } from '@/components/chat/ChatPanel';
import { Inspector } from '@/components/inspector/Inspector';
import { useSelection } from '@/components/inspector/useSelection';
import { SkillDetails } from '@/components/skills/SkillDetails';
import { useSkillUi } from '@/components/skills/useSkillUi';
import { type TabItem, TabList, TabPanel } from '@/components/ui/Tabs';
import { useVolumesUi } from '@/components/volumes/useVolumesUi';
import { VolumesPanel } from '@/components/volumes/VolumesPanel';
import { type SideTab, useWorkbenchStore } from '../useWorkbenchStore';
import { Area } from './Area';

type SideView = SideTab | 'volumes';

const TABS: readonly TabItem<SideView>[] = [
  { id: 'chat', label: 'Chat', icon: 'chat' },
  { id: 'inspector', label: 'Inspector', icon: 'inspect' },
  { id: 'volumes', label: 'Volumes', icon: 'volume' },
];

/**
 * Chat, inspector and volumes, as tabs. The inspector shows the latest selection: a process
 * (from the process list) or a skill (from the skill library); selecting one brings it forward.
 */
export function SideArea() {
  const sideTab = useWorkbenchStore((s) => s.sideTab);
  const setSideTab = useWorkbenchStore((s) => s.setSideTab);
  const showVolumes = useVolumesUi((s) => s.showVolumes);
  const setShowVolumes = useVolumesUi((s) => s.setShowVolumes);
  const skill = useSkillUi((s) => s.selected);
  const tab: SideView = showVolumes ? 'volumes' : sideTab;

  const setTab = (next: SideView) => {
    setShowVolumes(next === 'volumes');
    if (next !== 'volumes') setSideTab(next);
  };

  // A process and a skill share the inspector: the newer selection wins and comes forward.
  useEffect(() => {
    const offProcess = useSelection.subscribe((s, prev) => {
      if (!s.selection || s.selection === prev.selection) return;
      useSkillUi.getState().select(null);
      useVolumesUi.getState().setShowVolumes(false);
      setSideTab('inspector');
    });
    const offSkill = useSkillUi.subscribe((s, prev) => {
      if (!s.selected || s.selectedSeq === prev.selectedSeq) return;
      useSelection.getState().select(null);
      useVolumesUi.getState().setShowVolumes(false);
      setSideTab('inspector');
    });
    return () => {
      offProcess();
      offSkill();
    };
  }, [setSideTab]);

  return (
    <Area label="Chat, inspector and volumes" header={<TabList idBase="side" label="Chat, inspector and volumes" tabs={TABS} value={tab} onChange={setTab} />}>
      <TabPanel idBase="side" id={tab}>
        {tab === 'chat' ? (
          <ChatPanel />
        ) : tab === 'volumes' ? (
          <VolumesPanel />
        ) : skill ? (
          <SkillDetails key={skill} name={skill} />
        ) : (
          <Inspector />
        )}
      </TabPanel>
    </Area>
  );
}
