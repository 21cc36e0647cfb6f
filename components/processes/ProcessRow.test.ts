import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TrackedProcess } from '@/components/kernel/useKernelStore';
import { asPid } from '@/lib/core';
import { ProcessRow } from './ProcessRow';
import type { ProcessActions } from './useProcessActions';

const noop = () => {};
const actions: ProcessActions = { kill: noop, suspend: noop, resume: noop, setPriority: noop, addBudget: noop };

const agent = (over: Partial<TrackedProcess> = {}): TrackedProcess => ({
  pid: asPid(7),
  name: 'researcher',
  kind: 'agent',
  state: 'RUNNING',
  priority: 10,
  parent: asPid(0),
  children: [],
  budget: { tokens: { allocated: 2000, used: 1234, remaining: 766 }, cpuMs: { allocated: null, used: 0, remaining: null } },
  permissions: ['CALL_LLM'],
  createdAt: 1_000,
  energy: { cpuMs: 12, tokensIn: 1000, tokensOut: 234, bytes: 0 },
  command: 'agent: summarise the notes',
  waitMs: 0,
  exit: null,
  protected: false,
  note: null,
  denials: [],
  seenAt: 1_000,
  ...over,
});

const render = (p: TrackedProcess) =>
  renderToStaticMarkup(
    createElement('table', null, createElement('tbody', null, createElement(ProcessRow, { process: p, actions, selected: false, onSelect: noop, onAddBudget: noop }))),
  );

describe('ProcessRow', () => {
  it('shows tokens used of allocated, with the raw numbers for data-tokens', () => {
    const html = render(agent());
    expect(html).toContain('data-tokens="1234/2000"');
    expect(html).toContain('1,234 / 2,000');
    expect(html).toContain('title="1,234 of 2,000 tokens used (61 %), 766 left"');
  });

  it('marks an unlimited budget with ∞ and no add-budget button', () => {
    const html = render(agent({ budget: { tokens: { allocated: null, used: 42, remaining: null }, cpuMs: { allocated: null, used: 0, remaining: null } } }));
    expect(html).toContain('data-tokens="42/∞"');
    expect(html).toContain('(no limit)');
    expect(html).not.toContain('Add budget to process 7');
  });

  it('offers to add budget to a live process, not to a finished one', () => {
    expect(render(agent())).toContain('aria-label="Add budget to process 7"');
    expect(render(agent({ state: 'SUSPENDED' }))).toContain('aria-label="Add budget to process 7"');
    expect(render(agent({ state: 'TERMINATED', exit: { status: 'ok', reason: 'done', at: 2_000 } }))).not.toContain('Add budget');
  });

  it('says why a suspended agent waits, under its state', () => {
    const note = 'Suspended: its next model call needs about 1,200 tokens but 300 of its 2,000 are left. Add budget to go on.';
    const html = render(agent({ state: 'SUSPENDED', note, budget: { tokens: { allocated: 2000, used: 1700, remaining: 300 }, cpuMs: { allocated: null, used: 0, remaining: null } } }));
    expect(html).toMatch(/<div[^>]*data-note="Suspended: its next model call[^"]*"[^>]*>Suspended: its next model call/);
    expect(html).toContain('data-level="warn"');
    expect(render(agent())).not.toContain('data-note');
  });
});
