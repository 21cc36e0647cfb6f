import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { hashJson, sha256Hex } from './hash';
import { HASH_VECTORS } from './hashVectors';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 bytes of text', async () => {
    expect(await sha256Hex('é')).toBe(await sha256Hex(new Uint8Array([0xc3, 0xa9])));
  });
});

describe('hashJson', () => {
  it('is the SHA-256 of the canonical JSON, whatever the key order', async () => {
    expect(await hashJson({ b: 2, a: 1 })).toBe(await hashJson({ a: 1, b: 2 }));
    expect(await hashJson({ b: 2, a: 1 })).toBe(await sha256Hex('{"a":1,"b":2}'));
  });

  it.each(HASH_VECTORS)('gives the pinned value that the browser test also checks: $canonical', async ({ value, canonical, hash }) => {
    expect(canonicalJson(value)).toBe(canonical);
    expect(await hashJson(value)).toBe(hash);
  });
});
