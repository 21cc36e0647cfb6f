/**
 * The trace view's header: what the trace is, its totals, and its actions (Verify, Replay,
 * Export OTLP, Export JSON, Close). Only workflow runs can be replayed.
 */
import { Button, IconButton } from '@/components/ui/Button';
import { formatMs } from '@/components/ui/format';
import type { TraceKind } from '@/lib/kernel/protocol';
import type { SpanStatus } from '@/lib/spans';
import { StatusBadge, TRACE_KIND_WORDS, TraceKindBadge } from '../TraceBadges';
import { formatCount } from '../traceFormat';
import type { TraceTotals } from '../traceTotals';
import styles from './TraceView.module.css';

export interface TraceHeaderProps {
  readonly path: string;
  /** Known once the trace loaded (or from its list entry before). */
  readonly summary: { readonly kind: TraceKind; readonly name: string; readonly status: SpanStatus | null } | null;
  readonly totals: TraceTotals | null;
  /** False while the trace is loading or could not be read. */
  readonly loaded: boolean;
  readonly verifying: boolean;
  readonly replaying: boolean;
  onVerify(): void;
  onReplay(): void;
  onExportOtlp(): void;
  onExportJson(): void;
  onClose(): void;
}

export function TraceHeader({ path, summary, totals, loaded, verifying, replaying, onVerify, onReplay, onExportOtlp, onExportJson, onClose }: TraceHeaderProps) {
  const replayable = summary?.kind === 'run';
  const replayTitle = !loaded
    ? 'The trace has not loaded'
    : !replayable
      ? `Only workflow runs can be replayed; this is a ${TRACE_KIND_WORDS[summary?.kind ?? 'agent']}.`
      : 'Re-run the workflow with the same params and seeds, nothing from the cache, and compare every output';
  return (
    <header className={styles.header}>
      <div className={styles.titleRow}>
        {summary && <TraceKindBadge kind={summary.kind} />}
        <h2 className={styles.title} title={summary?.name}>
          {summary?.name ?? 'Trace'}
        </h2>
        {summary?.status && <StatusBadge status={summary.status} />}
        <span className={styles.path} title={path}>
          {path}
        </span>
        <div className={styles.spacer} />
        <div className={styles.actions}>
          <Button size="sm" icon="check" onClick={onVerify} disabled={!loaded || verifying} title="Re-check every span: ids re-hash, parents exist, causal order, root hash">
            Verify
          </Button>
          <Button size="sm" icon="refresh" onClick={onReplay} disabled={!loaded || !replayable || replaying} title={replayTitle}>
            Replay
          </Button>
          <Button size="sm" variant="ghost" icon="arrowDown" onClick={onExportOtlp} disabled={!loaded} title="Download as OTLP/JSON, for Jaeger, Tempo or an OpenTelemetry collector">
            Export OTLP
          </Button>
          <Button size="sm" variant="ghost" icon="arrowDown" onClick={onExportJson} disabled={!loaded} title="Download the trace as Weft stores it">
            Export JSON
          </Button>
          <IconButton icon="x" size="sm" label="Close trace" title="Close (Escape)" onClick={onClose} />
        </div>
      </div>
      {totals && (
        <dl className={styles.totals}>
          <Total label="Duration" value={formatMs(totals.durationMs)} />
          <Total label="CPU" value={formatMs(totals.energy.cpuMs)} title="Energy: CPU time of the work spans" />
          <Total label="Tokens" value={`${formatCount(totals.energy.tokensIn)} in · ${formatCount(totals.energy.tokensOut)} out`} />
          <Total label="Cache hits" value={formatCount(totals.cacheHits)} />
          <Total label="Spans" value={formatCount(totals.spanCount)} />
          {totals.errors > 0 && <Total label="Errors" value={formatCount(totals.errors)} />}
          <Total label="Parallel" value={`up to ${formatCount(totals.peakParallel)}`} title="The most spans running at once" />
        </dl>
      )}
    </header>
  );
}

function Total({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className={styles.total} title={title}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
