/** `/ps`, `/kill`, `/suspend`, `/resume`, `/nice` and `/budget`: one `proc.*` syscall each. */
import type { Pid } from '@/lib/core';
import type { Process } from '@/lib/kernel/protocol';
import { text } from './commandOutput';
import { count, psTable } from './psTable';
import type { CommandClient, Out } from './runCommand';

export async function listProcesses(client: CommandClient, out: Out): Promise<void> {
  out.show('ok', [psTable(await client.call({ op: 'proc.list' }))]);
}

/** The reason a kill from the chat records. */
export const KILL_REASON = 'killed from the chat';

export async function signalProcess(client: CommandClient, signal: 'kill' | 'suspend' | 'resume', pid: Pid, out: Out): Promise<void> {
  if (signal === 'kill') {
    const p = await client.call({ op: 'proc.kill', pid, reason: KILL_REASON });
    return out.show('ok', [text(`Killed ${who(p)}.`)]);
  }
  if (signal === 'suspend') {
    const p = await client.call({ op: 'proc.suspend', pid });
    return out.show('ok', [text(`Suspended ${who(p)}. /resume ${p.pid} lets it go on.`)]);
  }
  const p = await client.call({ op: 'proc.resume', pid });
  out.show('ok', [text(`Resumed ${who(p)}: it is ${p.state} now.`)]);
}

export async function setPriority(client: CommandClient, pid: Pid, priority: number, out: Out): Promise<void> {
  const p = await client.call({ op: 'proc.setPriority', pid, priority });
  out.show('ok', [text(`${capital(who(p))} has priority ${p.priority} now (0 is the highest, 19 the lowest).`)]);
}

export async function addBudget(client: CommandClient, pid: Pid, tokens: number, out: Out): Promise<void> {
  const p = await client.call({ op: 'proc.addBudget', pid, tokens });
  const { used, allocated } = p.budget.tokens;
  out.show('ok', [text(`Added ${count(tokens)} tokens to ${who(p)}: ${count(used)} used of ${allocated === null ? 'unlimited' : count(allocated)} allocated now.`)]);
}

function who(p: Process): string {
  return `process ${p.pid} (${p.name})`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
