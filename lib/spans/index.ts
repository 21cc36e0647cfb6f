export {
  GenAI,
  SPAN_KINDS,
  WeftAttr,
  type AttributeValue,
  type Attributes,
  type Energy,
  type Span,
  type SpanDraft,
  type SpanKind,
  type SpanStart,
  type SpanStatus,
  type Trace,
} from './types';
export { ZERO_ENERGY, addEnergy, energyByKind, energyOf, sumEnergy, type EnergyParts } from './energy';
export { sealSpan, spanIdOf } from './spanId';
export { makeTrace, traceRootHash } from './trace';
export { verifyTrace, type TraceProblem, type TraceProblemCode, type TraceReport } from './verifyTrace';
export { parseTrace } from './parseTrace';
export {
  OtlpSpanKind,
  OtlpStatusCode,
  msToUnixNano,
  toOtlpJson,
  type OtlpAnyValue,
  type OtlpExport,
  type OtlpKeyValue,
  type OtlpLink,
  type OtlpOptions,
  type OtlpResourceSpans,
  type OtlpScopeSpans,
  type OtlpSpan,
  type OtlpStatus,
} from './otlp';
export { findCycles } from './findCycles';
