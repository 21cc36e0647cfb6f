import { describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, runJavaScript, type Values } from './skillTestKit';

type Vec3 = [number, number, number];
interface SceneObject { kind: 'sphere' | 'cylinder' | 'mesh' | 'line'; position: Vec3; radius?: number; color?: string; start?: Vec3; end?: Vec3; vertices?: number[]; indices?: number[]; normals?: number[]; points?: Vec3[] }
interface Scene { type: 'scene3d'; objects: SceneObject[]; camera?: { position: Vec3; target: Vec3; fov: number } }

const run = (name: string, overrides: Values = {}) => {
  const skill = executableBuiltin(name);
  return runJavaScript(skill, defaultsOf(skill, overrides));
};

/** The scene3d contract shared by the three skills: every object has a kind, a position and a colour. */
function expectScene(value: unknown): Scene {
  const scene = value as Scene;
  expect(scene.type).toBe('scene3d');
  for (const object of scene.objects) {
    expect(['sphere', 'cylinder', 'mesh', 'line']).toContain(object.kind);
    expect(object.position).toHaveLength(3);
    expect(object.position.every(Number.isFinite)).toBe(true);
    expect(object.color).toMatch(/^#[0-9a-f]{6}$/);
  }
  expect(scene.camera?.position.every(Number.isFinite)).toBe(true);
  expect(JSON.stringify(scene)).not.toMatch(/null/);
  return scene;
}

const distance = (p: Vec3, q: Vec3) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);

describe('molecule-viewer', () => {
  it('draws water with CPK colours, inferred O–H bonds, formula and molar mass', async () => {
    const out = await run('molecule-viewer');
    const scene = expectScene(out.scene);
    const spheres = scene.objects.filter((o) => o.kind === 'sphere');
    expect(spheres.map((s) => s.color)).toEqual(['#ff0d0d', '#ffffff', '#ffffff']);
    expect(spheres[0]!.position).toEqual([0, 0, 0]);
    expect(spheres[1]!.position).toEqual([0.757, 0.5858, 0]);
    expect(spheres[0]!.radius).toBeCloseTo(0.38, 10);
    expect(out.bonds).toEqual([[0, 1, 1], [0, 2, 1]]);
    const sticks = scene.objects.filter((o) => o.kind === 'cylinder');
    expect(sticks).toHaveLength(4);
    // Each bond is two half-sticks in the two atoms' colours, meeting at the bond's midpoint.
    expect(sticks[0]!.start).toEqual([0, 0, 0]);
    expect(sticks[0]!.end).toEqual(sticks[1]!.start);
    expect(sticks[1]!.end).toEqual([0.757, 0.5858, 0]);
    expect(distance(sticks[0]!.start!, sticks[1]!.end!)).toBeCloseTo(0.9572, 4);
    expect(out.formula).toBe('H2O');
    expect(out.molar_mass).toBe(18.015);
    expect(out.atom_count).toBe(3);
  });

  it('shows presets with bond orders, and space-filling spheres without sticks', async () => {
    const benzene = await run('molecule-viewer', { preset: 'benzene' });
    expect(benzene.formula).toBe('C6H6');
    expect(benzene.molar_mass).toBeCloseTo(78.114, 3);
    expect((benzene.bonds as number[][]).filter((b) => b[2] === 2)).toHaveLength(3);
    expect(expectScene(benzene.scene).objects.filter((o) => o.kind === 'cylinder')).toHaveLength(2 * (3 * 2 + 3 + 6));
    const ammonia = await run('molecule-viewer', { preset: 'ammonia' });
    expect(ammonia.formula).toBe('H3N');
    const filled = expectScene((await run('molecule-viewer', { preset: 'methane', style: 'space-filling' })).scene);
    expect(filled.objects.map((o) => o.kind)).toEqual(['sphere', 'sphere', 'sphere', 'sphere', 'sphere']);
    expect(filled.objects[0]!.radius).toBe(1.7);
    await expect(run('molecule-viewer', { bonds: [[0, 5]] })).rejects.toThrow(/atoms are numbered 0 to 2/);
  });
});

describe('parametric-surface', () => {
  it('samples the default torus into a valid indexed mesh on the torus, with the right area', async () => {
    const out = await run('parametric-surface');
    const scene = expectScene(out.scene);
    expect(scene.objects).toHaveLength(1);
    const mesh = scene.objects[0]!;
    expect(mesh.kind).toBe('mesh');
    const vertices = mesh.vertices!;
    const indices = mesh.indices!;
    expect(out.vertex_count).toBe(65 * 33);
    expect(out.triangle_count).toBe(2 * 64 * 32);
    expect(vertices).toHaveLength(3 * 65 * 33);
    expect(indices).toHaveLength(3 * 2 * 64 * 32);
    expect(indices.every((i) => Number.isInteger(i) && i >= 0 && i < 65 * 33)).toBe(true);
    for (let k = 0; k < vertices.length; k += 3) {
      const [x, y, z] = [vertices[k]!, vertices[k + 1]!, vertices[k + 2]!];
      expect((Math.hypot(x, y) - 1) ** 2 + z * z).toBeCloseTo(0.16, 9);
    }
    const normals = mesh.normals!;
    for (let k = 0; k < normals.length; k += 3) expect(Math.hypot(normals[k]!, normals[k + 1]!, normals[k + 2]!)).toBeCloseTo(1, 9);
    const exact = 4 * Math.PI ** 2 * 1 * 0.4;
    expect(Math.abs((out.surface_area as number) - exact) / exact).toBeLessThan(0.01);
  });

  it('builds every named surface, honours params and segments, and adds axes on request', async () => {
    for (const surface of ['torus', 'sphere', 'klein', 'mobius', 'helicoid', 'enneper', 'wave']) {
      const out = await run('parametric-surface', { surface, u_segments: 12, v_segments: 8 });
      expect(out.triangle_count, surface).toBe(192);
      expect((out.scene as Scene).objects[0]!.vertices!.every(Number.isFinite)).toBe(true);
    }
    const sphere = await run('parametric-surface', { surface: 'sphere', params: { r: 2 }, u_segments: 128, v_segments: 64, axes: true });
    expect(Math.abs((sphere.surface_area as number) - 16 * Math.PI) / (16 * Math.PI)).toBeLessThan(0.01);
    expect(expectScene(sphere.scene).objects.filter((o) => o.kind === 'line')).toHaveLength(3);
    await expect(run('parametric-surface', { surface: 'torus', params: { a: 1 } })).rejects.toThrow(/has no parameter "a"; it has R, r/);
    await expect(run('parametric-surface', { surface: 'cube' })).rejects.toThrow(/Unknown surface/);
  });
});
