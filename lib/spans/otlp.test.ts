import { describe, expect, it } from 'vitest';
import { asTraceId } from '../core';
import { msToUnixNano, OtlpSpanKind, OtlpStatusCode, toOtlpJson, type OtlpKeyValue, type OtlpSpan } from './otlp';
import { diamond, draftSpan, TRACE_ID } from './spanFixtures';
import { sealSpan } from './spanId';
import { makeTrace } from './trace';
import { GenAI } from './types';

const attr = (span: OtlpSpan, key: string) => span.attributes.find((a: OtlpKeyValue) => a.key === key)?.value;

describe('toOtlpJson', () => {
  it('nests spans as resourceSpans → scopeSpans → spans, with the service named', async () => {
    const { trace } = await diamond();
    const out = toOtlpJson(trace, { serviceVersion: '0.1.0' });
    expect(out.resourceSpans).toHaveLength(1);
    const [resourceSpans] = out.resourceSpans;
    expect(resourceSpans!.resource.attributes).toEqual([
      { key: 'service.name', value: { stringValue: 'weft' } },
      { key: 'service.version', value: { stringValue: '0.1.0' } },
    ]);
    expect(resourceSpans!.scopeSpans[0]!.scope).toEqual({ name: 'weft', version: '0.1.0' });
    expect(resourceSpans!.scopeSpans[0]!.spans.map((s) => s.name)).toEqual(['run', 'left', 'right', 'join']);
    expect(toOtlpJson(trace, { serviceName: 'lab' }).resourceSpans[0]!.resource.attributes).toEqual([
      { key: 'service.name', value: { stringValue: 'lab' } },
    ]);
  });

  it('writes hex ids, the first parent as parentSpanId and the others as causal links', async () => {
    const { run, left, right, join, trace } = await diamond();
    const spans = toOtlpJson(trace).resourceSpans[0]!.scopeSpans[0]!.spans;
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
    const [otRun, otLeft, , otJoin] = spans;
    expect(otRun!.traceId).toBe(TRACE_ID);
    expect(otRun!.spanId).toBe(run.id.slice(0, 16));
    expect(otRun!.parentSpanId).toBeUndefined();
    expect(otRun!.links).toBeUndefined();
    expect(otLeft!.parentSpanId).toBe(run.id.slice(0, 16));
    expect(otJoin!.parentSpanId).toBe(left.id.slice(0, 16));
    expect(otJoin!.links).toEqual([
      { traceId: TRACE_ID, spanId: right.id.slice(0, 16), attributes: [{ key: 'weft.link.type', value: { stringValue: 'causal_parent' } }] },
    ]);
    expect(attr(otJoin!, 'weft.span.id')).toEqual({ stringValue: join.id });
  });

  it('lowercases an upper-case trace id and refuses one that is not 32 hex chars', async () => {
    const { trace } = await diamond();
    const upper = toOtlpJson({ ...trace, traceId: asTraceId(TRACE_ID.toUpperCase()) });
    expect(upper.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.traceId).toBe(TRACE_ID);
    expect(() => toOtlpJson({ ...trace, traceId: asTraceId('run-7') })).toThrow(/32 hex/);
  });

  it('maps kinds and statuses to the integer enums, with the error message', async () => {
    const spans = await Promise.all([
      sealSpan(draftSpan({ kind: 'run', status: 'ok' })),
      sealSpan(draftSpan({ kind: 'llm', status: 'cached' })),
      sealSpan(draftSpan({ kind: 'tool', status: 'error', attributes: { 'error.message': 'division by zero' } })),
      sealSpan(draftSpan({ kind: 'message', status: 'cancelled' })),
      sealSpan(draftSpan({ kind: 'syscall', status: 'error' })),
    ]);
    const out = toOtlpJson(await makeTrace(TRACE_ID, spans)).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(out.map((s) => s.kind)).toEqual([1, 3, 3, 1, 1]);
    expect(out.map((s) => s.kind)).toEqual([OtlpSpanKind.INTERNAL, OtlpSpanKind.CLIENT, OtlpSpanKind.CLIENT, OtlpSpanKind.INTERNAL, OtlpSpanKind.INTERNAL]);
    expect(out.map((s) => s.status)).toEqual([
      { code: OtlpStatusCode.OK },
      { code: 1 },
      { code: 2, message: 'division by zero' },
      { code: 0 },
      { code: 2 },
    ]);
  });

  it('writes times as exact integer nanoseconds, even for fractional milliseconds', async () => {
    const span = await sealSpan(draftSpan({ start: 1763734867123.456, end: 1763734867200 }));
    const [out] = toOtlpJson(await makeTrace(TRACE_ID, [span])).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(out!.startTimeUnixNano).toBe('1763734867123456000');
    expect(out!.endTimeUnixNano).toBe('1763734867200000000');
  });

  it('writes attributes as typed values: ints as strings, doubles, booleans, arrays, and weft/gen_ai extras', async () => {
    const span = await sealSpan(
      draftSpan({
        kind: 'llm',
        attributes: { [GenAI.requestModel]: 'qwen3', temperature: 0.7, 'weft.retries': 2, stream: true, stops: ['\n'], weights: [1, 0.5] },
        energy: { cpuMs: 12.25, tokensIn: 340, tokensOut: 0, bytes: 0 },
      }),
    );
    const [out] = toOtlpJson(await makeTrace(TRACE_ID, [span])).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(attr(out!, GenAI.requestModel)).toEqual({ stringValue: 'qwen3' });
    expect(attr(out!, 'temperature')).toEqual({ doubleValue: 0.7 });
    expect(attr(out!, 'weft.retries')).toEqual({ intValue: '2' });
    expect(attr(out!, 'stream')).toEqual({ boolValue: true });
    expect(attr(out!, 'stops')).toEqual({ arrayValue: { values: [{ stringValue: '\n' }] } });
    expect(attr(out!, 'weights')).toEqual({ arrayValue: { values: [{ intValue: '1' }, { doubleValue: 0.5 }] } });
    expect(attr(out!, 'weft.span.kind')).toEqual({ stringValue: 'llm' });
    expect(attr(out!, 'weft.pid')).toEqual({ intValue: '3' });
    expect(attr(out!, 'weft.inputs_hash')).toEqual({ stringValue: span.inputsHash });
    expect(attr(out!, 'weft.outputs_hash')).toEqual({ stringValue: span.outputsHash });
    expect(attr(out!, 'weft.energy.cpu_ms')).toEqual({ doubleValue: 12.25 });
    expect(attr(out!, 'weft.energy.bytes')).toEqual({ intValue: '0' });
    expect(attr(out!, GenAI.usageInputTokens)).toEqual({ intValue: '340' });
    expect(attr(out!, GenAI.usageOutputTokens)).toBeUndefined();
    const keys = out!.attributes.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves out the pid and hashes a span does not have', async () => {
    const span = await sealSpan(draftSpan({ pid: null, inputsHash: null, outputsHash: null }));
    const [out] = toOtlpJson(await makeTrace(TRACE_ID, [span])).resourceSpans[0]!.scopeSpans[0]!.spans;
    expect(attr(out!, 'weft.pid')).toBeUndefined();
    expect(attr(out!, 'weft.inputs_hash')).toBeUndefined();
    expect(attr(out!, 'weft.outputs_hash')).toBeUndefined();
  });

  it('survives JSON.stringify unchanged (no bigints, no undefined)', async () => {
    const out = toOtlpJson((await diamond()).trace);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });
});

describe('msToUnixNano', () => {
  it('converts whole, fractional, tiny and rounded times exactly', () => {
    expect(msToUnixNano(0)).toBe('0');
    expect(msToUnixNano(1763734867123)).toBe('1763734867123000000');
    expect(msToUnixNano(1763734867123.456)).toBe('1763734867123456000');
    expect(msToUnixNano(1.0000004)).toBe('1000000');
    expect(msToUnixNano(1.0000005)).toBe('1000001');
    expect(msToUnixNano(5e-7)).toBe('1');
  });

  it('refuses times that OTLP cannot hold', () => {
    expect(() => msToUnixNano(-1)).toThrow(/after 1970/);
    expect(() => msToUnixNano(Number.NaN)).toThrow(/finite/);
  });
});
