'use client';

/**
 * Circuit simulation results: each analysis (transient, AC, DC sweep) as a plot through `Plot`,
 * one tab per plot when there are several; operating-point values as a small table.
 */
import { useId, useMemo, useState } from 'react';
import { cx } from '@/components/ui/Button';
import { TabList, TabPanel } from '@/components/ui/Tabs';
import { Plot } from '../Plot/Plot';
import { PreviewError } from '../shared/PreviewError';
import { Table } from '../Table/Table';
import styles from './Circuit.module.css';
import { circuitSpec, toCircuitView } from './circuitPlots';

export interface CircuitProps {
  /** Raw vectors (`{ [analysis]: { [vector]: number[] | { re, im } } }`) or series to plot (`{ x, series, scale }`). */
  value: unknown;
  label?: string;
  /** Height of each plot's data area, in pixels. */
  height?: number;
  className?: string;
}

export function Circuit({ value, label = 'Circuit simulation', height = 240, className }: CircuitProps) {
  const idBase = useId().replace(/:/g, '');
  const view = useMemo(() => toCircuitView(value), [value]);
  const panels = useMemo(() => {
    if (!view) return [];
    const plots = view.plots.map((plot, i) => ({ id: `p${i}`, label: plot.title ?? `Plot ${i + 1}`, spec: circuitSpec(plot, height) }));
    const values = view.values.map((v, i) => ({
      id: `v${i}`,
      label: v.title,
      table: { columns: ['vector', 'value', 'unit'], rows: v.rows.map(([name, n, unit]) => [name, n, unit]) },
    }));
    return [...plots, ...values];
  }, [view, height]);
  const [selected, setSelected] = useState('p0');

  if (!view || panels.length === 0) {
    return (
      <PreviewError title="No circuit results to show">
        Expected simulation vectors such as {'{ tran: { time: [...], "v(out)": [...] } }'} or series {'{ x, series, scale }'}.
      </PreviewError>
    );
  }
  const current = panels.find((p) => p.id === selected) ?? panels[0]!;
  const body = 'spec' in current ? <Plot spec={current.spec} label={`${label}: ${current.label}`} /> : <Table value={current.table} label={`${label}: ${current.label}`} />;
  if (panels.length === 1) return <div className={className}>{body}</div>;
  return (
    <div className={cx(styles.circuit, className)}>
      <div className={styles.tabs}>
        <TabList idBase={idBase} label={label} tabs={panels.map(({ id, label: text }) => ({ id, label: text }))} value={current.id} onChange={setSelected} />
      </div>
      <TabPanel idBase={idBase} id={current.id}>
        {body}
      </TabPanel>
    </div>
  );
}
