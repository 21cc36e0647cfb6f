'use client';

/**
 * An image output: bytes (shown through an object URL, revoked when the preview goes), a
 * data: URL, or `{ mime, data }`. Fits its box; a button shows it at actual size.
 */
import { useCallback, useMemo, useState } from 'react';
import { Button, cx } from '@/components/ui/Button';
import { formatBytes, formatInteger } from '../shared/formatValue';
import shared from '../shared/Preview.module.css';
import { PreviewError } from '../shared/PreviewError';
import styles from './ImagePreview.module.css';
import { toImageSource } from './imageSource';

export interface ImagePreviewProps {
  /** PNG/JPEG/GIF/WebP bytes, a `data:image/…` URL, or `{ mime, data }` (bytes or base64). */
  value: unknown;
  /** Text alternative: what the image shows. */
  alt: string;
  /** Tallest the fitted image is drawn, in pixels. */
  maxHeight?: number;
  className?: string;
}

export function ImagePreview({ value, alt, maxHeight = 480, className }: ImagePreviewProps) {
  const source = useMemo(() => toImageSource(value), [value]);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const [actual, setActual] = useState(false);

  // The object URL lives exactly as long as the <img> it feeds (React 19 ref cleanup).
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img || source.kind === 'invalid') return;
      if (source.kind === 'url') {
        img.src = source.url;
        return;
      }
      const url = URL.createObjectURL(new Blob([source.bytes.slice()], { type: source.mime }));
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [source],
  );

  if (source.kind === 'invalid') return <PreviewError title="This is not an image">{source.reason}</PreviewError>;
  if (failed) return <PreviewError title="The image does not decode">The data says {source.mime}, but the browser cannot read it; it may be cut short or corrupt.</PreviewError>;

  const bytes = source.kind === 'bytes' ? source.bytes.byteLength : null;
  return (
    <figure className={cx(shared.frame, styles.figure, className)}>
      <div className={cx(styles.stage, actual && styles.actual)} style={actual ? { maxHeight } : undefined}>
        <img
          ref={attach}
          alt={alt}
          className={styles.image}
          style={actual ? undefined : { maxHeight }}
          onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          onError={() => setFailed(true)}
        />
      </div>
      <figcaption className={shared.meta}>
        <span>{source.mime.replace('image/', '').toUpperCase()}</span>
        {size && (
          <span>
            {formatInteger(size.w)} × {formatInteger(size.h)} px
          </span>
        )}
        {bytes !== null && <span>{formatBytes(bytes)}</span>}
        <span className={shared.metaSpacer} />
        <Button size="sm" variant="ghost" aria-pressed={actual} onClick={() => setActual((a) => !a)}>
          {actual ? 'Fit' : 'Actual size'}
        </Button>
      </figcaption>
    </figure>
  );
}
