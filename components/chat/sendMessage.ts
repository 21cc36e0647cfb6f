/**
 * Sends one message: `chat.send` with a tag of its own, following that tag's `chat.event`s into
 * the live turn (text deltas, tool calls, the pid for Stop). When the send itself fails (no
 * provider, a busy chat), the text goes back into the composer so nothing typed is lost.
 */
import { type Pid, WeftError } from '@/lib/core';
import type { KernelClient } from '@/lib/kernel/client';
import type { KernelEvent } from '@/lib/kernel/protocol';
import type { TurnEvent } from '@/lib/llm';
import { type LivePart, type LiveTurn, useChatStore } from './useChatStore';

export type ChatClient = Pick<KernelClient, 'call' | 'on'>;

let sends = 0;

/** Past this many characters of live text, deltas are batched (see `sendMessage`). */
export const LIVE_TEXT_BATCH_CHARS = 2_000;
const LIVE_TEXT_BATCH_MS = 100;

/** The kernel's limit on one message (chat.send refuses longer text). */
export const MAX_MESSAGE_CHARS = 200_000;

function tooLong(chars: number) {
  return new WeftError(
    'SYSCALL_INVALID',
    `This message is ${chars.toLocaleString('en')} characters; one message can be at most ${MAX_MESSAGE_CHARS.toLocaleString('en')}. Save large data as a file in a volume and ask about it, or send a shorter part. Your text is still in the box.`,
    { field: 'text' },
  ).toJSON();
}

/** Sends `text` to the chat (a new one when `chatId` is null); resolves when the turn has ended. */
export async function sendMessage(client: ChatClient, chatId: string | null, text: string, now: () => number = Date.now): Promise<void> {
  const store = useChatStore.getState();
  if (store.live && !store.live.ended) return;
  if (text.length > MAX_MESSAGE_CHARS) {
    // Said here, in words, before anything is sent; the text stays in the composer.
    store.setSendError(tooLong(text.length));
    return;
  }
  const tag = `chat:${now().toString(36)}:${++sends}`;
  store.setLive({ tag, chatId, text, pid: null, parts: [], stopping: false, progress: null, finished: null, ended: null });
  store.setSendError(null);
  store.setDraft('');
  const update = (change: (live: LiveTurn) => LiveTurn) => useChatStore.getState().updateLive(tag, change);

  // A long answer re-renders its whole Markdown on every delta: past LIVE_TEXT_BATCH_CHARS the
  // deltas are shown together every LIVE_TEXT_BATCH_MS, so the page stays free for a click on Stop.
  let held = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!held) return;
    const text = held;
    held = '';
    update((live) => apply(live, { type: 'turn.text', text }));
  };
  const liveChars = () => useChatStore.getState().live?.parts.reduce((n, p) => n + (p.kind === 'text' ? p.text.length : 0), 0) ?? 0;

  const off = client.on((event: KernelEvent) => {
    if (event.type !== 'chat.event' || event.tag !== tag) return;
    const first = useChatStore.getState().live?.pid === null;
    if (event.event.type === 'turn.text' && !first && liveChars() + held.length > LIVE_TEXT_BATCH_CHARS) {
      held += event.event.text;
      timer ??= setTimeout(flush, LIVE_TEXT_BATCH_MS);
      return;
    }
    flush();
    update((live) => apply({ ...live, chatId: event.chatId, pid: event.pid }, event.event));
    if (first && useChatStore.getState().activeId !== event.chatId) useChatStore.getState().open(event.chatId);
    // Stop was pressed before the process was known.
    if (first && useChatStore.getState().live?.stopping) kill(client, event.pid);
  });

  try {
    const result = await client.call({ op: 'chat.send', ...(chatId === null ? {} : { chatId }), text, tag });
    flush();
    update((live) => ({ ...live, chatId: result.chatId, pid: result.pid, ended: { status: result.status, usage: result.usage, turn: result.turn } }));
    if (useChatStore.getState().activeId !== result.chatId) useChatStore.getState().open(result.chatId);
  } catch (thrown) {
    const now = useChatStore.getState();
    if (now.live?.tag === tag) now.setLive(null);
    if (!now.draft) now.setDraft(text);
    now.setSendError(WeftError.from(thrown).toJSON());
  } finally {
    flush();
    off();
  }
}

/** Stops the turn in flight: kills its process now, or as soon as its pid is known. */
export function stopMessage(client: ChatClient): void {
  const live = useChatStore.getState().live;
  if (!live || live.ended || live.stopping) return;
  useChatStore.getState().updateLive(live.tag, (l) => ({ ...l, stopping: true }));
  if (live.pid !== null) kill(client, live.pid);
}

function apply(live: LiveTurn, event: TurnEvent): LiveTurn {
  const store = useChatStore.getState();
  switch (event.type) {
    case 'turn.start':
      return live;
    case 'turn.progress':
      return { ...live, progress: { phase: event.phase, done: event.done, total: event.total } };
    case 'turn.text': {
      const last = live.parts.at(-1);
      const parts: LivePart[] = last?.kind === 'text' ? [...live.parts.slice(0, -1), { kind: 'text', text: last.text + event.text }] : [...live.parts, { kind: 'text', text: event.text }];
      return { ...live, parts, progress: null };
    }
    case 'turn.tool.start':
      store.upsertTool({ callId: event.callId, name: event.name, args: event.args, status: null, preview: null, durationMs: null, error: null });
      return { ...live, parts: [...live.parts, { kind: 'tool', callId: event.callId }], progress: null };
    case 'turn.tool.end': {
      const started = store.tools[event.callId];
      store.upsertTool({ callId: event.callId, name: event.name, args: started?.args ?? null, status: event.status, preview: event.preview, durationMs: event.durationMs, error: event.error ?? null });
      return live;
    }
    case 'turn.end':
      return { ...live, progress: null, finished: event.status };
  }
}

function kill(client: ChatClient, pid: Pid): void {
  // The turn may have ended meanwhile: its own outcome says how it went.
  client.call({ op: 'proc.kill', pid, reason: 'Stopped from the chat' }).catch(() => undefined);
}
