import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '@/lib/kernel/protocol';
import { TraceRow } from './TraceRow';

const entry = (over: Partial<TraceEntry> = {}): TraceEntry => ({
  path: 'traces/2025/03/0af7651916cd43dd8448eb211c80319c.json',
  traceId: '0af7651916cd43dd8448eb211c80319c',
  kind: 'run',
  name: 'clean-and-plot',
  status: 'ok',
  start: new Date(2025, 2, 14, 9, 5, 7).getTime(),
  durationMs: 1240,
  spans: 12,
  energy: { cpuMs: 300, tokensIn: 1200, tokensOut: 34, bytes: 0 },
  cacheHits: 3,
  skills: ['load-data', 'plot'],
  ...over,
});

const render = (e: TraceEntry, current = false) => renderToStaticMarkup(createElement(TraceRow, { entry: e, now: new Date(2025, 2, 14, 18).getTime(), current, onOpen: () => {} }));

describe('TraceRow', () => {
  it('is a list item named by its path, with kind, name, status, start, duration, spans, tokens, cache hits and skills', () => {
    const html = render(entry());
    expect(html).toContain('role="listitem" data-trace-path="traces/2025/03/0af7651916cd43dd8448eb211c80319c.json"');
    for (const text of ['run', 'clean-and-plot', 'ok', '09:05:07', '1.24 s', '>12<', '1,200 / 34', '>3<', 'load-data, plot']) expect(html).toContain(text);
  });

  it('marks the open trace and dashes what a trace did not use', () => {
    const html = render(entry({ kind: 'chat', energy: { cpuMs: 0, tokensIn: 0, tokensOut: 0, bytes: 0 }, cacheHits: 0 }), true);
    expect(html).toContain('aria-current="true"');
    expect(html).toContain('Open this chat turn');
    expect(html.match(/>—</g)).toHaveLength(2);
  });
});
