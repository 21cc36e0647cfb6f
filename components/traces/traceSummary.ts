/**
 * What a trace is, read from its spans: a workflow run, a chat turn or an agent's step, its
 * name and how it ended. The list's entry says the same when the trace was opened from it; a
 * trace opened by path alone is recognised by its root span's attributes.
 */
import type { TraceEntry, TraceKind } from '@/lib/kernel/protocol';
import { GenAI, type Span, type SpanStatus } from '@/lib/spans';

export interface TraceSummary {
  readonly kind: TraceKind;
  readonly name: string;
  readonly status: SpanStatus;
  /** Index of the root span (the run span when there is one), or -1 for an empty trace. */
  readonly root: number;
}

/**
 * @example summarizeTrace(trace.spans).kind === 'run' // a workflow run: it can be replayed
 */
export function summarizeTrace(spans: readonly Span[], entry?: Pick<TraceEntry, 'kind' | 'name'> | null): TraceSummary {
  let root = spans.findIndex((s) => s.kind === 'run' && s.parents.length === 0);
  if (root === -1) root = spans.findIndex((s) => s.parents.length === 0);
  if (root === -1 && spans.length > 0) root = 0;
  const span = spans[root];
  return {
    kind: entry?.kind ?? kindOf(span),
    name: entry?.name ?? span?.name ?? 'Empty trace',
    status: span ? statusOf(spans, span) : 'ok',
    root,
  };
}

function kindOf(root: Span | undefined): TraceKind {
  if (!root) return 'agent';
  const a = root.attributes;
  if (a['weft.workflow.id'] !== undefined || a['weft.workflow'] !== undefined || a['weft.run.id'] !== undefined) return 'run';
  if (root.name === 'chat turn' || a['weft.turn.model_calls'] !== undefined || a[GenAI.providerName] !== undefined) return 'chat';
  return 'agent';
}

/** The root's status, unless it says ok while a span failed. */
function statusOf(spans: readonly Span[], root: Span): SpanStatus {
  if (root.status !== 'ok') return root.status;
  return spans.some((s) => s.status === 'error') ? 'error' : 'ok';
}
