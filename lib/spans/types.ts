import type { ContentHash, Pid, SpanId, TraceId } from '../core';

/** What a span records: a whole run, a workflow node, a model call, a tool call, a bus message or a syscall. */
export type SpanKind = 'run' | 'node' | 'llm' | 'tool' | 'message' | 'syscall';

/** Every span kind, in a fixed order (for per-kind tables). */
export const SPAN_KINDS: readonly SpanKind[] = ['run', 'node', 'llm', 'tool', 'message', 'syscall'];

/** How a span ended; `cached` means its outputs came from the memo cache without running. */
export type SpanStatus = 'ok' | 'error' | 'cancelled' | 'cached';

/** The resources one span consumed. */
export interface Energy {
  readonly cpuMs: number;
  readonly tokensIn: number;
  readonly tokensOut: number;
  readonly bytes: number;
}

/** An attribute value, as OpenTelemetry allows: a scalar or a homogeneous array of scalars. */
export type AttributeValue = string | number | boolean | readonly string[] | readonly number[] | readonly boolean[];

/** A span's attributes; keys Weft owns start with `weft.` (see `WeftAttr`), GenAI ones follow `GenAI`. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/**
 * One immutable unit of work. `id` is the SHA-256 of the canonical JSON of every other field
 * (see `spanIdOf`); `parents` are causal, so a trace's spans form a DAG.
 * `start` and `end` are Unix epoch milliseconds and may be fractional (sub-millisecond precision).
 */
export interface Span {
  readonly id: SpanId;
  readonly traceId: TraceId;
  readonly parents: readonly SpanId[];
  readonly kind: SpanKind;
  readonly name: string;
  readonly pid: Pid | null;
  readonly start: number;
  readonly end: number;
  readonly status: SpanStatus;
  readonly inputsHash: ContentHash | null;
  readonly outputsHash: ContentHash | null;
  readonly energy: Energy;
  readonly attributes: Attributes;
}

/** A finished span before its id is computed. */
export type SpanDraft = Omit<Span, 'id'>;

/**
 * What is known when a span opens. `key` is a local correlation id that pairs this start with
 * its end; it is not the span id, which depends on the outputs and is known only at the end.
 */
export interface SpanStart {
  readonly key: string;
  readonly traceId: TraceId;
  readonly parents: readonly SpanId[];
  readonly kind: SpanKind;
  readonly name: string;
  readonly pid: Pid | null;
  readonly start: number;
  readonly attributes: Attributes;
}

/** One run's spans and the root hash that commits to their ids (see `traceRootHash`). */
export interface Trace {
  readonly traceId: TraceId;
  readonly spans: readonly Span[];
  readonly rootHash: ContentHash;
}

/** Attribute keys Weft itself defines. */
export const WeftAttr = {
  /**
   * Parents (span ids, `string[]`) this span deliberately overlaps: it started before they
   * ended, e.g. a message received while its sender still runs. Exempts them from the
   * child-before-parent check of `verifyTrace`.
   */
  concurrentParents: 'weft.concurrent_parents',
} as const;

/** OpenTelemetry GenAI semantic-convention attribute names. */
export const GenAI = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
  toolName: 'gen_ai.tool.name',
  toolCallId: 'gen_ai.tool.call.id',
} as const;
