'use client';

/**
 * One output of a skill, shown the way its type asks: a plot, a table, a 3D scene, a circuit's
 * curves, an image, a tensor, a JSON tree, or a plain number or text. Rich views can be switched
 * to the raw JSON. Each preview sits in an error boundary, so one bad output never takes the page down.
 */
import { type ReactNode, useMemo, useState } from 'react';
import type { IoType } from '@/lib/skills/types';
import { Circuit } from '../Circuit/Circuit';
import { ImagePreview } from '../Image/ImagePreview';
import { JsonTree } from '../JsonTree/JsonTree';
import { Plot } from '../Plot/Plot';
import { Scene3D } from '../Scene3D/Scene3D';
import { PreviewBoundary } from '../shared/PreviewBoundary';
import { Table } from '../Table/Table';
import styles from './OutputPreview.module.css';
import { type PreviewKind, previewKind, RICH_KINDS } from './previewKind';
import { BooleanValue, EmptyValue, NumberValue, StringValue } from './Scalar';
import { TensorPreview } from './TensorPreview';

export interface OutputPreviewProps {
  value: unknown;
  /** The output's declared I/O type (`plot`, `table`…); without it, the value decides. */
  type?: IoType | string;
  /** The output's name, for labels and messages. */
  name?: string;
  /** Offer a "JSON" switch on rich views (on by default). */
  rawToggle?: boolean;
  className?: string;
}

export function OutputPreview({ value, type, name = 'output', rawToggle = true, className }: OutputPreviewProps) {
  const kind = useMemo(() => previewKind(value, type), [value, type]);
  const [raw, setRaw] = useState(false);
  // A new value gets a fresh boundary, so an error shown for the last one does not stick.
  const [seen, setSeen] = useState<{ value: unknown; version: number }>({ value, version: 0 });
  if (seen.value !== value) setSeen({ value, version: seen.version + 1 });

  const rich = RICH_KINDS.has(kind);
  return (
    <div className={[styles.output, className].filter(Boolean).join(' ')} data-preview={kind}>
      {rich && rawToggle && (
        <div className={styles.switch} role="group" aria-label={`Show ${name} as`}>
          <button type="button" aria-pressed={!raw} onClick={() => setRaw(false)}>
            {LABELS[kind]}
          </button>
          <button type="button" aria-pressed={raw} onClick={() => setRaw(true)}>
            JSON
          </button>
        </div>
      )}
      <PreviewBoundary key={seen.version} what={name}>
        {raw && rich ? <JsonTree value={value} label={name} className={styles.json} /> : preview(kind, value, name)}
      </PreviewBoundary>
    </div>
  );
}

const LABELS: Record<PreviewKind, string> = {
  empty: 'Value',
  number: 'Number',
  string: 'Text',
  boolean: 'Value',
  json: 'JSON',
  table: 'Table',
  tensor: 'Tensor',
  image: 'Image',
  plot: 'Plot',
  scene3d: '3D',
  circuit: 'Plot',
};

function preview(kind: PreviewKind, value: unknown, name: string): ReactNode {
  switch (kind) {
    case 'empty':
      return <EmptyValue value={value as null | undefined} />;
    case 'number':
      return <NumberValue value={value as number | bigint} />;
    case 'string':
      return <StringValue value={value as string} />;
    case 'boolean':
      return <BooleanValue value={value as boolean} />;
    case 'table':
      return <Table value={value} label={name} />;
    case 'tensor':
      return <TensorPreview value={value} label={name} />;
    case 'image':
      return <ImagePreview value={value} alt={`Image output ${name}`} />;
    case 'plot':
      return <Plot spec={value} label={name} />;
    case 'scene3d':
      return <Scene3D scene={value} label={name} />;
    case 'circuit':
      return <Circuit value={value} label={name} />;
    case 'json':
      return <JsonTree value={value} label={name} className={styles.json} />;
  }
}
