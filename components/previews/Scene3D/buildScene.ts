/**
 * A `Scene3d` as three.js objects. `three` is passed in (it is loaded on demand), nothing here
 * touches the DOM, and every geometry and material made is tracked so `dispose()` frees them all.
 * Identical primitives share one geometry, and identical looks one material (a molecule's
 * hydrogens are one sphere geometry and one material).
 */
import type * as Three from 'three';
import type { SceneLight, SceneObject, Scene3d, Vec3 } from '@/lib/runtimes/scene3d';

export type ThreeModule = typeof Three;

export interface Spinner {
  readonly object: Three.Object3D;
  readonly axis: Three.Vector3;
  /** Radians per second. */
  readonly speed: number;
}

export interface BuiltScene {
  /** The objects, in a group (lights not included). */
  readonly root: Three.Group;
  /** The scene's own lights, or none (the view then adds its defaults). */
  readonly lights: readonly Three.Object3D[];
  readonly spinners: readonly Spinner[];
  readonly stats: { readonly objects: number; readonly vertices: number; readonly triangles: number };
  dispose(): void;
}

const DEFAULT_COLOR = '#8e9ab8';

/** Segments around round primitives: fewer when there are many of them. */
export function defaultSegments(objectCount: number): number {
  return objectCount <= 300 ? 32 : objectCount <= 1500 ? 20 : 12;
}

export function buildScene(THREE: ThreeModule, scene: Scene3d): BuiltScene {
  const geometries = new Map<string, Three.BufferGeometry>();
  const owned: Three.BufferGeometry[] = [];
  const materials = new Map<string, Three.Material>();
  const root = new THREE.Group();
  const spinners: Spinner[] = [];
  const up = toVector(THREE, scene.camera?.up ?? [0, 1, 0]).normalize();
  const segments = defaultSegments(scene.objects.length);
  let vertices = 0;
  let triangles = 0;

  const shared = (key: string, make: () => Three.BufferGeometry) => {
    let geometry = geometries.get(key);
    if (!geometry) geometries.set(key, (geometry = make()));
    return geometry;
  };
  const material = (key: string, make: () => Three.Material) => {
    let m = materials.get(key);
    if (!m) materials.set(key, (m = make()));
    return m;
  };

  for (const object of scene.objects) {
    const { node, geometry } = makeObject(THREE, object, { shared, owned, material, segments });
    node.name = object.label ?? '';
    if (object.scale !== undefined) {
      if (typeof object.scale === 'number') node.scale.setScalar(object.scale);
      else node.scale.set(object.scale[0]!, object.scale[1]!, object.scale[2]!);
    }
    if (object.spin && object.spin.speed !== 0) {
      const axis = typeof object.spin.axis === 'string' ? new THREE.Vector3(+(object.spin.axis === 'x'), +(object.spin.axis === 'y'), +(object.spin.axis === 'z')) : object.spin.axis ? toVector(THREE, object.spin.axis).normalize() : up.clone();
      spinners.push({ object: node, axis, speed: object.spin.speed });
    }
    const count = geometry.getAttribute('position')?.count ?? 0;
    vertices += count;
    if (node instanceof THREE.Mesh) triangles += (geometry.index ? geometry.index.count : count) / 3;
    root.add(node);
  }

  return {
    root,
    lights: (scene.lights ?? []).map((light) => makeLight(THREE, light)),
    spinners,
    stats: { objects: scene.objects.length, vertices, triangles: Math.round(triangles) },
    dispose() {
      for (const g of geometries.values()) g.dispose();
      for (const g of owned) g.dispose();
      for (const m of materials.values()) m.dispose();
      geometries.clear();
      materials.clear();
      owned.length = 0;
    },
  };
}

interface Makers {
  shared(key: string, make: () => Three.BufferGeometry): Three.BufferGeometry;
  owned: Three.BufferGeometry[];
  material(key: string, make: () => Three.Material): Three.Material;
  segments: number;
}

function makeObject(THREE: ThreeModule, object: SceneObject, m: Makers): { node: Three.Object3D; geometry: Three.BufferGeometry } {
  const color = (object.color ?? DEFAULT_COLOR).trim();
  const opacity = object.opacity ?? 1;
  const place = (node: Three.Object3D) => {
    if (object.position) node.position.set(...(object.position as [number, number, number]));
    if (object.rotation) node.rotation.set(...(object.rotation as [number, number, number]));
    return node;
  };

  if (object.kind === 'line') {
    const geometry = new THREE.BufferGeometry().setFromPoints(object.points.map((p) => toVector(THREE, p)));
    m.owned.push(geometry);
    const mat = m.material(`line|${color}|${opacity}`, () => new THREE.LineBasicMaterial({ color, transparent: opacity < 1, opacity }));
    return { node: place(object.closed ? new THREE.LineLoop(geometry, mat) : new THREE.Line(geometry, mat)), geometry };
  }
  if (object.kind === 'points') {
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.Float32BufferAttribute(Float32Array.from(object.vertices), 3));
    if (object.colors) geometry.setAttribute('color', new THREE.Float32BufferAttribute(Float32Array.from(object.colors), 3));
    geometry.computeBoundingSphere();
    m.owned.push(geometry);
    const size = object.size ?? Math.max(1e-3, (geometry.boundingSphere?.radius ?? 1) / 120);
    const mat = new THREE.PointsMaterial({ color: object.colors ? '#ffffff' : color, vertexColors: !!object.colors, size, sizeAttenuation: true, transparent: opacity < 1, opacity });
    m.material(`points|${m.owned.length}`, () => mat); // tracked for dispose(); never shared
    return { node: place(new THREE.Points(geometry, mat)), geometry };
  }

  const vertexColors = object.kind === 'mesh' && !!object.colors;
  const mat = m.material(materialKey(object, color, vertexColors), () => surfaceMaterial(THREE, object, color, vertexColors));
  const seg = ('segments' in object ? object.segments : undefined) ?? m.segments;
  let geometry: Three.BufferGeometry;
  let span: { start: Vec3; end: Vec3 } | null = null;
  switch (object.kind) {
    case 'sphere': {
      const r = object.radius ?? 1;
      geometry = m.shared(`sphere|${r}|${seg}`, () => new THREE.SphereGeometry(r, seg, Math.max(2, Math.round(seg / 2))));
      break;
    }
    case 'box': {
      const [w, h, d] = typeof object.size === 'number' || object.size === undefined ? [object.size ?? 1, object.size ?? 1, object.size ?? 1] : object.size;
      geometry = m.shared(`box|${w}|${h}|${d}`, () => new THREE.BoxGeometry(w, h, d));
      break;
    }
    case 'plane': {
      const [w, h] = typeof object.size === 'number' || object.size === undefined ? [object.size ?? 1, object.size ?? 1] : object.size;
      geometry = m.shared(`plane|${w}|${h}`, () => new THREE.PlaneGeometry(w, h));
      break;
    }
    case 'torus': {
      const r = object.radius ?? 1;
      const tube = object.tube ?? 0.4 * r;
      geometry = m.shared(`torus|${r}|${tube}|${seg}`, () => new THREE.TorusGeometry(r, tube, Math.max(3, Math.round(seg / 2)), seg * 2));
      break;
    }
    case 'cylinder':
    case 'cone': {
      span = object.start && object.end ? { start: object.start, end: object.end } : null;
      const length = span ? Math.hypot(span.end[0] - span.start[0], span.end[1] - span.start[1], span.end[2] - span.start[2]) : (object.height ?? 1);
      const r = object.radius ?? 0.5;
      geometry =
        object.kind === 'cone'
          ? m.shared(`cone|${r}|${length}|${seg}`, () => new THREE.ConeGeometry(r, length, seg))
          : m.shared(`cylinder|${object.radiusTop ?? r}|${r}|${length}|${seg}|${!!object.openEnded}`, () => new THREE.CylinderGeometry(object.radiusTop ?? r, r, length, seg, 1, !!object.openEnded));
      break;
    }
    case 'mesh': {
      geometry = meshGeometry(THREE, object);
      m.owned.push(geometry);
      break;
    }
  }
  const mesh = place(new THREE.Mesh(geometry, mat));
  if (span) {
    // A stick from start to end: centred between them, its y axis turned onto the direction.
    const start = toVector(THREE, span.start);
    const end = toVector(THREE, span.end);
    mesh.position.copy(start).add(end).multiplyScalar(0.5);
    mesh.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), end.sub(start).normalize());
  }
  return { node: mesh, geometry };
}

type Surface = Exclude<SceneObject, { kind: 'line' | 'points' }>;

function materialKey(o: Surface, color: string, vertexColors: boolean): string {
  return ['surface', o.material ?? 'standard', color, o.opacity ?? 1, !!o.wireframe, twoSided(o), o.metalness ?? '', o.roughness ?? '', o.emissive ?? '', vertexColors].join('|');
}

/** Planes have no inside, so both their faces are drawn. */
const twoSided = (o: Surface) => !!o.doubleSided || o.kind === 'plane';

function surfaceMaterial(THREE: ThreeModule, o: Surface, color: string, vertexColors: boolean): Three.Material {
  const opacity = o.opacity ?? 1;
  const common = {
    color: vertexColors ? '#ffffff' : color,
    vertexColors,
    wireframe: !!o.wireframe,
    side: twoSided(o) ? THREE.DoubleSide : THREE.FrontSide,
    transparent: opacity < 1,
    opacity,
  };
  if (o.material === 'basic') return new THREE.MeshBasicMaterial(common);
  return new THREE.MeshStandardMaterial({
    ...common,
    flatShading: o.material === 'flat',
    metalness: o.metalness ?? 0.05,
    roughness: o.roughness ?? 0.55,
    ...(o.emissive ? { emissive: o.emissive.trim() } : {}),
  });
}

function meshGeometry(THREE: ThreeModule, o: Extract<SceneObject, { kind: 'mesh' }>): Three.BufferGeometry {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(Float32Array.from(o.vertices), 3));
  if (o.indices) {
    const count = o.vertices.length / 3;
    geometry.setIndex(new THREE.BufferAttribute(count > 65535 ? Uint32Array.from(o.indices) : Uint16Array.from(o.indices), 1));
  }
  if (o.normals) geometry.setAttribute('normal', new THREE.Float32BufferAttribute(Float32Array.from(o.normals), 3));
  else geometry.computeVertexNormals();
  if (o.colors) geometry.setAttribute('color', new THREE.Float32BufferAttribute(Float32Array.from(o.colors), 3));
  return geometry;
}

function makeLight(THREE: ThreeModule, light: SceneLight): Three.Object3D {
  const color = (light.color ?? '#ffffff').trim();
  switch (light.kind) {
    case 'ambient':
      return new THREE.AmbientLight(color, light.intensity ?? 0.6);
    case 'hemisphere':
      return new THREE.HemisphereLight(color, (light.groundColor ?? '#444444').trim(), light.intensity ?? 1);
    case 'directional': {
      const d = new THREE.DirectionalLight(color, light.intensity ?? 2);
      d.position.set(...((light.position ?? [5, 10, 7]) as [number, number, number]));
      if (light.target) d.target.position.set(...(light.target as [number, number, number]));
      // The target must be in the scene for its world position to count.
      const group = new THREE.Group();
      group.add(d, d.target);
      return group;
    }
    case 'point': {
      const p = new THREE.PointLight(color, light.intensity ?? 10, light.distance ?? 0, light.decay ?? 2);
      p.position.set(...(light.position as [number, number, number]));
      return p;
    }
  }
}

const toVector = (THREE: ThreeModule, v: Vec3 | readonly number[]) => new THREE.Vector3(v[0], v[1], v[2]);
