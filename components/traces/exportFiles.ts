/**
 * The files a trace exports to: OTLP/JSON for OpenTelemetry tools (Jaeger, Tempo, an OTLP
 * collector) and the trace itself as Weft stores it.
 */
import { type Trace, toOtlpJson } from '@/lib/spans';

export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/** @example otlpFile(trace).name === `trace-${trace.traceId}.otlp.json` */
export function otlpFile(trace: Trace): ExportFile {
  return { name: `trace-${trace.traceId}.otlp.json`, type: 'application/json', text: JSON.stringify(toOtlpJson(trace), null, 2) };
}

/** @example jsonFile(trace).name === `trace-${trace.traceId}.json` */
export function jsonFile(trace: Trace): ExportFile {
  return { name: `trace-${trace.traceId}.json`, type: 'application/json', text: JSON.stringify(trace, null, 2) };
}
