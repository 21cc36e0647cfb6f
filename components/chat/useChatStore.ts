/**
 * Session state of the chat panel: the open conversation, the composer's text, the turn in
 * flight (streamed from `chat.event`s) and the tool calls seen this session (their status and
 * duration, which the stored conversation does not keep), and what commands (`/ps`, `/run`…)
 * printed this session, which is never stored. Conversations themselves are
 * documents in the user volume and arrive through the kernel (`chat.read`).
 */
import { create } from 'zustand';
import type { Pid, WeftErrorData } from '@/lib/core';
import type { TurnStatus, TurnUsage } from '@/lib/llm';
import type { CommandOutput, NewOutput } from './commands/commandOutput';

/** Command outputs kept; older ones drop off. */
export const MAX_OUTPUTS = 50;

/** A tool call as a card shows it. */
export interface ToolView {
  readonly callId: string;
  readonly name: string;
  readonly args: unknown;
  /** null while it runs. */
  readonly status: 'ok' | 'error' | 'cancelled' | null;
  readonly preview: string | null;
  readonly durationMs: number | null;
  readonly error: WeftErrorData | null;
}

/** The reply as it streams: text and tool calls in the order they came. */
export type LivePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'tool'; readonly callId: string };

export interface LiveTurn {
  readonly tag: string;
  /** null until the kernel says which conversation (a new chat gets its id on the first event). */
  readonly chatId: string | null;
  readonly text: string;
  readonly pid: Pid | null;
  readonly parts: readonly LivePart[];
  readonly stopping: boolean;
  /** What the turn waits on before its first token (the model loading, the prompt being read); null once text comes. */
  readonly progress: { readonly phase: 'loading' | 'reading'; readonly done: number; readonly total: number } | null;
  /** How the turn ended, as soon as the kernel says (before it has saved the conversation, which `ended` waits for). */
  readonly finished: TurnStatus | null;
  /** Set when the turn has ended; the stored conversation then takes over once it has the turn. */
  readonly ended: { readonly status: TurnStatus; readonly usage: TurnUsage; readonly turn: number | null } | null;
}

interface ChatUi {
  readonly activeId: string | null;
  readonly draft: string;
  readonly live: LiveTurn | null;
  /** Why the last send failed before any turn ran (no provider, the chat is busy…). */
  readonly sendError: WeftErrorData | null;
  readonly tools: Readonly<Record<string, ToolView>>;
  readonly settingsOpen: boolean;
  /** What commands printed, oldest first. */
  readonly outputs: readonly CommandOutput[];
  open(id: string | null): void;
  setDraft(text: string): void;
  setLive(live: LiveTurn | null): void;
  updateLive(tag: string, change: (live: LiveTurn) => LiveTurn): void;
  setSendError(error: WeftErrorData | null): void;
  upsertTool(tool: ToolView): void;
  setSettingsOpen(open: boolean): void;
  /** Adds a command's output; returns its id. */
  addOutput(output: NewOutput): string;
  /** Changes an output (a no-op once it was cleared). */
  updateOutput(id: string, change: (output: CommandOutput) => CommandOutput): void;
  clearOutputs(): void;
}

let outputSeq = 0;

export const useChatStore = create<ChatUi>()((set) => ({
  activeId: null,
  draft: '',
  live: null,
  sendError: null,
  tools: {},
  settingsOpen: false,
  outputs: [],
  open: (activeId) => set((s) => ({ activeId, sendError: null, live: s.live && !s.live.ended ? s.live : null })),
  setDraft: (draft) => set({ draft }),
  setLive: (live) => set({ live }),
  updateLive: (tag, change) => set((s) => (s.live?.tag === tag ? { live: change(s.live) } : {})),
  setSendError: (sendError) => set({ sendError }),
  upsertTool: (tool) => set((s) => ({ tools: { ...s.tools, [tool.callId]: tool } })),
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  addOutput: (output) => {
    const id = `out-${++outputSeq}`;
    set((s) => ({ outputs: [...s.outputs.slice(-(MAX_OUTPUTS - 1)), { ...output, id }] }));
    return id;
  },
  updateOutput: (id, change) => set((s) => (s.outputs.some((o) => o.id === id) ? { outputs: s.outputs.map((o) => (o.id === id ? change(o) : o)) } : {})),
  clearOutputs: () => set({ outputs: [] }),
}));
