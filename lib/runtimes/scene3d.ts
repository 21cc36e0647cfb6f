/**
 * The `scene3d` value a `three` skill returns (DESIGN.md section 3) and the preview draws with
 * three.js: objects (primitives, triangle meshes, lines, point clouds), lights, a camera, a
 * background and simple spin animations. The shape is the one the built-in skills already use
 * (skills/molecule-viewer/SKILL.md, "The scene3d shape"), extended:
 *
 *     { type?: "scene3d", units?, background?, autoRotate?,
 *       objects: [{ kind: sphere | box | cylinder | cone | torus | plane | mesh | points | line, ... }],
 *       lights?: [{ kind: ambient | hemisphere | directional | point, ... }],
 *       camera?: { position, target?, fov?, up?, near?, far? } }
 *
 * Positions are [x, y, z]; rotations are Euler angles in radians (XYZ); colours are what
 * three.js reads (#rrggbb, rgb(), hsl(), CSS names). Without lights the preview adds its own;
 * without a camera it frames the whole scene.
 */
import * as z from 'zod';
import { err, ok, type Result, WeftError } from '../core';
import { isSceneColor } from './sceneColor';
import { describeValue, formatPath, issueMessage, type IssuePath } from './scene3dMessages';

/** What a scene may hold, so one output cannot exhaust the GPU or freeze the page. */
export const SCENE_LIMITS = {
  objects: 5000,
  lights: 16,
  /** Vertices given explicitly: mesh and point-cloud vertices plus line points. */
  vertices: 2_000_000,
  /** Segments of a primitive around its axis. */
  segments: 256,
} as const;

export type Vec3 = readonly [number, number, number];
/** A flat list of numbers: a plain array, or a typed array straight from the runtime. */
export type NumberList = ArrayLike<number>;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isVec3 = (v: unknown): v is Vec3 => Array.isArray(v) && v.length === 3 && v.every(isFiniteNumber);

const vec3 = z.custom<Vec3>(isVec3, { error: 'must be [x, y, z]: three numbers' });
const color = z.custom<string>(isSceneColor, { error: 'must be a colour such as "#4f8fd8", "rgb(79, 143, 216)", "hsl(210, 60%, 58%)" or a CSS name' });
const positive = z.number().positive();
const unit = z.number().min(0).max(1);
const segments = z.number().int().min(3).max(SCENE_LIMITS.segments);
const sizeOf = (n: 2 | 3) =>
  z.custom<number | readonly number[]>(
    (v) => (isFiniteNumber(v) && v > 0) || (Array.isArray(v) && v.length === n && v.every((x) => isFiniteNumber(x) && x > 0)),
    { error: n === 3 ? 'must be a positive number or [width, height, depth] of positive numbers' : 'must be a positive number or [width, height] of positive numbers' },
  );

/** A list of numbers where each must pass `test`; reports the first one that does not, by index. */
function numberList(what: string, each: string, test: (n: number) => boolean) {
  return z.custom<NumberList>(() => true).superRefine((value, ctx) => {
    const list = value as unknown;
    const isList = Array.isArray(list) || (ArrayBuffer.isView(list) && !(list instanceof DataView));
    if (!isList) {
      ctx.addIssue({ code: 'custom', message: list === undefined ? 'is missing' : `must be a flat list of ${what}, not ${describeValue(list)}`, input: list });
      return;
    }
    const items = list as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) {
      const n = items[i];
      if (!isFiniteNumber(n) || !test(n)) {
        ctx.addIssue({ code: 'custom', path: [i], message: `must be ${each}, not ${describeValue(n)}`, input: n });
        return;
      }
    }
  });
}

const coordinates = numberList('numbers', 'a number', () => true);
const indexList = numberList('whole numbers 0 or more', 'a whole number 0 or more', (n) => Number.isInteger(n) && n >= 0);
const colorList = numberList('numbers from 0 to 1', 'a number from 0 to 1', (n) => n >= 0 && n <= 1);

/** Turns an object around `axis` (x, y, z or a vector; default the camera's up) at `speed` radians per second. */
const axis = z.custom<'x' | 'y' | 'z' | Vec3>((v) => v === 'x' || v === 'y' || v === 'z' || (isVec3(v) && v.some((x) => x !== 0)), { error: 'must be "x", "y", "z" or a non-zero [x, y, z]' });
const spin = z.strictObject({ axis: axis.optional(), speed: z.number() });

const placed = {
  position: vec3.optional(),
  rotation: vec3.optional(),
  scale: sizeOf(3).optional(),
  color: color.optional(),
  opacity: unit.optional(),
  label: z.string().max(200).optional(),
  spin: spin.optional(),
};
const surface = {
  ...placed,
  wireframe: z.boolean().optional(),
  doubleSided: z.boolean().optional(),
  /** `standard` is lit and smooth, `flat` lit with flat facets, `basic` unlit (a flat colour). */
  material: z.enum(['standard', 'flat', 'basic']).optional(),
  metalness: unit.optional(),
  roughness: unit.optional(),
  emissive: color.optional(),
};
/** A cylinder or cone stands on the y axis with `height`, or spans `start` → `end` (absolute; `position` is then ignored). */
const axial = { ...surface, radius: positive.optional(), height: positive.optional(), start: vec3.optional(), end: vec3.optional(), segments: segments.optional() };

export const OBJECT_SCHEMAS = {
  sphere: z.strictObject({ kind: z.literal('sphere'), ...surface, radius: positive.optional(), segments: segments.optional() }),
  box: z.strictObject({ kind: z.literal('box'), ...surface, size: sizeOf(3).optional() }),
  cylinder: z.strictObject({ kind: z.literal('cylinder'), ...axial, radiusTop: z.number().min(0).optional(), openEnded: z.boolean().optional() }),
  cone: z.strictObject({ kind: z.literal('cone'), ...axial }),
  torus: z.strictObject({ kind: z.literal('torus'), ...surface, radius: positive.optional(), tube: positive.optional(), segments: segments.optional() }),
  plane: z.strictObject({ kind: z.literal('plane'), ...surface, size: sizeOf(2).optional() }),
  /** Triangles: `vertices` [x0, y0, z0, x1, …] relative to `position`, `indices` three per triangle (or none: every three vertices are one), optional per-vertex `normals` and `colors` (r, g, b from 0 to 1). */
  mesh: z.strictObject({ kind: z.literal('mesh'), ...surface, vertices: coordinates, indices: indexList.optional(), normals: coordinates.optional(), colors: colorList.optional() }),
  points: z.strictObject({ kind: z.literal('points'), ...placed, vertices: coordinates, colors: colorList.optional(), size: positive.optional() }),
  line: z.strictObject({ kind: z.literal('line'), ...placed, points: z.array(vec3).min(2), closed: z.boolean().optional() }),
};

const lit = { color: color.optional(), intensity: z.number().min(0).optional() };
export const LIGHT_SCHEMAS = {
  ambient: z.strictObject({ kind: z.literal('ambient'), ...lit }),
  hemisphere: z.strictObject({ kind: z.literal('hemisphere'), ...lit, groundColor: color.optional() }),
  directional: z.strictObject({ kind: z.literal('directional'), ...lit, position: vec3.optional(), target: vec3.optional() }),
  point: z.strictObject({ kind: z.literal('point'), ...lit, position: vec3, distance: z.number().min(0).optional(), decay: z.number().min(0).optional() }),
};

export const CAMERA_SCHEMA = z.strictObject({
  position: vec3,
  target: vec3.optional(),
  fov: z.number().min(1).max(179).optional(),
  up: vec3.optional(),
  near: positive.optional(),
  far: positive.optional(),
});

export const SCENE_SCHEMA = z.strictObject({
  type: z.literal('scene3d').optional(),
  units: z.string().max(40).optional(),
  title: z.string().max(200).optional(),
  objects: z.array(z.discriminatedUnion('kind', Object.values(OBJECT_SCHEMAS) as unknown as ObjectSchemas)).max(SCENE_LIMITS.objects),
  lights: z.array(z.discriminatedUnion('kind', Object.values(LIGHT_SCHEMAS) as unknown as LightSchemas)).max(SCENE_LIMITS.lights).optional(),
  camera: CAMERA_SCHEMA.optional(),
  background: z.custom<string>((v) => v === 'transparent' || isSceneColor(v), { error: 'must be a colour such as "#101418", or "transparent"' }).optional(),
  /** Orbits the camera around its target, in degrees per second (negative: clockwise). */
  autoRotate: z.number().min(-360).max(360).optional(),
});

type ValuesOf<T> = T[keyof T];
type ObjectSchemas = [ValuesOf<typeof OBJECT_SCHEMAS>, ...ValuesOf<typeof OBJECT_SCHEMAS>[]];
type LightSchemas = [ValuesOf<typeof LIGHT_SCHEMAS>, ...ValuesOf<typeof LIGHT_SCHEMAS>[]];

export type Scene3d = z.infer<typeof SCENE_SCHEMA>;
export type SceneObject = Scene3d['objects'][number];
export type SceneObjectKind = SceneObject['kind'];
export type SceneLight = NonNullable<Scene3d['lights']>[number];
export type SceneCamera = z.infer<typeof CAMERA_SCHEMA>;
export type SceneSpin = z.infer<typeof spin>;

export const OBJECT_KINDS = Object.keys(OBJECT_SCHEMAS) as SceneObjectKind[];
export const LIGHT_KINDS = Object.keys(LIGHT_SCHEMAS) as SceneLight['kind'][];

/**
 * Checks a value against the scene3d shape; the error names the first bad field by its path.
 * `name` is how the value is called in messages (the output's name).
 * @example parseScene3d({ objects: [{ kind: 'sphere', radius: -1 }] }) // error: "scene.objects[0].radius must be a positive number, not -1."
 */
export function parseScene3d(value: unknown, name = 'scene'): Result<Scene3d, WeftError> {
  const input = withKinds(value);
  const tooBig = checkLimits(input, name);
  if (tooBig) return err(tooBig);
  const parsed = SCENE_SCHEMA.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const messages = parsed.error.issues.flatMap((issue) => issueMessage(issue, name, (path) => fieldsAt(input, path)));
    return err(invalid(messages, name, parsed.error.issues[0]?.path ?? []));
  }
  const problems = checkGeometry(parsed.data, name);
  if (problems.length > 0) return err(invalid(problems.map((p) => p.message), name, problems[0]!.path));
  return ok(parsed.data);
}

function invalid(messages: string[], name: string, path: IssuePath): WeftError {
  const more = messages.length > 1 ? ` (${messages.length - 1} more problem${messages.length > 2 ? 's' : ''} in the scene)` : '';
  const first = (messages[0] ?? `${name} is not a valid scene3d`).replace(/\.$/, '');
  return new WeftError('RUNTIME_OUTPUT_INVALID', `${first}${more}.`, { path: formatPath(name, path), problems: messages.slice(0, 20) });
}

/** `type: "box"` is read as `kind: "box"` (an easy slip, made by early templates), for objects and lights. */
function withKinds(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const fix = (list: unknown, kinds: readonly string[]) =>
    Array.isArray(list)
      ? list.map((item) => {
          if (!isRecord(item) || 'kind' in item || typeof item.type !== 'string' || !kinds.includes(item.type)) return item;
          const { type, ...rest } = item;
          return { kind: type, ...rest };
        })
      : list;
  return { ...value, objects: fix(value.objects, OBJECT_KINDS), ...('lights' in value ? { lights: fix(value.lights, LIGHT_KINDS) } : {}) };
}

function checkLimits(value: unknown, name: string): WeftError | null {
  if (!isRecord(value) || !Array.isArray(value.objects)) return null;
  const count = value.objects.length;
  if (count > SCENE_LIMITS.objects) {
    return new WeftError('RUNTIME_OUTPUT_INVALID', `${name}.objects has ${count.toLocaleString('en')} objects, more than the ${SCENE_LIMITS.objects.toLocaleString('en')} a scene can hold: merge small objects into one mesh or points object.`, { path: `${name}.objects`, count, limit: SCENE_LIMITS.objects });
  }
  let vertices = 0;
  for (const object of value.objects) {
    if (!isRecord(object)) continue;
    const list = object.kind === 'line' ? object.points : object.vertices;
    const length = (list as { length?: unknown } | null | undefined)?.length;
    if (typeof length === 'number') vertices += object.kind === 'line' ? length : length / 3;
  }
  if (vertices > SCENE_LIMITS.vertices) {
    return new WeftError('RUNTIME_OUTPUT_INVALID', `${name} has ${Math.round(vertices).toLocaleString('en')} vertices, more than the ${SCENE_LIMITS.vertices.toLocaleString('en')} the preview can draw: lower the resolution.`, { path: name, vertices, limit: SCENE_LIMITS.vertices });
  }
  return null;
}

/** The fields of the object at `path` in the raw scene: its kind's fields for objects and lights. */
function fieldsAt(scene: unknown, path: IssuePath): readonly string[] | undefined {
  const keys = (schema: { shape: object } | undefined) => (schema ? Object.keys(schema.shape) : undefined);
  if (path.length === 0) return keys(SCENE_SCHEMA);
  if (path.length === 1 && path[0] === 'camera') return keys(CAMERA_SCHEMA);
  if (!isRecord(scene) || typeof path[1] !== 'number') return undefined;
  const list = path[0] === 'objects' ? scene.objects : path[0] === 'lights' ? scene.lights : undefined;
  const item = Array.isArray(list) ? (list[path[1]] as unknown) : undefined;
  if (!isRecord(item) || typeof item.kind !== 'string') return undefined;
  if (path.length === 3 && path[2] === 'spin') return keys(spin);
  if (path.length !== 2) return undefined;
  const schemas: Record<string, { shape: object }> = path[0] === 'objects' ? OBJECT_SCHEMAS : LIGHT_SCHEMAS;
  return keys(schemas[item.kind]);
}

interface GeometryProblem {
  readonly path: IssuePath;
  readonly message: string;
}

/** What the schema cannot say field by field: list lengths that must agree, indices in range, a stick with two ends. */
function checkGeometry(scene: Scene3d, name: string): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  const add = (path: IssuePath, message: string) => problems.push({ path, message: `${formatPath(name, path)} ${message}.` });
  scene.objects.forEach((object, i) => {
    const at = (...rest: IssuePath) => ['objects', i, ...rest];
    if (object.kind === 'cylinder' || object.kind === 'cone') {
      if ((object.start === undefined) !== (object.end === undefined)) add(at(object.start ? 'end' : 'start'), `is missing: give both start and end, or neither`);
      else if (object.start && object.end && object.start.every((v, k) => v === object.end![k])) add(at('end'), 'must differ from start');
    }
    if (object.kind !== 'mesh' && object.kind !== 'points') return;
    const length = object.vertices.length;
    if (length % 3 !== 0) return add(at('vertices'), `has ${length} numbers, not a multiple of 3 (x, y, z per vertex)`);
    const count = length / 3;
    if (object.kind === 'mesh') {
      const { indices, normals } = object;
      if (indices) {
        if (indices.length % 3 !== 0) add(at('indices'), `has ${indices.length} numbers, not a multiple of 3 (three per triangle)`);
        for (let k = 0; k < indices.length; k++) {
          if (indices[k]! >= count) {
            add(at('indices', k), `is ${indices[k]}, but the mesh has ${count} vertices (numbered 0 to ${count - 1})`);
            break;
          }
        }
      } else if (count % 3 !== 0) add(at('vertices'), `has ${count} vertices; without indices every three vertices are a triangle, so give a multiple of 3 or add indices`);
      if (normals && normals.length !== length) add(at('normals'), `has ${normals.length} numbers but vertices has ${length}: give one normal (x, y, z) per vertex`);
    }
    if (object.colors && object.colors.length !== length) add(at('colors'), `has ${object.colors.length} numbers but vertices has ${length}: give one colour (r, g, b) per vertex`);
  });
  return problems;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);
