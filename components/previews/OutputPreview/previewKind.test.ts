import { describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, runJavaScript } from '@/skills/skillTestKit';
import { previewKind } from './previewKind';

const VL = 'https://vega.github.io/schema/vega-lite/v5.json';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('previewKind by declared type', () => {
  it('uses the declared type when the value fits it', () => {
    expect(previewKind(3, 'number')).toBe('number');
    expect(previewKind('hi', 'string')).toBe('string');
    expect(previewKind(false, 'boolean')).toBe('boolean');
    expect(previewKind({ columns: ['a'], rows: [[1]] }, 'table')).toBe('table');
    expect(previewKind([{ a: 1 }], 'table')).toBe('table');
    expect(previewKind([[1, 2], [3, 4]], 'tensor')).toBe('tensor');
    expect(previewKind(PNG, 'image')).toBe('image');
    expect(previewKind({ mark: 'bar' }, 'plot')).toBe('plot');
    expect(previewKind({ objects: [] }, 'scene3d')).toBe('scene3d');
    expect(previewKind({ tran: { time: [0, 1], 'v(out)': [0, 1] } }, 'circuit')).toBe('circuit');
  });

  it('falls back to what the value looks like when it does not fit', () => {
    expect(previewKind('3', 'number')).toBe('string');
    expect(previewKind([1, 2], 'table')).toBe('json');
    expect(previewKind('oops', 'plot')).toBe('string');
    expect(previewKind({ a: 1 }, 'circuit')).toBe('json');
    expect(previewKind({ columns: ['a'], rows: [[1]] }, 'number')).toBe('table');
  });

  it('says empty for null and undefined whatever the type', () => {
    expect(previewKind(null, 'table')).toBe('empty');
    expect(previewKind(undefined)).toBe('empty');
  });
});

describe('previewKind by sniffing (json, any, or no type)', () => {
  it('recognises specs, scenes, tables, tensors and images', () => {
    expect(previewKind({ $schema: VL, mark: 'line' }, 'any')).toBe('plot');
    expect(previewKind({ $schema: 'https://vega.github.io/schema/vega/v5.json' }, 'json')).toBe('json');
    expect(previewKind({ type: 'scene3d', objects: [] })).toBe('scene3d');
    expect(previewKind({ columns: ['a', 'b'], rows: [[1, 2]] }, 'json')).toBe('table');
    expect(previewKind([{ name: 'a', n: 1 }, { name: 'b', n: 2 }])).toBe('table');
    expect(previewKind([{ nested: { a: 1 } }])).toBe('json');
    expect(previewKind({ shape: [2], dtype: 'float32', data: new Float32Array(2) })).toBe('tensor');
    expect(previewKind(new Float32Array(4))).toBe('tensor');
    expect(previewKind(PNG)).toBe('image');
    expect(previewKind(PNG.buffer)).toBe('image');
    expect(previewKind('data:image/png;base64,AAAA')).toBe('image');
    expect(previewKind({ mime: 'image/png', data: 'iVBORw0KGgo=' })).toBe('image');
  });

  it('recognises spice vectors (declared json by spice skills) as a circuit, and only those', () => {
    expect(previewKind({ tran: { time: [0, 1], 'v(out)': [0, null] }, ac: { frequency: [10, 100], 'v(out)': { re: [1, 0.5], im: [0, -0.5] } } }, 'json')).toBe('circuit');
    expect(previewKind({ time: [0, 1], 'v(out)': [0, 1] })).toBe('circuit');
    expect(previewKind({ op: { 'v(out)': [2.5] } }, 'json')).toBe('json');
    expect(previewKind({ a: [1, 2], b: [3, 4] }, 'json')).toBe('json');
    expect(previewKind({ tran: { time: 'soon' } }, 'json')).toBe('json');
  });

  it('shows numbers, strings and booleans as themselves, and the rest as JSON', () => {
    expect(previewKind(1.5, 'any')).toBe('number');
    expect(previewKind(10n)).toBe('number');
    expect(previewKind('text')).toBe('string');
    expect(previewKind(true, 'json')).toBe('boolean');
    expect(previewKind([1, 2, 3])).toBe('json');
    expect(previewKind({ a: [1, 2] })).toBe('json');
  });

  it('previews the outputs of built-in skills by their declared types', async () => {
    for (const name of ['line-plot', 'parametric-surface', 'molecule-viewer']) {
      const skill = executableBuiltin(name);
      const outputs = await runJavaScript(skill, defaultsOf(skill));
      for (const output of skill.outputs) {
        const expected = output.type === 'json' ? ['json', 'table'] : [output.type];
        expect(expected, `${name}.${output.name}`).toContain(previewKind(outputs[output.name], output.type));
      }
    }
  });
});
