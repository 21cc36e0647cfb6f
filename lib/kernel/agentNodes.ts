/**
 * Agent nodes of a workflow run: each is an agent process, a child of the run. A node that names
 * a `reviser` reviews — it replies APPROVE or REVISE, and on REVISE sends the reviser's work back
 * over the bus once and reviews the revision; its answer is the approved work; a node some other node names as its reviser stays
 * after answering, to revise on request, until the run ends (`endAgentRun`).
 */
import { type Pid, WeftError } from '../core';
import { parseVerdict, REVIEW_INSTRUCTION } from '../agents';
import type { TurnUsage } from '../llm';
import type { ExecutableSkill } from '../skills';
import type { Agent, AgentHost, Step } from './agentHost';
import type { AgentResult } from './protocol';

/** How long a coder waits for review feedback, and a reviewer for the revision. */
const REVIEW_WAIT_MS = 600_000;

/**
 * One agent node of a workflow run: the agent is a child of the run. A reviewer (`reviser` set)
 * may send the reviser's work back once; an agent that some node names as its reviser stays
 * after answering, to revise on request, until `endAgentRun`.
 */
export async function runAgentNode(host: AgentHost, node: {
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
  const proc = await host.spawn(
    { task, system, skills, priority, ...(budget ? { budget } : {}), parent: node.runPid, capabilities: skills.length > 0 ? ['EXECUTE_TOOL', 'READ_CONTEXT'] : ['READ_CONTEXT'] },
    null,
    { skillContext: false, name: node.name },
  );
  const agent = host.require(proc.pid);
  node.nodePids.set(node.nodeId, proc.pid);
  const onAbort = () => host.stop(proc.pid);
  node.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const reviser = text('reviser');
    const message = [brief, reviser ? `${REVIEW_INSTRUCTION}\n\n${task}` : task].filter(Boolean).join('\n\n');
    let step = await host.step(agent, message);
    let outputs: Record<string, unknown> = { answer: step.answer };
    if (reviser && step.status === 'ok') {
      const reviewed = await review(host, agent, step, { work: task, reviserNode: reviser, nodePids: node.nodePids, signal: node.signal });
      step = reviewed.step;
      outputs = { answer: reviewed.answer, review: step.answer, approved: reviewed.approved };
    }
    if (step.status !== 'ok') {
      host.finish(agent, step);
      throw WeftError.from(step.error ?? new WeftError('LLM_CANCELLED', `Agent ${proc.pid} was stopped.`));
    }
    if (node.revisable) {
      agent.done = listen(host, agent, step);
    } else {
      host.finish(agent, step);
    }
    return { outputs, tokens: agent.usage };
  } finally {
    node.signal.removeEventListener('abort', onAbort);
  }
}

/** The run ended: agents kept for revisions end too. */
export function endAgentRun(host: AgentHost, nodePids: Map<string, Pid>): void {
  for (const pid of nodePids.values()) {
    const agent = host.alive(pid) ? host.require(pid) : null;
    if (agent && !agent.result) agent.controller.abort();
  }
}

/**
 * A review: the reviewer's verdict on `work`, at most one revision. An approved review answers
 * with the approved work itself (the reviewer's reply is its `review`), so a bare "APPROVED"
 * never stands in for the code; one not approved answers with the feedback, then the last work.
 */
async function review(host: AgentHost, reviewer: Agent, first: Step, on: { work: string; reviserNode: string; nodePids: Map<string, Pid>; signal: AbortSignal }): Promise<{ step: Step; answer: string; approved: boolean }> {
  const verdict = parseVerdict(first.answer);
  if (verdict.kind === 'approve') return { step: first, answer: on.work, approved: true };
  const reviser = on.nodePids.get(on.reviserNode);
  if (reviser === undefined || !host.alive(reviser)) {
    return { step: first, answer: `Not approved (the ${on.reviserNode} agent is no longer running to revise it). Feedback: ${verdict.feedback}\n\n${on.work}`, approved: false };
  }
  host.bus.send(reviewer.pid, reviser, { feedback: verdict.feedback, spanOf: reviewer.lastSpan }, 'revise');
  const reply = await host.bus.receive(reviewer.pid, { from: reviser, topic: 'revised', timeoutMs: REVIEW_WAIT_MS, signal: on.signal });
  const work = String((reply.body as { work?: unknown } | null)?.work ?? '');
  const second = await host.step(reviewer, `The revised work:\n\n${work}\n\nReview it again. Reply APPROVE or REVISE: (this is the last round).`);
  if (second.status !== 'ok') return { step: second, answer: work, approved: false };
  const again = parseVerdict(second.answer);
  // One revision only: a second REVISE ends the review, not approved.
  return again.kind === 'approve' ? { step: second, answer: work, approved: true } : { step: second, answer: `Not approved after one revision. Last feedback: ${again.feedback}\n\n${work}`, approved: false };
}

/** A revisable agent, after answering: revise on request until the run ends. */
async function listen(host: AgentHost, agent: Agent, answered: Step): Promise<AgentResult> {
  let last = answered;
  try {
    for (;;) {
      const request = await host.bus.receive(agent.pid, { topic: 'revise', timeoutMs: REVIEW_WAIT_MS, signal: agent.controller.signal });
      const feedback = String((request.body as { feedback?: unknown } | null)?.feedback ?? '');
      const step = await host.step(agent, `The reviewer asks for a revision:\n\n${feedback}\n\nReply with the complete revised work only.`);
      if (step.status !== 'ok') return host.finish(agent, step);
      last = step;
      host.bus.send(agent.pid, request.from, { work: step.answer, spanOf: agent.lastSpan }, 'revised');
    }
  } catch (e) {
    // The run ended (or nobody asked for a revision in time): the last answer stands.
    const error = WeftError.from(e);
    if (error.code === 'LLM_CANCELLED' || error.code === 'BUS_TIMEOUT') return host.finish(agent, last, 'the run ended');
    return host.finish(agent, { ...last, status: 'error', error });
  }
}
