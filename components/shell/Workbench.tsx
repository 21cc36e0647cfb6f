'use client';

/**
 * The workbench layout: header, kernel and new-version banners, and four resizable areas — skills (left),
 * canvas (centre), chat / inspector (right), events / processes (bottom, Ctrl/⌘+J).
 * Panel sizes are saved per browser; the panels render once the page is hydrated, because
 * the saved sizes live in localStorage, which the server cannot see.
 */
import { useCallback, useState } from 'react';
import { Group, Panel, type PanelSize, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { UpdateBanner } from '@/components/pwa/UpdateBanner';
import { PermissionPrompt } from '@/components/security/PermissionPrompt';
import { BottomArea } from './areas/BottomArea';
import { CanvasArea } from './areas/CanvasArea';
import { SideArea } from './areas/SideArea';
import { SkillsArea } from './areas/SkillsArea';
import { Header } from './Header';
import { KernelDeadBanner } from './KernelDeadBanner';
import { RecoveryBanner } from './RecoveryBanner';
import { useModHotkey } from './useHotkey';
import { useHydrated, useIsApple } from './useHydrated';
import styles from './Workbench.module.css';

export function Workbench() {
  const hydrated = useHydrated();
  const shortcut = useIsApple() ? '⌘J' : 'Ctrl+J';
  const bottomRef = usePanelRef();
  const [bottomOpen, setBottomOpen] = useState(true);

  const toggleBottom = useCallback(() => {
    const panel = bottomRef.current;
    if (!panel) return;
    if (panel.isCollapsed()) panel.expand();
    else panel.collapse();
  }, [bottomRef]);
  useModHotkey('j', toggleBottom);

  const onBottomResize = useCallback((size: PanelSize) => setBottomOpen(size.asPercentage > 0), []);

  return (
    <div className={styles.workbench}>
      <Header bottomOpen={bottomOpen} onToggleBottom={toggleBottom} shortcut={shortcut} />
      <KernelDeadBanner />
      <RecoveryBanner />
      <UpdateBanner />
      <PermissionPrompt />
      <main className={styles.main}>
        {hydrated && (
          <Panels bottomRef={bottomRef} onBottomResize={onBottomResize} onHideBottom={toggleBottom} shortcut={shortcut} />
        )}
      </main>
    </div>
  );
}

function Panels({
  bottomRef,
  onBottomResize,
  onHideBottom,
  shortcut,
}: {
  bottomRef: ReturnType<typeof usePanelRef>;
  onBottomResize(size: PanelSize): void;
  onHideBottom(): void;
  shortcut: string;
}) {
  const rows = useDefaultLayout({ id: 'weft.layout.rows', storage: localStorage });
  const columns = useDefaultLayout({ id: 'weft.layout.columns', storage: localStorage });
  return (
    <Group id="workbench-rows" orientation="vertical" className={styles.group} defaultLayout={rows.defaultLayout} onLayoutChanged={rows.onLayoutChanged}>
      <Panel id="top" minSize="25%">
        <Group
          id="workbench-columns"
          orientation="horizontal"
          className={styles.group}
          defaultLayout={columns.defaultLayout}
          onLayoutChanged={columns.onLayoutChanged}
        >
          <Panel id="skills" defaultSize="18%" minSize={200} maxSize="40%" collapsible>
            <SkillsArea />
          </Panel>
          <Separator className={styles.separator} />
          <Panel id="canvas" minSize="25%">
            <CanvasArea />
          </Panel>
          <Separator className={styles.separator} />
          <Panel id="side" defaultSize="24%" minSize={260} maxSize="50%" collapsible>
            <SideArea />
          </Panel>
        </Group>
      </Panel>
      <Separator className={styles.separator} />
      <Panel id="bottom" defaultSize="30%" minSize={140} collapsible panelRef={bottomRef} onResize={onBottomResize}>
        <BottomArea onHide={onHideBottom} shortcut={shortcut} />
      </Panel>
    </Group>
  );
}
