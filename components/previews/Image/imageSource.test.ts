import { describe, expect, it } from 'vitest';
import { isImageValue, sniffImageMime, toImageSource } from './imageSource';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const bytesOf = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('sniffImageMime', () => {
  it('knows the common formats by their first bytes', () => {
    expect(sniffImageMime(bytesOf(PNG))).toBe('image/png');
    expect(sniffImageMime(bytesOf([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageMime(bytesOf('GIF89a', [1, 0]))).toBe('image/gif');
    expect(sniffImageMime(bytesOf('GIF87a'))).toBe('image/gif');
    expect(sniffImageMime(bytesOf('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageMime(bytesOf([0, 0, 0, 0x1c], 'ftypavif'))).toBe('image/avif');
    expect(sniffImageMime(bytesOf('BM', new Array(30).fill(0)))).toBe('image/bmp');
  });

  it('is null for anything else, short input included', () => {
    expect(sniffImageMime(bytesOf('RIFF', [0, 0, 0, 0], 'WAVE'))).toBeNull();
    expect(sniffImageMime(bytesOf([0x89, 0x50]))).toBeNull();
    expect(sniffImageMime(new Uint8Array())).toBeNull();
    expect(sniffImageMime(bytesOf('%PDF-1.7'))).toBeNull();
  });
});

describe('toImageSource', () => {
  it('reads bytes in any typed array view or buffer, at their offset', () => {
    const buffer = new Uint8Array([9, 9, ...PNG]).buffer;
    expect(toImageSource(new Uint8Array(buffer, 2))).toMatchObject({ kind: 'bytes', mime: 'image/png' });
    expect(toImageSource(bytesOf(PNG).buffer)).toMatchObject({ kind: 'bytes', mime: 'image/png' });
    expect(toImageSource(new Uint8Array([1, 2, 3]))).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^These 3 bytes are not/) });
  });

  it('reads data URLs and { mime, data } with base64 text or bytes', () => {
    expect(toImageSource('data:image/png;base64,iVBORw0KGgo=')).toEqual({ kind: 'url', url: 'data:image/png;base64,iVBORw0KGgo=', mime: 'image/png' });
    expect(toImageSource({ mime: 'image/jpeg', data: '/9j/4AAQ\nSkZJRg==' })).toEqual({ kind: 'url', url: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', mime: 'image/jpeg' });
    expect(toImageSource({ mime: 'image/png', data: PNG })).toMatchObject({ kind: 'bytes', mime: 'image/png' });
    expect(toImageSource({ data: bytesOf(PNG) })).toMatchObject({ kind: 'bytes', mime: 'image/png' });
    expect(toImageSource('data:image/svg+xml,<svg/>')).toMatchObject({ kind: 'url', mime: 'image/svg+xml' });
  });

  it('refuses network URLs, base64 without a mime, and other values', () => {
    expect(toImageSource('https://example.com/cat.png')).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/offline/) });
    expect(toImageSource('data:text/html,<b>x</b>').kind).toBe('invalid');
    expect(toImageSource({ data: 'iVBORw0KGgo=' })).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/needs a mime/) });
    expect(toImageSource({ mime: 'image/png', data: 'not base64!' }).kind).toBe('invalid');
    expect(isImageValue(42)).toBe(false);
    expect(isImageValue({ columns: [], rows: [] })).toBe(false);
  });
});
