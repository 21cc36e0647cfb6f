import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asPid, WeftError } from '@/lib/core';
import type { AgentResult, KernelEvent, Process, WorkflowDraft, WorkflowRunSummary } from '@/lib/kernel/protocol';
import type { Workflow } from '@/lib/workflow';
import { useChatStore } from '../useChatStore';
import { type CommandClient, type CommandDeps, submitCommand } from './runCommand';

type Listener = (event: KernelEvent) => void;
type Call = { op: string; [k: string]: unknown };

/** A kernel client that answers each op with `answers[op]` (a value, or a function of the call that may throw or return a promise). */
function fakeClient(answers: Record<string, unknown>) {
  const listeners = new Set<Listener>();
  const calls: Call[] = [];
  const client = {
    on: (listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call: (call: Call) => {
      calls.push(call);
      const answer = answers[call.op];
      if (answer === undefined) return Promise.reject(new WeftError('INTERNAL', `no answer for ${call.op}`));
      try {
        return Promise.resolve(typeof answer === 'function' ? answer(call) : answer);
      } catch (thrown) {
        return Promise.reject(thrown);
      }
    },
  } as unknown as CommandClient;
  return { client, calls, listeners, emit: (event: KernelEvent) => [...listeners].forEach((l) => l(event)) };
}

function deps(client: CommandClient): CommandDeps & { openOnCanvas: ReturnType<typeof vi.fn> } {
  return { client, openOnCanvas: vi.fn(() => ({ undoable: false })) };
}

function proc(over: Omit<Partial<Process>, 'pid'> & { pid: number; name: string }): Process {
  return {
    kind: 'agent',
    state: 'READY',
    priority: 10,
    parent: null,
    children: [],
    budget: { tokens: { allocated: null, used: 0, remaining: null }, cpuMs: { allocated: null, used: 0, remaining: null } },
    permissions: [],
    createdAt: 0,
    energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 },
    command: '',
    waitMs: 0,
    exit: null,
    protected: false,
    note: null,
    denials: [],
    ...over,
    pid: asPid(over.pid),
  };
}

const outputs = () => useChatStore.getState().outputs;
const last = () => outputs().at(-1)!;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => useChatStore.setState({ outputs: [], draft: '' }));

describe('submitCommand', () => {
  it('reports a malformed command at once, without a syscall, and keeps the text', () => {
    const k = fakeClient({});
    expect(submitCommand('/kill architect', deps(k.client))).toBe(false);
    expect(k.calls).toEqual([]);
    expect(last()).toMatchObject({ command: 'kill', input: '/kill architect', status: 'error' });
    expect(last().blocks).toEqual([{ kind: 'text', text: '"architect" is not a pid: a pid is a whole number, like /kill 7. Type /ps to see the pids.', tone: 'error' }]);
    expect(submitCommand('/frob', deps(k.client))).toBe(false);
    expect(last().command).toBe('unknown');
  });

  it('prints /help from the command table', async () => {
    expect(submitCommand('/help nice', deps(fakeClient({}).client))).toBe(true);
    await settle();
    expect(last()).toMatchObject({ command: 'help', status: 'ok', blocks: [{ kind: 'list', items: [{ term: '/nice <pid> <priority>', text: "Sets a process's priority: 0 (highest) to 19 (lowest)." }] }] });
  });
});

describe('process commands', () => {
  it('/ps prints a row a process: tokens used/allocated (∞ without a limit), the wait, and the note', async () => {
    const k = fakeClient({
      'proc.list': [
        proc({ pid: 7, name: 'architect', state: 'THINKING', priority: 5, budget: { tokens: { allocated: 20_000, used: 1_234, remaining: 18_766 }, cpuMs: { allocated: null, used: 0, remaining: null } }, waitMs: 250 }),
        proc({ pid: 0, name: 'kernel', kind: 'system', state: 'RUNNING', priority: 0, protected: true }),
        proc({ pid: 9, name: 'writer', state: 'SUSPENDED', waitMs: 184_000, note: 'Its token budget ran out: /budget 9 <tokens> gives it more.' }),
      ],
    });
    submitCommand('/ps', deps(k.client));
    await settle();
    expect(k.calls).toEqual([{ op: 'proc.list' }]);
    expect(last().status).toBe('ok');
    expect(last().blocks).toEqual([
      {
        kind: 'table',
        head: ['PID', 'NAME', 'KIND', 'STATE', 'PRI', 'TOKENS', 'WAIT'],
        rows: [
          { cells: ['0', 'kernel', 'system', 'RUNNING', '0', '0/∞', '0 ms'], note: null },
          { cells: ['7', 'architect', 'agent', 'THINKING', '5', '1,234/20,000', '250 ms'], note: null },
          { cells: ['9', 'writer', 'agent', 'SUSPENDED', '10', '0/∞', '3m 04s'], note: 'Its token budget ran out: /budget 9 <tokens> gives it more.' },
        ],
      },
    ]);
  });

  it('/budget adds tokens and prints the new used and allocated', async () => {
    const k = fakeClient({ 'proc.addBudget': (c: Call) => proc({ pid: c.pid as number, name: 'writer', budget: { tokens: { allocated: 15_000, used: 10_200, remaining: 4_800 }, cpuMs: { allocated: null, used: 0, remaining: null } } }) });
    submitCommand('/budget 9 5k', deps(k.client));
    await settle();
    expect(k.calls).toEqual([{ op: 'proc.addBudget', pid: 9, tokens: 5000 }]);
    expect(last()).toMatchObject({ command: 'budget', status: 'ok', blocks: [{ kind: 'text', text: 'Added 5,000 tokens to process 9 (writer): 10,200 used of 15,000 allocated now.' }] });
  });

  it('/kill, /suspend, /resume and /nice make their syscalls', async () => {
    const answer = (state: Process['state']) => (c: Call) => proc({ pid: c.pid as number, name: 'architect', state, priority: (c.priority as number | undefined) ?? 10 });
    const k = fakeClient({ 'proc.kill': answer('TERMINATED'), 'proc.suspend': answer('SUSPENDED'), 'proc.resume': answer('READY'), 'proc.setPriority': answer('READY') });
    for (const line of ['/kill 7', '/suspend 7', '/resume 7', '/nice 7 3']) submitCommand(line, deps(k.client));
    await settle();
    expect(k.calls).toEqual([
      { op: 'proc.kill', pid: 7, reason: 'killed from the chat' },
      { op: 'proc.suspend', pid: 7 },
      { op: 'proc.resume', pid: 7 },
      { op: 'proc.setPriority', pid: 7, priority: 3 },
    ]);
    expect(outputs().map((o) => (o.blocks[0] as { text: string }).text)).toEqual([
      'Killed process 7 (architect).',
      'Suspended process 7 (architect). /resume 7 lets it go on.',
      'Resumed process 7 (architect): it is READY now.',
      'Process 7 (architect) has priority 3 now (0 is the highest, 19 the lowest).',
    ]);
  });

  it("prints the kernel's words when a syscall fails", async () => {
    const k = fakeClient({
      'proc.kill': () => {
        throw new WeftError('PROC_PROTECTED', 'Process 0 (kernel) belongs to the kernel and cannot be killed.');
      },
    });
    expect(submitCommand('/kill 0', deps(k.client))).toBe(true);
    expect(last().status).toBe('running');
    await settle();
    expect(last()).toMatchObject({ command: 'kill', status: 'error', blocks: [{ kind: 'text', text: 'Process 0 (kernel) belongs to the kernel and cannot be killed.', tone: 'error' }] });
  });
});

describe('/spawn', () => {
  const result = (pid: number, over: Partial<AgentResult> = {}): AgentResult => ({
    pid: asPid(pid),
    name: 'helper',
    status: 'ok',
    answer: '**Done**: three files.',
    usage: { inputTokens: 1200, outputTokens: 80, estimated: false },
    error: null,
    trace: null,
    ...over,
  });

  it('says the agent started, then prints its answer and usage when agent.done arrives', async () => {
    const k = fakeClient({ 'agent.spawn': proc({ pid: 9, name: 'helper', state: 'THINKING' }) });
    submitCommand('/spawn count the files', deps(k.client));
    await settle();
    expect(k.calls).toEqual([{ op: 'agent.spawn', task: 'count the files' }]);
    expect(last()).toMatchObject({ command: 'spawn', status: 'running', blocks: [{ kind: 'text', text: 'Started agent 9 (helper)' }] });

    k.emit({ type: 'agent.done', result: result(8, { answer: 'not mine' }), at: 1 });
    expect(last().status).toBe('running');
    k.emit({ type: 'agent.done', result: result(9), at: 2 });
    expect(last().status).toBe('ok');
    expect(last().blocks).toEqual([
      { kind: 'text', text: 'Started agent 9 (helper)' },
      { kind: 'markdown', text: '**Done**: three files.' },
      { kind: 'text', text: 'helper · 1,200 in · 80 out tokens', tone: 'muted' },
    ]);
    expect(k.listeners.size).toBe(0);
  });

  it("prints the agent's error", async () => {
    const k = fakeClient({ 'agent.spawn': proc({ pid: 9, name: 'helper' }) });
    submitCommand('/spawn x', deps(k.client));
    await settle();
    k.emit({ type: 'agent.done', result: result(9, { status: 'error', answer: '', error: { code: 'BUDGET_EXHAUSTED', message: 'The agent used its 500 tokens.' }, usage: { inputTokens: 450, outputTokens: 50, estimated: true } }), at: 2 });
    expect(last()).toMatchObject({ status: 'error' });
    expect(last().blocks.slice(1)).toEqual([
      { kind: 'text', text: 'The agent used its 500 tokens.', tone: 'error' },
      { kind: 'text', text: 'helper · ~450 in · ~50 out tokens', tone: 'muted' },
    ]);
  });

  it('catches an agent.done that comes before the spawn answers', async () => {
    let answer: (p: Process) => void = () => undefined;
    const k = fakeClient({ 'agent.spawn': () => new Promise<Process>((resolve) => (answer = resolve)) });
    submitCommand('/spawn quick', deps(k.client));
    k.emit({ type: 'agent.done', result: result(9, { answer: 'fast' }), at: 1 });
    answer(proc({ pid: 9, name: 'helper' }));
    await settle();
    expect(last().status).toBe('ok');
    expect(last().blocks[1]).toEqual({ kind: 'markdown', text: 'fast' });
    expect(k.listeners.size).toBe(0);
  });

  it('stops listening when the spawn is refused', async () => {
    const k = fakeClient({
      'agent.spawn': () => {
        throw new WeftError('LLM_NO_PROVIDER', 'No language model is set up yet.');
      },
    });
    submitCommand('/spawn x', deps(k.client));
    await settle();
    expect(last()).toMatchObject({ status: 'error' });
    expect(last().blocks.at(-1)).toEqual({ kind: 'text', text: 'No language model is set up yet.', tone: 'error' });
    expect(k.listeners.size).toBe(0);
  });
});

describe('/draft', () => {
  const workflow = { version: 1, id: 'wf-1', name: 'csv-plot', nodes: [{ id: 'a' }, { id: 'b' }], edges: [{ id: 'e' }] } as unknown as Workflow;

  it('opens a draft without problems on the canvas', async () => {
    const draft: WorkflowDraft = { workflow, problems: [], note: 'Reads the CSV, then plots it.' };
    const k = fakeClient({ 'workflow.draft': draft });
    const d = deps(k.client);
    submitCommand('/draft plot a csv', d);
    expect(last()).toMatchObject({ status: 'running' });
    await settle();
    expect(k.calls).toEqual([{ op: 'workflow.draft', description: 'plot a csv' }]);
    expect(d.openOnCanvas).toHaveBeenCalledWith(workflow);
    expect(last()).toMatchObject({ command: 'draft', status: 'ok' });
    expect(last().blocks).toEqual([
      { kind: 'text', text: 'Opened csv-plot on the canvas: 2 nodes, 1 edge — check it, then Run' },
      { kind: 'text', text: 'Reads the CSV, then plots it.', tone: 'muted' },
    ]);
  });

  it('prints the problems and leaves the canvas alone', async () => {
    const draft: WorkflowDraft = {
      workflow,
      problems: [
        { code: 'INPUT_UNBOUND', nodeId: 'b', message: 'Node b needs its input "csv".', severity: 'error' },
        { code: 'SKILL_NOT_FOUND', nodeId: 'a', message: 'There is no skill "csv-load".', severity: 'error' },
      ] as unknown as WorkflowDraft['problems'],
      note: '',
    };
    const d = deps(fakeClient({ 'workflow.draft': draft }).client);
    submitCommand('/draft plot a csv', d);
    await settle();
    expect(d.openOnCanvas).not.toHaveBeenCalled();
    expect(last().status).toBe('error');
    expect(last().blocks.slice(0, 2)).toEqual([
      { kind: 'text', text: 'The drafted workflow csv-plot has 2 problems, so it was not opened:', tone: 'error' },
      { kind: 'bullets', items: ['Node b needs its input "csv".', 'There is no skill "csv-load".'] },
    ]);
  });
});

describe('/run', () => {
  const summary = (over: Partial<WorkflowRunSummary> = {}): WorkflowRunSummary =>
    ({
      runId: 'r',
      pid: asPid(12),
      status: 'ok',
      error: null,
      nodes: [{ status: 'ok' }, { status: 'ok' }, { status: 'cached' }],
      traceId: 't',
      trace: { path: 'traces/2025/run.json', commit: 'c', spans: 4 },
      traceError: null,
      energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 },
      durationMs: 1240,
      seed: 0,
      ...over,
    }) as unknown as WorkflowRunSummary;

  it('finds the saved workflow, runs it, shows its pid while it runs and how it ended', async () => {
    const saved = { version: 1, name: 'daily-report', nodes: [], edges: [] };
    let finish: (s: WorkflowRunSummary) => void = () => undefined;
    const k = fakeClient({ 'workflow.list': ['csv-cleanup', 'daily-report'], 'workflow.read': saved, 'workflow.run': () => new Promise((resolve) => (finish = resolve)) });
    submitCommand('/run daily-report', deps(k.client));
    await settle();
    expect(k.calls.map((c) => c.op)).toEqual(['workflow.list', 'workflow.read', 'workflow.run']);
    expect(k.calls[1]).toEqual({ op: 'workflow.read', name: 'daily-report' });
    const run = k.calls[2]!;
    expect(run.workflow).toBe(saved);
    k.emit({ type: 'run.status', runId: run.tag as string, status: 'running', pid: asPid(12), at: 1 });
    expect(last()).toMatchObject({ status: 'running', blocks: [{ kind: 'text', text: 'Running daily-report as process 12… (/kill 12 stops it)' }] });
    finish(summary());
    await settle();
    expect(last().status).toBe('ok');
    expect(last().blocks).toEqual([
      { kind: 'text', text: 'daily-report finished in 1 s (process 12) — 3 nodes: 2 ok, 1 cached.' },
      { kind: 'text', text: 'Trace: traces/2025/run.json', tone: 'muted' },
    ]);
    expect(k.listeners.size).toBe(0);
  });

  it('prints how a failed run failed', async () => {
    const k = fakeClient({ 'workflow.list': ['daily-report'], 'workflow.read': {}, 'workflow.run': summary({ status: 'error', error: { code: 'RUNTIME_ERROR', message: 'Node b failed: division by zero.' }, trace: null }) });
    submitCommand('/run daily-report', deps(k.client));
    await settle();
    expect(last().status).toBe('error');
    expect(last().blocks[1]).toEqual({ kind: 'text', text: 'Node b failed: division by zero.', tone: 'error' });
  });

  it('names the close ones when there is no workflow by that name, and runs nothing', async () => {
    const k = fakeClient({ 'workflow.list': ['csv-cleanup', 'daily-report', 'weekly-report'] });
    submitCommand('/run daly-report', deps(k.client));
    submitCommand('/run report', deps(k.client));
    submitCommand('/run zzz', deps(k.client));
    await settle();
    expect(k.calls.map((c) => c.op)).toEqual(['workflow.list', 'workflow.list', 'workflow.list']);
    expect(outputs().map((o) => o.status)).toEqual(['error', 'error', 'error']);
    expect(outputs().map((o) => (o.blocks[0] as { text: string }).text)).toEqual([
      'There is no saved workflow named daly-report. Did you mean daily-report?',
      'There is no saved workflow named report. Did you mean daily-report or weekly-report?',
      'There is no saved workflow named zzz. The saved ones: csv-cleanup, daily-report, weekly-report.',
    ]);
  });
});

describe('/skills', () => {
  it('lists the hits with the first line of each description', async () => {
    const k = fakeClient({ 'skills.search': [{ name: 'csv-stats', description: 'Summary statistics of a CSV.\nMore here.' }, { name: 'plot-lines', description: 'Line plots.' }] });
    submitCommand('/skills csv', deps(k.client));
    await settle();
    expect(k.calls).toEqual([{ op: 'skills.search', query: 'csv', limit: 10 }]);
    expect(last().blocks).toEqual([
      {
        kind: 'list',
        items: [
          { term: 'csv-stats', text: 'Summary statistics of a CSV.' },
          { term: 'plot-lines', text: 'Line plots.' },
        ],
      },
    ]);
  });
});
