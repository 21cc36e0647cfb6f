/**
 * Everything one span records, beside the timeline or graph: kind, status, timing, energy,
 * hashes, the error, its attributes, and its parents and children (each a link to select it).
 */
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/Badge';
import { IconButton } from '@/components/ui/Button';
import { formatMs } from '@/components/ui/format';
import type { AttributeValue } from '@/lib/spans';
import { StatusBadge } from '../TraceBadges';
import { formatCount, formatTimestamp } from '../traceFormat';
import type { TraceModel } from '../traceModel';
import styles from './SpanInspector.module.css';

/** A span with more children than this (a run span enclosing thousands of nodes) lists the first ones. */
const MAX_LINKS = 50;

export interface SpanInspectorProps {
  readonly model: TraceModel;
  readonly spanIndex: number;
  /** What verification found wrong with this span, if it was verified. */
  readonly problems: readonly { readonly code: string; readonly message: string }[];
  onSelect(spanIndex: number): void;
  onClose(): void;
}

export function SpanInspector({ model, spanIndex, problems, onSelect, onClose }: SpanInspectorProps) {
  const span = model.trace.spans[spanIndex]!;
  const { t0 } = model.layout;
  const missing = span.parents.filter((p) => !model.index.byId.has(p));
  const error = span.attributes['error.message'];
  const errorType = span.attributes['error.type'];
  const attributes = Object.entries(span.attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <aside className={styles.inspector} role="complementary" aria-label="Span" data-span={span.id} data-kind={span.kind}>
      <div className={styles.head}>
        <div className={styles.titleRow}>
          <span className={styles.kindDot} aria-hidden="true" />
          <h3 className={styles.title} title={span.name}>
            {span.name}
          </h3>
          <div className={styles.spacer} />
          <IconButton icon="x" size="sm" label="Close span details" onClick={onClose} />
        </div>
        <div className={styles.badges}>
          <Badge tone="neutral" mono>
            {span.kind}
          </Badge>
          <StatusBadge status={span.status} />
          {model.onCritical[spanIndex] === 1 && <Badge tone="accent">critical path</Badge>}
          {problems.length > 0 && <Badge tone="danger">failed verification</Badge>}
        </div>
      </div>

      {problems.length > 0 && (
        <ul className={styles.problems}>
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.code}</code> {p.message}
            </li>
          ))}
        </ul>
      )}

      {typeof error === 'string' && (
        <div className={styles.error} role="note">
          {typeof errorType === 'string' && <code>{errorType}</code>} {error}
        </div>
      )}

      <Section title="Timing">
        <Field label="Start">{`${formatTimestamp(span.start)} (+${formatMs(span.start - t0)})`}</Field>
        <Field label="End">{`${formatTimestamp(span.end)} (+${formatMs(span.end - t0)})`}</Field>
        <Field label="Duration">{formatMs(span.end - span.start)}</Field>
        {span.pid !== null && <Field label="Process">{`pid ${span.pid}`}</Field>}
      </Section>

      <Section title="Energy">
        <Field label="CPU">{formatMs(span.energy.cpuMs)}</Field>
        <Field label="Tokens">{`${formatCount(span.energy.tokensIn)} in · ${formatCount(span.energy.tokensOut)} out`}</Field>
        <Field label="Bytes">{formatCount(span.energy.bytes)}</Field>
      </Section>

      <Section title="Content">
        <Field label="Span id" mono>
          {span.id}
        </Field>
        <Field label="Inputs" mono>
          {span.inputsHash ?? '—'}
        </Field>
        <Field label="Outputs" mono>
          {span.outputsHash ?? '—'}
        </Field>
      </Section>

      <Links title="Parents" model={model} links={model.index.parents[spanIndex]!} onSelect={onSelect} extra={missing.length > 0 ? `${missing.length} not in this trace: ${missing.map((m) => m.slice(0, 12)).join(', ')}` : null} />
      <Links title="Children" model={model} links={model.index.children[spanIndex]!} onSelect={onSelect} extra={null} />

      <Section title={`Attributes (${attributes.length})`}>
        {attributes.length === 0 ? (
          <p className={styles.none}>None.</p>
        ) : (
          <table className={styles.attributes}>
            <tbody>
              {attributes.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td>
                    <AttributeText value={value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.section}>
      <h4 className={styles.sectionTitle}>{title}</h4>
      {children}
    </section>
  );
}

function Field({ label, mono = false, children }: { label: string; mono?: boolean; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <span className={styles.fieldLabel}>{label}</span>
      <span className={mono ? styles.mono : undefined}>{children}</span>
    </div>
  );
}

function Links({ title, model, links, onSelect, extra }: { title: string; model: TraceModel; links: readonly number[]; onSelect(i: number): void; extra: string | null }) {
  const spans = model.trace.spans;
  return (
    <Section title={`${title} (${links.length})`}>
      {links.length === 0 && !extra && <p className={styles.none}>None.</p>}
      {links.length > 0 && (
        <ul className={styles.links}>
          {links.slice(0, MAX_LINKS).map((i) => (
            <li key={i}>
              <button type="button" className={styles.link} data-kind={spans[i]!.kind} onClick={() => onSelect(i)} title={`Select ${spans[i]!.name}`}>
                <span className={styles.kindDot} aria-hidden="true" />
                <span className={styles.linkName}>{spans[i]!.name}</span>
                <span className={styles.linkKind}>{spans[i]!.kind}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {links.length > MAX_LINKS && <p className={styles.none}>…and {formatCount(links.length - MAX_LINKS)} more (see the timeline).</p>}
      {extra && <p className={styles.missing}>{extra}</p>}
    </Section>
  );
}

/** An attribute as text: arrays joined, long JSON scrollable rather than stretching the panel. */
function AttributeText({ value }: { value: AttributeValue }) {
  const text = Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : typeof value === 'string' ? value : String(value);
  return <code className={text.length > 120 ? styles.long : undefined}>{text}</code>;
}
