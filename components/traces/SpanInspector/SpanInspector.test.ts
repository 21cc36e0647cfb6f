import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { asTraceId, asContentHash } from '@/lib/core';
import { enclosed, span } from '../testSpans';
import { buildTraceModel } from '../traceModel';
import { SpanInspector } from './SpanInspector';

const spans = [
  span('run', [], 1000, 1100, { kind: 'run', name: 'clean-and-plot' }),
  enclosed('load', 'run', 1001, 1040, { name: 'load', energy: { cpuMs: 38, tokensIn: 0, tokensOut: 0, bytes: 2048 } }),
  span('plot', ['load', 'gone'], 1040, 1090, {
    name: 'plot',
    status: 'error',
    inputsHash: asContentHash('1'.repeat(64)),
    outputsHash: null,
    attributes: { 'weft.skill': 'plot', 'weft.cache.hit': false, 'error.type': 'RUNTIME_ERROR', 'error.message': 'NameError: df is not defined', 'weft.tags': ['a', 'b'] },
  }),
];
const model = buildTraceModel({ traceId: asTraceId('0af7651916cd43dd8448eb211c80319c'), spans, rootHash: asContentHash('f'.repeat(64)) });
const render = (i: number, problems: { code: string; message: string }[] = []) => renderToStaticMarkup(createElement(SpanInspector, { model, spanIndex: i, problems, onSelect: () => {}, onClose: () => {} }));

describe('SpanInspector', () => {
  it('is a complementary region named "Span" with kind, status, timing and energy', () => {
    const html = render(1);
    expect(html).toContain('role="complementary" aria-label="Span"');
    expect(html).toContain('>load</h3>');
    expect(html).toContain('39 ms');
    expect(html).toContain('+1 ms');
    expect(html).toContain('38 ms');
    expect(html).toContain('2,048');
  });

  it('shows the error, the hashes, the attributes, and parents and children as buttons', () => {
    const html = render(2);
    expect(html).toContain('<code>RUNTIME_ERROR</code> NameError: df is not defined');
    expect(html).toContain('1'.repeat(64));
    expect(html).toContain('<th scope="row">weft.skill</th>');
    expect(html).toContain('[&quot;a&quot;, &quot;b&quot;]');
    expect(html).toMatch(/<button[^>]*title="Select load"/);
    expect(html).toContain('1 not in this trace: gone');
    expect(html).toContain('Children (0)');
  });

  it('says when a span is on the critical path or failed verification', () => {
    const html = render(2, [{ code: 'SPAN_ID_MISMATCH', message: 'its id does not match its content' }]);
    expect(html).toContain('critical path');
    expect(html).toContain('failed verification');
    expect(html).toContain('SPAN_ID_MISMATCH');
  });
});
