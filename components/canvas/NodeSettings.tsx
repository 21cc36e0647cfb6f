'use client';

/**
 * How a node runs: its deadline and its retry policy (count and first backoff, doubling each
 * time). Each change is one undoable edit of the workflow; blank means the skill's own deadline
 * and no retries.
 */
import type { IoSpec } from '@/lib/skills';
import type { WorkflowNode } from '@/lib/workflow';
import styles from './Canvas.module.css';
import { ParamField } from './ParamField';
import { useCanvasStore } from './useCanvasStore';

/** The run settings as fields; blank is allowed where it has a meaning (the skill's own deadline, no retries). */
export const RUN_SETTING_FIELDS: readonly IoSpec[] = [
  { name: 'deadline_s', type: 'number', required: false, description: 'Seconds this node may run before it is stopped (blank: the skill’s own timeout).' },
  { name: 'retries', type: 'number', required: false, description: 'How many more attempts after a failure (0 or blank: none).' },
  { name: 'backoff_ms', type: 'number', description: 'Wait before the first retry, in milliseconds; it doubles each time.' },
];

/** The node with one setting changed; null values clear it. */
export function withSetting(node: WorkflowNode, name: string, value: unknown): WorkflowNode {
  const number = typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
  const { timeoutMs: _t, retry: _r, ...rest } = node;
  // Within what a workflow file allows (lib/workflow/workflowSchema.ts): a day, 10 retries, an hour.
  const timeoutMs = name === 'deadline_s' ? (number === null || number === 0 ? undefined : Math.min(86_400_000, Math.max(1, Math.round(number * 1000)))) : node.timeoutMs;
  const count = name === 'retries' ? (number === null ? 0 : Math.min(10, Math.floor(number))) : (node.retry?.count ?? 0);
  const backoffMs = name === 'backoff_ms' ? Math.min(3_600_000, Math.round(number ?? 0)) : (node.retry?.backoffMs ?? 1000);
  return { ...rest, ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(count > 0 ? { retry: { count, backoffMs } } : {}) };
}

export function NodeSettings({ node }: { node: WorkflowNode }) {
  const values: Record<string, unknown> = {
    deadline_s: node.timeoutMs === undefined ? undefined : node.timeoutMs / 1000,
    retries: node.retry?.count ?? 0,
    backoff_ms: node.retry?.backoffMs ?? 1000,
  };
  const commit = (name: string, value: unknown) => {
    const { workflow, apply } = useCanvasStore.getState();
    const to = { ...workflow, nodes: workflow.nodes.map((n) => (n.id === node.id ? withSetting(n, name, value) : n)) };
    apply({ type: 'replace', from: workflow, to });
  };
  return (
    <section className={styles.panelSection}>
      <h4>Run settings</h4>
      <div className={styles.params}>
        {RUN_SETTING_FIELDS.map((field) => (
          <label key={field.name} className={styles.param} title={field.description}>
            <span>{field.name.replace('_', ' ')}</span>
            <ParamField spec={field} value={values[field.name]} onCommit={commit} label={field.name} />
          </label>
        ))}
      </div>
    </section>
  );
}
