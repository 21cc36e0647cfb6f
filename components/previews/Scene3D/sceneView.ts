/**
 * A live three.js view of a `Scene3d` in a container: renderer, camera (the scene's, or one that
 * frames everything), orbit controls, default lights when the scene has none, resizing with the
 * container, and the scene's spin / auto-rotate animation (running only while on screen).
 * `dispose()` frees the GPU: geometries, materials, controls, the renderer and its context.
 */
import type * as Three from 'three';
import type { Scene3d } from '@/lib/runtimes/scene3d';
import { type BuiltScene, buildScene } from './buildScene';

export interface SceneView {
  readonly stats: BuiltScene['stats'];
  /** Whether the scene moves by itself (spins or auto-rotation). */
  readonly animated: boolean;
  setBackground(color: string): void;
  setPlaying(playing: boolean): void;
  resetView(): void;
  dispose(): void;
}

export class WebGLUnavailableError extends Error {
  constructor() {
    super('This browser cannot draw 3D here: WebGL 2 is turned off or not supported (check hardware acceleration in the browser settings).');
    this.name = 'WebGLUnavailableError';
  }
}

export interface SceneViewOptions {
  /** Background when the scene sets none (the theme's). */
  background: string;
  playing: boolean;
  /** Called when the GPU context is lost (too many 3D views, a driver reset). */
  onContextLost(): void;
}

export async function mountSceneView(container: HTMLElement, scene: Scene3d, options: SceneViewOptions): Promise<SceneView> {
  if (!hasWebGL2()) throw new WebGLUnavailableError();
  const THREE = await import('three');
  const { OrbitControls } = await import('three/addons/controls/OrbitControls.js');

  let renderer: Three.WebGLRenderer;
  try {
    renderer = new THREE.WebGLRenderer({ antialias: true, alpha: true });
  } catch {
    throw new WebGLUnavailableError();
  }
  const canvas = renderer.domElement;
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.height = '100%';
  canvas.style.outline = 'none';
  renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
  container.appendChild(canvas);

  const world = new THREE.Scene();
  const built = buildScene(THREE, scene);
  world.add(built.root);

  const { camera, target } = frame(THREE, scene, built.root, container);
  world.add(camera);
  if (built.lights.length > 0) world.add(...built.lights);
  else {
    // A sky/ground fill plus a headlight that follows the camera: every side you look at is lit.
    world.add(new THREE.HemisphereLight('#ffffff', '#6b6f7a', 1.6));
    const head = new THREE.DirectionalLight('#ffffff', 1.9);
    head.position.set(0.6, 0.8, 1);
    camera.add(head, head.target);
    head.target.position.set(0, 0, -1);
  }

  const controls = new OrbitControls(camera, canvas);
  controls.target.copy(target);
  controls.autoRotate = !!scene.autoRotate;
  // OrbitControls turns 2π/60 · speed radians per second of delta: so degrees/s ÷ 6.
  controls.autoRotateSpeed = (scene.autoRotate ?? 0) / 6;
  controls.update();
  controls.saveState();

  const animated = built.spinners.length > 0 || !!scene.autoRotate;
  let playing = options.playing;
  let visible = true;
  let disposed = false;
  const timer = new THREE.Timer();

  const render = () => {
    if (!disposed) renderer.render(world, camera);
  };
  const tick = (time: number) => {
    timer.update(time);
    const dt = Math.min(timer.getDelta(), 0.1);
    for (const s of built.spinners) s.object.rotateOnWorldAxis(s.axis, s.speed * dt);
    controls.update(dt);
    render();
  };
  const updateLoop = () => {
    const run = animated && playing && visible && !disposed;
    if (run) timer.reset();
    renderer.setAnimationLoop(run ? tick : null);
    if (!run) render();
  };
  controls.addEventListener('change', () => {
    if (!(animated && playing && visible)) render();
  });

  const resize = () => {
    const width = Math.max(1, container.clientWidth);
    const height = Math.max(1, container.clientHeight);
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    render();
  };
  const resizer = new ResizeObserver(resize);
  resizer.observe(container);
  const onScreen = new IntersectionObserver(([entry]) => {
    visible = entry?.isIntersecting ?? true;
    updateLoop();
  });
  onScreen.observe(container);
  const lost = (event: Event) => {
    event.preventDefault();
    options.onContextLost();
  };
  canvas.addEventListener('webglcontextlost', lost);

  const setBackground = (color: string) => {
    const own = scene.background;
    if (own === 'transparent' || (!own && color === 'transparent')) world.background = null;
    else world.background = new THREE.Color((own ?? color).trim());
    render();
  };
  setBackground(options.background);
  resize();
  updateLoop();

  return {
    stats: built.stats,
    animated,
    setBackground,
    setPlaying(next) {
      playing = next;
      updateLoop();
    },
    resetView() {
      controls.reset();
      render();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      renderer.setAnimationLoop(null);
      resizer.disconnect();
      onScreen.disconnect();
      canvas.removeEventListener('webglcontextlost', lost);
      controls.dispose();
      built.dispose();
      renderer.dispose();
      renderer.forceContextLoss();
      canvas.remove();
    },
  };
}

function hasWebGL2(): boolean {
  try {
    const probe = document.createElement('canvas');
    const gl = probe.getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return !!gl;
  } catch {
    return false;
  }
}

/** The scene's camera, or one looking at the whole scene from above and to the side. */
function frame(THREE: typeof Three, scene: Scene3d, root: Three.Object3D, container: HTMLElement) {
  const bounds = new THREE.Box3().setFromObject(root);
  const sphere = bounds.isEmpty() ? new THREE.Sphere(new THREE.Vector3(), 1) : bounds.getBoundingSphere(new THREE.Sphere());
  const radius = Math.max(sphere.radius, 1e-6);
  const given = scene.camera;
  const fov = given?.fov ?? 45;
  const aspect = Math.max(1, container.clientWidth) / Math.max(1, container.clientHeight);
  const camera = new THREE.PerspectiveCamera(fov, aspect);
  if (given?.up) camera.up.set(given.up[0], given.up[1], given.up[2]).normalize();
  const target = given?.target ? new THREE.Vector3(...given.target) : given ? sphere.center.clone() : sphere.center.clone();
  if (given) camera.position.set(given.position[0], given.position[1], given.position[2]);
  else {
    // Near enough that the bounding sphere just fits the narrower of the two fields of view.
    const half = Math.min((fov / 2) * (Math.PI / 180), Math.atan(Math.tan((fov / 2) * (Math.PI / 180)) * aspect));
    const distance = radius / Math.sin(half);
    // Above and to the side, relative to whichever way is up.
    const up = camera.up.clone();
    const side = new THREE.Vector3(1, 0, 0).addScaledVector(up, -up.x).normalize();
    const front = new THREE.Vector3().crossVectors(up, side);
    camera.position.copy(target).addScaledVector(side.multiplyScalar(0.6).add(front.multiplyScalar(0.9)).add(up.multiplyScalar(0.55)).normalize(), distance);
  }
  const distance = camera.position.distanceTo(target);
  camera.near = given?.near ?? Math.max(1e-4, Math.min(distance - radius, distance) / 100, (distance + radius) / 1e5);
  camera.far = given?.far ?? (distance + radius) * 20;
  camera.lookAt(target);
  camera.updateProjectionMatrix();
  return { camera, target };
}
