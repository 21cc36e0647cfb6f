import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { span } from '../testSpans';
import { NAME_WIDTH } from '../timelineZoom';
import { TimelineRow, type TimelineRowProps } from './TimelineRow';

const props = (over: Partial<TimelineRowProps> = {}): TimelineRowProps => ({
  id: 'row-3',
  span: span('plot', ['load'], 1010, 1040, { status: 'error' }),
  row: { span: 3, depth: 2, offset: 10, duration: 30, lane: 0 },
  y: 66,
  pxPerMs: 2,
  critical: true,
  tampered: false,
  selected: false,
  onSelect: () => {},
  ...over,
});

describe('TimelineRow', () => {
  it('places the bar by offset and duration at the current scale, below the name column', () => {
    const html = renderToStaticMarkup(createElement(TimelineRow, props()));
    expect(html).toContain(`left:${NAME_WIDTH + 20}px;width:60px`);
    expect(html).toContain('transform:translateY(66px)');
  });

  it('carries the span id, kind, status and the critical-path mark', () => {
    const html = renderToStaticMarkup(createElement(TimelineRow, props()));
    expect(html).toContain('data-span-id="plot" data-kind="node" data-status="error" data-critical="true"');
    expect(html).toContain('on the critical path');
    expect(html).not.toContain('data-tampered');
  });

  it('leaves off the critical mark when it is not on the path, and marks a tampered span', () => {
    const html = renderToStaticMarkup(createElement(TimelineRow, props({ critical: false, tampered: true })));
    expect(html).not.toContain('data-critical');
    expect(html).toContain('data-tampered="true"');
  });

  it('draws an instant as a thin bar, not as nothing', () => {
    const html = renderToStaticMarkup(createElement(TimelineRow, props({ row: { span: 3, depth: 0, offset: 0, duration: 0, lane: 0 } })));
    expect(html).toContain(`left:${NAME_WIDTH}px;width:2px`);
  });
});
