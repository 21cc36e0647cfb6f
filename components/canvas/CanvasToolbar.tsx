'use client';

/**
 * The canvas's commands: run and stop with the run's status, predict, the workflow's name with
 * save, open, new, import and export, undo and redo, auto-layout and fit.
 */
import { useRef, useState } from 'react';
import { useIsApple } from '@/components/shell/useHydrated';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { Button, IconButton } from '@/components/ui/Button';
import { type MenuItem, MenuButton } from '@/components/ui/Menu';
import { EXAMPLE_WORKFLOWS } from '@/lib/workflow/examples';
import styles from './Canvas.module.css';
import { formatMs } from './ioStyle';
import { useCanvasActions } from './useCanvasActions';
import { useCanvasRun } from './useCanvasRun';
import { useCanvasStore } from './useCanvasStore';

export function CanvasToolbar() {
  const actions = useCanvasActions();
  const mod = useIsApple() ? '⌘' : 'Ctrl+';
  const phase = useCanvasRun((s) => s.phase);
  const stopping = useCanvasRun((s) => s.stopping);
  const predicting = useCanvasRun((s) => s.predicting);
  const canUndo = useCanvasStore((s) => s.past.length > 0);
  const canRedo = useCanvasStore((s) => s.future.length > 0);
  const empty = useCanvasStore((s) => s.workflow.nodes.length === 0);
  const saved = useKernelQuery({ op: 'workflow.list' }).data;
  const fileRef = useRef<HTMLInputElement>(null);
  const running = phase === 'running';

  const openItems: MenuItem[] = [
    ...(saved ?? []).map((name) => ({ id: `saved:${name}`, label: name, icon: 'file' as const, onSelect: () => actions.open(name) })),
    ...EXAMPLE_WORKFLOWS.map((w) => ({ id: `example:${w.id}`, label: w.name, hint: 'Example', icon: 'graph' as const, onSelect: () => actions.load(w) })),
  ];
  const fileItems: MenuItem[] = [
    { id: 'run-all', label: 'Run all again', hint: 'Ignore cached results', icon: 'play', onSelect: actions.runAll },
    { id: 'new', label: 'New workflow', icon: 'plus', onSelect: actions.newDocument },
    { id: 'import', label: 'Import JSON…', hint: 'A .workflow.json file', icon: 'arrowDown', onSelect: () => fileRef.current?.click() },
    { id: 'export', label: 'Export JSON', hint: 'Download this workflow', icon: 'promote', onSelect: actions.exportFile },
  ];

  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Canvas">
      {running ? (
        <Button size="sm" variant="danger" icon="stop" onClick={actions.stop} disabled={stopping}>
          {stopping ? 'Stopping…' : 'Stop'}
        </Button>
      ) : (
        <Button size="sm" variant="primary" icon="play" onClick={actions.run} disabled={empty} title={`Re-run what is stale: changed nodes and what depends on them; the rest comes from the cache (${mod}Enter)`}>
          Run
        </Button>
      )}
      <RunStatus />
      <Button size="sm" variant="ghost" icon="pulse" onClick={actions.predict} disabled={empty || predicting} title="Predict durations, cache hits and the critical path">
        Predict
      </Button>
      <span className={styles.divider} />
      <WorkflowName />
      <IconButton icon="check" size="sm" label="Save" title={`Save to your volume (${mod}S)`} onClick={actions.save} />
      <MenuButton label="Open" icon="file" iconOnly title="Open a saved workflow or an example" items={openItems} />
      <MenuButton label="Workflow file" icon="chevronDown" iconOnly title="New, import, export" items={fileItems} />
      <span className={styles.divider} />
      <IconButton icon="restore" size="sm" label="Undo" title={`Undo (${mod}Z)`} disabled={!canUndo} onClick={() => useCanvasStore.getState().undo()} />
      <IconButton icon="refresh" size="sm" label="Redo" title={`Redo (${mod}Shift+Z)`} disabled={!canRedo} onClick={() => useCanvasStore.getState().redo()} />
      <IconButton icon="split" size="sm" label="Auto-layout" title="Lay out left to right" disabled={empty} onClick={actions.layout} />
      <IconButton icon="search" size="sm" label="Fit view" onClick={actions.fit} />
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then(actions.importText);
        }}
      />
    </div>
  );
}

function RunStatus() {
  const phase = useCanvasRun((s) => s.phase);
  const counts = useCanvasRun((s) => {
    let done = 0;
    let total = 0;
    let cached = 0;
    for (const n of Object.values(s.nodes)) {
      total++;
      if (n.status !== 'queued' && n.status !== 'running') done++;
      if (n.status === 'cached') cached++;
    }
    return `${done}/${total}/${cached}`;
  });
  const duration = useCanvasRun((s) => s.summary?.durationMs ?? null);
  if (phase === 'idle') return null;
  const [done, total, cached] = counts.split('/').map(Number);
  const text =
    phase === 'running'
      ? `Running ${done}/${total}`
      : `${phase === 'ok' ? 'Done' : phase === 'error' ? 'Failed' : 'Stopped'}${duration !== null ? ` in ${formatMs(duration)}` : ''}${cached ? ` · ${cached} cached` : ''}`;
  return (
    <span className={styles.runStatus} data-run-phase={phase} role="status">
      {text}
    </span>
  );
}

function WorkflowName() {
  const name = useCanvasStore((s) => s.workflow.name);
  const dirty = useCanvasStore((s) => s.dirty > 0);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const next = (draft ?? name).trim().toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    setDraft(null);
    const { workflow, apply } = useCanvasStore.getState();
    if (next && next !== workflow.name) apply({ type: 'replace', from: workflow, to: { ...workflow, name: next } });
  };
  return (
    <label className={styles.name} title="The name it is saved under (workflows/<name>.workflow.json)">
      <input
        aria-label="Workflow name"
        value={draft ?? name}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {dirty && <span className={styles.dirty} title="Changed since it was saved" aria-label="unsaved changes" />}
    </label>
  );
}
