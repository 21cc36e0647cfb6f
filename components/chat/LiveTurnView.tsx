'use client';

/**
 * The turn in flight: the user's message, then the reply streaming in (text and tool cards).
 * Before the first token it says what the turn waits on — the model loading, the prompt being
 * read (n of m tokens), or the server — so a slow start never looks like a hang.
 */
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
        {!live.ended && <TurnState live={live} />}
      </div>
    </div>
  );
}

/** One line under the reply: what the turn is doing now. */
function TurnState({ live }: { live: LiveTurn }) {
  const phase = livePhase(live);
  if (phase.kind === 'streaming') return <Dots />;
  return (
    <div className={styles.turnState} data-phase={phase.kind} role="status">
      {phase.kind === 'reading' || phase.kind === 'loading' ? <Dots /> : null}
      <span>{phase.text}</span>
      {phase.fraction !== null && <progress className={styles.turnProgress} max={1} value={phase.fraction} aria-label={phase.text} />}
    </div>
  );
}

function Dots() {
  return (
    <span className={styles.thinking} aria-label="The model is answering">
      <span />
      <span />
      <span />
    </span>
  );
}

export type LivePhase = { readonly kind: 'streaming' | 'waiting' | 'loading' | 'reading' | 'stopping' | 'stopped' | 'saving'; readonly text: string; readonly fraction: number | null };

/** What a live turn is doing, in words (pure, for the view and its test). */
export function livePhase(live: LiveTurn): LivePhase {
  if (live.finished === 'cancelled') return { kind: 'stopped', text: 'Stopped.', fraction: null };
  if (live.finished !== null) return { kind: 'saving', text: 'Saving the conversation…', fraction: null };
  if (live.stopping) return { kind: 'stopping', text: 'Stopping…', fraction: null };
  const p = live.progress;
  if (p?.phase === 'loading') {
    const bytes = p.total > 0 && p.done < p.total ? `: ${kib(p.done)} of ${kib(p.total)}` : '';
    return { kind: 'loading', text: `Loading the model${bytes}…`, fraction: p.total > 0 ? p.done / p.total : null };
  }
  if (p?.phase === 'reading') return { kind: 'reading', text: `Reading the prompt: ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} tokens`, fraction: p.total > 0 ? p.done / p.total : null };
  if (live.parts.length === 0) return { kind: 'waiting', text: 'Waiting for the model to answer… (Stop works at any time)', fraction: null };
  return { kind: 'streaming', text: '', fraction: null };
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KiB`;
