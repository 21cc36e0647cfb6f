/**
 * Values cross into and out of Python as JSON text plus a list of byte arrays: every `Uint8Array`
 * becomes `{"$bytes": i}` in the JSON and the i-th blob beside it. Other typed arrays (tensor data)
 * become lists of numbers.
 */
import { isTypedArray } from '../outputs';

export interface PythonPayload {
  readonly json: string;
  readonly blobs: Uint8Array[];
}

/** Encodes inputs for `_weft_run` (see prelude.ts). */
export function encodeForPython(value: Record<string, unknown>): PythonPayload {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      blobs.push(v);
      return { $bytes: blobs.length - 1 };
    }
    if (isTypedArray(v)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
  return { json, blobs };
}

/** Decodes `_weft_run`'s outputs: the JSON with each `{"$bytes": i}` replaced by its blob. */
export function decodeFromPython(json: string, blobs: readonly Uint8Array[]): Record<string, unknown> {
  return JSON.parse(json, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const index = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof index === 'number') return blobs[index];
    }
    return v;
  }) as Record<string, unknown>;
}
