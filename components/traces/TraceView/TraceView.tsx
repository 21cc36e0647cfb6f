'use client';

/**
 * One trace, open over the canvas like a document: its header and actions, the Verify and
 * Replay outcomes, the timeline or the graph, and the selected span's details. Escape closes it.
 * The trace is read once and laid out once (see traceModel.ts); everything else reads that.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Icon } from '@/components/ui/Icon';
import { type TabItem, TabList, TabPanel } from '@/components/ui/Tabs';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { WeftError } from '@/lib/core';
import { downloadFile } from '../downloadFile';
import { type ExportFile, jsonFile, otlpFile } from '../exportFiles';
import { spansByNode } from '../replayView';
import kinds from '../spanKinds.module.css';
import { SpanInspector } from '../SpanInspector/SpanInspector';
import { Timeline } from '../Timeline/Timeline';
import { TraceGraph } from '../TraceGraph/TraceGraph';
import { buildTraceModel } from '../traceModel';
import { type TraceViewTab, useTraceStore } from '../useTraceStore';
import { groupProblems, tamperedSpanIds } from '../verifyView';
import { ReplayPanel } from './ReplayPanel';
import { TraceHeader } from './TraceHeader';
import styles from './TraceView.module.css';
import { useStableTrace } from './useStableTrace';
import { useTraceChecks } from './useTraceChecks';
import { VerifyPanel } from './VerifyPanel';

const TABS: readonly TabItem<TraceViewTab>[] = [
  { id: 'timeline', label: 'Timeline', icon: 'list' },
  { id: 'graph', label: 'Graph', icon: 'graph' },
];

export function TraceView({ path }: { path: string }) {
  const hintKind = useTraceStore((s) => s.openEntry?.kind);
  const hintName = useTraceStore((s) => s.openEntry?.name);
  const close = useTraceStore((s) => s.close);
  const selectedId = useTraceStore((s) => s.selected);
  const select = useTraceStore((s) => s.select);
  const view = useTraceStore((s) => s.view);
  const setView = useTraceStore((s) => s.setView);

  const read = useKernelQuery({ op: 'trace.read', path });
  const trace = useStableTrace(read.data);
  const model = useMemo(() => (trace ? buildTraceModel(trace, hintKind && hintName !== undefined ? { kind: hintKind, name: hintName } : null) : null), [trace, hintKind, hintName]);
  const checks = useTraceChecks(path);
  const [exportError, setExportError] = useState<string | null>(null);

  const verification = checks.verify.result;
  const tampered = useMemo(() => tamperedSpanIds(verification), [verification]);
  const problemsOf = useMemo(() => new Map(verification ? groupProblems(verification).map((g) => [g.spanId, g.problems]) : []), [verification]);
  const nodeSpans = useMemo(() => (model ? spansByNode(model.trace.spans) : new Map<string, number>()), [model]);
  const selected = model && selectedId !== null ? (model.index.byId.get(selectedId) ?? -1) : -1;
  const onSelect = useCallback((i: number) => model && select(model.trace.spans[i]!.id), [model, select]);

  const rootRef = useRef<HTMLElement>(null);
  useEffect(() => {
    rootRef.current?.focus();
  }, []);

  const save = (make: (t: NonNullable<typeof trace>) => ExportFile) => {
    if (!model) return;
    try {
      downloadFile(make(model.trace));
      setExportError(null);
    } catch (error) {
      setExportError(WeftError.from(error).message);
    }
  };

  const summary = model ? model.summary : hintKind && hintName !== undefined ? { kind: hintKind, name: hintName, status: null } : null;
  return (
    <section
      ref={rootRef}
      role="region"
      aria-label="Trace"
      data-trace-view={path}
      tabIndex={-1}
      className={`${styles.view} ${kinds.kinds}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        close();
      }}
    >
      <TraceHeader
        path={path}
        summary={summary}
        totals={model?.totals ?? null}
        loaded={model !== null}
        verifying={checks.verify.pending}
        replaying={checks.replay.pending}
        onVerify={checks.verify.run}
        onReplay={() => checks.replay.run(false)}
        onExportOtlp={() => save(otlpFile)}
        onExportJson={() => save(jsonFile)}
        onClose={close}
      />
      {exportError && (
        <div className={`${styles.check} ${styles.checkFailed}`} role="alert">
          <div className={styles.checkHead}>
            <Icon name="alert" size={14} />
            <span>The export failed: {exportError}</span>
          </div>
        </div>
      )}
      <div className={styles.checks}>
        <VerifyPanel
          check={checks.verify}
          spanCount={model?.totals.spanCount ?? 0}
          spanOf={(id) => model?.index.byId.get(id)}
          nameOf={(i) => model?.trace.spans[i]?.name ?? ''}
          onSelect={onSelect}
        />
        <ReplayPanel check={checks.replay} nodeCount={nodeSpans.size} spanOfNode={(id) => nodeSpans.get(id)} onSelect={onSelect} />
      </div>
      {model ? (
        <div className={styles.body}>
          <div className={styles.main}>
            <div className={styles.viewTabs}>
              <TabList idBase="trace" label="Trace views" tabs={TABS} value={view} onChange={setView} />
            </div>
            <TabPanel idBase="trace" id={view}>
              {view === 'timeline' ? (
                <Timeline model={model} selected={selected} tampered={tampered} onSelect={onSelect} />
              ) : (
                <TraceGraph model={model} selected={selected} tampered={tampered} onSelect={onSelect} />
              )}
            </TabPanel>
          </div>
          {selected >= 0 && <SpanInspector model={model} spanIndex={selected} problems={problemsOf.get(model.trace.spans[selected]!.id) ?? []} onSelect={onSelect} onClose={() => select(null)} />}
        </div>
      ) : read.error ? (
        <div className={styles.failed} role="alert" data-trace-error={read.error.code}>
          <Icon name="alert" size={20} />
          <div>
            <p className={styles.failedTitle}>This trace could not be opened</p>
            <p className={styles.failedMessage}>{read.error.message}</p>
            <p className={styles.failedCode}>
              <code>{read.error.code}</code> · {path}
            </p>
          </div>
        </div>
      ) : (
        <p className={styles.loading} role="status">
          Loading the trace…
        </p>
      )}
    </section>
  );
}
