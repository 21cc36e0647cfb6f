/** The badges trace views share: what kind of trace or span it is, and how it ended. */
import { Badge, type Tone } from '@/components/ui/Badge';
import { Icon, type IconName } from '@/components/ui/Icon';
import type { TraceKind } from '@/lib/kernel/protocol';
import type { SpanStatus } from '@/lib/spans';

const KIND: Record<TraceKind, { tone: Tone; icon: IconName; label: string; meaning: string }> = {
  run: { tone: 'accent', icon: 'graph', label: 'run', meaning: 'A workflow run' },
  chat: { tone: 'violet', icon: 'chat', label: 'chat', meaning: 'A chat turn' },
  agent: { tone: 'info', icon: 'user', label: 'agent', meaning: 'An agent step' },
};

export const TRACE_KIND_WORDS: Record<TraceKind, string> = { run: 'workflow run', chat: 'chat turn', agent: 'agent step' };

export function TraceKindBadge({ kind }: { kind: TraceKind }) {
  const k = KIND[kind];
  return (
    <Badge tone={k.tone} title={k.meaning}>
      <Icon name={k.icon} size={12} />
      {k.label}
    </Badge>
  );
}

const STATUS: Record<SpanStatus, { tone: Tone; meaning: string }> = {
  ok: { tone: 'ok', meaning: 'finished without error' },
  error: { tone: 'danger', meaning: 'failed' },
  cancelled: { tone: 'warn', meaning: 'was cancelled' },
  cached: { tone: 'neutral', meaning: 'outputs came from the memo cache without running' },
};

export function StatusBadge({ status }: { status: SpanStatus }) {
  return (
    <Badge tone={STATUS[status].tone} outline={status === 'cached'} title={`${status}: ${STATUS[status].meaning}`}>
      {status}
    </Badge>
  );
}
