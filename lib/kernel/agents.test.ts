import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenAiAnswer, type OpenAiServer, type RecordedRequest, startOpenAiServer, textAnswer } from '../../e2e/fixtures/openaiServer';
import type { Pid, WeftError } from '../core';
import { EXAMPLE_WORKFLOWS } from '../workflow';
import type { Kernel } from './kernel';
import type { AgentResult, KernelEvent, Process, WorkflowRunSummary } from './protocol';
import { kernelWithRuntimes } from './testRuntimes';

// Agents as kernel processes, end to end in Node: the real kernel, scheduler, bus and policy,
// and a scripted OpenAI-compatible server over HTTP answering by role.
let kernel: Kernel;
let server: OpenAiServer;
let cleanup = () => {};
const events: KernelEvent[] = [];
const call = <T,>(op: string, args: Record<string, unknown> = {}, caller?: Pid) => kernel.dispatch({ op, ...args }, caller === undefined ? undefined : { caller }) as Promise<T>;
const proc = (pid: Pid) => call<Process>('proc.get', { pid });

type Body = { messages: { role: string; content: string }[] };
const systemOf = (r: RecordedRequest) => (r.body as Body).messages[0]?.content ?? '';
const lastUser = (r: RecordedRequest) => [...(r.body as Body).messages].reverse().find((m) => m.role === 'user')?.content ?? '';

function play(answer: OpenAiAnswer, res: ServerResponse) {
  if (answer.kind !== 'stream') throw new Error('streams only');
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const step of answer.steps) if (typeof step === 'string') res.write(step);
  res.end();
}

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  server = await startOpenAiServer();
  ({ kernel, cleanup } = await kernelWithRuntimes(['agent', 'csv-stats']));
  kernel.on((e) => events.push(e));
  await call('llm.setProvider', { id: 'scripted', label: 'Scripted', baseUrl: server.url, model: 'test-model' });
}, 60_000);
afterAll(async () => {
  cleanup();
  await server.close();
});

describe('agent processes', () => {
  it('runs an agent on its task as a process, charging its tokens, and reports its answer', async () => {
    server.script(textAnswer(['Forty', '-two.'], { usage: [30, 4] }));
    const p = await call<Process>('agent.spawn', { task: 'What is six times seven?', budget: 5000, priority: 4 });
    expect(p).toMatchObject({ kind: 'agent', priority: 4, budget: { tokens: { allocated: 5000 } }, permissions: ['EXECUTE_TOOL', 'READ_CONTEXT'] });
    const result = await call<AgentResult>('agent.wait', { pid: p.pid });
    expect(result).toMatchObject({ status: 'ok', answer: 'Forty-two.', usage: { inputTokens: 30, outputTokens: 4 } });
    expect(await proc(p.pid)).toMatchObject({ state: 'TERMINATED', exit: { status: 'ok' }, budget: { tokens: { used: 34, remaining: 4966 } } });
    const states = events.filter((e): e is Extract<KernelEvent, { type: 'proc.state' }> => e.type === 'proc.state' && e.pid === p.pid).map((e) => e.state);
    expect(states).toContain('THINKING');
    expect(events.some((e) => e.type === 'agent.done' && e.result.pid === p.pid)).toBe(true);
  });

  it('suspends an agent whose next call would overrun its budget, with a note, and goes on when given more', async () => {
    server.script(textAnswer(['Done.']));
    const p = await call<Process>('agent.spawn', { task: 'Summarise the plan in one line, please, with care.', budget: 20 });
    const suspended = await until(async () => {
      const now = await proc(p.pid);
      return now.state === 'SUSPENDED' ? now : undefined;
    });
    expect(suspended.note).toMatch(/^Suspended: its next model call needs about [\d,]+ tokens, but 20 of its 20 are left\. Add budget to go on\.$/);
    expect(events.some((e) => e.type === 'log' && e.level === 'warn' && e.pid === p.pid && /out of tokens/.test(e.message))).toBe(true);
    const raised = await call<Process>('proc.addBudget', { pid: p.pid, tokens: 5000 });
    expect(raised.budget.tokens.allocated).toBe(5020);
    expect(await call<AgentResult>('agent.wait', { pid: p.pid })).toMatchObject({ status: 'ok', answer: 'Done.' });
  });

  it('refuses a budget of zero and more budget for a process that does not exist', async () => {
    await expect(call('agent.spawn', { task: 'x', budget: 0 })).rejects.toMatchObject({ code: 'SYSCALL_INVALID', data: { field: 'budget' } });
    await expect(call('proc.addBudget', { pid: 9999, tokens: 10 })).rejects.toMatchObject({ code: 'PROC_NOT_FOUND' });
  });

  it('kills an agent in the middle of a model call: the call is aborted and the process ends killed', async () => {
    server.script({ kind: 'hang' });
    const p = await call<Process>('agent.spawn', { task: 'Think forever.' });
    await until(async () => ((await proc(p.pid)).state === 'THINKING' ? true : undefined));
    await call('proc.kill', { pid: p.pid });
    const result = await call<AgentResult>('agent.wait', { pid: p.pid });
    expect(result.status).toBe('cancelled');
    expect(await proc(p.pid)).toMatchObject({ state: 'TERMINATED', exit: { status: 'killed' } });
  });
});

describe('the policy', () => {
  it('never lets a child get a capability its parent lacks, and records the refusal on the caller', async () => {
    server.script({ kind: 'hang' });
    const parent = await call<Process>('agent.spawn', { task: 'Coordinate.', capabilities: ['SPAWN_AGENT', 'READ_CONTEXT'] });
    const error = (await call('agent.spawn', { task: 'Fetch the news.', capabilities: ['network'] }, parent.pid).catch((e: unknown) => e)) as WeftError;
    expect(error).toMatchObject({ code: 'POLICY_DENIED', message: expect.stringContaining('cannot grant network') });
    // A call its capabilities do not cover is refused by the dispatcher and shown on the process.
    const denied = (await call('skill.run', { name: 'csv-stats', inputs: {} }, parent.pid).catch((e: unknown) => e)) as WeftError;
    expect(denied).toMatchObject({ code: 'SYSCALL_DENIED', message: expect.stringContaining('lacks the EXECUTE_TOOL capability') });
    const refused = await proc(parent.pid);
    expect(refused.denials.at(-1)).toMatchObject({ op: 'skill.run', reason: expect.stringContaining('EXECUTE_TOOL') });
    expect(events.some((e) => e.type === 'policy.denied' && e.pid === parent.pid && e.op === 'skill.run')).toBe(true);
    // It may not kill what it did not start.
    const other = await call<Process>('agent.spawn', { task: 'Unrelated.' });
    await expect(call('proc.kill', { pid: other.pid }, parent.pid)).rejects.toMatchObject({ code: 'SYSCALL_DENIED' });
    await call('proc.kill', { pid: parent.pid });
    await call('proc.kill', { pid: other.pid });
  });
});

describe('the bus', () => {
  it('delivers between processes, times out a receive, refuses a terminated receiver', async () => {
    server.script({ kind: 'hang' });
    const a = await call<Process>('agent.spawn', { task: 'A.' });
    const b = await call<Process>('agent.spawn', { task: 'B.' });
    const waiting = call<{ body: unknown; from: Pid }>('bus.receive', { timeoutMs: 5000, topic: 'plan' }, b.pid);
    await call('bus.send', { to: b.pid, body: { step: 1 }, topic: 'plan' }, a.pid);
    expect(await waiting).toMatchObject({ body: { step: 1 }, from: a.pid });
    const spans = await call<{ kind: string; attributes: Record<string, unknown> }[]>('spans.recent', { kind: 'message', limit: 10 });
    expect(spans.at(-1)?.attributes).toMatchObject({ 'weft.message.from': a.pid, 'weft.message.to': b.pid, 'weft.message.topic': 'plan' });
    await expect(call('bus.receive', { timeoutMs: 50 }, b.pid)).rejects.toMatchObject({ code: 'BUS_TIMEOUT' });
    await call('proc.kill', { pid: b.pid });
    await expect(call('bus.send', { to: b.pid, body: 'hello?' }, a.pid)).rejects.toMatchObject({ code: 'BUS_NO_RECEIVER' });
    await expect(call('bus.receive', { timeoutMs: 10 })).rejects.toMatchObject({ code: 'SYSCALL_INVALID' });
    await call('proc.kill', { pid: a.pid });
  });
});

describe('agent nodes in a workflow', () => {
  it('runs architect → coder → reviewer as three processes; the reviewer sends the coder back once over the bus and answers with the approved work', async () => {
    const reviews: string[] = [];
    server.script((request, res) => {
      const system = systemOf(request);
      const user = lastUser(request);
      if (system.startsWith('You are a software architect')) return play(textAnswer(['Plan: slugify(title) -> str.']), res);
      if (system.startsWith('You are a careful Python programmer')) {
        return play(textAnswer([user.startsWith('The reviewer asks') ? 'def slugify(t):\n    return "v2"' : 'def slugify(t):\n    return "v1"']), res);
      }
      reviews.push(user);
      return play(textAnswer([reviews.length === 1 ? 'REVISE: handle accents.' : 'APPROVED']), res);
    });
    const workflow = EXAMPLE_WORKFLOWS.find((w) => w.name === 'architect-coder-reviewer')!;
    const run = await call<WorkflowRunSummary>('workflow.run', { workflow });
    expect(run.status).toBe('ok');
    // A bare "APPROVED" after the revision: the workflow's answer is the revised code it approved.
    expect(run.nodes.find((n) => n.nodeId === 'reviewer')?.outputs).toEqual({ answer: 'def slugify(t):\n    return "v2"', review: 'APPROVED', approved: true });
    expect(reviews[1]).toContain('return "v2"');
    const agents = (await call<Process[]>('proc.list', { includeTerminated: true })).filter((p) => p.kind === 'agent' && p.parent === run.pid);
    expect(agents.map((p) => p.name).sort()).toEqual(['architect-coder-reviewer/architect', 'architect-coder-reviewer/coder', 'architect-coder-reviewer/reviewer']);
    expect(agents.every((p) => p.state === 'TERMINATED' && p.budget.tokens.used > 0)).toBe(true);
    const messages = await call<{ attributes: Record<string, unknown> }[]>('spans.recent', { kind: 'message', limit: 50 });
    expect(messages.slice(-2).map((m) => m.attributes['weft.message.topic'])).toEqual(['revise', 'revised']);
  }, 60_000);
});

describe('workflow.draft', () => {
  const draftJson = (skill: string) =>
    '```json\n' +
    JSON.stringify({ name: 'CSV summary', nodes: [{ id: 'stats', skill, params: {} }], edges: [] }) +
    '\n```\nOne node that summarises the CSV.';

  it('turns a description into a checked workflow laid out for the canvas', async () => {
    server.script(textAnswer([draftJson('csv-stats')]));
    const draft = await call<{ workflow: { name: string; id: string; nodes: { skill: string; position: { x: number } }[] }; problems: unknown[]; note: string }>('workflow.draft', { description: 'Summarise a CSV file' });
    expect(draft.workflow).toMatchObject({ name: 'CSV summary', id: 'csv-summary', nodes: [{ skill: 'csv-stats', position: { x: 80 } }] });
    expect(draft.problems).toEqual([]);
    expect(draft.note).toBe('One node that summarises the CSV.');
  });

  it('tells the model which skills do not exist and takes its corrected draft', async () => {
    let asked = 0;
    const corrections: string[] = [];
    server.script((request, res) => {
      asked++;
      if (asked > 1) corrections.push(lastUser(request));
      play(textAnswer([draftJson(asked === 1 ? 'csv-magic' : 'csv-stats')]), res);
    });
    const draft = await call<{ workflow: { nodes: { skill: string }[] }; problems: unknown[] }>('workflow.draft', { description: 'Summarise a CSV file' });
    expect(corrections[0]).toMatch(/^These skills do not exist: csv-magic\. Use only: .*csv-stats/);
    expect(draft.workflow.nodes[0]!.skill).toBe('csv-stats');
  });

  it('reports a skill that still does not exist as a problem, and gives up on a model that never writes JSON', async () => {
    server.script(textAnswer([draftJson('csv-magic')]));
    const draft = await call<{ problems: { code: string; message: string }[] }>('workflow.draft', { description: 'Summarise a CSV file' });
    expect(draft.problems.map((p) => p.code)).toContain('SKILL_NOT_FOUND');
    server.script(textAnswer(['I would use a few skills, probably.']));
    await expect(call('workflow.draft', { description: 'Summarise a CSV file' })).rejects.toMatchObject({ code: 'LLM_BAD_RESPONSE', message: expect.stringContaining('after two tries') });
  });
});
