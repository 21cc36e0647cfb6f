'use client';

/**
 * The Chat tab: with no model provider, a first-run setup; then a conversation picker, the open
 * conversation (stored turns from `chat.read`, the turn in flight streamed from `chat.event`s)
 * and the composer. Conversations live in the user volume; this panel keeps only session state.
 */
import { useEffect, useRef, useState } from 'react';
import { useKernelStore } from '@/components/kernel/useKernelStore';
import { Button, IconButton } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormError } from '@/components/volumes/Field';
import forms from '@/components/volumes/forms.module.css';
import { useKernelQuery } from '@/components/volumes/useKernelQuery';
import { historyOf } from '@/lib/kernel/chatStore';
import { LOCAL_CONTEXT_LENGTH } from '@/lib/kernel/localModels';
import type { ProviderInfo } from './providerDraft';
import styles from './ChatPanel.module.css';
import { CommandOutputs } from './commands/CommandOutputs';
import { ContextMeter } from './ContextMeter';
import { DeleteChat } from './DeleteChat';
import { LiveTurnView } from './LiveTurnView';
import { LocalModelBar } from './LocalModelBar';
import { ModelSettings } from './ModelSettings';
import { Composer } from './Composer';
import { ProviderSetup } from './ProviderSetup';
import { sendMessage, stopMessage } from './sendMessage';
import { TurnView } from './TurnView';
import { useChatStore } from './useChatStore';

/** The window the chat plans with: the setting, or what llama.cpp allocated, or an in-browser model's default. */
function windowOf(p: ProviderInfo): number | undefined {
  if (p.kind !== 'wllama') return p.contextLength;
  return Math.min(p.contextLength ?? LOCAL_CONTEXT_LENGTH, p.local?.contextLength ?? Infinity);
}

export function ChatPanel() {
  const client = useKernelStore((s) => s.client);
  // Providers follow the kernel: one set from the console (window.weft) shows without a reload.
  const providers = useKernelQuery({ op: 'llm.providers' }, useKernelStore((s) => s.providersVersion));
  const list = useKernelQuery({ op: 'chat.list' });
  const activeId = useChatStore((s) => s.activeId);
  const open = useChatStore((s) => s.open);
  const live = useChatStore((s) => s.live);
  const sendError = useChatStore((s) => s.sendError);
  const settingsOpen = useChatStore((s) => s.settingsOpen);
  const outputs = useChatStore((s) => s.outputs);
  const setSettingsOpen = useChatStore((s) => s.setSettingsOpen);
  // A new chat is saved when its first turn ends: until chat.list has it, there is nothing to read.
  const saved = activeId !== null && (list.data?.some((c) => c.id === activeId) ?? false);
  const chat = useKernelQuery(saved ? { op: 'chat.read', id: activeId } : null);
  const stored = chat.data?.id === activeId ? chat.data : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const input = useRef<HTMLTextAreaElement>(null);
  const [deleting, setDeleting] = useState(false);

  const running = live !== null && live.ended === null;
  const liveHere = live !== null && live.chatId === activeId && (live.ended === null || live.ended.turn === null || (stored?.turns.length ?? 0) < live.ended.turn);

  const send = (text: string) => {
    stick.current = true;
    if (client) void sendMessage(client, activeId, text);
  };
  // Edit and resend: the text goes back into the composer; sending it makes a new turn.
  const edit = (text: string) => {
    useChatStore.getState().setDraft(text);
    requestAnimationFrame(() => {
      const el = input.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
  };

  // Follow the conversation as it grows, unless the reader has scrolled up; a new command's output always comes into view.
  const last = live?.parts.at(-1);
  const lastOutput = outputs.at(-1);
  const size = `${stored?.turns.length ?? 0}:${live?.text ?? ''}:${live?.parts.length ?? 0}:${last?.kind === 'text' ? last.text.length : 0}:${lastOutput?.id}:${lastOutput?.blocks.length}`;
  useEffect(() => {
    stick.current = true;
  }, [lastOutput?.id]);
  useEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [size, activeId]);
  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  };

  if (providers.data === undefined) return null;
  const provider = providers.data.find((p) => p.id === stored?.providerId) ?? providers.data.find((p) => p.isDefault) ?? providers.data[0];
  const lastTurn = stored?.turns.at(-1)?.n;
  const busyHere = running && (live.chatId === null || live.chatId === activeId);
  if (providers.data.length === 0 && !settingsOpen) {
    return (
      <div className={styles.scroll}>
        <ProviderSetup onSaved={providers.reload} />
      </div>
    );
  }

  return (
    <div className={styles.panel}>
      <div className={styles.bar}>
        <select className={`${forms.select} ${styles.picker}`} aria-label="Conversation" value={activeId ?? ''} onChange={(e) => open(e.target.value || null)}>
          <option value="">New chat</option>
          {list.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <IconButton icon="plus" label="New chat" size="sm" onClick={() => open(null)} disabled={activeId === null} />
        <IconButton icon="trash" label="Delete conversation" size="sm" onClick={() => setDeleting(true)} disabled={stored === undefined || busyHere} />
        <Button size="sm" variant="ghost" onClick={() => setSettingsOpen(true)}>
          Model settings
        </Button>
      </div>
      {provider?.kind === 'wllama' && <LocalModelBar provider={provider} />}
      {stored && <ContextMeter messages={historyOf(stored).history} contextLength={provider && windowOf(provider)} summarised={stored.summaries.length > 0} />}
      <div ref={scroller} className={styles.messages} onScroll={onScroll} data-chat={activeId ?? 'new'}>
        {activeId === null && !liveHere && (
          <EmptyState icon="chat" title="New chat" compact>
            Ask a question. The model sees the skills that fit it and can run them as tools.
          </EmptyState>
        )}
        {chat.error && <FormError>{chat.error.message}</FormError>}
        {stored?.turns.map((turn) => <TurnView key={turn.n} turn={turn} messages={stored.messages} onRetry={send} onEdit={turn.n === lastTurn ? edit : undefined} busy={running} />)}
        {liveHere && <LiveTurnView live={live} />}
        <CommandOutputs />
      </div>
      {sendError && (
        <div className={styles.sendError}>
          <FormError>{sendError.message}</FormError>
          {sendError.code === 'LLM_NO_PROVIDER' && (
            <Button size="sm" onClick={() => setSettingsOpen(true)}>
              Model settings
            </Button>
          )}
        </div>
      )}
      <Composer inputRef={input} running={running} stopping={live?.stopping ?? false} disabled={!client} onSend={send} onStop={() => client && stopMessage(client)} />
      {deleting && stored && <DeleteChat id={stored.id} title={stored.title} onDeleted={list.reload} onClose={() => setDeleting(false)} />}
      {settingsOpen && <ModelSettings providers={providers.data} onChanged={providers.reload} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
