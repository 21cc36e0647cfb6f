/**
 * The agent, bus and budget syscalls. Agents and the bus live in AgentHost; this maps calls onto
 * it. A call from a process is made as that process (the bus's sender, the agent's parent); the
 * policy has already checked its capabilities.
 */
import { type Clock, type Pid, WeftError } from '../core';
import type { AgentHost } from './agentHost';
import type { Handlers } from './dispatcher';
import type { ProcessTable } from './processTable';
import type { ProviderStore } from './providerStore';
import { draftWorkflow } from './workflowDraft';
import type { Workspace } from '../volumes';
import type { SkillCatalog } from './skillCatalog';

type AgentOp = 'proc.addBudget' | 'agent.spawn' | 'agent.wait' | 'bus.send' | 'bus.receive' | 'bus.broadcast' | 'bus.readContext' | 'bus.writeContext' | 'workflow.draft';

const PERSON = 0 as Pid;

export function agentHandlers(deps: {
  readonly agents: AgentHost;
  readonly table: ProcessTable;
  readonly clock: Clock;
  readonly fetch: typeof globalThis.fetch;
  readonly providers: ProviderStore;
  readonly workspace: () => Workspace;
  readonly catalog: () => SkillCatalog;
}): Pick<Handlers, AgentOp> {
  const { agents, table } = deps;
  return {
    'proc.addBudget': (c) => agents.addBudget(c.pid, c.tokens),
    'agent.spawn': (c, ctx) => agents.spawnAndRun(c, ctx.caller),
    'agent.wait': (c) => agents.wait(c.pid, c.timeoutMs),
    'bus.send': (c, ctx) => agents.bus.send(ctx.caller ?? PERSON, c.to, c.body, c.topic),
    'bus.receive': (c, ctx) => {
      if (ctx.caller === null) throw new WeftError('SYSCALL_INVALID', 'bus.receive waits for the calling process’s messages, so only a process can call it. Send to a process with bus.send instead.', { field: 'op' });
      return agents.bus.receive(ctx.caller, { timeoutMs: c.timeoutMs, ...(c.from === undefined ? {} : { from: c.from }), ...(c.topic === undefined ? {} : { topic: c.topic }) });
    },
    'bus.broadcast': (c, ctx) => ({ delivered: agents.bus.broadcast(ctx.caller ?? PERSON, table.live('agent'), c.body, c.topic).length }),
    'bus.readContext': (c) => agents.bus.readContext(c.region),
    'bus.writeContext': (c) => {
      agents.bus.writeContext(c.region, c.key, c.value);
      return { region: c.region, keys: Object.keys(agents.bus.readContext(c.region)).length };
    },
    'workflow.draft': (c) => draftWorkflow({ description: c.description, providerId: c.providerId, providers: deps.providers, fetch: deps.fetch, clock: deps.clock, workspace: deps.workspace(), catalog: deps.catalog() }),
  };
}
