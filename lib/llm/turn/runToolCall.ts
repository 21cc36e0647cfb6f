import { type Clock, WeftError } from '../../core';
import { type Energy, ZERO_ENERGY } from '../../spans';
import { checkArgumentsFor } from '../tools/checkToolArguments';
import { toolResultText } from '../tools/toolResultText';
import type { ToolCall, ToolSpec } from '../types';
import { raceAbort } from './raceAbort';
import type { ChatTurnOptions, ToolStatus } from './types';

/** One tool call as it happened; `content` is what the tool message tells the model. */
export interface ToolCallRecord {
  readonly call: ToolCall;
  readonly start: number;
  readonly end: number;
  readonly status: ToolStatus;
  readonly content: string;
  readonly outputs: Record<string, unknown> | null;
  readonly energy: Energy;
  readonly details: Readonly<Record<string, unknown>>;
  readonly error?: WeftError;
}

export interface RunToolCallInput {
  readonly call: ToolCall;
  readonly tools: readonly ToolSpec[];
  readonly runTool: ChatTurnOptions['runTool'];
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly maxChars: number;
}

/**
 * Runs one tool call the model asked for. Never throws: an unknown tool, arguments that fail
 * the schema, or a tool that fails become an error the model reads in the tool message (so it
 * can correct itself); an abort cancels the running tool through its signal.
 */
export async function runToolCall(input: RunToolCallInput): Promise<ToolCallRecord> {
  const { call, clock } = input;
  const start = clock.now();
  const finish = (status: ToolStatus, content: string, extra: Partial<ToolCallRecord> = {}): ToolCallRecord => ({
    call,
    start,
    end: clock.now(),
    status,
    content,
    outputs: null,
    energy: ZERO_ENERGY,
    details: {},
    ...extra,
  });
  const failed = (error: WeftError, extra: Partial<ToolCallRecord> = {}) => finish('error', `Error (${error.code}): ${error.message}`, { error, ...extra });

  const spec = input.tools.find((t) => t.name === call.name);
  if (!spec) {
    const known = input.tools.map((t) => t.name).join(', ') || '(none)';
    return failed(new WeftError('LLM_TOOL', `There is no tool named "${call.name}". The tools you can call are: ${known}.`, { tool: call.name }));
  }
  const parsed = call.arguments !== undefined ? { ok: true as const, value: call.arguments } : parseArguments(call.argumentsText);
  if (!parsed.ok) {
    const shown = call.argumentsText.length > 200 ? `${call.argumentsText.slice(0, 200)}…` : call.argumentsText;
    return failed(new WeftError('LLM_TOOL', `The arguments of ${call.name} are not valid JSON: ${shown} Send them again as one JSON object.`, { tool: call.name }));
  }
  const args = checkArgumentsFor(spec, parsed.value);
  if (!args.ok) return failed(args.error);

  const controller = new AbortController();
  const onAbort = () => controller.abort();
  input.signal.addEventListener('abort', onAbort, { once: true });
  if (input.signal.aborted) controller.abort();
  try {
    const run = await raceAbort(input.runTool(call.name, args.value, controller.signal), controller.signal, `The tool ${call.name}`);
    return finish('ok', toolResultText(run.outputs, input.maxChars), { outputs: run.outputs, energy: run.energy, details: run.details ?? {} });
  } catch (e) {
    const error = WeftError.from(e);
    if (controller.signal.aborted) return finish('cancelled', `Cancelled: the person stopped the turn while ${call.name} ran.`, { error });
    return failed(error);
  } finally {
    input.signal.removeEventListener('abort', onAbort);
  }
}

function parseArguments(text: string): { ok: true; value: unknown } | { ok: false } {
  // Providers send "" for a call without arguments.
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
