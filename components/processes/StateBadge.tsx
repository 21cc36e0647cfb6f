import { Badge, type Tone } from '@/components/ui/Badge';
import type { ProcState } from '@/lib/kernel/protocol';

const TONE: Record<ProcState, Tone> = {
  RUNNING: 'ok',
  THINKING: 'violet',
  READY: 'info',
  BLOCKED: 'warn',
  SUSPENDED: 'neutral',
  TERMINATED: 'neutral',
};

const MEANING: Record<ProcState, string> = {
  RUNNING: 'running now',
  THINKING: 'waiting for a language model',
  READY: 'queued, waiting for its turn',
  BLOCKED: 'waiting on a timer, a message or I/O',
  SUSPENDED: 'paused; resume it to continue',
  TERMINATED: 'finished',
};

export function StateBadge({ state }: { state: ProcState }) {
  return (
    <Badge tone={TONE[state]} outline={state === 'TERMINATED'} title={`${state}: ${MEANING[state]}`}>
      {state}
    </Badge>
  );
}
