'use client';

/**
 * The causal DAG of a trace in plain SVG: parents on the left, children to the right, laid out
 * by dagre (see graphLayout.ts), the critical path drawn bold. A huge trace shows its first
 * spans with a note; the timeline still lists them all.
 */
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { Button, cx } from '@/components/ui/Button';
import { formatMs } from '@/components/ui/format';
import type { Span } from '@/lib/spans';
import { GRAPH_CAP, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '../graphLayout';
import { formatCount } from '../traceFormat';
import type { TraceModel } from '../traceModel';
import pane from '../pane.module.css';
import styles from './TraceGraph.module.css';

export function TraceGraph({ model, selected, tampered, onSelect }: { model: TraceModel; selected: number; tampered: ReadonlySet<string>; onSelect(spanIndex: number): void }) {
  const graph = useMemo(() => layoutGraph(model.layout.rows.map((r) => r.span), model.index, GRAPH_CAP), [model]);
  const criticalEdges = useMemo(() => new Set(model.critical.slice(1).map((to, k) => `${model.critical[k]}>${to}`)), [model]);
  const [fit, setFit] = useState(false);
  // An id fit for url(#…), whatever characters React puts in its ids.
  const arrow = `trace-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const spans = model.trace.spans;

  return (
    <div className={pane.pane}>
      <div className={pane.toolbar}>
        <span className={styles.note}>
          {graph.nodes.length < graph.total
            ? `Showing the first ${formatCount(graph.nodes.length)} of ${formatCount(graph.total)} spans, in causal order; the timeline lists them all.`
            : `${formatCount(graph.total)} spans, ${formatCount(graph.edges.length)} causal links`}
        </span>
        <div className={styles.spacer} />
        <Button size="sm" variant="ghost" aria-pressed={fit} onClick={() => setFit(!fit)} title={fit ? 'Show the graph at full size' : 'Shrink the graph to fit the view'}>
          {fit ? 'Actual size' : 'Fit'}
        </Button>
      </div>
      <div className={styles.scroll}>
        <svg
          className={styles.svg}
          width={fit ? '100%' : graph.width}
          height={fit ? '100%' : graph.height}
          viewBox={`0 0 ${Math.max(1, graph.width)} ${Math.max(1, graph.height)}`}
          role="group"
          aria-label="Causal graph of spans"
        >
          <defs>
            <marker id={arrow} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0 8 4 0 8Z" className={styles.arrowHead} />
            </marker>
          </defs>
          {graph.edges.map((e) => (
            <path key={`${e.from}>${e.to}`} d={pathOf(e.points)} className={cx(styles.edge, criticalEdges.has(`${e.from}>${e.to}`) && styles.criticalEdge)} markerEnd={`url(#${arrow})`} />
          ))}
          {graph.nodes.map((n) => (
            <GraphNode
              key={n.span}
              span={spans[n.span]!}
              x={n.x}
              y={n.y}
              critical={model.onCritical[n.span] === 1}
              tampered={tampered.has(spans[n.span]!.id)}
              selected={n.span === selected}
              onSelect={() => onSelect(n.span)}
            />
          ))}
        </svg>
      </div>
    </div>
  );
}

function GraphNode({ span, x, y, critical, tampered, selected, onSelect }: { span: Span; x: number; y: number; critical: boolean; tampered: boolean; selected: boolean; onSelect(): void }) {
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect();
  };
  return (
    <g
      transform={`translate(${x} ${y})`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${span.kind} ${span.name}, ${span.status}${critical ? ', on the critical path' : ''}`}
      data-graph-span={span.id}
      data-kind={span.kind}
      data-status={span.status}
      data-critical={critical ? 'true' : undefined}
      data-tampered={tampered ? 'true' : undefined}
      className={cx(styles.node, selected && styles.selected)}
      onClick={onSelect}
      onKeyDown={onKeyDown}
    >
      <title>{`${span.kind} · ${span.name} · ${span.status} · ${formatMs(span.end - span.start)}`}</title>
      <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} className={styles.box} />
      <rect width={4} height={NODE_HEIGHT} rx={2} className={styles.stripe} />
      <text x={12} y={16} className={styles.name}>
        {clip(span.name, 26)}
      </text>
      <text x={12} y={31} className={styles.meta}>
        {`${span.kind} · ${span.status === 'ok' ? '' : `${span.status} · `}${formatMs(span.end - span.start)}`}
      </text>
    </g>
  );
}

function pathOf(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
