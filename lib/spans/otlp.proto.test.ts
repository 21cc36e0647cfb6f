/**
 * Our OTLP/JSON checked against the OpenTelemetry protobuf definitions: the export is read the
 * way a collector reads it (hex ids become bytes), built into `ExportTraceServiceRequest` by the
 * protobufjs code that `@opentelemetry/otlp-transformer` generates from opentelemetry-proto, sent
 * through the binary wire format and read back. A field the proto does not have, or a value of
 * the wrong type, does not survive the trip.
 */
import root from '@opentelemetry/otlp-transformer/build/src/generated/root';
import { describe, expect, it } from 'vitest';
import { toOtlpJson, type OtlpExport } from './otlp';
import { diamond, draftSpan, TRACE_ID } from './spanFixtures';
import { sealSpan } from './spanId';
import { makeTrace } from './trace';
import { GenAI } from './types';

// The package types its generated root only as a protobufjs `Root`; these are the parts used here.
interface Long {
  toString(): string;
}
interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: Long;
  doubleValue?: number;
  arrayValue?: { values: AnyValue[] };
}
interface KeyValue {
  key: string;
  value: AnyValue;
}
interface DecodedSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId?: Uint8Array | null; // null when unset (the generated code uses --null-defaults)
  name: string;
  kind: number;
  startTimeUnixNano: Long;
  endTimeUnixNano: Long;
  attributes: KeyValue[];
  links: { traceId: Uint8Array; spanId: Uint8Array; attributes: KeyValue[] }[];
  status?: { code?: number; message?: string };
}
interface DecodedRequest {
  resourceSpans: { resource?: { attributes: KeyValue[] }; scopeSpans: { scope?: { name: string; version?: string }; spans: DecodedSpan[] }[] }[];
}
interface MessageType<M> {
  fromObject(object: unknown): M;
  verify(message: unknown): string | null;
  encode(message: M): { finish(): Uint8Array };
  decode(bytes: Uint8Array): M;
  toObject(message: M, options: { longs: typeof String; enums: typeof Number; bytes: typeof String; defaults: boolean }): unknown;
}
interface Generated {
  opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceRequest: MessageType<DecodedRequest> } } } } };
}

const Request = (root as unknown as Generated).opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** OTLP/JSON writes these `bytes` fields as hex (plain protobuf JSON would use base64), of these lengths. */
const HEX_ID_BYTES = new Map([
  ['traceId', 16],
  ['spanId', 8],
  ['parentSpanId', 8],
]);

/** The collector's first step: OTLP/JSON text → protobuf JSON, refusing ids that are not hex of the right length. */
function toProtobufJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toProtobufJson);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const bytes = HEX_ID_BYTES.get(key);
      return [key, bytes === undefined ? toProtobufJson(v) : hexToBase64(key, v, bytes)];
    }),
  );
}

function hexToBase64(key: string, value: unknown, bytes: number): string {
  if (key === 'parentSpanId' && value === '') return ''; // an empty parentSpanId means a root span
  if (typeof value !== 'string' || !new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value)) {
    throw new Error(`${key} ${JSON.stringify(value)} is not ${bytes * 2} hex characters`);
  }
  return Buffer.from(value, 'hex').toString('base64');
}

/** Builds the proto message, verifies it, and returns it after a trip through the wire format. */
function decode(protobufJson: unknown): DecodedRequest {
  const message = Request.fromObject(protobufJson);
  const problem = Request.verify(message);
  if (problem !== null) throw new Error(`not an ExportTraceServiceRequest: ${problem}`);
  return Request.decode(Request.encode(message).finish());
}

/** Posts `exported` as a collector would receive it; returns its protobuf JSON and the decoded request. */
function receive(exported: OtlpExport): { sent: unknown; decoded: DecodedRequest } {
  const sent = toProtobufJson(JSON.parse(JSON.stringify(exported)));
  return { sent, decoded: decode(sent) };
}

/** The decoded request as protobuf JSON again, every field present. */
const asJson = (decoded: DecodedRequest) => Request.toObject(decoded, { longs: String, enums: Number, bytes: String, defaults: true });

const hex = (bytes: Uint8Array | null | undefined) => (bytes == null || bytes.length === 0 ? null : Buffer.from(bytes).toString('hex'));
const spansOf = (decoded: DecodedRequest) => decoded.resourceSpans[0]!.scopeSpans[0]!.spans;
const attr = (span: DecodedSpan, key: string) => span.attributes.find((a) => a.key === key)?.value;

/** The diamond run → (left ∥ right) → join, plus an LLM call and a failed and a cancelled tool call under join. */
async function fixture() {
  const { run, left, right, join } = await diamond();
  const llm = await sealSpan(
    draftSpan({
      kind: 'llm',
      name: 'chat qwen3',
      parents: [join.id],
      attributes: { [GenAI.requestModel]: 'qwen3', temperature: 0.7, 'weft.retries': 2, stream: true, 'weft.cache.hit': false, stops: ['\n', 'END'], weights: [1, 0.5] },
      energy: { cpuMs: 12.25, tokensIn: 340, tokensOut: 52, bytes: 0 },
    }),
  );
  const failed = await sealSpan(draftSpan({ kind: 'tool', name: 'divide', parents: [join.id], status: 'error', attributes: { 'error.message': 'division by zero' } }));
  const cancelled = await sealSpan(draftSpan({ kind: 'message', name: 'notify', parents: [join.id], status: 'cancelled' }));
  const spans = { run, left, right, join, llm, failed, cancelled };
  return { ...spans, trace: await makeTrace(TRACE_ID, Object.values(spans)) };
}

describe('toOtlpJson against the OTLP protobuf definitions', () => {
  it('decodes as an ExportTraceServiceRequest and survives the wire format without losing a field', async () => {
    const { trace } = await fixture();
    const { sent, decoded } = receive(toOtlpJson(trace, { serviceName: 'lab', serviceVersion: '0.1.0' }));
    // Every field we send exists in the proto under that name with that type, or it would be dropped or changed.
    expect(asJson(decoded)).toMatchObject(sent as object);
    expect(decoded.resourceSpans[0]!.resource!.attributes).toEqual([
      { key: 'service.name', value: { stringValue: 'lab' } },
      { key: 'service.version', value: { stringValue: '0.1.0' } },
    ]);
    expect(decoded.resourceSpans[0]!.scopeSpans[0]!.scope).toMatchObject({ name: 'weft', version: '0.1.0' });
  });

  it('keeps names, span and trace ids, parents and links', async () => {
    const { run, left, right, join, llm, trace } = await fixture();
    const spans = spansOf(receive(toOtlpJson(trace)).decoded);
    const id = (span: { id: string }) => span.id.slice(0, 16);
    expect(spans.map((s) => s.name)).toEqual(['run', 'left', 'right', 'join', 'chat qwen3', 'divide', 'notify']);
    expect(spans.map((s) => hex(s.traceId))).toEqual(Array(7).fill(TRACE_ID));
    expect(spans.map((s) => hex(s.spanId))).toEqual(trace.spans.map(id));
    const [dRun, dLeft, dRight, dJoin, dLlm] = spans;
    expect(hex(dRun!.parentSpanId)).toBeNull();
    expect(hex(dLeft!.parentSpanId)).toBe(id(run));
    expect(hex(dRight!.parentSpanId)).toBe(id(run));
    expect(hex(dJoin!.parentSpanId)).toBe(id(left));
    expect(hex(dLlm!.parentSpanId)).toBe(id(join));
    expect(dJoin!.links.map((l) => ({ traceId: hex(l.traceId), spanId: hex(l.spanId), attributes: l.attributes }))).toEqual([
      { traceId: TRACE_ID, spanId: id(right), attributes: [{ key: 'weft.link.type', value: { stringValue: 'causal_parent' } }] },
    ]);
    expect(attr(dLlm!, 'weft.span.id')).toEqual({ stringValue: llm.id });
  });

  it('keeps start and end as exact fixed64 nanoseconds', async () => {
    const { trace } = await fixture();
    const [dRun, , dRight, , dLlm] = spansOf(receive(toOtlpJson(trace)).decoded);
    expect([dRun!.startTimeUnixNano.toString(), dRun!.endTimeUnixNano.toString()]).toEqual(['1000000000', '1001000000']);
    expect(dRight!.startTimeUnixNano.toString()).toBe('1001500000');
    // Past 2^53: lost if the time were written as a JSON number or parsed as a double.
    expect([dLlm!.startTimeUnixNano.toString(), dLlm!.endTimeUnixNano.toString()]).toEqual(['1763734867123456000', '1763734867200000000']);
  });

  it('keeps span kinds and status codes as the proto enums, with the error message', async () => {
    const { trace } = await fixture();
    const spans = spansOf(receive(toOtlpJson(trace)).decoded);
    // SpanKind: 1 INTERNAL, 3 CLIENT. Status.StatusCode: 0 UNSET, 1 OK, 2 ERROR.
    expect(spans.map((s) => s.kind)).toEqual([1, 1, 1, 1, 3, 3, 1]);
    expect(spans.map((s) => s.status?.code ?? 0)).toEqual([1, 1, 1, 1, 1, 2, 0]);
    expect(spans[5]!.status!.message).toBe('division by zero');
  });

  it('keeps attributes as typed AnyValues: string, int64, double, bool and arrays', async () => {
    const { trace } = await fixture();
    const llm = spansOf(receive(toOtlpJson(trace)).decoded)[4]!;
    expect(attr(llm, GenAI.requestModel)).toEqual({ stringValue: 'qwen3' });
    expect(attr(llm, 'weft.retries')!.intValue!.toString()).toBe('2');
    expect(attr(llm, GenAI.usageInputTokens)!.intValue!.toString()).toBe('340');
    expect(attr(llm, 'temperature')).toEqual({ doubleValue: 0.7 });
    expect(attr(llm, 'weft.energy.cpu_ms')).toEqual({ doubleValue: 12.25 });
    expect(attr(llm, 'stream')).toEqual({ boolValue: true });
    expect(attr(llm, 'weft.cache.hit')).toEqual({ boolValue: false });
    expect(attr(llm, 'stops')).toEqual({ arrayValue: { values: [{ stringValue: '\n' }, { stringValue: 'END' }] } });
    const weights = attr(llm, 'weights')!.arrayValue!.values;
    expect([weights[0]!.intValue!.toString(), weights[1]!.doubleValue]).toEqual(['1', 0.5]);
  });

  // The checks above hold only if this harness can fail: these exports are not valid OTLP.
  it('catches an export that is not OTLP: a misnamed field, a wrong type, or a bad id', async () => {
    const { trace } = await fixture();
    const good = toOtlpJson(trace);
    const [span] = good.resourceSpans[0]!.scopeSpans[0]!.spans;
    const withSpan = (changed: object): OtlpExport => ({
      resourceSpans: [{ ...good.resourceSpans[0]!, scopeSpans: [{ ...good.resourceSpans[0]!.scopeSpans[0]!, spans: [{ ...span!, ...changed }] }] }],
    });
    const lossless = (exported: OtlpExport) => {
      const { sent, decoded } = receive(exported);
      expect(asJson(decoded)).toMatchObject(sent as object);
    };
    expect(() => lossless(good)).not.toThrow();
    expect(() => lossless(withSpan({ startTimeUnixNanos: '1000000000' }))).toThrow(); // not a Span field
    expect(() => lossless(withSpan({ attributes: [{ key: 'n', value: { intValue: 2 } }] }))).toThrow(); // int64 read back as '2'
    expect(() => lossless(withSpan({ attributes: [{ key: 'n', value: { integerValue: '2' } }] }))).toThrow(); // not an AnyValue field
    expect(() => receive(withSpan({ spanId: span!.spanId.slice(0, 8) }))).toThrow(/16 hex/);
    expect(() => receive(withSpan({ traceId: Buffer.from(TRACE_ID, 'hex').toString('base64') }))).toThrow(/32 hex/);
    expect(() => decode({ resourceSpans: [{ scopeSpans: [{ spans: [{ kind: 99 }] }] }] })).toThrow(/kind: enum value expected/);
  });
});
