/** Shapes of the agent and bus syscalls (`agent.*`, `bus.*`); protocol.ts re-exports them. */
import type { Pid, WeftErrorData } from '../core';
import type { TurnUsage } from '../llm';

/** What `agent.spawn` is given: the task and how the agent works on it. */
export interface AgentSpawnArgs {
  readonly task: string;
  readonly name?: string;
  /** The system prompt (a default one says it is a Weft agent). */
  readonly system?: string;
  readonly providerId?: string;
  readonly model?: string;
  /** Executable skills it may call as tools (absent: the most relevant ones, when it has EXECUTE_TOOL). */
  readonly skills?: readonly string[];
  /** Token budget (absent: unlimited). */
  readonly budget?: number;
  readonly priority?: number;
  /** At most the parent's (see lib/agents/capabilities.ts). */
  readonly capabilities?: readonly string[];
  readonly parent?: Pid;
  /** Start from the parent agent's conversation. */
  readonly inheritContext?: boolean;
}

/** How an agent ended (also sent as the `agent.done` event). */
export interface AgentResult {
  readonly pid: Pid;
  readonly name: string;
  readonly status: 'ok' | 'error' | 'cancelled';
  readonly answer: string;
  readonly usage: TurnUsage;
  readonly error: WeftErrorData | null;
  readonly trace: { readonly path: string; readonly commit: string } | null;
}

/** A message between processes (bus.send / bus.receive). */
export interface BusMessageInfo {
  readonly id: string;
  readonly from: Pid;
  readonly to: Pid;
  readonly topic: string;
  readonly body: unknown;
  readonly at: number;
  readonly spanId?: string;
}
