import { WeftError } from '../../core';
import type { ChatMessage } from '../types';
import { callModel, type ModelCall } from './callModel';
import { raceAbort } from './raceAbort';
import { runToolCall } from './runToolCall';
import { buildTurnTrace, type TurnRound } from './turnSpans';
import type { ChatTurnOptions, ChatTurnResult, TurnStatus, TurnUsage } from './types';

/** Rounds of tool calls a turn allows before its last call, made without tools. */
export const DEFAULT_MAX_TOOL_ROUNDS = 4;

/** Told to the model when it has used up its tool rounds (sent with the last call, not kept). */
export const toolLimitNote = (rounds: number) =>
  `You have used all ${rounds} rounds of tool calls this turn allows. Do not call tools now: answer with the results you have, and say what is still missing.`;

/**
 * One chat turn: the user's message, the model's answer, and the tool calls in between.
 * The skill context goes into the system message; each model call that asks for tools has
 * them run (errors go back to the model as tool results) and the model is called again, for at
 * most `maxToolRounds` rounds. Never throws: a provider error gives status `error`, an abort
 * `cancelled`, and the conversation so far is kept. Every model and tool call is a span.
 * @example const turn = await runChatTurn({ provider, model, history, userMessage, skillContext, tools, runTool, clock, traceId: newTraceId() })
 */
export async function runChatTurn(options: ChatTurnOptions): Promise<ChatTurnResult> {
  const { clock } = options;
  const emit = options.emit ?? (() => {});
  const signal = options.signal ?? new AbortController().signal;
  const maxRounds = Math.max(0, options.maxToolRounds ?? DEFAULT_MAX_TOOL_ROUNDS);
  const start = clock.now();
  const added: ChatMessage[] = [];
  const rounds: { llm: ModelCall; tools: TurnRound['tools'][number][] }[] = [];
  const skills = new Set<string>();
  let status: TurnStatus = 'ok';
  let error: WeftError | undefined;
  let toolLimitReached = false;

  try {
    const context = await raceAbort(options.skillContext(), signal);
    context.skills.forEach((s) => skills.add(s));
    const system = [options.system?.trim(), context.text.trim()].filter(Boolean).join('\n\n');
    const base: ChatMessage[] = [...(system ? [{ role: 'system' as const, content: system }] : []), ...options.history, { role: 'user', content: options.userMessage }];
    for (let round = 0; ; round++) {
      const offerTools = round < maxRounds && options.tools.length > 0;
      toolLimitReached = round > 0 && !offerTools;
      const note: ChatMessage[] = toolLimitReached ? [{ role: 'system', content: toolLimitNote(maxRounds) }] : [];
      const llm = await callModel({
        provider: options.provider,
        model: options.model,
        messages: [...base, ...added, ...note],
        tools: offerTools ? options.tools : [],
        signal,
        clock,
        ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
        onText: (text) => emit({ type: 'turn.text', text }),
        onProgress: (done, total) => emit({ type: 'turn.progress', phase: 'reading', done, total }),
      });
      const current: (typeof rounds)[number] = { llm, tools: [] };
      rounds.push(current);
      // Tool calls the model makes when none were offered cannot be answered: they are dropped.
      const calls = llm.status === 'ok' && offerTools ? llm.toolCalls : [];
      // A broken-off answer is kept, marked, so it is neither lost nor taken for a finished one.
      const incomplete = llm.status === 'ok' ? {} : { incomplete: llm.status === 'cancelled' ? ('stopped' as const) : ('cut-off' as const) };
      if (llm.text || calls.length > 0 || llm.status === 'ok') added.push({ role: 'assistant', content: llm.text, ...(calls.length > 0 ? { toolCalls: calls } : {}), ...incomplete });
      if (llm.status !== 'ok') {
        status = llm.status;
        error = llm.error;
        break;
      }
      if (calls.length === 0) break;
      for (const call of calls) {
        // Every call gets its tool message, so the history stays valid for the next request.
        if (signal.aborted) {
          added.push({ role: 'tool', toolCallId: call.id, name: call.name, content: 'Not run: the person stopped the turn.' });
          continue;
        }
        emit({ type: 'turn.tool.start', callId: call.id, name: call.name, args: call.arguments });
        const record = await runToolCall({ call, tools: options.tools, runTool: options.runTool, signal, clock, maxChars: options.maxToolResultChars ?? 4000 });
        current.tools.push(record);
        if (record.status === 'ok') skills.add(call.name);
        added.push({ role: 'tool', toolCallId: call.id, name: call.name, content: record.content });
        emit({
          type: 'turn.tool.end',
          callId: call.id,
          name: call.name,
          status: record.status,
          preview: record.content,
          durationMs: record.end - record.start,
          ...(record.error ? { error: record.error.toJSON() } : {}),
        });
      }
      if (signal.aborted) {
        status = 'cancelled';
        break;
      }
    }
  } catch (e) {
    status = signal.aborted ? 'cancelled' : 'error';
    if (status === 'error') error = WeftError.from(e);
  }

  const usage = totalUsage([...(options.summaryCalls ?? []), ...rounds.map((r) => r.llm)]);
  const skillsUsed = [...skills];
  const { trace, spans } = await buildTurnTrace({
    traceId: options.traceId,
    providerKind: options.provider.kind,
    model: options.model,
    start,
    end: clock.now(),
    status,
    usage,
    skillsUsed,
    userMessage: options.userMessage,
    rounds,
    ...(options.summaryCalls?.length ? { summaries: options.summaryCalls } : {}),
    ...(options.traceName ? { name: options.traceName } : {}),
    toolLimitReached,
    ...(error ? { error } : {}),
  });
  emit({ type: 'turn.end', status, usage, ...(error ? { error: error.toJSON() } : {}) });
  return { status, messages: added, usage, skillsUsed, spans, trace, toolLimitReached, ...(error ? { error } : {}) };
}

function totalUsage(calls: readonly ModelCall[]): TurnUsage {
  return {
    inputTokens: calls.reduce((n, c) => n + c.usage.inputTokens, 0),
    outputTokens: calls.reduce((n, c) => n + c.usage.outputTokens, 0),
    estimated: calls.some((c) => c.usage.estimated),
  };
}
