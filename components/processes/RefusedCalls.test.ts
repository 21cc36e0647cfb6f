import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RefusedCalls } from './RefusedCalls';

const render = (denials: Parameters<typeof RefusedCalls>[0]['denials']) => renderToStaticMarkup(createElement(RefusedCalls, { denials }));

describe('RefusedCalls', () => {
  it('says when nothing was refused', () => {
    expect(render([])).toContain('No calls refused.');
  });

  it('lists refused calls newest first, each with its reason', () => {
    const html = render([
      { op: 'volume.write', reason: 'it lacks WRITE_VOLUME', at: Date.UTC(2025, 0, 1, 10, 0, 0) },
      { op: 'proc.kill', reason: 'it may only kill its own children', at: Date.UTC(2025, 0, 1, 10, 5, 0) },
    ]);
    expect(html).not.toContain('No calls refused.');
    expect(html.indexOf('proc.kill')).toBeLessThan(html.indexOf('volume.write'));
    expect(html).toContain('<code');
    expect(html).toContain('it may only kill its own children');
    expect(html).toMatch(/<time[^>]*datetime="2025-01-01T10:05:00.000Z"/i);
  });
});
