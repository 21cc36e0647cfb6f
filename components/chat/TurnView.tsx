'use client';

/**
 * One stored turn: the user's message, the assistant's text and tool calls in order, then a
 * footer with the skills it used and its token usage, or its error with Retry.
 */
import { useSkillUi } from '@/components/skills/useSkillUi';
import { Button } from '@/components/ui/Button';
import { Markdown } from '@/components/ui/Markdown';
import type { ChatMessage } from '@/lib/llm';
import styles from './ChatPanel.module.css';
import type { StoredTurn } from './chatTypes';
import { ToolCard } from './ToolCard';
import { useChatStore } from './useChatStore';

/** `onEdit` is given for the last turn only: its message goes back into the composer to send again. */
export function TurnView({ turn, messages, onRetry, onEdit, busy }: { turn: StoredTurn; messages: readonly ChatMessage[]; onRetry(text: string): void; onEdit?: (text: string) => void; busy: boolean }) {
  const tools = useChatStore((s) => s.tools);
  const slice = messages.slice(turn.from, turn.to);
  const user = slice[0]?.role === 'user' ? slice[0].content : '';
  const results = new Map(slice.flatMap((m) => (m.role === 'tool' ? [[m.toolCallId, m.content] as const] : [])));

  return (
    <div className={styles.turn} data-turn={turn.n} data-status={turn.status}>
      <UserBubble text={user} />
      {onEdit && user && (
        <div className={styles.userActions}>
          <Button size="sm" variant="ghost" icon="pencil" onClick={() => onEdit(user)} disabled={busy} title="Put this message back in the box to change it and send it as a new turn (the conversation keeps the original)">
            Edit
          </Button>
        </div>
      )}
      {slice.map((m, i) =>
        m.role !== 'assistant' ? null : (
          <div key={i} className={styles.assistant}>
            {m.content && <Markdown>{m.content}</Markdown>}
            {m.incomplete && (
              <p className={styles.incomplete} data-incomplete={m.incomplete}>
                {m.incomplete === 'stopped' ? 'Incomplete: you stopped this answer before it finished.' : 'Incomplete: this answer broke off before it finished.'} The model is told so when the conversation goes on.
              </p>
            )}
            {m.toolCalls?.map((call) => (
              <ToolCard
                key={call.id}
                tool={tools[call.id] ?? { callId: call.id, name: call.name, args: call.arguments, status: results.has(call.id) ? 'ok' : null, preview: results.get(call.id) ?? null, durationMs: null, error: null }}
              />
            ))}
          </div>
        ),
      )}
      {turn.status === 'error' && (
        <div className={styles.turnError} role="alert">
          <p>{turn.error?.message ?? 'The model did not answer.'}</p>
          <Button size="sm" icon="refresh" onClick={() => onRetry(user)} disabled={busy}>
            Retry
          </Button>
        </div>
      )}
      {turn.status === 'cancelled' && <p className={styles.stopped}>Stopped.</p>}
      <TurnFooter turn={turn} />
    </div>
  );
}

export function UserBubble({ text }: { text: string }) {
  return (
    <div className={styles.userRow}>
      <div className={styles.user}>{text}</div>
    </div>
  );
}

function TurnFooter({ turn }: { turn: StoredTurn }) {
  const select = useSkillUi((s) => s.select);
  const { usage } = turn;
  const approx = usage.estimated ? '~' : '';
  return (
    <div className={styles.footer}>
      {turn.skillsUsed.map((name) => (
        <button key={name} type="button" className={styles.skillChip} title={`Show ${name} in the skill library`} onClick={() => select(name)}>
          {name}
        </button>
      ))}
      <span className={styles.usage}>
        {turn.model} · {approx}
        {usage.inputTokens} in · {approx}
        {usage.outputTokens} out
      </span>
    </div>
  );
}
