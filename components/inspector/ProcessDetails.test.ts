import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { TrackedProcess } from '@/components/kernel/useKernelStore';
import { asPid } from '@/lib/core';
import { ProcessDetails } from './ProcessDetails';

const state = vi.hoisted(() => ({ processes: new Map<unknown, unknown>() }));
vi.mock('@/components/kernel/useKernelStore', () => ({ useKernelStore: (select: (s: typeof state) => unknown) => select(state) }));

const agent = (over: Partial<TrackedProcess> = {}): TrackedProcess => ({
  pid: asPid(7),
  name: 'researcher',
  kind: 'agent',
  state: 'SUSPENDED',
  priority: 10,
  parent: asPid(0),
  children: [],
  budget: { tokens: { allocated: 2000, used: 1700, remaining: 300 }, cpuMs: { allocated: null, used: 0, remaining: null } },
  permissions: ['CALL_LLM', 'READ_VOLUME'],
  createdAt: 1_000,
  energy: { cpuMs: 12, tokensIn: 1_500, tokensOut: 200, bytes: 0 },
  command: 'agent: summarise the notes',
  waitMs: 0,
  exit: null,
  protected: false,
  note: 'Suspended: its next model call needs about 1,200 tokens but 300 of its 2,000 are left. Add budget to go on.',
  denials: [],
  seenAt: 1_000,
  ...over,
});

const render = (p: TrackedProcess) => {
  state.processes = new Map([[p.pid, p]]);
  return renderToStaticMarkup(createElement(ProcessDetails, { pid: p.pid, onClose: () => {} }));
};

describe('ProcessDetails', () => {
  it('shows the token budget, the energy spent, the note and the capabilities', () => {
    const html = render(agent());
    expect(html).toMatch(/<dt>Allocated<\/dt><dd>2,000<\/dd><dt>Used<\/dt><dd>1,700<\/dd><dt>Remaining<\/dt><dd>300<\/dd>/);
    expect(html).toMatch(/<dt>Tokens in<\/dt><dd>1,500<\/dd><dt>Tokens out<\/dt><dd>200<\/dd>/);
    expect(html).toContain('Add budget to go on.');
    expect(html).toContain('CALL_LLM');
    expect(html).toContain('READ_VOLUME');
  });

  it('has a "Refused calls" section, empty or listing the newest refusal first', () => {
    expect(render(agent())).toMatch(/<h4[^>]*>Refused calls<\/h4>.*No calls refused\./);
    const html = render(
      agent({
        denials: [
          { op: 'volume.write', reason: 'it lacks WRITE_VOLUME', at: 2_000 },
          { op: 'runtime.run', reason: 'it lacks EXECUTE_CODE', at: 3_000 },
        ],
      }),
    );
    expect(html).not.toContain('No calls refused.');
    expect(html.indexOf('runtime.run')).toBeLessThan(html.indexOf('volume.write'));
  });

  it('says a budget without a limit has none', () => {
    const html = render(agent({ budget: { tokens: { allocated: null, used: 5, remaining: null }, cpuMs: { allocated: null, used: 0, remaining: null } } }));
    expect(html).toMatch(/<dt>Allocated<\/dt><dd>no limit<\/dd>/);
  });
});
