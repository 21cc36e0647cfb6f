import type { Clock, TraceId, WeftError, WeftErrorData } from '../../core';
import type { Energy, Span, Trace } from '../../spans';
import type { ChatMessage, Provider, ToolSpec } from '../types';
import type { ModelCall } from './callModel';

/** What running one tool gives back (an `EnzymeRun` fits). */
export interface ToolRun {
  readonly outputs: Record<string, unknown>;
  readonly energy: Energy;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ChatTurnOptions {
  readonly provider: Provider;
  readonly model: string;
  /** The conversation so far (the system prompt excluded: pass it as `system`). */
  readonly history: readonly ChatMessage[];
  readonly userMessage: string;
  readonly system?: string;
  /** The skill context for this turn, injected into the system message before the first call. */
  readonly skillContext: () => Promise<{ readonly text: string; readonly skills: readonly string[] }>;
  readonly tools: readonly ToolSpec[];
  /** Runs a tool (an executable skill) with checked arguments; rejects with a coded `WeftError`. */
  readonly runTool: (name: string, args: Record<string, unknown>, signal: AbortSignal) => Promise<ToolRun>;
  /** The run span's name (default `chat turn`; agents name their steps `agent …`). */
  readonly traceName?: string;
  /** Model calls made before the turn to summarise older turns: they join its trace and usage. */
  readonly summaryCalls?: readonly ModelCall[];
  /** The longest answer per model call, in tokens (the provider's default when absent). */
  readonly maxTokens?: number;
  /** Rounds of tool calls before a last call without tools (default 4). */
  readonly maxToolRounds?: number;
  /** The most characters of a tool's outputs sent back to the model (default 4000). */
  readonly maxToolResultChars?: number;
  readonly signal?: AbortSignal;
  readonly clock: Clock;
  readonly traceId: TraceId;
  readonly emit?: (event: TurnEvent) => void;
}

export type TurnStatus = 'ok' | 'error' | 'cancelled';
export type ToolStatus = 'ok' | 'error' | 'cancelled';

/** Token totals of a turn; `estimated` when a provider gave no usage and characters were counted. */
export interface TurnUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly estimated: boolean;
}

/** What the turn streams to the UI as it goes: plain data, in order. */
export type TurnEvent =
  /** The turn's process exists (sent before anything else, so Stop can reach it at once). */
  | { readonly type: 'turn.start' }
  /**
   * What the turn waits on before the first token: the model loading (`done`/`total` in bytes, 0
   * when unknown) or reading the prompt (`done` of `total` tokens).
   */
  | { readonly type: 'turn.progress'; readonly phase: 'loading' | 'reading'; readonly done: number; readonly total: number }
  | { readonly type: 'turn.text'; readonly text: string }
  | { readonly type: 'turn.tool.start'; readonly callId: string; readonly name: string; readonly args: unknown }
  | {
      readonly type: 'turn.tool.end';
      readonly callId: string;
      readonly name: string;
      readonly status: ToolStatus;
      /** The text sent back to the model: the outputs' preview, or the error. */
      readonly preview: string;
      readonly durationMs: number;
      readonly error?: WeftErrorData;
    }
  | { readonly type: 'turn.end'; readonly status: TurnStatus; readonly usage: TurnUsage; readonly error?: WeftErrorData };

export interface ChatTurnResult {
  readonly status: TurnStatus;
  /** The messages this turn adds after the user message: assistant and tool messages, in order. */
  readonly messages: readonly ChatMessage[];
  readonly usage: TurnUsage;
  /** Skills in the context, then the tools that ran, each once. */
  readonly skillsUsed: readonly string[];
  readonly spans: readonly Span[];
  readonly trace: Trace;
  /** Set when `status` is `error`. */
  readonly error?: WeftError;
  /** True when the model still asked for tools after `maxToolRounds` rounds. */
  readonly toolLimitReached: boolean;
}
