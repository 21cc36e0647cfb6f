'use client';

/** The message box: Enter sends, Shift+Enter starts a new line; while a turn runs, Stop takes Send's place. */
import type { KeyboardEvent, RefObject } from 'react';
import { Button } from '@/components/ui/Button';
import styles from './ChatPanel.module.css';
import { useChatStore } from './useChatStore';

export function Composer({ inputRef, running, stopping, disabled, onSend, onStop }: { inputRef?: RefObject<HTMLTextAreaElement | null>; running: boolean; stopping: boolean; disabled: boolean; onSend(text: string): void; onStop(): void }) {
  const draft = useChatStore((s) => s.draft);
  const setDraft = useChatStore((s) => s.setDraft);
  const send = () => {
    if (!running && !disabled && draft.trim()) onSend(draft.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  return (
    <form
      className={styles.composer}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <textarea
        ref={inputRef}
        className={styles.input}
        aria-label="Message"
        placeholder={running ? 'The model is answering…' : 'Ask anything — Enter sends, Shift+Enter for a new line'}
        rows={2}
        value={draft}
        disabled={running || disabled}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {running ? (
        <Button variant="danger" icon="stop" size="sm" onClick={onStop} disabled={stopping} title="Stop the answer (kills its process)">
          {stopping ? 'Stopping…' : 'Stop'}
        </Button>
      ) : (
        <Button type="submit" variant="primary" size="sm" disabled={disabled || !draft.trim()} className={styles.sendButton}>
          Send
        </Button>
      )}
    </form>
  );
}
