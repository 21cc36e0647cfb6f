/**
 * The spans of a finished chat turn, sealed the way workflow runs seal theirs (see
 * lib/workflow/runSpans.ts): the `run` span first (it ends last, so its end is known only now),
 * then each model call and tool call in order, since a span can name only sealed parents.
 *
 * - `run`: the whole turn, no parents.
 * - `llm` per model call: the first names the run span (listed in `weft.concurrent_parents`,
 *   since the run encloses it); each later one names the tool spans whose results it read.
 * - `tool` per tool call: its parent is the model call that asked for it.
 * - `llm` per summary call made before the turn (older turns summarised to fit the window):
 *   parent the run; the turn's first model call then names them, since it reads their summary.
 */
import { type ContentHash, hashJson, type SpanId, type TraceId, type WeftError } from '../../core';
import { type AttributeValue, GenAI, makeTrace, sealSpan, type Span, type SpanDraft, type SpanStatus, sumEnergy, type Trace, WeftAttr } from '../../spans';
import type { ModelCall } from './callModel';
import type { ToolCallRecord } from './runToolCall';
import type { TurnUsage } from './types';

/** One model call and the tool calls it asked for that ran. */
export interface TurnRound {
  readonly llm: ModelCall;
  readonly tools: readonly ToolCallRecord[];
}

export interface TurnSpanInput {
  readonly traceId: TraceId;
  readonly providerKind: string;
  readonly model: string;
  readonly start: number;
  readonly end: number;
  readonly status: SpanStatus;
  readonly usage: TurnUsage;
  readonly skillsUsed: readonly string[];
  readonly userMessage: string;
  readonly rounds: readonly TurnRound[];
  readonly name?: string;
  /** Model calls that summarised older turns before this one, in order. */
  readonly summaries?: readonly ModelCall[];
  readonly toolLimitReached: boolean;
  readonly error?: WeftError;
}

/** Extra attribute names for chat turns, beside OpenTelemetry's GenAI ones. */
export const TurnAttr = {
  finishReasons: 'gen_ai.response.finish_reasons',
  usageEstimated: 'weft.usage.estimated',
} as const;

export async function buildTurnTrace(input: TurnSpanInput): Promise<{ trace: Trace; spans: Span[] }> {
  const run = await sealSpan({
    traceId: input.traceId,
    parents: [],
    kind: 'run',
    name: input.name ?? 'chat turn',
    pid: null,
    start: input.start,
    end: input.end,
    status: input.status,
    inputsHash: await safeHash({ user: input.userMessage }),
    outputsHash: await safeHash(input.rounds.map((r) => r.llm.text)),
    energy: sumEnergy([...(input.summaries ?? []).map(llmEnergy), ...input.rounds.flatMap((r) => [llmEnergy(r.llm), ...r.tools.map((t) => t.energy)])]),
    attributes: {
      [GenAI.providerName]: input.providerKind,
      [GenAI.requestModel]: input.model,
      [GenAI.usageInputTokens]: input.usage.inputTokens,
      [GenAI.usageOutputTokens]: input.usage.outputTokens,
      [TurnAttr.usageEstimated]: input.usage.estimated,
      'weft.turn.model_calls': input.rounds.length + (input.summaries?.length ?? 0),
      'weft.turn.tool_calls': input.rounds.reduce((n, r) => n + r.tools.length, 0),
      'weft.turn.tool_limit_reached': input.toolLimitReached,
      'weft.turn.skills': [...input.skillsUsed],
      ...errorAttributes(input.error),
    },
  });
  const spans: Span[] = [run];
  const summaries: SpanId[] = [];
  for (const call of input.summaries ?? []) {
    const span = await sealSpan(await llmDraft(input, call, [run.id], run.id, 'summarize'));
    spans.push(span);
    summaries.push(span.id);
  }
  let previousTools: SpanId[] = summaries;
  let first = true;
  for (const round of input.rounds) {
    const parents = previousTools.length > 0 ? previousTools : [run.id];
    const llm = await sealSpan(await llmDraft(input, round.llm, parents, first && summaries.length === 0 ? run.id : null));
    first = false;
    spans.push(llm);
    previousTools = [];
    for (const tool of round.tools) {
      const span = await sealSpan(await toolDraft(input.traceId, tool, llm.id));
      spans.push(span);
      previousTools.push(span.id);
    }
  }
  return { trace: await makeTrace(input.traceId, spans), spans };
}

async function llmDraft(input: TurnSpanInput, call: ModelCall, parents: SpanId[], concurrentRun: SpanId | null, purpose: 'answer' | 'summarize' = 'answer'): Promise<SpanDraft> {
  const attributes: Record<string, AttributeValue> = {
    [GenAI.operationName]: 'chat',
    'weft.llm.purpose': purpose,
    [GenAI.providerName]: input.providerKind,
    [GenAI.requestModel]: call.requestModel,
    [GenAI.usageInputTokens]: call.usage.inputTokens,
    [GenAI.usageOutputTokens]: call.usage.outputTokens,
    [TurnAttr.usageEstimated]: call.usage.estimated,
    [TurnAttr.finishReasons]: [call.finishReason],
    'weft.llm.tools_offered': call.tools.map((t) => t.name),
    'weft.llm.tool_calls': call.toolCalls.map((c) => c.name),
    ...errorAttributes(call.error),
  };
  if (call.responseModel) attributes[GenAI.responseModel] = call.responseModel;
  if (concurrentRun) attributes[WeftAttr.concurrentParents] = [concurrentRun];
  return {
    traceId: input.traceId,
    parents,
    kind: 'llm',
    name: `${purpose === 'summarize' ? 'summarize' : 'chat'} ${call.requestModel}`,
    pid: null,
    start: call.start,
    end: call.end,
    status: call.status,
    inputsHash: await safeHash({ model: call.requestModel, messages: call.messages, tools: call.tools.map((t) => t.name) }),
    outputsHash: await safeHash({ text: call.text, toolCalls: call.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: c.argumentsText })) }),
    energy: llmEnergy(call),
    attributes,
  };
}

async function toolDraft(traceId: TraceId, tool: ToolCallRecord, parent: SpanId): Promise<SpanDraft> {
  const attributes: Record<string, AttributeValue> = {
    [GenAI.operationName]: 'execute_tool',
    [GenAI.toolName]: tool.call.name,
    [GenAI.toolCallId]: tool.call.id,
    ...errorAttributes(tool.error),
  };
  for (const [key, value] of Object.entries(tool.details)) {
    if (typeof value === 'string' || typeof value === 'boolean') attributes[`weft.runtime.${key}`] = value;
    else if (typeof value === 'number') attributes[`weft.runtime.${key}`] = Number.isFinite(value) ? value : String(value);
  }
  return {
    traceId,
    parents: [parent],
    kind: 'tool',
    name: `execute_tool ${tool.call.name}`,
    pid: null,
    start: tool.start,
    end: tool.end,
    status: tool.status,
    inputsHash: await safeHash(tool.call.arguments ?? null),
    outputsHash: tool.outputs ? await safeHash(tool.outputs) : null,
    energy: tool.energy,
    attributes,
  };
}

function llmEnergy(call: ModelCall) {
  return { cpuMs: 0, tokensIn: call.usage.inputTokens, tokensOut: call.usage.outputTokens, bytes: 0 };
}

function errorAttributes(error: WeftError | undefined): Record<string, string> {
  return error ? { 'error.type': error.code, 'error.message': error.message } : {};
}

async function safeHash(value: unknown): Promise<ContentHash | null> {
  try {
    return await hashJson(value);
  } catch {
    return null;
  }
}
