import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WeftError } from '@/lib/core';
import type { TraceVerification } from '@/lib/kernel/protocol';
import type { TraceChecks } from './useTraceChecks';
import { VerifyPanel } from './VerifyPanel';

const noop = () => {};

const verifyCheck = (over: Partial<TraceChecks['verify']>): TraceChecks['verify'] => ({ pending: false, error: null, result: null, startedAt: 1, run: noop, dismiss: noop, ...over });

const renderVerify = (check: TraceChecks['verify']) =>
  renderToStaticMarkup(createElement(VerifyPanel, { check, spanCount: 3, spanOf: (id: string) => (id === 'bad' ? 1 : undefined), nameOf: () => 'load-data', onSelect: noop }));

describe('VerifyPanel', () => {
  it('says the trace checks out, marked data-verify="ok"', () => {
    const result: TraceVerification = { path: 'p', ok: true, spanCount: 3, problems: [] };
    const html = renderVerify(verifyCheck({ result }));
    expect(html).toContain('data-verify="ok"');
    expect(html).toContain('Verified: 3 spans, all ids and causal links check out');
  });

  it('lists the problems span by span, each span a button, marked data-verify="failed"', () => {
    const result: TraceVerification = {
      path: 'p',
      ok: false,
      spanCount: 3,
      problems: [
        { spanId: 'bad', code: 'SPAN_ID_MISMATCH', message: 'its id does not match its content' },
        { spanId: null, code: 'ROOT_HASH_MISMATCH', message: 'the root hash does not match' },
      ],
    };
    const html = renderVerify(verifyCheck({ result }));
    expect(html).toContain('data-verify="failed"');
    expect(html).toMatch(/<button[^>]*>load-data<\/button>/);
    expect(html).toContain('SPAN_ID_MISMATCH');
    expect(html).toContain('The whole trace');
  });

  it('shows progress while it runs and the kernel’s message when it cannot', () => {
    expect(renderVerify(verifyCheck({ pending: true }))).toContain('role="progressbar"');
    const html = renderVerify(verifyCheck({ error: new WeftError('TRACE_INVALID', 'This file is not a trace.') }));
    expect(html).toContain('This file is not a trace.');
    expect(html).not.toContain('data-verify="ok"');
  });

  it('shows nothing before Verify is pressed', () => {
    expect(renderVerify(verifyCheck({ startedAt: null }))).toBe('');
  });
});
