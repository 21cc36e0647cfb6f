import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { indexSpans } from '../spanIndex';
import { span } from '../testSpans';
import { traceTotals } from '../traceTotals';
import { TraceHeader, type TraceHeaderProps } from './TraceHeader';

const noop = () => {};

const headerProps = (over: Partial<TraceHeaderProps> = {}): TraceHeaderProps => {
  const spans = [span('run', [], 0, 1200, { kind: 'run' }), span('a', ['run'], 10, 400, { status: 'cached', energy: { cpuMs: 12, tokensIn: 1500, tokensOut: 20, bytes: 0 } })];
  return {
    path: 'traces/2025/03/abc.json',
    summary: { kind: 'run', name: 'clean-and-plot', status: 'ok' },
    totals: traceTotals(spans, indexSpans(spans)),
    loaded: true,
    verifying: false,
    replaying: false,
    onVerify: noop,
    onReplay: noop,
    onExportOtlp: noop,
    onExportJson: noop,
    onClose: noop,
    ...over,
  };
};

describe('TraceHeader', () => {
  it('shows the name, status and totals, and every action', () => {
    const html = renderToStaticMarkup(createElement(TraceHeader, headerProps()));
    expect(html).toContain('clean-and-plot');
    expect(html).toContain('1.2 s');
    expect(html).toContain('1,500 in · 20 out');
    for (const name of ['Verify', 'Replay', 'Export OTLP', 'Export JSON']) expect(html).toMatch(new RegExp(`<button[^>]*>(<svg.*?</svg>)?${name}</button>`));
    expect(html).toContain('aria-label="Close trace"');
    expect(html).toContain('title="Close (Escape)"');
  });

  it('lets only workflow runs be replayed, and says why', () => {
    const html = renderToStaticMarkup(createElement(TraceHeader, headerProps({ summary: { kind: 'chat', name: 'chat turn', status: 'ok' } })));
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*title="Only workflow runs can be replayed; this is a chat turn."[^>]*>/);
  });
});
