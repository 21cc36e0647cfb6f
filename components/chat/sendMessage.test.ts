import { beforeEach, describe, expect, it } from 'vitest';
import { type Pid, WeftError } from '@/lib/core';
import type { KernelEvent } from '@/lib/kernel/protocol';
import { type ChatClient, sendMessage, stopMessage } from './sendMessage';
import { useChatStore } from './useChatStore';

type Listener = (event: KernelEvent) => void;

/** A kernel client whose `chat.send` waits until the test ends it, and which records every call. */
function fakeClient() {
  const listeners = new Set<Listener>();
  const calls: { op: string; [k: string]: unknown }[] = [];
  let finish: (result: unknown) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const client = {
    on: (listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call: (syscall: { op: string }) => {
      calls.push(syscall);
      if (syscall.op !== 'chat.send') return Promise.resolve({});
      return new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    },
  } as unknown as ChatClient;
  const emit = (tag: string, event: Extract<KernelEvent, { type: 'chat.event' }>['event']) => listeners.forEach((l) => l({ type: 'chat.event', chatId: 'c-1', pid: 7 as Pid, tag, event, at: 0 }));
  return { client, calls, emit, finish: (r: unknown) => finish(r), fail: (e: unknown) => fail(e) };
}

const usage = { inputTokens: 3, outputTokens: 2, estimated: false };

beforeEach(() => useChatStore.setState({ activeId: null, draft: '', live: null, sendError: null, tools: {} }));

describe('sendMessage', () => {
  it('streams text and tool calls into the live turn and opens the new chat', async () => {
    const k = fakeClient();
    const done = sendMessage(k.client, null, 'hi', () => 1);
    const tag = useChatStore.getState().live!.tag;
    k.emit(tag, { type: 'turn.text', text: 'Hel' });
    k.emit(tag, { type: 'turn.text', text: 'lo' });
    k.emit(tag, { type: 'turn.tool.start', callId: 'c', name: 'csv-stats', args: { csv: 'a' } });
    k.emit(tag, { type: 'turn.tool.end', callId: 'c', name: 'csv-stats', status: 'ok', preview: '{}', durationMs: 12 });
    const live = useChatStore.getState().live!;
    expect(live.parts).toEqual([{ kind: 'text', text: 'Hello' }, { kind: 'tool', callId: 'c' }]);
    expect(live.pid).toBe(7);
    expect(useChatStore.getState().activeId).toBe('c-1');
    expect(useChatStore.getState().tools.c).toMatchObject({ status: 'ok', durationMs: 12, args: { csv: 'a' } });
    k.finish({ chatId: 'c-1', pid: 7, status: 'ok', usage, turn: 1 });
    await done;
    expect(useChatStore.getState().live!.ended).toEqual({ status: 'ok', usage, turn: 1 });
  });

  it('gives the text back to the composer when the send fails', async () => {
    const k = fakeClient();
    const done = sendMessage(k.client, null, 'keep me');
    expect(useChatStore.getState().draft).toBe('');
    k.fail(new WeftError('LLM_NO_PROVIDER', 'No language model is set up yet.'));
    await done;
    expect(useChatStore.getState().draft).toBe('keep me');
    expect(useChatStore.getState().live).toBeNull();
    expect(useChatStore.getState().sendError?.code).toBe('LLM_NO_PROVIDER');
  });

  it('refuses a 1 MB message before sending, saying the limit, and keeps the text', async () => {
    const k = fakeClient();
    const text = 'x'.repeat(1_000_000);
    useChatStore.getState().setDraft(text);
    await sendMessage(k.client, null, text);
    expect(k.calls.filter((c) => c.op === 'chat.send')).toHaveLength(0);
    expect(useChatStore.getState().draft).toBe(text);
    expect(useChatStore.getState().sendError?.message).toMatch(/1,000,000 characters; one message can be at most 200,000/);
  });

  it('Stop before the pid is known kills the process as soon as it is', async () => {
    const k = fakeClient();
    const done = sendMessage(k.client, 'c-1', 'go');
    stopMessage(k.client);
    expect(k.calls.filter((c) => c.op === 'proc.kill')).toEqual([]);
    k.emit(useChatStore.getState().live!.tag, { type: 'turn.text', text: 'a' });
    expect(k.calls.filter((c) => c.op === 'proc.kill')).toMatchObject([{ pid: 7 }]);
    k.finish({ chatId: 'c-1', pid: 7, status: 'cancelled', usage, turn: 2 });
    await done;
  });
});
