/**
 * Conversations as documents of the user volume: `chats/<id>.json`, one commit per turn.
 * Every message is kept as it was; a summary made to fit the context window is stored beside
 * the messages it stands for (`summaries`), never in their place.
 */
import { newTraceId, WeftError, type WeftErrorData } from '../core';
import { type ChatMessage, SUMMARY_PREFIX, type TurnStatus, type TurnUsage } from '../llm';
import type { Workspace } from '../volumes';

/** One turn as the conversation records it. */
export interface ChatTurnRecord {
  /** 1, 2, 3… */
  readonly n: number;
  readonly at: number;
  readonly status: TurnStatus;
  readonly providerId: string;
  readonly model: string;
  readonly usage: TurnUsage;
  readonly skillsUsed: readonly string[];
  /** Where this turn's messages are in `messages`: `[from, to)`, the user's message first. */
  readonly from: number;
  readonly to: number;
  readonly trace: { readonly path: string; readonly commit: string } | null;
  readonly error: WeftErrorData | null;
}

/** A summary of the conversation's first `upTo` messages, written by the model to fit its context window. */
export interface ChatSummary {
  readonly upTo: number;
  readonly content: string;
  /** The turn that made it. */
  readonly turn: number;
}

export interface StoredChat {
  readonly version: 1;
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** The provider and model of the latest turn. */
  readonly providerId: string | null;
  readonly model: string | null;
  readonly messages: readonly ChatMessage[];
  readonly summaries: readonly ChatSummary[];
  readonly turns: readonly ChatTurnRecord[];
}

/** A row of `chat.list`. */
export interface ChatListEntry {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: number;
  readonly turns: number;
}

export const CHAT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const TITLE_CHARS = 60;

export const chatPath = (id: string) => `chats/${id}.json`;

export function newChat(text: string, now: number): StoredChat {
  return { version: 1, id: `${new Date(now).toISOString().slice(0, 10)}-${newTraceId().slice(0, 8)}`, title: titleOf(text), createdAt: now, updatedAt: now, providerId: null, model: null, messages: [], summaries: [], turns: [] };
}

/** The first line of the first message, shortened to a title. */
export function titleOf(text: string): string {
  const line = text.trim().split('\n')[0]!.replace(/\s+/g, ' ').trim() || 'New chat';
  return line.length <= TITLE_CHARS ? line : `${line.slice(0, TITLE_CHARS - 1).trimEnd()}…`;
}

export async function readChat(ws: Workspace, id: string): Promise<StoredChat> {
  if (!CHAT_ID.test(id)) throw new WeftError('SYSCALL_INVALID', `"${id}" is not a chat id. chat.list gives the ids.`, { field: 'id' });
  let text: string;
  try {
    text = await ws.volumes.read(ws.volumes.userVolume, chatPath(id));
  } catch (error) {
    const coded = WeftError.from(error);
    if (coded.code === 'VOLUME_FILE_NOT_FOUND') throw new WeftError('VOLUME_FILE_NOT_FOUND', `There is no chat ${id} in your volume. It may have been deleted; chat.list gives the chats there are.`, { chatId: id });
    throw coded;
  }
  try {
    return JSON.parse(text) as StoredChat;
  } catch {
    throw new WeftError('VOLUME_CORRUPT', `${chatPath(id)} is not valid JSON. Restore an earlier version from its history.`, { chatId: id });
  }
}

export async function listChats(ws: Workspace): Promise<ChatListEntry[]> {
  const files = (await (await ws.volumes.open(ws.volumes.userVolume)).listFiles('chats')).filter((f) => /^chats\/[^/]+\.json$/.test(f));
  const rows = await Promise.all(
    files.map(async (path) => {
      try {
        const chat = await readChat(ws, path.slice('chats/'.length, -'.json'.length));
        return { id: chat.id, title: chat.title, updatedAt: chat.updatedAt, turns: chat.turns.length };
      } catch {
        return null; // an unreadable file is shown by volume.files, not here
      }
    }),
  );
  return rows.filter((r): r is ChatListEntry => r !== null).sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function writeChat(ws: Workspace, chat: StoredChat, message: string): Promise<string> {
  const result = await ws.volumes.write(ws.volumes.userVolume, async () => ({ changes: [{ path: chatPath(chat.id), content: `${JSON.stringify(chat, null, 2)}\n` }], message }));
  return result.commit;
}

export async function deleteChat(ws: Workspace, id: string): Promise<{ deleted: boolean; commit: string }> {
  const chat = await readChat(ws, id);
  const result = await ws.volumes.write(ws.volumes.userVolume, async () => ({ changes: [{ path: chatPath(id), content: null }], message: `Delete chat ${chat.title}` }));
  return { deleted: true, commit: result.commit };
}

/**
 * The history to send: the latest summary in place of the messages it covers, then the rest.
 * `origin[i]` is the stored index of `history[i]` (-1 for the summary).
 */
export function historyOf(chat: StoredChat): { history: ChatMessage[]; origin: number[] } {
  const latest = chat.summaries.reduce<ChatSummary | null>((best, s) => (best === null || s.upTo > best.upTo ? s : best), null);
  const from = latest?.upTo ?? 0;
  const history: ChatMessage[] = latest ? [{ role: 'system', content: SUMMARY_PREFIX + latest.content }] : [];
  const origin: number[] = latest ? [-1] : [];
  chat.messages.slice(from).forEach((m, i) => {
    history.push(m);
    origin.push(from + i);
  });
  return { history, origin };
}
