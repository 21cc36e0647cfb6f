/**
 * Agents as kernel processes (DESIGN.md section 1). An agent is a process of kind `agent` with a
 * system prompt, a model, the skills it may call, a token budget, a priority and capabilities.
 * Each of its model calls waits in the one inference scheduler (priority with aging, per-provider
 * concurrency, the budget checked before the call starts: a call that would overrun it suspends
 * the process with a note until `proc.addBudget`). Its tool calls are syscalls made as the
 * process (`skill.run`), so the capability policy checks them; it talks to other processes over
 * the message bus. States: READY (waiting for the scheduler), THINKING (a model call in flight),
 * RUNNING (between steps), BLOCKED (waiting for a tool or a message), SUSPENDED, TERMINATED.
 *
 * In a workflow, an `agent` node is such a process, a child of the run: see agentNodes.ts.
 */
import { type Clock, newTraceId, type Pid, type TraceId, WeftError } from '../core';
import { checkCall, DEFAULT_AGENT_CAPABILITIES, grantCapabilities, InferenceScheduler, MessageBus, scheduledProvider, type BusMessage } from '../agents';
import { type ChatMessage, type Provider, runChatTurn, toolSpecOf, type TurnUsage } from '../llm';
import { type Energy, ZERO_ENERGY } from '../spans';
import type { Workspace } from '../volumes';
import type { PolicyDecision } from './dispatcher';
import type { ProcessTable } from './processTable';
import type { AgentResult, AgentSpawnArgs, KernelEvent, Process, Syscall } from './protocol';
import type { ProgramRunner } from './programs/program';
import { maxTokensOf, type ProviderInfo, type ProviderStore } from './providerStore';
import type { SkillCatalog } from './skillCatalog';
import type { SpanLog } from './spanLog';
import { commitTrace, type Tool, toolsFor } from './turnSupport';

export interface AgentHostDeps {
  readonly clock: Clock;
  readonly table: ProcessTable;
  readonly runners: Map<Pid, ProgramRunner>;
  readonly emit: (event: KernelEvent) => void;
  readonly log: (level: 'info' | 'warn' | 'error', message: string, pid?: Pid) => void;
  readonly providers: ProviderStore;
  readonly fetch: typeof globalThis.fetch;
  readonly workspace: () => Workspace;
  readonly catalog: () => SkillCatalog;
  readonly spans: SpanLog;
  readonly traceId: TraceId;
  /** Makes a syscall as the process (the policy checks it). */
  readonly syscall: (call: Record<string, unknown>, caller: Pid) => Promise<unknown>;
  /** One priority level gained per this much waiting in the scheduler (default 2 s). */
  readonly agingMs?: number;
}

/** An agent process's working state (the table holds its public one). */
export interface Agent {
  readonly pid: Pid;
  readonly name: string;
  readonly info: ProviderInfo;
  readonly model: string;
  readonly provider: Provider;
  readonly system: string;
  readonly tools: Map<string, Tool>;
  readonly skillContext: boolean;
  readonly controller: AbortController;
  history: ChatMessage[];
  usage: TurnUsage;
  /** The id of its latest model-call span, which its messages name as their cause. */
  lastSpan: string | null;
  done: Promise<AgentResult>;
  result: AgentResult | null;
}

const DEFAULT_SYSTEM = 'You are an agent in Weft, a workbench where skills run in the browser. Do exactly the task you are given, using the tools offered when a computation would answer better than recall. Answer directly and completely; no preamble.';
const BUDGET_NOTE = 'Suspended: its next model call';
const KERNEL_PID = 0 as Pid;
const ZERO_USAGE: TurnUsage = { inputTokens: 0, outputTokens: 0, estimated: false };

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const shorten = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export class AgentHost {
  readonly scheduler: InferenceScheduler;
  readonly bus: MessageBus;
  private readonly agents = new Map<Pid, Agent>();
  private readonly concurrency = new Map<string, number>();

  constructor(private readonly deps: AgentHostDeps) {
    const { table } = deps;
    this.scheduler = new InferenceScheduler({
      clock: deps.clock,
      agingMs: deps.agingMs ?? 2000,
      concurrency: (providerId) => this.concurrency.get(providerId) ?? 1,
      priority: (pid) => (this.alive(pid) ? table.get(pid).priority : 19),
      remainingTokens: (pid) => table.remainingTokens(pid),
      isSuspended: (pid) => this.alive(pid) && table.get(pid).state === 'SUSPENDED',
      onBudgetExhausted: (pid, need, remaining) => this.budgetExhausted(pid, need, remaining),
      onState: (pid, phase) => this.setState(pid, phase === 'waiting' ? 'READY' : 'THINKING', phase === 'waiting' ? 'waiting for its turn at the model' : null),
    });
    this.bus = new MessageBus({
      clock: deps.clock,
      isAlive: (pid) => pid === KERNEL_PID || this.alive(pid),
      onBlocked: (pid, blocked) => this.setState(pid, blocked ? 'BLOCKED' : 'RUNNING', blocked ? 'waiting for a message' : null),
      record: (m) => this.recordMessage(m),
    });
  }

  /** The capability policy for the dispatcher: the person may do anything; a process what its capabilities allow. */
  readonly policy = (call: Syscall, ctx: { caller: Pid | null }): PolicyDecision => {
    if (ctx.caller === null || ctx.caller === KERNEL_PID || !this.alive(ctx.caller)) return { allow: true };
    const p = this.deps.table.get(ctx.caller);
    const verdict = checkCall(call as { op: string; pid?: unknown }, { pid: p.pid, name: p.name, capabilities: p.permissions, controls: (target) => this.deps.table.controls(p.pid, target) });
    if (!verdict.allow) this.deny(p.pid, call.op, verdict.reason);
    return verdict;
  };

  /** Records a refusal on the process and in the event log. */
  deny(pid: Pid, op: string, reason: string): void {
    this.deps.table.deny(pid, op, reason);
    this.deps.emit({ type: 'policy.denied', pid, op, reason, at: this.deps.clock.now() });
  }

  /** Starts an agent on its task; resolves once its process exists (its result: `wait`). */
  async spawn(args: AgentSpawnArgs, caller: Pid | null, options: { skillContext?: boolean; name?: string } = {}): Promise<Process> {
    const { table } = this.deps;
    const parentPid = caller ?? args.parent ?? KERNEL_PID;
    const parent = parentPid !== KERNEL_PID && this.alive(parentPid) ? table.get(parentPid) : null;
    if (args.parent !== undefined && !this.alive(args.parent) && args.parent !== KERNEL_PID) {
      throw new WeftError('PROC_NOT_FOUND', `There is no running process ${args.parent} to be the agent's parent.`, { pid: args.parent });
    }
    const agentParent = parent && parent.kind === 'agent' ? { pid: parent.pid, name: parent.name, capabilities: parent.permissions } : null;
    const capabilities = grantCapabilities(agentParent, args.capabilities ?? (agentParent ? undefined : DEFAULT_AGENT_CAPABILITIES));
    const info = await this.deps.providers.resolve(args.providerId);
    const model = args.model ?? info.model;
    const tools = capabilities.includes('EXECUTE_TOOL') ? await toolsFor(this.deps.workspace(), this.deps.catalog(), { ...(args.skills ? { names: args.skills } : {}), query: args.task, limit: 8 }) : new Map<string, Tool>();
    const base = await this.deps.providers.client(info, { fetch: this.deps.fetch, clock: this.deps.clock });
    this.concurrency.set(info.id, info.kind === 'wllama' ? 1 : 4);
    const name = options.name ?? args.name ?? `agent: ${shorten(args.task, 32)}`;
    const proc = table.spawn({
      name,
      kind: 'agent',
      command: `${model}: ${shorten(args.task, 80)}`,
      state: 'READY',
      priority: args.priority ?? 10,
      parent: parentPid,
      permissions: capabilities,
      budget: { tokens: args.budget ?? null },
    });
    const pid = proc.pid;
    const inherited = args.inheritContext && parent ? (this.agents.get(parent.pid)?.history ?? []) : [];
    const controller = new AbortController();
    const agent: Agent = {
      pid,
      name,
      info,
      model,
      provider: scheduledProvider(base, {
        scheduler: this.scheduler,
        pid,
        providerId: info.id,
        onUsage: (usage) => table.charge(pid, { tokensIn: usage.inputTokens, tokensOut: usage.outputTokens }, true),
        onCall: (phase) => {
          if (phase === 'end') this.setState(pid, 'RUNNING', null);
        },
      }),
      system: args.system?.trim() || DEFAULT_SYSTEM,
      tools,
      skillContext: options.skillContext ?? true,
      controller,
      history: [...inherited],
      usage: ZERO_USAGE,
      lastSpan: null,
      done: Promise.resolve(null as unknown as AgentResult),
      result: null,
    };
    this.agents.set(pid, agent);
    this.deps.runners.set(pid, {
      // Suspension takes effect between steps: the scheduler starts no call of a suspended process.
      suspend: () => {},
      resume: () => {
        this.deps.clock.setTimeout(() => this.scheduler.wake(pid), 0);
        return 'READY';
      },
      kill: () => this.stop(pid),
    });
    return table.get(pid);
  }

  /** Runs a spawned agent's task to its end (the process ends with it). */
  start(pid: Pid, task: string): Promise<AgentResult> {
    const agent = this.require(pid);
    agent.done = (async () => {
      const step = await this.step(agent, task);
      return this.finish(agent, step);
    })();
    return agent.done;
  }

  /** `agent.spawn` as the syscall does it: spawn, then run in the background. */
  async spawnAndRun(args: AgentSpawnArgs, caller: Pid | null): Promise<Process> {
    const proc = await this.spawn(args, caller);
    void this.start(proc.pid, args.task);
    return this.deps.table.get(proc.pid);
  }

  /** Waits for an agent's result (BUS_TIMEOUT-like LLM_TIMEOUT after `timeoutMs`). */
  async wait(pid: Pid, timeoutMs = 600_000): Promise<AgentResult> {
    const agent = this.agents.get(pid);
    if (!agent) {
      this.deps.table.get(pid); // PROC_NOT_FOUND for an unknown pid
      throw new WeftError('SYSCALL_INVALID', `Process ${pid} is not an agent, so it has no answer to wait for.`, { pid });
    }
    if (agent.result) return agent.result;
    let timer: ReturnType<Clock['setTimeout']> | null = null;
    const timeout = new Promise<never>((_, reject) => {
      timer = this.deps.clock.setTimeout(() => reject(new WeftError('LLM_TIMEOUT', `Agent ${pid} did not finish within ${Math.round(timeoutMs / 1000)} s. It goes on; wait again, or kill it.`, { pid })), timeoutMs);
    });
    try {
      return await Promise.race([agent.done, timeout]);
    } finally {
      if (timer !== null) this.deps.clock.clearTimeout(timer);
    }
  }

  /** Gives a process more tokens; one suspended for its budget goes on. */
  addBudget(pid: Pid, tokens: number): Process {
    const { table } = this.deps;
    const before = table.get(pid);
    if (before.budget.tokens.allocated === null && before.kind === 'agent') {
      throw new WeftError('PROC_STATE', `Process ${pid} (${before.name}) has no token limit, so there is nothing to add to.`, { pid });
    }
    table.addTokens(pid, tokens);
    if (before.state === 'SUSPENDED' && before.note?.startsWith(BUDGET_NOTE)) table.setState(pid, 'READY');
    this.scheduler.wake(pid);
    return table.get(pid);
  }

  /** One turn of the agent: its model calls (through the scheduler) and tool calls. */
  /** @internal for agentNodes.ts */
  async step(agent: Agent, userMessage: string): Promise<Step> {
    const { pid } = agent;
    if (agent.controller.signal.aborted) return { status: 'cancelled', answer: '', error: null };
    this.setState(pid, 'RUNNING', null);
    const catalog = this.deps.catalog();
    const result = await runChatTurn({
      provider: agent.provider,
      model: agent.model,
      history: agent.history,
      userMessage,
      system: agent.system,
      skillContext: async () => {
        if (!agent.skillContext) return { text: '', skills: [] };
        const context = await catalog.context(userMessage, 1024);
        return { text: context.text, skills: context.skills.filter((s) => s.disclosure === 'full').map((s) => s.name) };
      },
      tools: [...agent.tools.values()].map((t) => toolSpecOf(t.skill)),
      runTool: (name, args) => this.runTool(agent, name, args),
      signal: agent.controller.signal,
      clock: this.deps.clock,
      traceId: newTraceId(),
      traceName: `agent ${agent.name}`,
      ...maxTokensOf(agent.info),
      emit: (event) => this.deps.emit({ type: 'agent.event', pid, event, at: this.deps.clock.now() }),
    });
    agent.history = [...agent.history, ...result.messages];
    agent.usage = {
      inputTokens: agent.usage.inputTokens + result.usage.inputTokens,
      outputTokens: agent.usage.outputTokens + result.usage.outputTokens,
      estimated: agent.usage.estimated || result.usage.estimated,
    };
    agent.lastSpan = [...result.spans].reverse().find((s) => s.kind === 'llm')?.id ?? agent.lastSpan;
    const committed = await commitTrace(this.deps.workspace(), result.trace, `Agent ${agent.name}: ${result.status}, ${result.trace.spans.length} spans`, await this.deps.providers.key(agent.info.id));
    if (committed.error) this.deps.log('warn', `The trace of agent ${pid} was not saved: ${committed.error.message}`, pid);
    const trace = committed.written;
    const answer = [...result.messages].reverse().find((m) => m.role === 'assistant' && m.content.trim() !== '')?.content ?? '';
    return { status: result.status, answer, error: result.error ?? null, trace };
  }

  private async runTool(agent: Agent, name: string, args: Record<string, unknown>) {
    this.setState(agent.pid, 'BLOCKED', `waiting for the tool ${name}`);
    try {
      const run = (await this.deps.syscall({ op: 'skill.run', name, inputs: args }, agent.pid)) as { outputs: Record<string, unknown>; energy: Energy; details?: Record<string, unknown> };
      return { outputs: run.outputs, energy: run.energy, ...(run.details ? { details: run.details } : {}) };
    } finally {
      this.setState(agent.pid, 'RUNNING', null);
    }
  }

  /** @internal for agentNodes.ts */
  finish(agent: Agent, step: Step, reason?: string): AgentResult {
    if (agent.result) return agent.result;
    const { table } = this.deps;
    const result: AgentResult = {
      pid: agent.pid,
      name: agent.name,
      status: step.status,
      answer: step.answer,
      usage: agent.usage,
      error: step.error ? WeftError.from(step.error).toJSON() : null,
      trace: step.trace ?? null,
    };
    agent.result = result;
    this.bus.close(agent.pid);
    this.deps.runners.delete(agent.pid);
    if (this.alive(agent.pid)) {
      const status = step.status === 'ok' ? 'ok' : step.status === 'cancelled' ? 'killed' : 'error';
      table.setState(agent.pid, 'TERMINATED', { status, reason: reason ?? (step.status === 'ok' ? 'answered' : (result.error?.message ?? step.status)) });
    }
    this.deps.emit({ type: 'agent.done', result, at: this.deps.clock.now() });
    return result;
  }

  /** Kill: the call in flight is aborted, queued calls dropped, waits ended, running tools killed. */
  /** @internal for agentNodes.ts */
  stop(pid: Pid): void {
    const agent = this.agents.get(pid);
    agent?.controller.abort();
    this.scheduler.cancel(pid);
    this.bus.close(pid);
    for (const child of this.alive(pid) ? this.deps.table.get(pid).children : []) {
      if (this.alive(child)) this.deps.runners.get(child)?.kill();
    }
  }

  private budgetExhausted(pid: Pid, need: number, remaining: number): void {
    if (!this.alive(pid)) return;
    const p = this.deps.table.get(pid);
    const allocated = p.budget.tokens.allocated ?? 0;
    const note = `${BUDGET_NOTE} needs about ${fmt(need)} tokens, but ${fmt(remaining)} of its ${fmt(allocated)} are left. Add budget to go on.`;
    this.deps.table.setState(pid, 'SUSPENDED', undefined, note);
    this.deps.log('warn', `Process ${pid} (${p.name}) is out of tokens: ${note}`, pid);
  }

  /** Moves an agent to a state unless it is suspended or finished (those change only by the person or the end). */
  private setState(pid: Pid, state: 'READY' | 'RUNNING' | 'THINKING' | 'BLOCKED', note: string | null): void {
    if (!this.agents.has(pid) || !this.alive(pid)) return;
    const current = this.deps.table.get(pid);
    if (current.state === 'SUSPENDED' || (current.state === state && current.note === note)) return;
    this.deps.table.setState(pid, state, undefined, note);
  }

  /** @internal for agentNodes.ts */
  alive(pid: Pid): boolean {
    try {
      return this.deps.table.get(pid).state !== 'TERMINATED';
    } catch {
      return false;
    }
  }

  /** @internal for agentNodes.ts */
  require(pid: Pid): Agent {
    const agent = this.agents.get(pid);
    if (!agent) throw new WeftError('PROC_NOT_FOUND', `There is no agent ${pid}.`, { pid });
    return agent;
  }

  /** Each message is a `message` span: from the sender (its latest model call) to the receiver. */
  private recordMessage(m: BusMessage): string | undefined {
    const sender = this.agents.get(m.from);
    this.deps.spans.append({
      draft: {
        traceId: this.deps.traceId,
        parents: [],
        kind: 'message',
        name: `message ${m.topic} ${m.from}→${m.to}`,
        pid: m.from,
        start: m.at,
        end: m.at,
        status: 'ok',
        energy: ZERO_ENERGY,
        attributes: {
          'weft.message.id': m.id,
          'weft.message.from': m.from,
          'weft.message.to': m.to,
          'weft.message.topic': m.topic,
          ...(sender?.lastSpan ? { 'weft.message.cause': sender.lastSpan } : {}),
        },
      },
      inputs: m.body,
      outputs: null,
    });
    return undefined;
  }
}

export interface Step {
  readonly status: 'ok' | 'error' | 'cancelled';
  readonly answer: string;
  readonly error: WeftError | null;
  readonly trace?: { readonly path: string; readonly commit: string } | null;
}
