'use client';

/**
 * A `scene3d` output drawn with three.js (loaded on first use): orbit with the mouse, zoom with
 * the wheel, pan with the right button. Checked with `parseScene3d` first, so a bad scene shows
 * which field is wrong; without WebGL, a message says so instead of a blank box.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { cx, IconButton } from '@/components/ui/Button';
import { parseScene3d } from '@/lib/runtimes/scene3d';
import { plural } from '../shared/formatValue';
import shared from '../shared/Preview.module.css';
import { PreviewError, PreviewLoading } from '../shared/PreviewError';
import { useThemeColors } from '../shared/useThemeColors';
import styles from './Scene3D.module.css';
import type { SceneView } from './sceneView';

export interface Scene3DProps {
  /** A `scene3d` value (checked here; raw skill output is fine). */
  scene: unknown;
  /** Height of the view in pixels; it takes the full width. */
  height?: number;
  /** Accessible name of the view. */
  label?: string;
  className?: string;
}

type State = { status: 'loading' } | { status: 'ready'; stats: SceneView['stats']; animated: boolean } | { status: 'error'; title: string; message: string } | { status: 'lost' };

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function Scene3D({ scene, height = 360, label = '3D scene', className }: Scene3DProps) {
  const parsed = useMemo(() => parseScene3d(scene), [scene]);
  const colors = useThemeColors();
  const stageRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<SceneView | null>(null);
  const backgroundRef = useRef(colors.sunken);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [playing, setPlaying] = useState(() => !reducedMotion());
  const playingRef = useRef(playing);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || !parsed.ok) return;
    let cancelled = false;
    let view: SceneView | null = null;
    import('./sceneView')
      .then(({ mountSceneView }) =>
        mountSceneView(stage, parsed.value, {
          background: backgroundRef.current,
          playing: playingRef.current,
          onContextLost: () => !cancelled && setState({ status: 'lost' }),
        }),
      )
      .then((mounted) => {
        if (cancelled) return mounted.dispose();
        view = viewRef.current = mounted;
        setState({ status: 'ready', stats: mounted.stats, animated: mounted.animated });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const webgl = error instanceof Error && error.name === 'WebGLUnavailableError';
        setState({ status: 'error', title: webgl ? '3D is not available in this browser' : 'The scene could not be drawn', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
      view?.dispose();
      viewRef.current = null;
      setState({ status: 'loading' });
    };
  }, [parsed, attempt]);

  useEffect(() => {
    backgroundRef.current = colors.sunken;
    viewRef.current?.setBackground(colors.sunken);
  }, [colors]);

  useEffect(() => {
    playingRef.current = playing;
    viewRef.current?.setPlaying(playing);
  }, [playing]);

  if (!parsed.ok) return <PreviewError title="This is not a valid 3D scene">{parsed.error.message}</PreviewError>;
  if (state.status === 'error') return <PreviewError title={state.title}>{state.message}</PreviewError>;

  const units = parsed.value.units;
  return (
    <figure className={cx(shared.frame, styles.figure, className)}>
      <div ref={stageRef} className={styles.stage} style={{ height }} role="img" aria-label={`${label}: drag to orbit, scroll to zoom`} />
      {state.status === 'loading' && (
        <div className={styles.overlay}>
          <PreviewLoading>Loading the 3D view…</PreviewLoading>
        </div>
      )}
      {state.status === 'lost' && (
        <div className={styles.overlay}>
          <p className={styles.lost}>The 3D view lost its GPU context (too many 3D views open, or the graphics driver reset).</p>
          <button type="button" className={styles.reload} onClick={() => setAttempt((a) => a + 1)}>
            Draw it again
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <div className={styles.tools}>
          {state.animated && <IconButton icon={playing ? 'pause' : 'play'} size="sm" variant="default" label={playing ? 'Pause the animation' : 'Play the animation'} onClick={() => setPlaying((p) => !p)} />}
          <IconButton icon="restore" size="sm" variant="default" label="Reset the view" onClick={() => viewRef.current?.resetView()} />
        </div>
      )}
      <figcaption className={shared.meta}>
        {state.status === 'ready' && (
          <>
            <span>{plural(state.stats.objects, 'object')}</span>
            <span>{plural(state.stats.vertices, 'vertex', 'vertices')}</span>
            {state.stats.triangles > 0 && <span>{plural(state.stats.triangles, 'triangle')}</span>}
          </>
        )}
        {units && <span>units: {units}</span>}
        <span className={shared.metaSpacer} />
        <span className={styles.hint}>Drag to orbit · scroll to zoom · right-drag to pan</span>
      </figcaption>
    </figure>
  );
}
