'use client';

/**
 * The message box: Enter sends, Shift+Enter starts a new line; while a turn runs, Stop takes Send's place.
 * A line that starts with `/` is a command (see ./commands), with completions above the box.
 */
import type { KeyboardEvent, RefObject } from 'react';
import { Button } from '@/components/ui/Button';
import { isCommand } from '@/lib/shell';
import styles from './ChatPanel.module.css';
import commandStyles from './commands/Commands.module.css';
import { CompletionList } from './commands/CompletionList';
import { useCommandLine } from './commands/useCommandLine';
import { useChatStore } from './useChatStore';

export function Composer({ inputRef, running, stopping, disabled, onSend, onStop }: { inputRef?: RefObject<HTMLTextAreaElement | null>; running: boolean; stopping: boolean; disabled: boolean; onSend(text: string): void; onStop(): void }) {
  const draft = useChatStore((s) => s.draft);
  const setDraft = useChatStore((s) => s.setDraft);
  const line = useCommandLine(draft, setDraft);
  const send = () => {
    const text = draft.trim();
    if (disabled || !text) return;
    // Commands never go through chat.send; a malformed one stays in the box to be fixed.
    if (isCommand(text)) {
      if (line.submit(text)) setDraft('');
    } else if (!running) {
      // `//…` sends the chat a message that starts with one slash.
      onSend(text.startsWith('//') ? text.slice(1) : text);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (line.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  return (
    <div className={commandStyles.anchor}>
      {line.open && <CompletionList id={line.listId} items={line.items} active={line.active} optionId={line.optionId} onPick={line.accept} />}
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
          aria-autocomplete="list"
          aria-controls={line.open ? line.listId : undefined}
          aria-activedescendant={line.open ? line.optionId(line.active) : undefined}
          placeholder={running ? 'The model is answering…' : 'Ask anything — Enter sends, Shift+Enter for a new line, / for commands'}
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
    </div>
  );
}
