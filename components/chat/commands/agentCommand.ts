/**
 * `/spawn <task>`: starts an agent (`agent.spawn` returns at once) and, when its `agent.done`
 * event arrives, prints its answer (Markdown) or its error, with the tokens it used.
 */
import type { AgentResult, KernelEvent } from '@/lib/kernel/protocol';
import { type OutputBlock, text } from './commandOutput';
import { count } from './psTable';
import type { CommandClient, Out } from './runCommand';

export async function spawnAgent(client: CommandClient, task: string, out: Out): Promise<void> {
  out.show('running', [text('Starting an agent…', 'muted')]);
  // Listen before spawning: a quick agent's `agent.done` may come before the spawn's answer.
  const early = new Map<number, AgentResult>();
  let pid: number | null = null;
  const finish = (result: AgentResult) => {
    off();
    out.add(result.status === 'ok' ? 'ok' : 'error', resultBlocks(result));
  };
  const off = client.on((event: KernelEvent) => {
    if (event.type !== 'agent.done') return;
    if (pid === null) early.set(event.result.pid, event.result);
    else if (event.result.pid === pid) finish(event.result);
  });
  try {
    const p = await client.call({ op: 'agent.spawn', task });
    pid = p.pid;
    out.show('running', [text(`Started agent ${p.pid} (${p.name})`)]);
    const done = early.get(p.pid);
    if (done) finish(done);
  } catch (thrown) {
    off();
    throw thrown;
  }
}

function resultBlocks(r: AgentResult): OutputBlock[] {
  const blocks: OutputBlock[] = [];
  if (r.answer.trim()) blocks.push({ kind: 'markdown', text: r.answer });
  if (r.error) blocks.push(text(r.error.message, 'error'));
  else if (r.status === 'cancelled') blocks.push(text(`Agent ${r.pid} was stopped before it finished.`, 'error'));
  else if (!r.answer.trim()) blocks.push(text(`Agent ${r.pid} finished without an answer.`, 'muted'));
  const approx = r.usage.estimated ? '~' : '';
  blocks.push(text(`${r.name} · ${approx}${count(r.usage.inputTokens)} in · ${approx}${count(r.usage.outputTokens)} out tokens`, 'muted'));
  return blocks;
}
