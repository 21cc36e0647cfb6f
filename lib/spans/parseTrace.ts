import * as z from 'zod';
import { err, ok, WeftError, type Result } from '../core';
import { SPAN_KINDS, type Trace } from './types';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex characters');
const traceId = z.string().regex(/^[0-9a-f]{32}$/, 'expected 32 lowercase hex characters');
const amount = z.number().nonnegative();

const attributeValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.array(z.number()),
  z.array(z.boolean()),
]);

const span = z.object({
  id: hex64,
  traceId,
  parents: z.array(hex64),
  kind: z.enum(SPAN_KINDS as [string, ...string[]]),
  name: z.string(),
  pid: z.number().int().nonnegative().nullable(),
  start: z.number(),
  end: z.number(),
  status: z.enum(['ok', 'error', 'cancelled', 'cached']),
  inputsHash: hex64.nullable(),
  outputsHash: hex64.nullable(),
  energy: z.object({ cpuMs: amount, tokensIn: amount, tokensOut: amount, bytes: amount }),
  attributes: z.record(z.string(), attributeValue),
});

const trace = z.object({ traceId, spans: z.array(span), rootHash: hex64 });

/**
 * A trace read from untrusted JSON (a trace file, a pull from a remote), checked for shape only;
 * run `verifyTrace` on the result to check its hashes and causality.
 * @example const parsed = parseTrace(JSON.parse(text)); if (parsed.ok) await verifyTrace(parsed.value)
 */
export function parseTrace(value: unknown): Result<Trace> {
  const parsed = trace.safeParse(value);
  if (parsed.success) return ok(parsed.data as unknown as Trace);
  const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const listed = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return err(
    new WeftError('TRACE_INVALID', `This is not a valid Weft trace: ${listed}${more}. Check that the file was written by Weft and not edited by hand.`, {
      issues,
    }),
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), '$');
}
