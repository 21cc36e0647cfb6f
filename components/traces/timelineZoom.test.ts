import { describe, expect, it } from 'vitest';
import { clampZoom, maxZoom, NAME_WIDTH, pxPerMs, RIGHT_PAD, zoomScroll } from './timelineZoom';

describe('timeline zoom', () => {
  it('fits the whole trace in the chart at zoom 1 and scales with zoom', () => {
    const viewport = NAME_WIDTH + RIGHT_PAD + 1000;
    expect(pxPerMs(viewport, 500, 1)).toBe(2);
    expect(pxPerMs(viewport, 500, 4)).toBe(8);
  });

  it('keeps the moment under the pointer in place', () => {
    const before = 2;
    const after = 6;
    const scrollLeft = 300;
    const anchorX = NAME_WIDTH + 200;
    const moment = (scrollLeft + 200) / before;
    const next = zoomScroll(scrollLeft, anchorX, before, after);
    expect((next + 200) / after).toBeCloseTo(moment);
  });

  it('never scrolls before the start', () => {
    expect(zoomScroll(0, NAME_WIDTH + 10, 4, 1)).toBe(0);
  });

  it('stays between 1 and the widest useful zoom', () => {
    const viewport = NAME_WIDTH + RIGHT_PAD + 1000;
    const max = maxZoom(viewport, 10_000);
    expect(max).toBeGreaterThan(1000);
    expect(pxPerMs(viewport, 10_000, max)).toBeLessThanOrEqual(10_000);
    expect(maxZoom(viewport, 0.001)).toBe(1);
    expect(clampZoom(1, 0.5, max)).toBe(1);
    expect(clampZoom(2, 1.5, max)).toBe(3);
    expect(clampZoom(max, 2, max)).toBe(max);
  });
});
