/**
 * The timeline's horizontal scale: at zoom 1 the whole trace fits the chart's width; zooming in
 * keeps the moment under the pointer (or the chart's centre) where it was.
 */

/** Width of the sticky span-name column, in px. */
export const NAME_WIDTH = 260;
/** Room after the latest bar for its duration label, in px. */
export const RIGHT_PAD = 72;
/** Browsers stop laying out elements around 33 million px wide; stay well under. */
const MAX_CHART_PX = 16_000_000;
/** Closer than 1 µs per 10 px shows nothing new. */
const MAX_PX_PER_MS = 10_000;

/**
 * Pixels per millisecond at `zoom`, for a chart `viewport` px wide (name column included).
 * @example pxPerMs(1260, 1000, 1) // ~0.93: the trace's 1000 ms fill 928 px
 */
export function pxPerMs(viewport: number, totalMs: number, zoom: number): number {
  return (chartWidth(viewport) * zoom) / totalMs;
}

/** The widest useful zoom for this trace and viewport (at least 1). */
export function maxZoom(viewport: number, totalMs: number): number {
  const fit = chartWidth(viewport);
  return Math.max(1, Math.min(MAX_CHART_PX / fit, (MAX_PX_PER_MS * totalMs) / fit));
}

/** `zoom` × `factor`, kept between 1 and `maxZoom`. */
export function clampZoom(zoom: number, factor: number, max: number): number {
  return Math.min(max, Math.max(1, zoom * factor));
}

/**
 * The scroll position that keeps the moment at `anchorX` (px from the scroller's left edge) in
 * place when the scale goes from `before` to `after` px per ms.
 * @example zoomScroll(0, 760, 1, 2) === 500 // the moment 500 px into the chart stays under the pointer
 */
export function zoomScroll(scrollLeft: number, anchorX: number, before: number, after: number): number {
  const inChart = Math.max(0, anchorX - NAME_WIDTH);
  const at = (scrollLeft + inChart) / before;
  return Math.max(0, at * after - inChart);
}

function chartWidth(viewport: number): number {
  return Math.max(160, viewport - NAME_WIDTH - RIGHT_PAD);
}
