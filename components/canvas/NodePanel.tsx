'use client';

/**
 * The selected node in full: run it alone or with what it needs, its error, its outputs shown by
 * their declared type, every param, and its log from the latest run.
 */
import { useCallback, useRef } from 'react';
import { OutputPreview } from '@/components/previews';
import { Button, IconButton } from '@/components/ui/Button';
import styles from './Canvas.module.css';
import { formatMs } from './ioStyle';
import { NodeSettings } from './NodeSettings';
import { ParamField } from './ParamField';
import type { CanvasActions } from './useCanvasActions';
import { useCanvasRun } from './useCanvasRun';
import { useCanvasStore } from './useCanvasStore';
import { useKeepClearOfDrawer } from './useKeepClearOfDrawer';
import { useSkillSpecs } from './useSkillSpecs';

export function NodePanel({ id, actions }: { id: string; actions: CanvasActions }) {
  const node = useCanvasStore((s) => s.workflow.nodes.find((n) => n.id === id));
  const boundInputs = useCanvasStore((s) => s.workflow.edges.filter((e) => e.to.node === id).map((e) => `${e.to.input}←${e.from.node}.${e.from.output}`).join('\n'));
  const spec = useSkillSpecs((s) => (node ? s.specs[node.skill] : undefined));
  const run = useCanvasRun((s) => s.nodes[id]);
  const log = useCanvasRun((s) => s.logs[id]);
  const predicted = useCanvasRun((s) => s.predicted[id]);
  const busy = useCanvasRun((s) => s.phase === 'running');
  const ref = useRef<HTMLElement>(null);
  useKeepClearOfDrawer(node ? id : null, ref);
  const setParam = useCallback(
    (name: string, value: unknown) => {
      const from = useCanvasStore.getState().workflow.nodes.find((n) => n.id === id)?.params[name];
      useCanvasStore.getState().apply({ type: 'param', nodeId: id, name, from, to: value });
    },
    [id],
  );
  if (!node) return null;
  const bound = new Map(boundInputs ? boundInputs.split('\n').map((l) => l.split('←') as [string, string]) : []);
  const result = run?.result;
  return (
    <aside ref={ref} className={styles.panel} aria-label={`Node ${id}`} data-node-panel={id}>
      <header className={styles.panelHeader}>
        <div className={styles.panelTitle}>
          <h3>{node.label ?? node.skill}</h3>
          <span>
            {id}
            {spec ? ` · ${spec.runtime}` : ''}
          </span>
        </div>
        <IconButton icon="x" size="sm" label="Close node details" onClick={() => useCanvasStore.getState().select(new Set())} />
      </header>
      <div className={styles.panelActions}>
        {busy && (run?.status === 'queued' || run?.status === 'running') ? (
          <Button size="sm" variant="danger" icon="stop" onClick={() => actions.cancelNode(id)} title="Cancel this node; what depends on it is skipped, other branches go on">
            Cancel node
          </Button>
        ) : (
          <Button size="sm" icon="play" disabled={busy} onClick={() => actions.runNode(id)} title="Run only this node again (ignoring its cached result); what feeds it comes from the cache">
            Run this node
          </Button>
        )}
        <Button size="sm" icon="arrowDown" disabled={busy} onClick={() => actions.runToHere(id)} title="Run this node and everything upstream of it">
          Run to here
        </Button>
      </div>
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd data-panel-status>{run?.status ?? 'not run'}</dd>
        {run?.durationMs != null && (
          <>
            <dt>Duration</dt>
            <dd>
              {formatMs(run.durationMs)}
              {predicted?.durationMs != null && ` (predicted ${formatMs(predicted.durationMs)})`}
            </dd>
          </>
        )}
        {run?.durationMs == null && predicted && (
          <>
            <dt>Predicted</dt>
            <dd>{predicted.outcome === 'run' ? (predicted.durationMs === null ? 'runs (no history yet)' : formatMs(predicted.durationMs)) : predicted.outcome}</dd>
          </>
        )}
        {result?.cacheKey && (
          <>
            <dt>Cache key</dt>
            <dd className={styles.mono} title={result.cacheKey}>
              {result.cacheKey.slice(0, 12)}
            </dd>
          </>
        )}
      </dl>
      {result?.error && (
        <section className={styles.panelError} role="alert">
          <strong>{result.error.code}</strong>
          <p>{result.error.message}</p>
        </section>
      )}
      {!result?.error && run?.reason && run.status !== 'ok' && <p className={styles.panelReason}>{run.reason}</p>}
      {spec && result?.outputs && (
        <section className={styles.panelSection}>
          <h4>Outputs</h4>
          {spec.outputs.map((o) => (
            <div key={o.name} className={styles.output} data-panel-output={o.name}>
              <span className={styles.outputName}>
                {o.name} <em>{o.type}</em>
              </span>
              <OutputPreview value={result.outputs?.[o.name]} type={o.type} name={o.name} />
            </div>
          ))}
        </section>
      )}
      {spec && spec.inputs.length > 0 && (
        <section className={styles.panelSection}>
          <h4>Params</h4>
          <div className={styles.params}>
            {spec.inputs.map((i) => (
              <label key={i.name} className={styles.param} title={i.description}>
                <span>
                  {i.name} <em>{i.type}</em>
                </span>
                {bound.has(i.name) ? <span className={styles.boundFrom}>from {bound.get(i.name)}</span> : <ParamField spec={i} value={node.params[i.name]} onCommit={setParam} />}
              </label>
            ))}
          </div>
        </section>
      )}
      <NodeSettings node={node} />
      <section className={styles.panelSection}>
        <h4>Log</h4>
        {log && log.length > 0 ? (
          <pre className={styles.log} data-node-log>
            {log.map((l, i) => (
              <span key={i} data-stream={l.stream}>
                {l.text}
              </span>
            ))}
          </pre>
        ) : (
          <p className={styles.muted}>{run ? 'Nothing printed.' : 'Run the workflow to see what this node prints.'}</p>
        )}
      </section>
    </aside>
  );
}
