'use client';

/**
 * A skill on the canvas: its name and runtime, input handles on the left and outputs on the
 * right (coloured by I/O type), a param field for every input no edge feeds, and the latest
 * run's status, duration, cache mark and output summary. Each node selects only its own slices
 * of the stores, so a status change re-renders that node alone.
 */
import { Handle, type NodeProps, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useCallback, useEffect } from 'react';
import { cx } from '@/components/ui/Button';
import { Icon } from '@/components/ui/Icon';
import type { IoSpec } from '@/lib/skills';
import type { SkillFlowNode } from './flowTypes';
import { formatMs, ioColor, summarize } from './ioStyle';
import { ParamField } from './ParamField';
import styles from './SkillNode.module.css';
import { useCanvasRun } from './useCanvasRun';
import { useCanvasStore } from './useCanvasStore';
import { useSkillSpecs } from './useSkillSpecs';

const RUNTIME_LABEL: Readonly<Record<string, string>> = { python: 'PY', javascript: 'JS', tensor: 'TF', three: '3D', spice: 'SPICE', workflow: 'WF' };

export const SkillNode = memo(function SkillNode({ id, data, selected }: NodeProps<SkillFlowNode>) {
  const { node, bound } = data;
  const spec = useSkillSpecs((s) => s.specs[node.skill]);
  const specsLoaded = useSkillSpecs((s) => s.loaded);
  const run = useCanvasRun((s) => s.nodes[id]);
  const predicted = useCanvasRun((s) => s.predicted[id]);
  const updateInternals = useUpdateNodeInternals();
  const handleKey = `${spec?.inputs.map((i) => i.name).join(',')}|${spec?.outputs.map((o) => o.name).join(',')}|${bound.join(',')}`;
  useEffect(() => updateInternals(id), [id, handleKey, updateInternals]);

  const setParam = useCallback(
    (name: string, value: unknown) => {
      const from = useCanvasStore.getState().workflow.nodes.find((n) => n.id === id)?.params[name];
      useCanvasStore.getState().apply({ type: 'param', nodeId: id, name, from, to: value });
    },
    [id],
  );

  const status = run?.status ?? 'idle';
  const outputs = run?.result?.outputs ?? null;
  return (
    <div className={cx(styles.node, selected && styles.selected)} data-node-id={id} data-status={status} data-skill={node.skill}>
      <div className={styles.header}>
        <span className={styles.runtime} title={spec?.runtime ?? 'unknown runtime'}>
          {spec ? (RUNTIME_LABEL[spec.runtime] ?? spec.runtime) : '?'}
        </span>
        <span className={styles.title} title={spec?.description ?? node.skill} data-node-title>
          {node.label ?? node.skill}
        </span>
        <StatusMark status={status} reason={run?.reason ?? null} />
      </div>
      <div className={styles.meta}>
        <span className={styles.id}>{id}</span>
        {run?.durationMs != null && <span data-duration>{formatMs(run.durationMs)}</span>}
        {status === 'cached' && (
          <span className={styles.cacheMark} title="Came from the cache: same skill, inputs and seed as an earlier run">
            cached
          </span>
        )}
        {predicted && (
          <span className={styles.predicted} title={`Predicted from ${predicted.samples} past runs`}>
            {predicted.outcome === 'cached' ? 'predicted cached' : predicted.outcome === 'run' ? `predicted ${predicted.durationMs === null ? '?' : formatMs(predicted.durationMs)}` : `predicted ${predicted.outcome}`}
          </span>
        )}
      </div>
      {!spec && specsLoaded && <p className={styles.missing}>No executable skill named {node.skill}</p>}
      {spec && spec.outputs.length > 0 && (
        <ul className={styles.ports} aria-label="Outputs">
          {spec.outputs.map((o) => (
            <li key={o.name} className={cx(styles.port, styles.output)}>
              {outputs && (
                <span className={styles.summary} data-output-summary={o.name}>
                  {summarize(outputs[o.name], o.type)}
                </span>
              )}
              <span className={styles.portName} title={`${o.name}: ${o.type}${o.description ? ` — ${o.description}` : ''}`}>
                {o.name}
              </span>
              <Handle type="source" position={Position.Right} id={o.name} className={styles.handle} style={{ background: ioColor(o.type) }} />
            </li>
          ))}
        </ul>
      )}
      {spec && spec.inputs.length > 0 && (
        <ul className={styles.ports} aria-label="Inputs">
          {spec.inputs.map((i) => (
            <InputRow key={i.name} spec={i} bound={bound.includes(i.name)} value={node.params[i.name]} onCommit={setParam} />
          ))}
        </ul>
      )}
    </div>
  );
});

const InputRow = memo(function InputRow({ spec, bound, value, onCommit }: { spec: IoSpec; bound: boolean; value: unknown; onCommit(name: string, value: unknown): void }) {
  return (
    <li className={cx(styles.port, styles.input)} data-input={spec.name}>
      <Handle type="target" position={Position.Left} id={spec.name} className={styles.handle} style={{ background: ioColor(spec.type) }} />
      <span className={styles.portName} title={`${spec.name}: ${spec.type}${spec.description ? ` — ${spec.description}` : ''}`}>
        {spec.name}
      </span>
      {bound ? <span className={styles.boundMark}>from edge</span> : <ParamField spec={spec} value={value} onCommit={onCommit} />}
    </li>
  );
});

function StatusMark({ status, reason }: { status: string; reason: string | null }) {
  if (status === 'idle') return null;
  return (
    <span className={styles.status} data-node-status={status} title={reason ?? status}>
      {status === 'ok' && <Icon name="check" size={12} />}
      {status === 'error' && <Icon name="alert" size={12} />}
      {status}
    </span>
  );
}
