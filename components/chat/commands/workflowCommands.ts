/**
 * `/run <workflow>`: finds a saved workflow by name (`workflow.list`), reads it and runs it,
 * following its `run.status` events for the pid. `/draft <description>`: asks the model for a
 * workflow (`workflow.draft`) and opens it on the canvas when checking found no problem.
 */
import type { Pid } from '@/lib/core';
import { formatDuration } from '@/lib/kernel/formatDuration';
import type { WorkflowRunSummary } from '@/lib/kernel/protocol';
import { closest } from '@/lib/shell';
import type { NodeResult, Workflow } from '@/lib/workflow';
import { type OutputBlock, text } from './commandOutput';
import type { CommandClient, CommandDeps, Out } from './runCommand';

let runs = 0;

export async function runWorkflow(client: CommandClient, name: string, out: Out, now: () => number = Date.now): Promise<void> {
  out.show('running', [text(`Looking for the workflow ${name}…`, 'muted')]);
  const saved = await client.call({ op: 'workflow.list' });
  const found = saved.find((n) => n === name) ?? unique(saved.filter((n) => n.toLowerCase() === name.toLowerCase()));
  if (found === undefined) return out.show('error', [text(notFound(name, saved), 'error')]);

  const workflow = await client.call({ op: 'workflow.read', name: found });
  const tag = `chat-run:${now().toString(36)}:${++runs}`;
  let pid: Pid | null = null;
  out.show('running', [text(`Running ${found}…`)]);
  const off = client.on((event) => {
    if (event.type !== 'run.status' || event.runId !== tag || event.pid === undefined || pid !== null) return;
    pid = event.pid;
    out.show('running', [text(`Running ${found} as process ${pid}… (/kill ${pid} stops it)`)]);
  });
  try {
    const summary = await client.call({ op: 'workflow.run', workflow, tag });
    out.show(summary.status === 'ok' ? 'ok' : 'error', summaryBlocks(found, summary));
  } finally {
    off();
  }
}

function unique(names: readonly string[]): string | undefined {
  return names.length === 1 ? names[0] : undefined;
}

function notFound(name: string, saved: readonly string[]): string {
  if (saved.length === 0) return `There is no saved workflow named ${name}: your volume has none yet. Build one on the canvas and save it, or /draft one.`;
  const near = closest(name, saved);
  const hint = near.length > 0 ? `Did you mean ${either(near)}?` : `The saved ones: ${saved.slice(0, 8).join(', ')}${saved.length > 8 ? '…' : ''}.`;
  return `There is no saved workflow named ${name}. ${hint}`;
}

/** `a`, `a or b`, `a, b or c`. */
function either(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

const ENDED = { ok: 'finished', error: 'failed', cancelled: 'was cancelled' } as const;

function summaryBlocks(name: string, s: WorkflowRunSummary): OutputBlock[] {
  const blocks: OutputBlock[] = [text(`${name} ${ENDED[s.status]} in ${formatDuration(s.durationMs)} (process ${s.pid}) — ${nodeCounts(s.nodes)}.`)];
  if (s.error) blocks.push(text(s.error.message, 'error'));
  if (s.trace) blocks.push(text(`Trace: ${s.trace.path}`, 'muted'));
  else if (s.traceError) blocks.push(text(`The trace was not saved: ${s.traceError.message}`, 'muted'));
  return blocks;
}

/** `3 nodes: 2 ok, 1 cached`. */
function nodeCounts(nodes: readonly NodeResult[]): string {
  const by = new Map<string, number>();
  for (const n of nodes) by.set(n.status, (by.get(n.status) ?? 0) + 1);
  const parts = [...by].map(([status, n]) => `${n} ${status}`);
  return `${plural(nodes.length, 'node')}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

export async function draftWorkflow(client: CommandClient, description: string, openOnCanvas: CommandDeps['openOnCanvas'], out: Out): Promise<void> {
  out.show('running', [text('Drafting a workflow… the model is writing it.', 'muted')]);
  const { workflow, problems, note } = await client.call({ op: 'workflow.draft', description });
  const said = note.trim() ? [text(note.trim(), 'muted')] : [];
  if (problems.length > 0) {
    return out.show('error', [
      text(`The drafted workflow ${workflow.name} has ${plural(problems.length, 'problem')}, so it was not opened:`, 'error'),
      { kind: 'bullets', items: problems.map((p) => p.message) },
      ...said,
      text('Describe it again with more detail, or build it on the canvas.', 'muted'),
    ]);
  }
  const { undoable } = openOnCanvas(workflow);
  out.show('ok', [
    text(`Opened ${workflow.name} on the canvas: ${shape(workflow)} — check it, then Run`),
    ...said,
    ...(undoable ? [text('Undo on the canvas (Ctrl+Z) brings back what was there.', 'muted')] : []),
  ]);
}

function shape(w: Workflow): string {
  return `${plural(w.nodes.length, 'node')}, ${plural(w.edges.length, 'edge')}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
