import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { WeftError } from './errors';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('writes undefined array items as null, like JSON', () => {
    expect(canonicalJson([1, undefined, 'x'])).toBe('[1,null,"x"]');
  });

  it('escapes strings as JSON does, including non-ASCII text', () => {
    expect(canonicalJson({ 'ключ': 'a"b\n😀' })).toBe('{"ключ":"a\\"b\\n😀"}');
  });

  it.each([
    [{ n: NaN }, '$.n'],
    [{ list: [1, Infinity] }, '$.list[1]'],
    [{ f: () => 1 }, '$.f'],
    [{ big: 10n }, '$.big'],
  ])('refuses %o with CANONICAL_JSON naming the path', (value, path) => {
    try {
      canonicalJson(value);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WeftError);
      expect((e as WeftError).code).toBe('CANONICAL_JSON');
      expect((e as WeftError).data.path).toBe(path);
    }
  });

  it('refuses a value that contains itself', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/cycle/);
  });

  it('gives the same text whatever the key order, and JSON.parse gives the value back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const shuffled = JSON.parse(JSON.stringify(value), (_k, v) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });

  it('is the JSON text of the value with the keys of every object sorted', () => {
    // Integer-like keys come first in a JS object whatever the insertion order, so the reference sorts as it writes.
    const reference = (v: unknown): string =>
      Array.isArray(v)
        ? `[${v.map(reference).join(',')}]`
        : v && typeof v === 'object'
          ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`).join(',')}}`
          : JSON.stringify(v);
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === reference(value)));
  });

  it('writes a value shared by two members twice (only a cycle is refused)', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });
});
