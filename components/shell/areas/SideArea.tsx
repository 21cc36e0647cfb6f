'use client';

import { useEffect } from 'react';
import { Inspector } from '@/components/inspector/Inspector';
import { useSelection } from '@/components/inspector/useSelection';
import { EmptyState } from '@/components/ui/EmptyState';
import { type TabItem, TabList, TabPanel } from '@/components/ui/Tabs';
import { type SideTab, useWorkbenchStore } from '../useWorkbenchStore';
import { Area } from './Area';

const TABS: readonly TabItem<SideTab>[] = [
  { id: 'chat', label: 'Chat', icon: 'chat' },
  { id: 'inspector', label: 'Inspector', icon: 'inspect' },
];

/** Chat and inspector, as tabs. */
export function SideArea() {
  const tab = useWorkbenchStore((s) => s.sideTab);
  const setTab = useWorkbenchStore((s) => s.setSideTab);
  // Selecting something brings the inspector forward.
  useEffect(
    () =>
      useSelection.subscribe((s, prev) => {
        if (s.selection && s.selection !== prev.selection) setTab('inspector');
      }),
    [setTab],
  );
  return (
    <Area label="Chat and inspector" header={<TabList idBase="side" label="Chat and inspector" tabs={TABS} value={tab} onChange={setTab} />}>
      <TabPanel idBase="side" id={tab}>
        {tab === 'chat' ? (
          <EmptyState icon="chat" title="No model connected" compact>
            Chat with a language model that knows your skills and can run them as tools. It arrives with model providers — an
            OpenAI-compatible endpoint or a model running in this browser.
          </EmptyState>
        ) : (
          <Inspector />
        )}
      </TabPanel>
    </Area>
  );
}
