import { describe, expect, it } from 'vitest';
import { toHex } from './ids';
import { SYNC_LIMIT, sha256HexSync, sha256Sync } from './sha256Sync';

const webCrypto = async (bytes: Uint8Array) => toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));

describe('sha256Sync', () => {
  it('matches the FIPS 180-2 vectors', () => {
    const text = (s: string) => toHex(sha256Sync(new TextEncoder().encode(s)));
    expect(text('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with WebCrypto at every length around the block and padding boundaries, up to the limit', async () => {
    const lengths = [...Array.from({ length: 200 }, (_, i) => i), 511, 512, 513, 1000, 4095, 4096, SYNC_LIMIT - 1, SYNC_LIMIT];
    let seed = 7;
    for (const length of lengths) {
      const bytes = Uint8Array.from({ length }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
      const expected = await webCrypto(bytes);
      expect(toHex(sha256Sync(bytes)), `length ${length}`).toBe(expected);
      expect(sha256HexSync(bytes), `length ${length}`).toBe(expected);
    }
  });
});
