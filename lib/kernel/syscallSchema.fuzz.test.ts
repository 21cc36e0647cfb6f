import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectResult } from '../core/fuzzing';
import { OPS, parseSyscall } from './syscallSchema';

const RUNS = { numRuns: 10_000 };
const HANG_MS = 60_000;

/** Argument names the schemas use (so some requests are valid), and names they do not. */
const FIELDS = [
  'pid', 'name', 'priority', 'parent', 'program', 'reason', 'limit', 'kind', 'payload', 'mode', 'includeTerminated',
  'volume', 'path', 'at', 'dir', 'from', 'to', 'content', 'message', 'team', 'title', 'url', 'token', 'theirs', 'choice', 'query', 'tokenBudget',
  'files', 'workflow', 'trace', 'email', 'allowInvalid', 'create', 'reason', 'runtime', 'code', 'permissions', 'inputs', 'seed', 'timeoutMs', 'tag',
  'backend', 'only', 'force', 'concurrency', 'runId', 'nodeId', 'id', 'modelUrl', 'preset', 'label', 'baseUrl', 'model', 'apiKey', 'contextLength',
  'maxTokens', 'chatId', 'text', 'providerId', 'task', 'system', 'skills', 'budget', 'capabilities', 'inheritContext', 'tokens', 'body', 'topic',
  'region', 'key', 'value', 'description', 'offset', 'status', 'skill', 'since', 'until', 'recorded', 'minCount', 'minSuccess', 'ms', 'type',
  'extra', '', '__proto__', 'constructor', 'toString', 'op ', 'OP',
];

/** Values near what the schemas accept: small integers, ids, hex, enums, and their edges. */
const plausible = fc.oneof(
  fc.integer({ min: -2, max: 25 }),
  fc.constantFrom(0, -0, 1, 19, 20, 64, 65, 512, 10_000, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER, 1.5, NaN, Infinity, -Infinity),
  fc.constantFrom('', 'a', 'users/me', 'skills/csv-stats/SKILL.md', '../x', 'deadbeef', 'DEADBEEF', 'python', 'javascript', 'sleep', 'throw', 'hang', 'mine', 'theirs', 'auto', 'cpu', 'run', 'node', 'openai-compatible', '__proto__'),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.array(fc.constantFrom('a', 'b', '', 'x'.repeat(65)), { maxLength: 4 }),
  fc.record({ type: fc.constantFrom('sleep', 'exec', '__proto__'), ms: fc.integer({ min: -1, max: 1000 }) }, { requiredKeys: [] }),
  fc.record({ path: fc.constantFrom('a', 'skills/x/SKILL.md'), content: fc.constantFrom('', 'x') }, { requiredKeys: [] }).map((f) => [f]),
);
/** Anything postMessage can carry. */
const cloneable = fc.anything({ maxDepth: 2, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true });
const value = fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: cloneable }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }).map((s) => s.repeat(100_000)) });

/** Values each argument name accepts in at least one op, so that requests with their required arguments often pass. */
const GOOD: Record<string, readonly unknown[]> = {
  pid: [0, 3], to: [1, 'deadbeef'], from: [2, 'cafe', null], at: ['abcd'], priority: [0, 19], tokens: [1, 5000], tokenBudget: [100], timeoutMs: [0, 50],
  program: [{ type: 'sleep', ms: 5 }], mode: ['throw', 'hang'], runtime: ['python', 'javascript'], backend: ['auto', 'cpu'], choice: ['mine', 'both'],
  files: [[{ path: 'skills/a/SKILL.md', content: '---\n---\n' }]], workflow: [{}, { nodes: [] }], trace: [{}], url: ['https://example.com/x.git', null],
  id: ['a', 'openai-1'], region: ['notes'], email: ['a@b.c'], body: [null, { x: 1 }, 'hi'], code: ['return 1'],
};
const REQUIRED: Record<string, string[]> = Object.fromEntries(
  OPS.map((op) => {
    const parsed = parseSyscall({ op });
    // Every problem of a bare { op } is an argument it requires.
    return [op, parsed.ok ? [] : (parsed.error.data.issues as { field: string }[]).map((i) => i.field)];
  }),
);
const argument = (field: string) => fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...(GOOD[field] ?? ['a', 'users/me'])) }, { weight: 1, arbitrary: plausible }, { weight: 1, arbitrary: cloneable });

const args = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), value, { maxKeys: 5 });

/** Parses and checks: a failure is SYSCALL_INVALID naming a field; a success keeps the op and takes only fields it was given. */
function check(raw: unknown): void {
  const call = expectResult(() => parseSyscall(raw), ['SYSCALL_INVALID']);
  if (call === null) return;
  const given = raw as Record<string, unknown>;
  if (call.op !== given.op) throw new Error(`op ${String(given.op)} came back as ${call.op}`);
  for (const key of Object.keys(call)) if (!Object.hasOwn(given, key)) throw new Error(`${call.op}: the parsed call has "${key}", which the request did not`);
  if (!parseSyscall(call).ok) throw new Error(`${call.op}: the parsed call does not parse again`);
}

describe('parseSyscall (fuzz)', () => {
  it('for every op of OPS with its required arguments (mostly good values) and random others', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPS).chain((op) => fc.tuple(fc.constant(op), fc.tuple(...REQUIRED[op]!.map((f) => fc.tuple(fc.constant(f), argument(f)))), fc.option(args, { freq: 2 }))),
        ([op, required, rest]) => check({ ...rest, ...Object.fromEntries(required), op }),
      ),
      RUNS,
    );
  }, HANG_MS);

  it('for random ops, including names every object has (toString, __proto__, constructor)', () => {
    const op = fc.oneof(
      fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'proc.list ', 'PROC.LIST', 'proc', '', 'kernel.ping\u0000'),
      fc.constantFrom(...OPS).map((o) => o.toUpperCase()),
      fc.string({ maxLength: 20 }),
      cloneable,
    );
    // Examples: bugs this found (TypeError for an op every object has; JSON.stringify threw on a bigint op).
    const examples: [unknown, Record<string, unknown>, boolean][] = [
      ['toString', {}, true],
      ['__proto__', {}, true],
      [[0n], {}, true],
    ];
    fc.assert(
      fc.property(op, args, fc.boolean(), (o, rest, withOp) => check(withOp ? { ...rest, op: o } : rest)),
      { ...RUNS, examples },
    );
  }, HANG_MS);

  it('for anything that is not a request object', () => {
    fc.assert(fc.property(fc.oneof(cloneable, fc.array(plausible), fc.constant(Object.create(null) as unknown)), check), RUNS);
  }, HANG_MS);
});
