/** Above the timeline: what the colours mean, and the zoom controls. */
import { Button, IconButton } from '@/components/ui/Button';
import { SPAN_KINDS } from '@/lib/spans';
import type { TraceModel } from '../traceModel';
import pane from '../pane.module.css';
import styles from './Timeline.module.css';

export function TimelineToolbar({ model, zoom, maxZoom, onZoomIn, onZoomOut, onFit }: { model: TraceModel; zoom: number; maxZoom: number; onZoomIn(): void; onZoomOut(): void; onFit(): void }) {
  const kinds = SPAN_KINDS.filter((k) => model.totals.byKind[k] > 0);
  return (
    <div className={pane.toolbar}>
      <ul className={styles.legend} aria-label="Legend">
        {kinds.map((kind) => (
          <li key={kind} data-kind={kind}>
            <span className={styles.swatch} aria-hidden="true" />
            {kind}
          </li>
        ))}
        <li data-legend="critical">
          <span className={styles.swatch} aria-hidden="true" />
          critical path ({model.critical.length})
        </li>
        {model.totals.cacheHits > 0 && (
          <li data-legend="cached">
            <span className={styles.swatch} aria-hidden="true" />
            cached
          </li>
        )}
        {model.totals.errors > 0 && (
          <li data-legend="error">
            <span className={styles.swatch} aria-hidden="true" />
            error
          </li>
        )}
      </ul>
      <div className={styles.spacer} />
      <span className={styles.zoom} title="Ctrl/⌘ + wheel zooms around the pointer">
        {zoom < 10 ? `${Math.round(zoom * 100)} %` : `${Math.round(zoom)}×`}
      </span>
      <IconButton icon="minus" size="sm" label="Zoom out" onClick={onZoomOut} disabled={zoom <= 1} />
      <IconButton icon="plus" size="sm" label="Zoom in" onClick={onZoomIn} disabled={zoom >= maxZoom} />
      <Button size="sm" variant="ghost" onClick={onFit} disabled={zoom === 1} title="Show the whole trace">
        Fit
      </Button>
    </div>
  );
}
