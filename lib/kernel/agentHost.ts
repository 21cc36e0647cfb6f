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
 * In a workflow, an `agent` node (runtime `agent`) is such a process, a child of the run; a
 * node that names a `reviser` reviews, and may send the reviser's work back once over the bus.
 */
import { type Clock, newTraceId, type Pid, type TraceId, WeftError } from '../core';
import { checkCall, DEFAULT_AGENT_CAPABILITIES, grantCapabilities, InferenceScheduler, MessageBus, parseVerdict, REVIEW_INSTRUCTION, scheduledProvider, type BusMessage } from '../agents';
import { type ChatMessage, type Provider, runChatTurn, toolSpecOf, type TurnUsage } from '../llm';
import { type ExecutableSkill, parseSkill } from '../skills';
import { type Energy, verifyTrace, ZERO_ENERGY } from '../spans';
import type { VolumeId, Workspace } from '../volumes';
import type { PolicyDecision } from './dispatcher';
import type { ProcessTable } from './processTable';
import type { AgentResult, AgentSpawnArgs, KernelEvent, Process, Syscall } from './protocol';
import type { ProgramRunner } from './programs/program';
import { maxTokensOf, type ProviderInfo, type ProviderStore } from './providerStore';
import type { SkillCatalog } from './skillCatalog';
import type { SpanLog } from './spanLog';

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

interface Agent {
  readonly pid: Pid;
  readonly name: string;
  readonly info: ProviderInfo;
  readonly model: string;
  readonly provider: Provider;
  readonly system: string;
  readonly tools: Map<string, ExecutableSkill>;
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
/** How long a coder waits for review feedback, and a reviewer for the revision. */
const REVIEW_WAIT_MS = 600_000;
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
    const tools = capabilities.includes('EXECUTE_TOOL') ? await this.toolsFor(args) : new Map<string, ExecutableSkill>();
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

  /**
   * One agent node of a workflow run: the agent is a child of the run. A reviewer (`reviser` set)
   * may send the reviser's work back once; an agent that some node names as its reviser stays
   * after answering, to revise on request, until `endRun`.
   */
  async runNode(node: {
    runPid: Pid;
    nodeId: string;
    name: string;
    skill: ExecutableSkill;
    inputs: Record<string, unknown>;
    signal: AbortSignal;
    /** Agent processes of this run by node id. */
    nodePids: Map<string, Pid>;
    /** Whether a later node may send this one's work back. */
    revisable: boolean;
  }): Promise<{ outputs: Record<string, unknown>; tokens: TurnUsage }> {
    const text = (key: string) => (typeof node.inputs[key] === 'string' ? (node.inputs[key] as string).trim() : '');
    const task = text('task');
    if (!task) throw new WeftError('RUNTIME_INPUT_INVALID', `The agent node ${node.nodeId} has no task: wire an output into its "task" input, or type one in its settings.`, { node: node.nodeId });
    const brief = text('brief');
    const skills = Array.isArray(node.inputs.skills) ? (node.inputs.skills as unknown[]).filter((s): s is string => typeof s === 'string') : [];
    const budget = Number(node.inputs.budget) > 0 ? Math.round(Number(node.inputs.budget)) : undefined;
    const priority = Math.min(19, Math.max(0, Math.round(Number(node.inputs.priority ?? 10)) || 0));
    const system = text('system') || node.skill.code.source.trim();
    const proc = await this.spawn(
      { task, system, skills, priority, ...(budget ? { budget } : {}), parent: node.runPid, capabilities: skills.length > 0 ? ['EXECUTE_TOOL', 'READ_CONTEXT'] : ['READ_CONTEXT'] },
      null,
      { skillContext: false, name: node.name },
    );
    const agent = this.require(proc.pid);
    node.nodePids.set(node.nodeId, proc.pid);
    const onAbort = () => this.stop(proc.pid);
    node.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const reviser = text('reviser');
      const message = [brief, reviser ? `${REVIEW_INSTRUCTION}\n\n${task}` : task].filter(Boolean).join('\n\n');
      let step = await this.step(agent, message);
      if (reviser && step.status === 'ok') step = await this.review(agent, step, reviser, node.nodePids, node.signal);
      if (step.status !== 'ok') {
        this.finish(agent, step);
        throw WeftError.from(step.error ?? new WeftError('LLM_CANCELLED', `Agent ${proc.pid} was stopped.`));
      }
      if (node.revisable) {
        agent.done = this.listen(agent, step);
      } else {
        this.finish(agent, step);
      }
      return { outputs: { answer: step.answer }, tokens: agent.usage };
    } finally {
      node.signal.removeEventListener('abort', onAbort);
    }
  }

  /** The run ended: agents kept for revisions end too. */
  endRun(nodePids: Map<string, Pid>): void {
    for (const pid of nodePids.values()) {
      const agent = this.agents.get(pid);
      if (agent && !agent.result) agent.controller.abort();
    }
  }

  private async review(reviewer: Agent, first: Step, reviserNode: string, nodePids: Map<string, Pid>, signal: AbortSignal): Promise<Step> {
    const verdict = parseVerdict(first.answer);
    if (verdict.kind === 'approve') return first;
    const reviser = nodePids.get(reviserNode);
    if (reviser === undefined || !this.alive(reviser)) {
      return { ...first, answer: `Not approved (the ${reviserNode} agent is no longer running to revise it). Feedback: ${verdict.feedback}` };
    }
    this.bus.send(reviewer.pid, reviser, { feedback: verdict.feedback, spanOf: reviewer.lastSpan }, 'revise');
    const reply = await this.bus.receive(reviewer.pid, { from: reviser, topic: 'revised', timeoutMs: REVIEW_WAIT_MS, signal });
    const work = String((reply.body as { work?: unknown } | null)?.work ?? '');
    const second = await this.step(reviewer, `The revised work:\n\n${work}\n\nReview it again. Reply APPROVE or REVISE: (this is the last round).`);
    if (second.status !== 'ok') return second;
    const again = parseVerdict(second.answer);
    // One revision only: a second REVISE ends the review, not approved.
    return again.kind === 'approve' ? second : { ...second, answer: `Not approved after one revision. Last feedback: ${again.feedback}\n\n${work}` };
  }

  /** A revisable agent, after answering: revise on request until the run ends. */
  private async listen(agent: Agent, answered: Step): Promise<AgentResult> {
    let last = answered;
    try {
      for (;;) {
        const request = await this.bus.receive(agent.pid, { topic: 'revise', timeoutMs: REVIEW_WAIT_MS, signal: agent.controller.signal });
        const feedback = String((request.body as { feedback?: unknown } | null)?.feedback ?? '');
        const step = await this.step(agent, `The reviewer asks for a revision:\n\n${feedback}\n\nReply with the complete revised work only.`);
        if (step.status !== 'ok') return this.finish(agent, step);
        last = step;
        this.bus.send(agent.pid, request.from, { work: step.answer, spanOf: agent.lastSpan }, 'revised');
      }
    } catch (e) {
      // The run ended (or nobody asked for a revision in time): the last answer stands.
      const error = WeftError.from(e);
      if (error.code === 'LLM_CANCELLED' || error.code === 'BUS_TIMEOUT') return this.finish(agent, last, 'the run ended');
      return this.finish(agent, { ...last, status: 'error', error });
    }
  }

  /** One turn of the agent: its model calls (through the scheduler) and tool calls. */
  private async step(agent: Agent, userMessage: string): Promise<Step> {
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
      tools: [...agent.tools.values()].map(toolSpecOf),
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
    const trace = await this.commit(agent, result.trace, result.status);
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

  private finish(agent: Agent, step: Step, reason?: string): AgentResult {
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
  private stop(pid: Pid): void {
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

  private alive(pid: Pid): boolean {
    try {
      return this.deps.table.get(pid).state !== 'TERMINATED';
    } catch {
      return false;
    }
  }

  private require(pid: Pid): Agent {
    const agent = this.agents.get(pid);
    if (!agent) throw new WeftError('PROC_NOT_FOUND', `There is no agent ${pid}.`, { pid });
    return agent;
  }

  /** The executable skills an agent may call: the ones named, or the most relevant to its task. */
  private async toolsFor(args: AgentSpawnArgs): Promise<Map<string, ExecutableSkill>> {
    const ws = this.deps.workspace();
    const names = args.skills ?? (await this.deps.catalog().search(args.task, 8)).filter((h) => h.runtime && h.runtime !== 'workflow' && h.runtime !== 'agent').map((h) => h.name);
    const tools = new Map<string, ExecutableSkill>();
    const missing: string[] = [];
    for (const name of names) {
      try {
        const where = await ws.volumes.resolveSkill(name);
        const parsed = parseSkill(await ws.volumes.readSkill(where.volume as VolumeId, name), { folder: name });
        const skill = parsed.ok ? parsed.value.skill : null;
        if (skill?.kind === 'executable' && skill.runtime !== 'workflow' && skill.runtime !== 'agent') tools.set(name, skill);
        else if (args.skills) missing.push(`${name} (not an executable skill)`);
      } catch {
        if (args.skills) missing.push(name);
      }
    }
    if (missing.length > 0) throw new WeftError('SKILL_NOT_FOUND', `The agent cannot be given ${missing.join(', ')}: no such executable skill. Check the names in the skill library.`, { missing });
    return tools;
  }

  private async commit(agent: Agent, trace: Parameters<typeof verifyTrace>[0], status: string): Promise<{ path: string; commit: string } | null> {
    try {
      const report = await verifyTrace(trace);
      if (!report.ok) return null;
      const ws = this.deps.workspace();
      const written = await ws.volumes.appendTrace(ws.volumes.userVolume, trace, `Agent ${agent.name}: ${status}, ${trace.spans.length} spans`);
      return { path: written.path, commit: written.commit };
    } catch (error) {
      this.deps.log('warn', `The trace of agent ${agent.pid} was not saved: ${WeftError.from(error).message}`, agent.pid);
      return null;
    }
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

interface Step {
  readonly status: 'ok' | 'error' | 'cancelled';
  readonly answer: string;
  readonly error: WeftError | null;
  readonly trace?: { readonly path: string; readonly commit: string } | null;
}
