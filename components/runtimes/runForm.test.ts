import { describe, expect, it } from 'vitest';
import type { IoSpec } from '@/lib/skills/types';
import { fieldKind, initialValue, initialValues, isRequired, lineColumn, parseField, parseJson, parseNumber, parseSeed, randomSeed, readForm } from './runForm';

const csvStats: IoSpec[] = [
  { name: 'csv', type: 'string', default: 'a,b\n1,2\n' },
  { name: 'delimiter', type: 'string', default: '' },
  { name: 'decimals', type: 'number', default: 4 },
];

describe('the Run form', () => {
  it('edits numbers as numbers, booleans as checkboxes, strings as text and everything else as JSON', () => {
    expect(fieldKind('number')).toBe('number');
    expect(fieldKind('boolean')).toBe('boolean');
    expect(fieldKind('string')).toBe('string');
    for (const type of ['json', 'table', 'tensor', 'any', 'plot'] as const) expect(fieldKind(type)).toBe('json');
  });

  it('prefills every field with its default, written the way the field edits it', () => {
    expect(initialValues(csvStats)).toEqual({ csv: 'a,b\n1,2\n', delimiter: '', decimals: '4' });
    expect(initialValue({ name: 'flag', type: 'boolean', default: true })).toBe(true);
    expect(initialValue({ name: 'flag', type: 'boolean' })).toBe(false);
    expect(initialValue({ name: 'spec', type: 'json', default: [{ get: 'a.b' }] })).toBe('[\n  {\n    "get": "a.b"\n  }\n]');
    expect(initialValue({ name: 'x', type: 'any', default: null })).toBe('null');
    expect(initialValue({ name: 'n', type: 'number' })).toBe('');
  });

  it('sends the defaults unchanged when nothing was typed', () => {
    expect(readForm(csvStats, initialValues(csvStats))).toEqual({ inputs: { csv: 'a,b\n1,2\n', delimiter: '', decimals: 4 }, errors: {} });
  });

  it('marks an input required when it has no default, unless it says otherwise', () => {
    expect(isRequired({ name: 'a', type: 'number' })).toBe(true);
    expect(isRequired({ name: 'a', type: 'number', default: 1 })).toBe(false);
    expect(isRequired({ name: 'a', type: 'number', required: false })).toBe(false);
    expect(parseField({ name: 'n', type: 'number' }, '')).toEqual({ ok: false, message: 'n is required.' });
    expect(parseField({ name: 's', type: 'string' }, '')).toEqual({ ok: false, message: 's is required.' });
    expect(parseField({ name: 'j', type: 'json' }, '  ')).toEqual({ ok: false, message: 'j is required.' });
  });

  it('leaves a blank number or JSON field to the skill default, and an optional one out', () => {
    expect(parseField({ name: 'n', type: 'number', default: 4 }, '')).toEqual({ ok: true, omit: true });
    expect(parseField({ name: 'n', type: 'number', required: false }, ' ')).toEqual({ ok: true, omit: true });
    expect(parseField({ name: 's', type: 'string', required: false }, '')).toEqual({ ok: true, omit: true });
    expect(readForm([{ name: 'n', type: 'number', default: 4 }], { n: '' })).toEqual({ inputs: {}, errors: {} });
  });

  it('keeps a cleared text field as empty text when the skill has a default (the skill decides what empty means)', () => {
    expect(parseField(csvStats[0]!, '')).toEqual({ ok: true, value: '' });
  });

  it('reads numbers written the usual ways and refuses anything else with a hint', () => {
    expect(parseNumber('42')).toBe(42);
    expect(parseNumber(' -0.5 ')).toBe(-0.5);
    expect(parseNumber('1e6')).toBe(1_000_000);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1_000')).toBe(1000);
    for (const bad of ['abc', '0x10', 'Infinity', '1e999', '1,5', '']) expect(parseNumber(bad)).toBeNull();
    expect(parseField({ name: 'n', type: 'number', default: 1 }, 'ten')).toEqual({ ok: false, message: 'Enter a number, like 42, -0.5 or 1e6.' });
  });

  it('says where a JSON mistake is', () => {
    const result = parseJson('[1, 2,\n  3 x]');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Not valid JSON at line 2, column 5: /);
    expect(lineColumn('ab\ncd', 4)).toBe('line 2, column 2');
    expect(parseField({ name: 'data', type: 'json', default: {} }, '{"a": }')).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid JSON/) });
  });

  it('checks the shape of tables and other structured types', () => {
    expect(parseField({ name: 't', type: 'table', default: [] }, '42')).toEqual({ ok: false, message: 'A table is a list of rows, or an object with columns and rows.' });
    expect(parseField({ name: 't', type: 'table', default: [] }, '[{"a": 1}]')).toEqual({ ok: true, value: [{ a: 1 }] });
    expect(parseField({ name: 'x', type: 'tensor', default: [] }, '"text"')).toMatchObject({ ok: false });
    expect(parseField({ name: 'x', type: 'any', default: 1 }, '"text"')).toEqual({ ok: true, value: 'text' });
  });

  it('reads checkboxes as booleans', () => {
    expect(parseField({ name: 'b', type: 'boolean', default: false }, true)).toEqual({ ok: true, value: true });
    expect(parseField({ name: 'b', type: 'boolean' }, false)).toEqual({ ok: true, value: false });
  });

  it('collects one message per field that needs fixing', () => {
    const reading = readForm(csvStats, { csv: 'x', delimiter: ';', decimals: 'four' });
    expect(reading.errors).toEqual({ decimals: 'Enter a number, like 42, -0.5 or 1e6.' });
    expect(reading.inputs).toEqual({ csv: 'x', delimiter: ';' });
  });
});

describe('the run seed', () => {
  it('is random when blank, else a whole number in the kernel range', () => {
    expect(parseSeed('')).toEqual({ ok: true, seed: null });
    expect(parseSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(parseSeed('4294967295')).toEqual({ ok: true, seed: 4294967295 });
    expect(parseSeed('4294967296')).toMatchObject({ ok: false });
    expect(parseSeed('-1')).toMatchObject({ ok: false });
    expect(parseSeed('1.5')).toMatchObject({ ok: false });
  });

  it('picks random seeds in range', () => {
    for (let i = 0; i < 20; i++) {
      const seed = randomSeed();
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    }
  });
});
