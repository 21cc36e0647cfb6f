/**
 * The language-model provider interface (DESIGN.md section 6): one `chat` call streams deltas
 * and ends with usage. OpenAI-compatible HTTP servers and in-browser models both implement it.
 * Messages follow the OpenAI chat format, the lingua franca of local servers too.
 */

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface ToolCall {
  /** The provider's id for the call; a tool message answers it by this id. */
  readonly id: string;
  readonly name: string;
  /** Parsed JSON arguments (the raw text is kept in `argumentsText` for errors). */
  readonly arguments: unknown;
  readonly argumentsText: string;
}

export type ChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string }
  | {
      readonly role: 'assistant';
      readonly content: string;
      readonly toolCalls?: readonly ToolCall[];
      /** Set when the answer did not finish: the person stopped it, or the stream broke off (see `historyForModel`). */
      readonly incomplete?: IncompleteReason;
    }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly name: string; readonly content: string };

/** Why an assistant message is not a finished answer: stopped by the person, or cut off by an error mid-answer. */
export type IncompleteReason = 'stopped' | 'cut-off';

/** A tool the model may call: an executable skill, its inputs as JSON Schema. */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  /** JSON Schema (draft 2020-12 subset: type object, properties, required). */
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'cancelled' | 'other';

/** What a streaming chat call yields, in order: text deltas, then (once) the end. */
export type ChatDelta =
  | { readonly type: 'text'; readonly text: string }
  /** A tool call whose arguments are complete (accumulated by index from fragments). */
  | { readonly type: 'tool_call'; readonly call: ToolCall }
  /** How far the model has read the prompt before its first token (llama.cpp's `prompt_progress`), in tokens. */
  | { readonly type: 'progress'; readonly processed: number; readonly total: number }
  | { readonly type: 'end'; readonly finishReason: FinishReason; readonly usage: Usage | null; readonly model: string };

export interface ChatRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolSpec[];
  readonly temperature?: number;
  readonly maxTokens?: number;
  readonly signal?: AbortSignal;
}

export interface ModelInfo {
  readonly id: string;
  /** Context window in tokens, when the server says. */
  readonly contextLength?: number;
}

export interface Provider {
  /** `openai-compatible`, `wllama`… (becomes `gen_ai.provider.name` on spans). */
  readonly kind: string;
  /** Streams one model call. Rejects (or throws from the iterator) with a coded `WeftError` (LLM_*). */
  chat(request: ChatRequest): AsyncIterable<ChatDelta>;
  /** The models the server offers (`GET /v1/models`), when it offers that. */
  listModels?(signal?: AbortSignal): Promise<ModelInfo[]>;
}
