/**
 * `chat.send`: one turn of a conversation as a process (kind `agent`). It builds the skill
 * context, offers the most relevant executable skills as tools (each call runs as an enzyme,
 * a child of the turn), fits the history into the context window, streams `chat.event`s, and
 * commits the turn's trace and then `chats/<id>.json`. Killing the process stops the turn.
 */
import { type Clock, newTraceId, type Pid, WeftError, type WeftErrorData } from '../core';
import {
  callModel,
  type ChatMessage,
  type LocalModel,
  type ModelCall,
  estimateHistoryTokens,
  fitHistory,
  raceAbort,
  type Provider,
  REDACTED,
  runChatTurn,
  SUMMARY_PREFIX,
  toolSpecOf,
  type TurnEvent,
  type TurnStatus,
  type TurnUsage,
} from '../llm';
import { estimateTokens } from '../skills';
import type { Workspace } from '../volumes';
import { type ChatSummary, type ChatTurnRecord, historyOf, newChat, readChat, type StoredChat, writeChat } from './chatStore';
import { DEFAULT_TIMEOUT_MS, type EnzymeDeps, markedUntrusted, runEnzyme } from './enzymes';
import type { LocalModels } from './localModels';
import { contextLengthOf, maxTokensOf, type ProviderInfo, type ProviderStore } from './providerStore';
import { bindInputs } from './runtimeHandlers';
import { commitTrace, type Tool, toolsFor } from './turnSupport';
import type { SkillCatalog } from './skillCatalog';

export interface ChatDeps {
  readonly enzymes: EnzymeDeps;
  readonly clock: Clock;
  readonly fetch: typeof globalThis.fetch;
  readonly workspace: () => Workspace;
  readonly catalog: () => SkillCatalog;
  readonly providers: ProviderStore;
  readonly localModels: LocalModels;
  readonly log: (level: 'info' | 'warn' | 'error', message: string, pid?: Pid) => void;
}

export interface ChatSendArgs {
  readonly chatId?: string;
  readonly text: string;
  readonly providerId?: string;
  readonly model?: string;
  readonly tag?: string;
}

/** What `chat.send` returns once the turn has ended (the conversation is committed by then). */
export interface ChatSendResult {
  readonly chatId: string;
  readonly title: string;
  /** The turn's process. */
  readonly pid: Pid;
  /** The turn's number in the conversation (1 for the first). */
  readonly turn: number;
  readonly status: TurnStatus;
  /** The messages the turn added, the user's first. */
  readonly messages: readonly ChatMessage[];
  readonly usage: TurnUsage;
  readonly skillsUsed: readonly string[];
  /** The committed trace, or null (see `traceError`). */
  readonly trace: { readonly path: string; readonly commit: string } | null;
  readonly traceError: WeftErrorData | null;
  /** Set when `status` is `error`: the provider's coded error (it is stored in the conversation too). */
  readonly error: WeftErrorData | null;
  /** The commit that saved the conversation. */
  readonly commit: string;
}

const KERNEL_PID = 0 as Pid;
/** Executable skills offered as tools in one request, the most relevant first. */
export const MAX_TOOLS = 8;
const SYSTEM_PROMPT =
  "You are the assistant of Weft, a workbench where skills run in the browser. When a computation or a tool would answer better than recall, call one of the tools (each is a skill that runs real code), then explain the result briefly. Say which skill you used. If you do not know, say so.";
const SUMMARIZE_PROMPT = 'Summarise this conversation for your own later use: keep the facts, numbers, decisions, open questions and which skills or tools were used. Write at most 200 words, no preamble.';

/** Runs one turn; throws (before anything is stored) only when no provider can be used or the chat does not exist. */
export async function sendChat(deps: ChatDeps, args: ChatSendArgs, busy: Set<string>): Promise<ChatSendResult> {
  const ws = deps.workspace();
  const info = await deps.providers.resolve(args.providerId);
  const model = args.model ?? info.model;
  const chat = args.chatId === undefined ? newChat(args.text, deps.clock.now()) : await readChat(ws, args.chatId);
  if (busy.has(chat.id)) throw new WeftError('PROC_STATE', `A turn of "${chat.title}" is still running. Wait for it to end, or kill its process, then send again.`, { chatId: chat.id });
  busy.add(chat.id);
  const { table, runners } = deps.enzymes;
  const proc = table.spawn({ name: `chat ${chat.title}`, kind: 'agent', command: `chat ${info.label} · ${model}`, state: 'RUNNING', parent: KERNEL_PID });
  const pid = proc.pid;
  const controller = new AbortController();
  runners.set(pid, {
    suspend: () => {
      throw new WeftError('PROC_STATE', `Process ${pid} is a chat turn, which cannot pause. Kill it to stop the turn.`, { pid });
    },
    resume: () => 'RUNNING',
    kill: () => controller.abort(),
  });
  const emit = turnEmitter(deps, chat.id, pid, args.tag);
  // First, before the provider is even reached: the UI learns the pid, so Stop works at once.
  emit({ type: 'turn.start' });
  try {
    return await runTurn(deps, { ws, info, model, chat, pid, signal: controller.signal, args, emit });
  } catch (error) {
    // A failure outside the model call (the volume, the catalogue): the process still ends.
    if (table.get(pid).state !== 'TERMINATED') table.setState(pid, 'TERMINATED', { status: 'error', reason: WeftError.from(error).message });
    throw error;
  } finally {
    busy.delete(chat.id);
    runners.delete(pid);
  }
}

interface TurnInput {
  readonly ws: Workspace;
  readonly info: ProviderInfo;
  readonly model: string;
  readonly chat: StoredChat;
  readonly pid: Pid;
  readonly signal: AbortSignal;
  readonly args: ChatSendArgs;
  readonly emit: (event: TurnEvent) => void;
}

function turnEmitter(deps: ChatDeps, chatId: string, pid: Pid, tag: string | undefined): (event: TurnEvent) => void {
  const tagged = tag === undefined ? {} : { tag };
  return (event) => deps.enzymes.emit({ type: 'chat.event', chatId, pid, ...tagged, event, at: deps.clock.now() });
}

/**
 * An in-browser model is loaded before the turn plans its context, because llama.cpp may
 * allocate a smaller window than asked (a model's training length caps it). A failed load
 * becomes the turn's error, like any provider error, so the message is kept.
 */
async function readyProvider(provider: Provider, signal: AbortSignal, emit: (event: TurnEvent) => void): Promise<{ provider: Provider; allocated?: number }> {
  if (!isLocalModel(provider)) return { provider };
  try {
    if (provider.status.state !== 'ready') emit({ type: 'turn.progress', phase: 'loading', done: provider.status.loaded, total: provider.status.total });
    // Raced: a load that ignores its signal must not hold up Stop.
    await raceAbort(provider.load(signal), signal, 'Loading the model');
    return { provider, ...(provider.status.contextLength ? { allocated: provider.status.contextLength } : {}) };
  } catch (e) {
    const error = WeftError.from(e);
    return {
      provider: {
        kind: provider.kind,
        chat: () => ({
          [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }),
        }),
      },
    };
  }
}

const isLocalModel = (p: Provider): p is LocalModel => typeof (p as Partial<LocalModel>).load === 'function';

async function runTurn(deps: ChatDeps, input: TurnInput): Promise<ChatSendResult> {
  const { ws, info, model, chat, pid, signal, args, emit } = input;
  const { provider, allocated } = await readyProvider(await deps.providers.client(info, { fetch: deps.fetch, clock: deps.clock }), signal, emit);
  const key = await deps.providers.key(info.id);
  const n = chat.turns.length + 1;
  const contextLength = Math.min(contextLengthOf(info), allocated ?? Infinity);
  const skillBudget = Math.floor(contextLength / 4);
  const tools = await toolsFor(ws, deps.catalog(), { query: args.text, limit: MAX_TOOLS });
  const specs = [...tools.values()].map((t) => toolSpecOf(t.skill));
  const summaryCalls: ModelCall[] = [];
  const fitted = await fit(chat, provider, model, {
    contextLength,
    clock: deps.clock,
    calls: summaryCalls,
    reserve: skillBudget + Math.floor(contextLength / 4) + estimateTokens(args.text) + estimateTokens(JSON.stringify(specs)),
    signal,
    log: (message) => deps.log('warn', message, pid),
  });
  const result = await runChatTurn({
    provider,
    model,
    history: fitted.history,
    userMessage: args.text,
    system: SYSTEM_PROMPT,
    skillContext: async () => {
      const context = await deps.catalog().context(args.text, skillBudget);
      return { text: context.text, skills: context.skills.filter((s) => s.disclosure === 'full').map((s) => s.name) };
    },
    tools: specs,
    summaryCalls,
    ...maxTokensOf(info),
    runTool: (name, toolArgs, toolSignal) => runTool(deps.enzymes, tools.get(name)!, toolArgs, toolSignal, pid, args.tag),
    signal,
    clock: deps.clock,
    traceId: newTraceId(),
    emit,
  });
  const { table } = deps.enzymes;
  table.charge(pid, { tokensIn: result.usage.inputTokens, tokensOut: result.usage.outputTokens });
  if (table.get(pid).state !== 'TERMINATED') {
    table.setState(pid, 'TERMINATED', { status: result.status === 'ok' ? 'ok' : 'error', reason: `chat turn ${n}: ${result.status}` });
  }
  const trace = await commitTrace(ws, result.trace, `Chat ${chat.title}: turn ${n} trace, ${result.status}, ${result.trace.spans.length} spans`, key);
  if (trace.error) deps.log('error', `The trace of chat turn ${n} was not saved: ${trace.error.message}`, pid);
  const error = result.error ? scrub(result.error.toJSON(), key) : null;
  const added: ChatMessage[] = scrub([{ role: 'user', content: args.text }, ...result.messages], key);
  const from = chat.messages.length;
  const record: ChatTurnRecord = {
    n,
    at: deps.clock.now(),
    status: result.status,
    providerId: info.id,
    model,
    usage: result.usage,
    skillsUsed: result.skillsUsed,
    from,
    to: from + added.length,
    trace: trace.written,
    error,
  };
  const next: StoredChat = {
    ...chat,
    updatedAt: record.at,
    providerId: info.id,
    model,
    messages: [...chat.messages, ...added],
    summaries: fitted.summary ? [...chat.summaries, { ...fitted.summary, turn: n }] : chat.summaries,
    turns: [...chat.turns, record],
  };
  const commit = await writeChat(ws, next, `Chat ${chat.title}: turn ${n}`);
  return { chatId: chat.id, title: chat.title, pid, turn: n, status: result.status, messages: added, usage: result.usage, skillsUsed: result.skillsUsed, trace: trace.written, traceError: trace.error, error, commit };
}

async function runTool(enzymes: EnzymeDeps, { skill, volume }: Tool, given: Record<string, unknown>, signal: AbortSignal, parent: Pid, tag: string | undefined) {
  if (skill.runtime === 'workflow' || skill.runtime === 'agent') throw new WeftError('RUNTIME_UNAVAILABLE', `${skill.name} is a ${skill.runtime} skill, which the chat cannot run as a tool.`, { skill: skill.name });
  const run = await runEnzyme(enzymes, {
    runtime: skill.runtime,
    code: skill.code.source,
    inputs: bindInputs(skill, given),
    seed: 0,
    timeoutMs: skill.timeoutMs ?? DEFAULT_TIMEOUT_MS[skill.runtime],
    permissions: skill.permissions,
    name: skill.name,
    parent,
    signal,
    span: false,
    source: { name: skill.name, volume },
    ...markedUntrusted(skill),
    attributes: { 'weft.skill': skill.name },
    ...(tag === undefined ? {} : { tag }),
  });
  return { outputs: run.outputs, energy: run.energy, ...(run.details ? { details: run.details } : {}) };
}

interface Fitted {
  readonly history: readonly ChatMessage[];
  readonly summary: Omit<ChatSummary, 'turn'> | null;
}

/** The stored history, summarised by the same model when it would not fit (the originals stay stored). */
async function fit(chat: StoredChat, provider: Provider, model: string, o: { contextLength: number; reserve: number; signal: AbortSignal; clock: Clock; calls: ModelCall[]; log: (m: string) => void }): Promise<Fitted> {
  const { history, origin } = historyOf(chat);
  if (estimateHistoryTokens(history) <= o.contextLength - o.reserve) return { history, summary: null };
  try {
    const fitted = await fitHistory({ history, contextLength: o.contextLength, reserveTokens: o.reserve, summarize: (messages) => summarize(provider, model, messages, o) });
    if (!fitted.summary) return { history: fitted.history, summary: null };
    const upTo = origin[fitted.summary.summaryOf.at(-1)! + 1] ?? chat.messages.length;
    const content = fitted.history[fitted.summary.index]!.content.slice(SUMMARY_PREFIX.length);
    return { history: fitted.history, summary: { upTo, content } };
  } catch (error) {
    o.log(`The conversation could not be summarised (${WeftError.from(error).message}); it is sent whole.`);
    return { history, summary: null };
  }
}

/** One summary call; it is kept in `calls` so the turn's trace and usage include it. */
async function summarize(provider: Provider, model: string, messages: readonly ChatMessage[], o: { signal: AbortSignal; clock: Clock; calls: ModelCall[] }): Promise<string> {
  const transcript = messages.map((m) => `${m.role}${m.role === 'tool' ? ` (${m.name})` : ''}: ${m.content}`).join('\n\n');
  const call = await callModel({
    provider,
    model,
    messages: [
      { role: 'system', content: SUMMARIZE_PROMPT },
      { role: 'user', content: transcript },
    ],
    tools: [],
    signal: o.signal,
    clock: o.clock,
    onText: () => {},
  });
  o.calls.push(call);
  if (call.status !== 'ok') throw call.error ?? new WeftError('LLM_CANCELLED', 'The summary was stopped.');
  return call.text;
}

/** Replaces the key wherever it appears in plain data (it should be nowhere; this makes sure). */
function scrub<T>(value: T, key: string | undefined): T {
  if (!key || key.length < 4) return value;
  const text = JSON.stringify(value);
  return text.includes(key) ? (JSON.parse(text.split(key).join(REDACTED)) as T) : value;
}
