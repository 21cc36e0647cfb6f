/**
 * Branded identifiers: distinct types at compile time, plain strings or numbers at run time,
 * so they cross `postMessage` untouched but cannot be mixed up in code.
 */
declare const brand: unique symbol;

/** `T` tagged with the brand `B`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** SHA-256 (hex, 64 chars) of a span's canonical JSON without its id. */
export type SpanId = Brand<string, 'SpanId'>;
/** 32 hex chars (128 bits), as OpenTelemetry requires. */
export type TraceId = Brand<string, 'TraceId'>;
/** Process id in the kernel's process table. */
export type Pid = Brand<number, 'Pid'>;
/** A skill's name: 1–64 of `a-z 0-9 -`. */
export type SkillName = Brand<string, 'SkillName'>;
/** A git commit id (40 hex chars). */
export type CommitOid = Brand<string, 'CommitOid'>;
/** SHA-256 hex of some canonical content. */
export type ContentHash = Brand<string, 'ContentHash'>;

export const asSpanId = (s: string) => s as SpanId;
export const asTraceId = (s: string) => s as TraceId;
export const asPid = (n: number) => n as Pid;
export const asSkillName = (s: string) => s as SkillName;
export const asCommitOid = (s: string) => s as CommitOid;
export const asContentHash = (s: string) => s as ContentHash;

/** A fresh random trace id (32 lowercase hex chars) from the injected or global crypto. */
export function newTraceId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): TraceId {
  return asTraceId(toHex(random(new Uint8Array(16))));
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
}
