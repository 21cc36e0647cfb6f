'use client';

/** The turn in flight: the user's message, then the reply streaming in (text and tool cards). */
import { Markdown } from '@/components/ui/Markdown';
import styles from './ChatPanel.module.css';
import { ToolCard } from './ToolCard';
import { UserBubble } from './TurnView';
import { type LiveTurn, useChatStore } from './useChatStore';

export function LiveTurnView({ live }: { live: LiveTurn }) {
  const tools = useChatStore((s) => s.tools);
  return (
    <div className={styles.turn} data-live={live.ended ? 'ended' : 'streaming'}>
      <UserBubble text={live.text} />
      <div className={styles.assistant} aria-live="polite">
        {live.parts.map((part, i) => {
          if (part.kind === 'text') return <Markdown key={i}>{part.text}</Markdown>;
          const tool = tools[part.callId];
          return tool ? <ToolCard key={part.callId} tool={tool} /> : null;
        })}
        {!live.ended && (
          <span className={styles.thinking} aria-label="The model is answering">
            <span />
            <span />
            <span />
          </span>
        )}
      </div>
    </div>
  );
}
