'use client';

/** A tensor: its dtype and shape, min / max / mean, and its first matrix as a table. */
import { useMemo } from 'react';
import { Badge } from '@/components/ui/Badge';
import { formatInteger, formatNumber } from '../shared/formatValue';
import { PreviewError } from '../shared/PreviewError';
import { Table } from '../Table/Table';
import styles from './OutputPreview.module.css';
import { tensorStats, tensorTable, toTensor } from './tensorData';

export function TensorPreview({ value, label = 'Tensor' }: { value: unknown; label?: string }) {
  const tensor = useMemo(() => toTensor(value), [value]);
  const summary = useMemo(() => (tensor ? { stats: tensorStats(tensor), ...tensorTable(tensor) } : null), [tensor]);
  if (!tensor || !summary) return <PreviewError title="This is not a tensor">A tensor is {'{ shape, dtype, data }'}, a typed array, or nested lists of numbers of equal length.</PreviewError>;
  const { stats, table, slice } = summary;
  return (
    <div className={styles.tensor}>
      <div className={styles.tensorHead}>
        <Badge tone="info" mono>
          {tensor.dtype}
        </Badge>
        <span className={styles.shape}>[{tensor.shape.join(' × ') || 'scalar'}]</span>
        <span className={styles.stat}>
          {formatInteger(stats.count)} values · min {formatNumber(stats.min, 4)} · max {formatNumber(stats.max, 4)} · mean {formatNumber(stats.mean, 4)}
          {stats.nonFinite > 0 && ` · ${formatInteger(stats.nonFinite)} not finite`}
        </span>
      </div>
      {slice && <p className={styles.slice}>Showing {slice}</p>}
      <Table value={table} label={label} maxHeight={280} />
    </div>
  );
}
