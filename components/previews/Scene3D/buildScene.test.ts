import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { unwrap } from '@/lib/core';
import { parseScene3d, type Scene3d } from '@/lib/runtimes/scene3d';
import { defaultsOf, executableBuiltin, runJavaScript, type Values } from '@/skills/skillTestKit';
import { buildScene, defaultSegments } from './buildScene';

const skillScene = async (name: string, overrides: Values = {}): Promise<Scene3d> => {
  const skill = executableBuiltin(name);
  const out = await runJavaScript(skill, defaultsOf(skill, overrides));
  return unwrap(parseScene3d(out.scene));
};
const scene = (value: unknown) => unwrap(parseScene3d(value));

/** Every geometry and material under `root`, each once. */
function resources(root: THREE.Object3D) {
  const geometries = new Set<THREE.BufferGeometry>();
  const materials = new Set<THREE.Material>();
  root.traverse((o) => {
    if (o instanceof THREE.Mesh || o instanceof THREE.Line || o instanceof THREE.Points) {
      geometries.add(o.geometry as THREE.BufferGeometry);
      materials.add(o.material as THREE.Material);
    }
  });
  return { geometries, materials };
}

describe('buildScene', () => {
  it('turns the parametric torus into one indexed mesh with its own normals', async () => {
    const built = buildScene(THREE, await skillScene('parametric-surface'));
    expect(built.root.children).toHaveLength(1);
    const mesh = built.root.children[0] as THREE.Mesh;
    expect(mesh).toBeInstanceOf(THREE.Mesh);
    expect(mesh.geometry.getAttribute('position').count).toBe(65 * 33);
    expect(mesh.geometry.getAttribute('normal').count).toBe(65 * 33);
    expect(mesh.geometry.index!.array).toBeInstanceOf(Uint16Array);
    expect(built.stats).toEqual({ objects: 1, vertices: 65 * 33, triangles: 2 * 64 * 32 });
    const material = mesh.material as THREE.MeshStandardMaterial;
    expect(material.side).toBe(THREE.DoubleSide);
    expect(material.color.getHexString()).toBe(new THREE.Color('#4f8fd8').getHexString());
  });

  it('draws molecule sticks from start to end, sharing geometry and material between like atoms', async () => {
    const water = await skillScene('molecule-viewer');
    const built = buildScene(THREE, water);
    const [o, h1, h2, ...sticks] = built.root.children as THREE.Mesh[];
    expect(h1!.geometry).toBe(h2!.geometry);
    expect(h1!.material).toBe(h2!.material);
    expect(o!.geometry).not.toBe(h1!.geometry);
    expect(sticks).toHaveLength(4);
    for (const [k, stick] of sticks.entries()) {
      const spec = water.objects[3 + k]!;
      if (spec.kind !== 'cylinder' || !spec.start || !spec.end) throw new Error('expected a stick');
      stick!.updateMatrixWorld();
      const height = (stick!.geometry as THREE.CylinderGeometry).parameters.height;
      const bottom = new THREE.Vector3(0, -height / 2, 0).applyMatrix4(stick!.matrixWorld);
      const top = new THREE.Vector3(0, height / 2, 0).applyMatrix4(stick!.matrixWorld);
      expect(bottom.distanceTo(new THREE.Vector3(...spec.start))).toBeLessThan(1e-9);
      expect(top.distanceTo(new THREE.Vector3(...spec.end))).toBeLessThan(1e-9);
    }
  });

  it('disposes every geometry and material it made, once', async () => {
    const built = buildScene(THREE, await skillScene('molecule-viewer', { preset: 'benzene' }));
    const { geometries, materials } = resources(built.root);
    let disposed = 0;
    for (const r of [...geometries, ...materials]) r.addEventListener('dispose', () => disposed++);
    built.dispose();
    expect(disposed).toBe(geometries.size + materials.size);
    built.dispose();
    expect(disposed).toBe(geometries.size + materials.size);
  });

  it('builds every primitive, line and point cloud, with placement, scale and spin', () => {
    const built = buildScene(
      THREE,
      scene({
        camera: { position: [0, 0, 5], up: [0, 0, 1] },
        objects: [
          { kind: 'box', size: [1, 2, 3], position: [1, 2, 3], rotation: [0, 0, Math.PI / 2], scale: 2, spin: { speed: 1 } },
          { kind: 'cone', radius: 0.5, height: 2, spin: { axis: 'x', speed: -2 } },
          { kind: 'torus', radius: 1, tube: 0.2, material: 'basic' },
          { kind: 'plane', size: 4 },
          { kind: 'cylinder', radius: 0.3, radiusTop: 0.1, height: 1, openEnded: true },
          { kind: 'sphere', material: 'flat', opacity: 0.5 },
          { kind: 'mesh', vertices: [0, 0, 0, 1, 0, 0, 0, 1, 0], colors: [1, 0, 0, 0, 1, 0, 0, 0, 1] },
          { kind: 'points', vertices: [0, 0, 0, 1, 1, 1], color: 'red' },
          { kind: 'line', points: [[0, 0, 0], [1, 0, 0], [1, 1, 0]], closed: true },
        ],
      }),
    );
    const [box, cone, torus, plane, cylinder, sphere, mesh, points, line] = built.root.children;
    expect(box!.position.toArray()).toEqual([1, 2, 3]);
    expect(box!.scale.toArray()).toEqual([2, 2, 2]);
    expect(((box as THREE.Mesh).geometry as THREE.BoxGeometry).parameters).toMatchObject({ width: 1, height: 2, depth: 3 });
    expect((cone as THREE.Mesh).geometry).toBeInstanceOf(THREE.ConeGeometry);
    expect((torus as THREE.Mesh).material).toBeInstanceOf(THREE.MeshBasicMaterial);
    expect(((plane as THREE.Mesh).material as THREE.Material).side).toBe(THREE.DoubleSide);
    expect(((cylinder as THREE.Mesh).geometry as THREE.CylinderGeometry).parameters).toMatchObject({ radiusTop: 0.1, radiusBottom: 0.3, openEnded: true });
    expect(((sphere as THREE.Mesh).material as THREE.MeshStandardMaterial).flatShading).toBe(true);
    expect(((sphere as THREE.Mesh).material as THREE.Material).transparent).toBe(true);
    expect(((mesh as THREE.Mesh).material as THREE.Material).vertexColors).toBe(true);
    expect((mesh as THREE.Mesh).geometry.getAttribute('normal')).toBeDefined();
    expect(points).toBeInstanceOf(THREE.Points);
    expect(line).toBeInstanceOf(THREE.LineLoop);
    expect(built.spinners.map((s) => [s.axis.toArray(), s.speed])).toEqual([[[0, 0, 1], 1], [[1, 0, 0], -2]]);
  });

  it('makes the scene lights, directional ones with their target', () => {
    const built = buildScene(
      THREE,
      scene({
        objects: [],
        lights: [{ kind: 'ambient', intensity: 0.2 }, { kind: 'hemisphere', groundColor: '#222' }, { kind: 'directional', position: [1, 2, 3], target: [0, 1, 0] }, { kind: 'point', position: [0, 5, 0], intensity: 3 }],
      }),
    );
    const [ambient, hemi, directional, point] = built.lights;
    expect((ambient as THREE.AmbientLight).intensity).toBe(0.2);
    expect(hemi).toBeInstanceOf(THREE.HemisphereLight);
    const light = directional!.children[0] as THREE.DirectionalLight;
    expect(light.position.toArray()).toEqual([1, 2, 3]);
    expect(light.target.position.toArray()).toEqual([0, 1, 0]);
    expect(directional!.children).toContain(light.target);
    expect((point as THREE.PointLight).intensity).toBe(3);
  });

  it('uses fewer segments when there are many round objects', () => {
    expect(defaultSegments(10)).toBe(32);
    expect(defaultSegments(1000)).toBe(20);
    expect(defaultSegments(5000)).toBe(12);
  });
});
