import { describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, runJavaScript, type Values } from '../../skills/skillTestKit';
import { parseSkill } from '../skills';
import { unwrap } from '../core';
import { skillTemplate } from '../skills/skillTemplate';
import { parseScene3d, SCENE_LIMITS, type Scene3d } from './scene3d';
import { isSceneColor } from './sceneColor';

const runBuiltin = async (name: string, overrides: Values = {}) => {
  const skill = executableBuiltin(name);
  return runJavaScript(skill, defaultsOf(skill, overrides));
};

function accepted(value: unknown): Scene3d {
  const result = parseScene3d(value);
  if (!result.ok) throw new Error(`rejected: ${result.error.message}`);
  return result.value;
}

function rejected(value: unknown): { message: string; path: unknown } {
  const result = parseScene3d(value);
  if (result.ok) throw new Error('accepted a bad scene');
  expect(result.error.code).toBe('RUNTIME_OUTPUT_INVALID');
  return { message: result.error.message, path: result.error.data.path };
}

describe('parseScene3d accepts what the built-in three skills return', () => {
  it('every parametric surface, with and without axes and wireframe', async () => {
    for (const surface of ['torus', 'sphere', 'klein', 'mobius', 'helicoid', 'enneper', 'wave']) {
      const out = await runBuiltin('parametric-surface', { surface, axes: true, wireframe: surface === 'klein' });
      const scene = accepted(out.scene);
      expect(scene.objects.map((o) => o.kind)).toEqual(['mesh', 'line', 'line', 'line']);
      expect(scene.camera?.up).toEqual([0, 0, 1]);
    }
    const scene = accepted((await runBuiltin('parametric-surface')).scene);
    const mesh = scene.objects[0]!;
    expect(mesh.kind === 'mesh' && mesh.vertices.length).toBe(3 * 65 * 33);
  });

  it('every molecule preset in both styles, and the default water', async () => {
    for (const preset of ['', 'water', 'methane', 'ammonia', 'carbon-dioxide', 'benzene']) {
      for (const style of ['ball-and-stick', 'space-filling']) {
        const scene = accepted((await runBuiltin('molecule-viewer', { preset, style })).scene);
        expect(scene.units).toBe('angstrom');
        expect(scene.objects.every((o) => o.kind === 'sphere' || o.kind === 'cylinder')).toBe(true);
      }
    }
  });

  it('the new-skill template for the three runtime (boxes written with type and hsl colours)', async () => {
    const skill = unwrap(parseSkill(skillTemplate('three', 'ring'))).skill;
    if (skill.kind !== 'executable') throw new Error('template is not executable');
    const out = await runJavaScript(skill, defaultsOf(skill));
    const scene = accepted(out.scene);
    expect(scene.objects).toHaveLength(8);
    expect(scene.objects.every((o) => o.kind === 'box')).toBe(true);
  });
});

describe('parseScene3d covers primitives, lights, camera, background and animation', () => {
  it('accepts a full scene, typed arrays included', () => {
    const scene = accepted({
      type: 'scene3d',
      background: '#101418',
      autoRotate: 12,
      objects: [
        { kind: 'box', size: [1, 2, 3], position: [0, 1, 0], rotation: [0, Math.PI / 4, 0], scale: 2, color: 'tomato', metalness: 0.2, roughness: 0.7, spin: { axis: 'y', speed: 1 } },
        { kind: 'sphere', radius: 0.5, segments: 48, material: 'flat', opacity: 0.5 },
        { kind: 'cylinder', radius: 0.2, radiusTop: 0, height: 2, openEnded: true },
        { kind: 'cone', start: [0, 0, 0], end: [0, 0, 1], radius: 0.3, material: 'basic' },
        { kind: 'torus', radius: 1, tube: 0.25, emissive: 'rgb(20, 0, 0)' },
        { kind: 'plane', size: [10, 10], rotation: [-Math.PI / 2, 0, 0], doubleSided: true },
        { kind: 'mesh', vertices: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]), colors: new Float32Array([1, 0, 0, 0, 1, 0, 0, 0, 1]) },
        { kind: 'points', vertices: [0, 0, 0, 1, 1, 1], size: 0.05, spin: { axis: [1, 1, 0], speed: -0.5 } },
        { kind: 'line', points: [[0, 0, 0], [1, 1, 1], [2, 0, 0]], closed: true },
      ],
      lights: [
        { kind: 'ambient', intensity: 0.3 },
        { kind: 'hemisphere', color: '#ffffff', groundColor: '#444444' },
        { kind: 'directional', position: [5, 5, 5], target: [0, 0, 0], intensity: 2 },
        { kind: 'point', position: [0, 3, 0], distance: 10, decay: 2 },
      ],
      camera: { position: [4, 4, 4], target: [0, 0, 0], fov: 50, near: 0.01, far: 1000 },
    });
    expect(scene.objects).toHaveLength(9);
    expect(scene.lights).toHaveLength(4);
    expect(scene.objects[6]!.kind === 'mesh' && scene.objects[6]!.vertices).toBeInstanceOf(Float32Array);
  });

  it('accepts an empty scene and the colours three.js reads', () => {
    expect(accepted({ objects: [] }).objects).toEqual([]);
    for (const c of ['#abc', '#A0b1C2', 'rgb(1, 2, 3)', 'rgba(1,2,3,0.5)', 'rgb(10%, 20%, 30%)', 'hsl(210, 60%, 58%)', 'hsla(0, 0%, 0%, 0.1)', 'RebeccaPurple']) {
      expect(isSceneColor(c), c).toBe(true);
    }
    for (const c of ['#12345', 'rgb(1 2 3)', 'hsl(1, 2, 3)', 'blurple', '', 'url(x)']) expect(isSceneColor(c), c).toBe(false);
  });
});

describe('parseScene3d names the bad field', () => {
  it('a non-positive radius, by its path', () => {
    const { message, path } = rejected({ objects: [{ kind: 'sphere', radius: 1 }, { kind: 'box' }, { kind: 'sphere', radius: -1 }] });
    expect(message).toBe('scene.objects[2].radius must be a positive number, not -1.');
    expect(path).toBe('scene.objects[2].radius');
  });

  it('an unknown or missing kind, listing the kinds', () => {
    expect(rejected({ objects: [{ kind: 'pyramid' }] }).message).toBe(
      'scene.objects[0].kind is "pyramid", which is not a kind here; use one of sphere, box, cylinder, cone, torus, plane, mesh, points, line.',
    );
    expect(rejected({ objects: [{ radius: 1 }] }).message).toMatch(/^scene\.objects\[0\]\.kind is missing; use one of sphere, box/);
    expect(rejected({ objects: [3] }).message).toBe('scene.objects[0] must be an object, not 3.');
    expect(rejected({ objects: [], lights: [{ kind: 'spot' }] }).message).toMatch(/^scene\.lights\[0\]\.kind is "spot".*use one of ambient, hemisphere, directional, point\.$/);
  });

  it('a misspelt field, with the fields that kind takes', () => {
    const { message } = rejected({ objects: [{ kind: 'sphere', colour: 'red' }] });
    expect(message).toMatch(/^scene\.objects\[0\]\.colour is not a field here; use kind, position, rotation, scale, color, .*radius, segments\.$/);
    expect(rejected({ objects: [], camera: { position: [0, 0, 1], lookAt: [0, 0, 0] } }).message).toMatch(/^scene\.camera\.lookAt is not a field here; use position, target, fov/);
    expect(rejected({ objects: [], colour: 'x' }).message).toMatch(/^scene\.colour is not a field here; use type, units, title, objects, lights, camera, background, autoRotate\.$/);
  });

  it('wrong values: colours, vectors, ranges, missing fields, wrong types', () => {
    expect(rejected({ objects: [{ kind: 'box', color: 'blurple' }] }).message).toMatch(/^scene\.objects\[0\]\.color must be a colour such as "#4f8fd8".*, not "blurple"\.$/);
    expect(rejected({ objects: [{ kind: 'box', position: [1, 2] }] }).message).toBe('scene.objects[0].position must be [x, y, z]: three numbers, not [1, 2].');
    expect(rejected({ objects: [{ kind: 'box', opacity: 2 }] }).message).toBe('scene.objects[0].opacity must be at most 1, not 2.');
    expect(rejected({ objects: [{ kind: 'box', size: [1, 0, 1] }] }).message).toMatch(/^scene\.objects\[0\]\.size must be a positive number or \[width, height, depth\]/);
    expect(rejected({ objects: [{ kind: 'mesh' }] }).message).toBe('scene.objects[0].vertices is missing.');
    expect(rejected({ objects: [{ kind: 'line', points: [[0, 0, 0]] }] }).message).toBe('scene.objects[0].points must have at least 2 items, but it has 1.');
    expect(rejected({ objects: [], camera: { position: [0, 0, 1], fov: 0 } }).message).toBe('scene.camera.fov must be at least 1, not 0.');
    expect(rejected({ objects: [], lights: [{ kind: 'point' }] }).message).toBe('scene.lights[0].position is missing.');
    expect(rejected({ objects: [{ kind: 'box', wireframe: 'yes' }] }).message).toBe('scene.objects[0].wireframe must be true or false, not "yes".');
    expect(rejected({ objects: [{ kind: 'sphere', material: 'glass' }] }).message).toBe('scene.objects[0].material is "glass"; use one of "standard", "flat", "basic".');
    expect(rejected({ objects: [{ kind: 'sphere', segments: 2.5 }] }).message).toMatch(/^scene\.objects\[0\]\.segments must be a (whole number|number)/);
    expect(rejected({ objects: [] , type: 'mesh' }).message).toBe('scene.type is "mesh"; use "scene3d".');
    expect(rejected({ objects: [], background: 'none' }).message).toBe('scene.background must be a colour such as "#101418", or "transparent", not "none".');
    expect(rejected({ objects: [{ kind: 'box', spin: { axis: [0, 0, 0], speed: 1 } }] }).message).toBe('scene.objects[0].spin.axis must be "x", "y", "z" or a non-zero [x, y, z], not [0, 0, 0].');
    expect(rejected({ objects: [{ kind: 'box', spin: { speed: 1, axes: 'x' } }] }).message).toBe('scene.objects[0].spin.axes is not a field here; use axis, speed.');
    expect(rejected({}).message).toBe('scene.objects is missing.');
    expect(rejected('torus').message).toBe('scene must be an object, not "torus".');
  });

  it('bad numbers inside long lists, by index, typed arrays included', () => {
    expect(rejected({ objects: [{ kind: 'mesh', vertices: [0, 0, 0, 1, 0, 0, 0, Number.NaN, 0] }] }).message).toBe('scene.objects[0].vertices[7] must be a number, not NaN.');
    expect(rejected({ objects: [{ kind: 'mesh', vertices: new Float64Array([0, 0, 0, 1, 0, Infinity, 0, 1, 0]) }] }).message).toBe('scene.objects[0].vertices[5] must be a number, not Infinity.');
    expect(rejected({ objects: [{ kind: 'mesh', vertices: [0, 0, 0, 1, 0, 0, 0, 1, 0], indices: [0, 1, -2] }] }).message).toBe('scene.objects[0].indices[2] must be a whole number 0 or more, not -2.');
    expect(rejected({ objects: [{ kind: 'mesh', vertices: 'abc' }] }).message).toBe('scene.objects[0].vertices must be a flat list of numbers, not "abc".');
    expect(rejected({ objects: [{ kind: 'points', vertices: [0, 0, 0], colors: [0, 2, 0] }] }).message).toBe('scene.objects[0].colors[1] must be a number from 0 to 1, not 2.');
  });

  it('geometry that does not fit together', () => {
    const tri = [0, 0, 0, 1, 0, 0, 0, 1, 0];
    expect(rejected({ objects: [{ kind: 'mesh', vertices: tri, indices: [0, 1, 3] }] }).message).toBe('scene.objects[0].indices[2] is 3, but the mesh has 3 vertices (numbered 0 to 2).');
    expect(rejected({ objects: [{ kind: 'mesh', vertices: tri, indices: [0, 1] }] }).message).toMatch(/^scene\.objects\[0\]\.indices has 2 numbers, not a multiple of 3/);
    expect(rejected({ objects: [{ kind: 'mesh', vertices: [0, 0, 0, 1] }] }).message).toMatch(/^scene\.objects\[0\]\.vertices has 4 numbers, not a multiple of 3/);
    expect(rejected({ objects: [{ kind: 'mesh', vertices: [0, 0, 0, 1, 1, 1] }] }).message).toMatch(/without indices every three vertices are a triangle/);
    expect(rejected({ objects: [{ kind: 'mesh', vertices: tri, normals: [0, 0, 1] }] }).message).toBe('scene.objects[0].normals has 3 numbers but vertices has 9: give one normal (x, y, z) per vertex.');
    expect(rejected({ objects: [{ kind: 'cylinder', start: [0, 0, 0], radius: 1 }] }).message).toBe('scene.objects[0].end is missing: give both start and end, or neither.');
    expect(rejected({ objects: [{ kind: 'cone', start: [1, 1, 1], end: [1, 1, 1] }] }).message).toBe('scene.objects[0].end must differ from start.');
  });

  it('counts the other problems and lists them in data', () => {
    const result = parseScene3d({ objects: [{ kind: 'sphere', radius: 0 }, { kind: 'box', color: 'nope' }, { kind: 'cone', height: -1 }] }, 'model');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe('model.objects[0].radius must be a positive number, not 0 (2 more problems in the scene).');
    expect(result.error.data.problems).toHaveLength(3);
  });
});

describe('parseScene3d limits', () => {
  it('refuses more objects than a scene can hold, before checking each one', () => {
    const objects = Array.from({ length: SCENE_LIMITS.objects + 1 }, () => ({ kind: 'nonsense' }));
    const { message } = rejected({ objects });
    expect(message).toBe('scene.objects has 5,001 objects, more than the 5,000 a scene can hold: merge small objects into one mesh or points object.');
  });

  it('refuses more vertices than the preview can draw, counting meshes, points and lines', () => {
    const big = new Float32Array(3 * 1_500_000);
    const { message } = rejected({ objects: [{ kind: 'points', vertices: big }, { kind: 'mesh', vertices: big }] });
    expect(message).toBe('scene has 3,000,000 vertices, more than the 2,000,000 the preview can draw: lower the resolution.');
    expect(accepted({ objects: [{ kind: 'points', vertices: big }] }).objects).toHaveLength(1);
  });
});
