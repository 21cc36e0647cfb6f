import { WeftError } from '../core';
import { GenAI, type AttributeValue, type Span, type SpanKind, type SpanStatus, type Trace } from './types';

/** An OTLP `AnyValue` in the protobuf JSON mapping (int64 as a decimal string). */
export type OtlpAnyValue =
  | { readonly stringValue: string }
  | { readonly boolValue: boolean }
  | { readonly intValue: string }
  | { readonly doubleValue: number }
  | { readonly arrayValue: { readonly values: readonly OtlpAnyValue[] } };

export interface OtlpKeyValue {
  readonly key: string;
  readonly value: OtlpAnyValue;
}

export interface OtlpLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: readonly OtlpKeyValue[];
}

export interface OtlpStatus {
  readonly code: OtlpStatusCode;
  readonly message?: string;
}

export interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: OtlpSpanKind;
  readonly startTimeUnixNano: string;
  readonly endTimeUnixNano: string;
  readonly attributes: readonly OtlpKeyValue[];
  readonly links?: readonly OtlpLink[];
  readonly status: OtlpStatus;
}

export interface OtlpScopeSpans {
  readonly scope: { readonly name: string; readonly version?: string };
  readonly spans: readonly OtlpSpan[];
}

export interface OtlpResourceSpans {
  readonly resource: { readonly attributes: readonly OtlpKeyValue[] };
  readonly scopeSpans: readonly OtlpScopeSpans[];
}

/** An OTLP/JSON trace export request body (`ExportTraceServiceRequest`). */
export interface OtlpExport {
  readonly resourceSpans: readonly OtlpResourceSpans[];
}

/** `SpanKind` values of OTLP, as the JSON mapping writes enums: integers. */
export const OtlpSpanKind = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;
export type OtlpSpanKind = (typeof OtlpSpanKind)[keyof typeof OtlpSpanKind];

/** `Status.StatusCode` values of OTLP. */
export const OtlpStatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;
export type OtlpStatusCode = (typeof OtlpStatusCode)[keyof typeof OtlpStatusCode];

export interface OtlpOptions {
  readonly serviceName?: string;
  readonly serviceVersion?: string;
}

const KIND: Record<SpanKind, OtlpSpanKind> = {
  run: OtlpSpanKind.INTERNAL,
  node: OtlpSpanKind.INTERNAL,
  syscall: OtlpSpanKind.INTERNAL,
  message: OtlpSpanKind.INTERNAL,
  llm: OtlpSpanKind.CLIENT,
  tool: OtlpSpanKind.CLIENT,
};

const STATUS: Record<SpanStatus, OtlpStatusCode> = {
  ok: OtlpStatusCode.OK,
  cached: OtlpStatusCode.OK,
  error: OtlpStatusCode.ERROR,
  cancelled: OtlpStatusCode.UNSET,
};

/**
 * A trace as OTLP/JSON, ready to POST to a collector's `/v1/traces`. Span ids are the first
 * 16 hex chars of Weft's 64-hex ids (the full id is kept as `weft.span.id`); the first parent
 * becomes `parentSpanId`, further parents become links of type `causal_parent`.
 * @example await fetch(url + '/v1/traces', { method: 'POST', body: JSON.stringify(toOtlpJson(trace)) })
 */
export function toOtlpJson(trace: Trace, opts: OtlpOptions = {}): OtlpExport {
  const traceId = otlpTraceId(trace.traceId);
  const resource = [kv('service.name', opts.serviceName ?? 'weft')];
  if (opts.serviceVersion !== undefined) resource.push(kv('service.version', opts.serviceVersion));
  const scope = opts.serviceVersion !== undefined ? { name: 'weft', version: opts.serviceVersion } : { name: 'weft' };
  return {
    resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ scope, spans: trace.spans.map((s) => otlpSpan(traceId, s)) }] }],
  };
}

/**
 * Epoch milliseconds as a decimal string of integer nanoseconds, exact for the decimal the
 * number prints as: 1763734867123.456 → '1763734867123456000'. Multiplying the float by 1e6
 * would exceed 2^53, and even the float's own fraction (…123.4560546875) would add noise digits.
 */
export function msToUnixNano(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new WeftError('TRACE_INVALID', `Cannot export the time ${ms} ms: OTLP needs a finite time after 1970.`, { ms });
  }
  const text = String(ms);
  if (/e/i.test(text)) return BigInt(Math.round(ms * 1e6)).toString(); // below 1e-6 or above 1e21 ms
  const [whole = '0', fraction = ''] = text.split('.');
  const roundUp = fraction.length > 6 && fraction[6]! >= '5' ? 1n : 0n;
  return (BigInt(whole) * 1_000_000n + BigInt(fraction.slice(0, 6).padEnd(6, '0')) + roundUp).toString();
}

function otlpSpan(traceId: string, span: Span): OtlpSpan {
  const [first, ...rest] = span.parents;
  const links = rest.map((p) => ({ traceId, spanId: otlpSpanId(p), attributes: [kv('weft.link.type', 'causal_parent')] }));
  return {
    traceId,
    spanId: otlpSpanId(span.id),
    ...(first === undefined ? {} : { parentSpanId: otlpSpanId(first) }),
    name: span.name,
    kind: KIND[span.kind],
    startTimeUnixNano: msToUnixNano(span.start),
    endTimeUnixNano: msToUnixNano(span.end),
    attributes: otlpAttributes(span),
    ...(links.length === 0 ? {} : { links }),
    status: otlpStatus(span),
  };
}

// Weft's derived attributes win over same-named ones a span carries, so every key appears once.
function otlpAttributes(span: Span): OtlpKeyValue[] {
  const all = new Map<string, AttributeValue>(Object.entries(span.attributes));
  all.set('weft.span.id', span.id);
  all.set('weft.span.kind', span.kind);
  all.set('weft.span.status', span.status);
  if (span.pid !== null) all.set('weft.pid', span.pid);
  if (span.inputsHash !== null) all.set('weft.inputs_hash', span.inputsHash);
  if (span.outputsHash !== null) all.set('weft.outputs_hash', span.outputsHash);
  all.set('weft.energy.cpu_ms', span.energy.cpuMs);
  all.set('weft.energy.bytes', span.energy.bytes);
  if (span.energy.tokensIn !== 0) all.set(GenAI.usageInputTokens, span.energy.tokensIn);
  if (span.energy.tokensOut !== 0) all.set(GenAI.usageOutputTokens, span.energy.tokensOut);
  return [...all].map(([key, value]) => kv(key, value));
}

function otlpStatus(span: Span): OtlpStatus {
  const code = STATUS[span.status];
  const message = span.attributes['error.message'];
  return span.status === 'error' && typeof message === 'string' ? { code, message } : { code };
}

function kv(key: string, value: AttributeValue): OtlpKeyValue {
  return { key, value: anyValue(value) };
}

function anyValue(value: AttributeValue | string | number | boolean): OtlpAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  return { arrayValue: { values: value.map((v: string | number | boolean) => anyValue(v)) } };
}

function otlpTraceId(id: string): string {
  const hex = id.toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex) || /^0+$/.test(hex)) {
    throw new WeftError('TRACE_INVALID', `Cannot export trace ${id}: OTLP needs a trace id of 32 hex characters, not all zero.`, { traceId: id });
  }
  return hex;
}

function otlpSpanId(id: string): string {
  const hex = id.slice(0, 16).toLowerCase();
  if (!/^[0-9a-f]{16}$/.test(hex)) {
    throw new WeftError('TRACE_INVALID', `Cannot export span ${id}: its id is not hexadecimal. Re-seal the span.`, { spanId: id });
  }
  return hex;
}
