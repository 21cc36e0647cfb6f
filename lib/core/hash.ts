import { canonicalJson } from './canonicalJson';
import { asContentHash, type ContentHash, toHex } from './ids';
import { SYNC_LIMIT, sha256HexSync } from './sha256Sync';

const encoder = new TextEncoder();

/**
 * SHA-256 (lowercase hex) of a string's UTF-8 bytes or of raw bytes: small inputs in JavaScript
 * (no fixed cost per call), larger ones via WebCrypto (Node 20+ and browsers).
 */
export async function sha256Hex(input: string | Uint8Array): Promise<ContentHash> {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  if (bytes.length <= SYNC_LIMIT) return asContentHash(sha256HexSync(bytes));
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return asContentHash(toHex(new Uint8Array(digest)));
}

/**
 * The content hash of a JSON value: SHA-256 of its canonical JSON.
 * @example await hashJson({ a: 1 }) // '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862'
 */
export function hashJson(value: unknown): Promise<ContentHash> {
  return sha256Hex(canonicalJson(value));
}
