import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Pid, WeftError } from '@/lib/core';
import type { KernelEvent } from '@/lib/kernel/protocol';
import { livePhase } from './LiveTurnView';
import { type ChatClient, LIVE_TEXT_BATCH_CHARS, sendMessage, stopMessage } from './sendMessage';
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

  it('knows the pid from turn.start, before any byte of the answer, so Stop kills at once and the turn shows Stopped', async () => {
    const k = fakeClient();
    const done = sendMessage(k.client, 'c-1', 'are you loading?');
    const tag = useChatStore.getState().live!.tag;
    k.emit(tag, { type: 'turn.start' });
    expect(livePhase(useChatStore.getState().live!)).toMatchObject({ kind: 'waiting' });
    stopMessage(k.client);
    expect(k.calls.filter((c) => c.op === 'proc.kill')).toMatchObject([{ pid: 7 }]);
    expect(livePhase(useChatStore.getState().live!)).toMatchObject({ kind: 'stopping', text: 'Stopping…' });
    k.emit(tag, { type: 'turn.end', status: 'cancelled', usage });
    expect(livePhase(useChatStore.getState().live!)).toMatchObject({ kind: 'stopped', text: 'Stopped.' });
    k.finish({ chatId: 'c-1', pid: 7, status: 'cancelled', usage, turn: 2 });
    await done;
  });

  it('shows a long answer in batches, so the page stays free, and never loses or reorders a delta', async () => {
    vi.useFakeTimers();
    try {
      const k = fakeClient();
      const done = sendMessage(k.client, 'c-1', 'write a lot');
      const tag = useChatStore.getState().live!.tag;
      const text = () => useChatStore.getState().live!.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
      k.emit(tag, { type: 'turn.start' });
      k.emit(tag, { type: 'turn.text', text: 'x'.repeat(LIVE_TEXT_BATCH_CHARS) });
      k.emit(tag, { type: 'turn.text', text: 'a' });
      k.emit(tag, { type: 'turn.text', text: 'b' });
      expect(text()).toBe('x'.repeat(LIVE_TEXT_BATCH_CHARS) + 'a'); // 'b' waits for the next batch
      vi.advanceTimersByTime(100);
      expect(text().endsWith('ab')).toBe(true);
      k.emit(tag, { type: 'turn.text', text: 'c' });
      k.emit(tag, { type: 'turn.end', status: 'cancelled', usage });
      expect(text().endsWith('abc')).toBe(true); // the end comes after every word
      k.finish({ chatId: 'c-1', pid: 7, status: 'cancelled', usage, turn: 1 });
      await done;
    } finally {
      vi.useRealTimers();
    }
  });

  it('says what the turn waits on: the model loading, then the prompt read n of m tokens, until text comes', async () => {
    const k = fakeClient();
    const done = sendMessage(k.client, 'c-1', 'Go on');
    const tag = useChatStore.getState().live!.tag;
    k.emit(tag, { type: 'turn.start' });
    k.emit(tag, { type: 'turn.progress', phase: 'loading', done: 0, total: 0 });
    expect(livePhase(useChatStore.getState().live!)).toEqual({ kind: 'loading', text: 'Loading the model…', fraction: null });
    k.emit(tag, { type: 'turn.progress', phase: 'reading', done: 1024, total: 4096 });
    expect(livePhase(useChatStore.getState().live!)).toEqual({ kind: 'reading', text: 'Reading the prompt: 1,024 of 4,096 tokens', fraction: 0.25 });
    k.emit(tag, { type: 'turn.text', text: 'Sure' });
    expect(livePhase(useChatStore.getState().live!)).toMatchObject({ kind: 'streaming' });
    k.finish({ chatId: 'c-1', pid: 7, status: 'ok', usage, turn: 2 });
    await done;
  });
});
