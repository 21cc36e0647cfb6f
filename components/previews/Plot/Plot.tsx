'use client';

/**
 * A Vega-Lite (or Vega) spec drawn with vega-embed, loaded on first use so it stays out of the
 * main bundle. Expressions run in Vega's interpreter (`ast: true`), never through `new Function`,
 * so plots work under a CSP without 'unsafe-eval'. Single views fill the width of their box and
 * follow it when it resizes; the colours follow the theme; PNG and SVG can be saved locally.
 */
import { useEffect, useRef, useState } from 'react';
import type { Result as EmbedResult, VisualizationSpec } from 'vega-embed';
import { cx } from '@/components/ui/Button';
import { useThemeColors } from '../shared/useThemeColors';
import { PreviewError, PreviewLoading } from '../shared/PreviewError';
import shared from '../shared/Preview.module.css';
import styles from './Plot.module.css';
import { fitSpec, inlineRows, plotConfig, type Spec, specProblem } from './plotSpec';

export interface PlotProps {
  /** A Vega-Lite spec (a Vega spec also works), data inline. */
  spec: unknown;
  /** Accessible name; also the name of saved files. */
  label?: string;
  className?: string;
}

type State = { status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string };

export function Plot({ spec, label = 'Plot', className }: PlotProps) {
  const colors = useThemeColors();
  const boxRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EmbedResult | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const valid = typeof spec === 'object' && spec !== null && !Array.isArray(spec);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || !valid) return;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    const target = document.createElement('div');
    box.replaceChildren(target);

    (async () => {
      const { default: embed } = await import('vega-embed');
      if (cancelled) return;
      const { spec: drawn, fitted } = fitSpec(spec as Spec, box.clientWidth);
      const result = await embed(target, drawn as VisualizationSpec, {
        actions: false,
        defaultStyle: false,
        ast: true,
        renderer: inlineRows(drawn) > 5000 ? 'canvas' : 'svg',
        config: plotConfig(colors) as never,
        tooltip: { theme: colors.scheme },
        logLevel: 1,
      });
      if (cancelled) {
        result.finalize();
        return;
      }
      viewRef.current = result;
      setState({ status: 'ready' });
      if (fitted) {
        let last = box.clientWidth;
        observer = new ResizeObserver(() => {
          const width = Math.floor(box.clientWidth);
          if (width <= 0 || width === last) return;
          last = width;
          void result.view.width(width).runAsync();
        });
        observer.observe(box);
      }
    })().catch((error: unknown) => {
      if (cancelled) return;
      const detail = error instanceof Error ? error.message : String(error);
      const hint = specProblem(spec as Spec);
      setState({ status: 'error', message: hint ? `${hint} (${detail})` : detail });
    });

    return () => {
      cancelled = true;
      observer?.disconnect();
      viewRef.current?.finalize();
      viewRef.current = null;
      target.remove();
      setState({ status: 'loading' });
    };
  }, [spec, valid, colors]);

  const save = async (type: 'png' | 'svg') => {
    const view = viewRef.current?.view;
    if (!view) return;
    const url = await view.toImageURL(type, type === 'png' ? 2 : 1);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${label.replace(/[^\w.-]+/g, '-').toLowerCase() || 'plot'}.${type}`;
    link.click();
  };

  if (!valid) return <PreviewError title="This plot has no spec">A plot is a Vega-Lite spec: an object with $schema, data, mark and encoding.</PreviewError>;
  // The box stays mounted whatever happens, so a new spec can be drawn after a failed one.
  const failed = state.status === 'error';
  return (
    <figure className={cx(!failed && shared.frame, !failed && styles.plot, styles.figure, className)} aria-label={label}>
      {failed && <PreviewError title="The plot spec is not valid">{state.message}</PreviewError>}
      {state.status === 'loading' && <PreviewLoading>Drawing the plot…</PreviewLoading>}
      <div ref={boxRef} className={styles.box} hidden={failed} />
      {state.status === 'ready' && (
        <div className={styles.actions}>
          <button type="button" className={styles.action} onClick={() => void save('png')} title="Save as PNG">
            PNG
          </button>
          <button type="button" className={styles.action} onClick={() => void save('svg')} title="Save as SVG">
            SVG
          </button>
        </div>
      )}
    </figure>
  );
}
