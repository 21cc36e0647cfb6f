/** What `trace.verify` found, in the words and groups the Verify panel shows. */
import type { TraceVerification } from '@/lib/kernel/protocol';

export interface SpanProblems {
  /** The span's stored id, or null for the trace as a whole (its root hash). */
  readonly spanId: string | null;
  readonly problems: readonly { readonly code: string; readonly message: string }[];
}

/**
 * @example verifyHeadline({ ok: true, spanCount: 12, problems: [], path }) === 'Verified: 12 spans, all ids and causal links check out'
 */
export function verifyHeadline(v: TraceVerification): string {
  if (v.ok) return `Verified: ${v.spanCount} ${v.spanCount === 1 ? 'span' : 'spans'}, all ids and causal links check out`;
  const spans = groupProblems(v).filter((g) => g.spanId !== null).length;
  const n = v.problems.length;
  return `Verification failed: ${n} ${n === 1 ? 'problem' : 'problems'}${spans > 0 ? ` in ${spans} of ${v.spanCount} spans` : ''}`;
}

/** The problems grouped span by span, in the order found (the trace-wide ones last, as the kernel reports them). */
export function groupProblems(v: TraceVerification): SpanProblems[] {
  const groups = new Map<string | null, { code: string; message: string }[]>();
  for (const p of v.problems) {
    const list = groups.get(p.spanId) ?? [];
    list.push({ code: p.code, message: p.message });
    groups.set(p.spanId, list);
  }
  return [...groups].map(([spanId, problems]) => ({ spanId, problems }));
}

/** Ids of the spans with a problem: the timeline marks them as tampered. */
export function tamperedSpanIds(v: TraceVerification | null): ReadonlySet<string> {
  if (!v || v.ok) return NONE;
  return new Set(v.problems.flatMap((p) => (p.spanId === null ? [] : [p.spanId])));
}

const NONE: ReadonlySet<string> = new Set();
