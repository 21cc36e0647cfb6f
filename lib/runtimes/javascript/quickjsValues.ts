/**
 * Values crossing into and out of QuickJS travel as JSON text, with a tagged object for what JSON
 * cannot hold: typed arrays (kept, byte for byte) and, on the way out, what is not plain data
 * (functions, non-finite numbers, class instances), rebuilt on the host so `checkOutputs` names
 * it exactly as it does for V8 code.
 */
import { isTypedArray } from '../outputs';
import { seededRandom } from '../seededRandom';

/** The key of a tagged value; no JSON a skill produces by accident has it. */
export const TAG = '\u0000weft';

const TYPED = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'] as const;
type TypedName = (typeof TYPED)[number];

/** The inputs as JSON for `JSON.parse(text, __weft.revive)` inside QuickJS. */
export function encodeInputs(inputs: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(inputs, (_key, value: unknown) => {
    if (isTypedArray(value) && (TYPED as readonly string[]).includes(value.constructor.name)) {
      return { [TAG]: 'typed', type: value.constructor.name, data: Array.from(value as unknown as ArrayLike<number>) };
    }
    return value;
  });
}

/** The outputs from the JSON `__weft.replace` wrote inside QuickJS (`undefined` when execute returned nothing). */
export function decodeOutputs(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || !(TAG in value)) return value;
    const tagged = value as { [TAG]: string; type?: string; data?: number[]; value?: string; name?: string };
    switch (tagged[TAG]) {
      case 'typed':
        return (TYPED as readonly string[]).includes(tagged.type ?? '') ? new globalThis[tagged.type as TypedName](tagged.data ?? []) : tagged.data;
      case 'function':
        return () => undefined;
      case 'number':
        return Number(tagged.value);
      case 'bigint':
        return BigInt(tagged.value ?? '0');
      case 'symbol':
        return Symbol(tagged.value ?? '');
      case 'instance':
        // Stands in for the instance: `checkOutputs` reads its constructor's name.
        return Object.create({ constructor: { name: tagged.name ?? 'class instance' } }) as object;
      default:
        return value;
    }
  });
}

/**
 * Defines `__weft` (revive/replace for the above) and the seeded `Math.random` (`seededRandom`
 * itself, as source, so a seed gives the same numbers in both engines) inside a fresh QuickJS context.
 */
export const QUICKJS_PRELUDE = `
globalThis.__weft = (() => {
  const TAG = ${JSON.stringify(TAG)};
  const TYPED = ${JSON.stringify(TYPED)};
  const plain = (v) => { const p = Object.getPrototypeOf(v); return p === Object.prototype || p === null; };
  return {
    revive(key, v) {
      if (v && typeof v === 'object' && v[TAG] === 'typed' && TYPED.includes(v.type)) return new globalThis[v.type](v.data);
      return v;
    },
    replace(key, v) {
      if (typeof v === 'function') return { [TAG]: 'function' };
      if (typeof v === 'bigint') return { [TAG]: 'bigint', value: String(v) };
      if (typeof v === 'symbol') return { [TAG]: 'symbol', value: v.description || '' };
      if (typeof v === 'number' && !Number.isFinite(v)) return { [TAG]: 'number', value: String(v) };
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return { [TAG]: 'typed', type: v.constructor.name, data: Array.from(v) };
      if (v && typeof v === 'object' && !Array.isArray(v) && !plain(v)) return { [TAG]: 'instance', name: (v.constructor && v.constructor.name) || 'class instance' };
      return v;
    },
  };
})();
Math.random = (${seededRandom.toString()})(globalThis.__weftSeed);
`;
