import type { MinedPattern } from './types';

const MAX_DESCRIPTION = 1024;

/**
 * The compound's description: what it runs and where it came from (runs, success rate, the first
 * traces), within the skill format's limits (1024 characters, no `<` or `>`).
 * @example 'Runs csv-load → csv-stats as one step. Learned from 5 successful runs of the workflow "CSV stats" (success rate 100 %, traces 0af765191…). Use to…'
 */
export function describeCompound(pattern: MinedPattern, successes: readonly string[]): string {
  const runs = `${successes.length} successful ${pattern.kind === 'workflow' ? 'run' : 'turn'}${successes.length === 1 ? '' : 's'}${pattern.count > successes.length ? ` (of ${pattern.count})` : ''}`;
  const origin = `success rate ${percent(pattern.successRate)} %, traces ${traceList(successes)}`;
  const text =
    pattern.kind === 'workflow'
      ? `Runs ${chainText(pattern.chain)} as one step. Learned from ${runs} of the workflow "${oneLine(pattern.example.name)}" (${origin}). Use to repeat this chain in one node, each parameter defaulting to what worked: the median of the numbers used, the most frequent value otherwise.`
      : `Runs the tools ${chainText(pattern.chain)} as one step, in the order chat turns called them. Learned from ${runs} (${origin}). The model passed data between the tools, which the trace does not record, so the steps are not wired and have no parameters: connect them before relying on it. Use to repeat this sequence of tool calls.`;
  const clean = text.replace(/[<>]/g, '');
  return clean.length <= MAX_DESCRIPTION ? clean : `${clean.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** The Markdown body: a short explanation, then the compound spec as the one ```json block. */
export function compoundBody(pattern: MinedPattern, successes: number, specJson: string): string {
  const heading = oneLine(pattern.label) || 'Learned workflow';
  const explain =
    pattern.kind === 'workflow'
      ? `Learned by evolution from ${successes} successful run${successes === 1 ? '' : 's'} of the workflow "${oneLine(pattern.example.name)}": ${chainText(pattern.chain)}, run as one node. Each input sets one node's parameter and defaults to the value learned from those runs; each output is an output of a last node.`
      : `Learned by evolution from ${successes} successful chat turn${successes === 1 ? '' : 's'} that called ${chainText(pattern.chain)} in this order. The model passed data between the tools, which the trace does not record, so the nodes are not connected: add edges, or set the inputs, before running it.`;
  return `\n# ${heading}\n\n${explain}\n\n\`\`\`json\n${specJson}\n\`\`\`\n`;
}

/** `a → b → c`, shortened past eight steps. */
function chainText(chain: readonly string[]): string {
  if (chain.length <= 8) return chain.join(' → ');
  return `${chain.slice(0, 6).join(' → ')} → … → ${chain[chain.length - 1]} (${chain.length} steps)`;
}

/** The first three traces, each shortened (a path to its file name, long ids to 12 characters). */
function traceList(traces: readonly string[]): string {
  const shown = traces.slice(0, 3).map((t) => {
    const file = oneLine(t.split('/').pop() ?? t).replace(/\.json$/, '');
    return file.length > 16 ? `${file.slice(0, 12)}…` : file;
  });
  return traces.length > 3 ? `${shown.join(', ')} and ${traces.length - 3} more` : shown.join(', ');
}

/** 100 only when every run succeeded; otherwise rounded, at most 99. */
function percent(rate: number): number {
  return rate >= 1 ? 100 : Math.min(99, Math.round(rate * 100));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
