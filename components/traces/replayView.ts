/** What `trace.replay` found, as the Replay panel shows it: a tone and a meaning per node status. */
import type { Tone } from '@/components/ui/Badge';
import type { ReplayNodeStatus, ReplayReport } from '@/lib/kernel/protocol';
import type { Span } from '@/lib/spans';

export const REPLAY_STATUS: Readonly<Record<ReplayNodeStatus, { readonly tone: Tone; readonly meaning: string }>> = {
  identical: { tone: 'ok', meaning: 'same output as recorded' },
  different: { tone: 'danger', meaning: 'output differs from the recorded one' },
  // Expected to differ (a model call, a clock, randomness without a seed): not a failure.
  nondeterministic: { tone: 'info', meaning: 'not expected to repeat exactly; not a failure' },
  error: { tone: 'danger', meaning: 'failed when replayed' },
  missing: { tone: 'warn', meaning: 'has no recorded output to compare with' },
};

/** Whether the replay reproduced the run: every compared node identical, none failed. */
export function replayVerified(report: ReplayReport): boolean {
  return report.status === 'ok' && report.compared > 0 && report.identical === report.compared && report.nodes.every((n) => n.status === 'identical' || n.status === 'nondeterministic');
}

/**
 * The sentence above "Replay with the recorded versions".
 * @example skillChangesText([{ skill: 'clean', … }]) === 'The skill clean changed since this run.'
 */
export function skillChangesText(changes: ReplayReport['skillChanges']): string {
  const names = changes.map((c) => c.skill);
  if (names.length === 0) return '';
  if (names.length === 1) return `The skill ${names[0]} changed since this run.`;
  return `The skills ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} changed since this run.`;
}

/** Workflow node id → index of its span (`weft.node.id`), so a replayed node can select its span. */
export function spansByNode(spans: readonly Span[]): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  spans.forEach((s, i) => {
    const node = s.attributes['weft.node.id'];
    if (s.kind === 'node' && typeof node === 'string' && !map.has(node)) map.set(node, i);
  });
  return map;
}
