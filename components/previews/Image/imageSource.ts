/**
 * What an image output is made of: raw bytes (PNG, JPEG, GIF, WebP, BMP, AVIF, told apart by their
 * first bytes), a `data:image/…` URL, or `{ mime, data }` with bytes or base64 text.
 */
import { formatInteger, isTypedArray } from '../shared/formatValue';

export type ImageMime = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/bmp' | 'image/avif';

export type ImageSource =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly mime: ImageMime }
  | { readonly kind: 'url'; readonly url: string; readonly mime: string }
  | { readonly kind: 'invalid'; readonly reason: string };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/**
 * The image format of `bytes` from its magic number, or null.
 * @example sniffImageMime(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) === 'image/png'
 */
export function sniffImageMime(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('ftypavif'), 4) || startsWith(bytes, ascii('ftypavis'), 4)) return 'image/avif';
  if (startsWith(bytes, ascii('BM')) && bytes.length > 26) return 'image/bmp';
  return null;
}

/** Whether the value looks like an image output at all (for picking a preview). */
export function isImageValue(value: unknown): boolean {
  return toImageSource(value).kind !== 'invalid';
}

export function toImageSource(value: unknown): ImageSource {
  if (value instanceof ArrayBuffer) return fromBytes(new Uint8Array(value));
  if (isTypedArray(value)) return fromBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  if (typeof value === 'string') return fromUrl(value.trim());
  if (typeof value === 'object' && value !== null && 'data' in value) {
    const { mime, data } = value as { mime?: unknown; data: unknown };
    const declared = typeof mime === 'string' ? mime.trim().toLowerCase() : undefined;
    if (typeof data === 'string') {
      if (data.startsWith('data:')) return fromUrl(data);
      if (!declared?.startsWith('image/')) return { kind: 'invalid', reason: 'Base64 image data needs a mime such as "image/png".' };
      if (!/^[A-Za-z0-9+/=\s]*$/.test(data)) return { kind: 'invalid', reason: 'data is not base64 text.' };
      return { kind: 'url', url: `data:${declared};base64,${data.replace(/\s+/g, '')}`, mime: declared };
    }
    if (data instanceof ArrayBuffer || isTypedArray(data) || (Array.isArray(data) && data.every((n) => Number.isInteger(n) && n >= 0 && n < 256))) {
      const bytes = Array.isArray(data) ? Uint8Array.from(data as number[]) : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      return fromBytes(bytes);
    }
    return { kind: 'invalid', reason: 'data must be bytes or base64 text.' };
  }
  return { kind: 'invalid', reason: 'An image is PNG, JPEG, GIF or WebP bytes, a data:image/… URL, or { mime, data }.' };
}

function fromBytes(bytes: Uint8Array): ImageSource {
  const mime = sniffImageMime(bytes);
  if (!mime) return { kind: 'invalid', reason: `These ${formatInteger(bytes.length)} bytes are not a PNG, JPEG, GIF, WebP, BMP or AVIF image.` };
  return { kind: 'bytes', bytes, mime };
}

function fromUrl(url: string): ImageSource {
  const match = /^data:(image\/[a-z0-9.+-]+)[;,]/i.exec(url);
  if (match) return { kind: 'url', url, mime: match[1]!.toLowerCase() };
  if (url.startsWith('blob:')) return { kind: 'url', url, mime: 'image' };
  return { kind: 'invalid', reason: 'Only data:image/… and blob: URLs are shown: Weft works offline and loads nothing from the network.' };
}
