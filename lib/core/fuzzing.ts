/**
 * Helpers for the fuzz tests (`*.fuzz.test.ts`; not exported from lib/core): what a parser may
 * fail with, and when one input takes so long that it counts as a hang. Each throws a plain
 * Error naming the problem, so fast-check reports (and shrinks) the input that caused it.
 */
import { ERROR_CODES, type ErrorCode, isWeftErrorData, WeftError } from './errors';
import type { Result } from './result';

/**
 * How long one input may take. Inputs take microseconds to a few milliseconds (a 20,000-node
 * workflow, a 900 KB SKILL.md: ~50 ms), so past this it is a loop gone wrong, not a slow machine.
 * A synchronous hang cannot be interrupted: this catches the near-hangs (seconds per input).
 */
export const CASE_HANG_MS = 2_000;

/** Runs `run`, and fails if it took longer than CASE_HANG_MS. */
export function notHung<T>(what: string, run: () => T): T {
  const start = performance.now();
  const value = run();
  assertNotHung(what, start);
  return value;
}

/** Fails if more than CASE_HANG_MS passed since `start` (a `performance.now()`). */
export function assertNotHung(what: string, start: number): void {
  const ms = performance.now() - start;
  if (ms > CASE_HANG_MS) throw new Error(`${what} took ${Math.round(ms)} ms for one input (a near-hang)`);
}

/**
 * Asserts that `e` is a `WeftError` with a known code (one of `codes` when given) whose plain
 * form is `WeftErrorData` and survives `postMessage` (structured clone).
 */
export function assertCodedError(e: unknown, codes: readonly ErrorCode[] = ERROR_CODES): asserts e is WeftError {
  if (!(e instanceof WeftError)) {
    throw new Error(`expected a WeftError, got ${e instanceof Error ? `${e.name}: ${e.message}` : typeof e}`, { cause: e });
  }
  if (!(ERROR_CODES as readonly string[]).includes(e.code)) throw new Error(`unknown error code ${JSON.stringify(e.code)}`, { cause: e });
  if (!codes.includes(e.code)) throw new Error(`expected one of ${codes.join(', ')}, got ${e.code}: ${e.message}`, { cause: e });
  if (e.message.trim() === '') throw new Error(`${e.code} has an empty message`, { cause: e });
  const json = e.toJSON();
  if (!isWeftErrorData(json)) throw new Error(`${e.code}: toJSON() is not WeftErrorData`, { cause: e });
  try {
    structuredClone(json);
  } catch (cloneError) {
    throw new Error(`${e.code}: its data cannot cross postMessage (${String(cloneError)})`, { cause: cloneError });
  }
}

/**
 * Calls a parser that returns a Result: it must not throw at all nor (nearly) hang, and a
 * failure must carry a coded `WeftError` (see `assertCodedError`). Returns the value, or null.
 */
export function expectResult<T>(parse: () => Result<T, WeftError>, codes?: readonly ErrorCode[]): T | null {
  let result: Result<T, WeftError>;
  const start = performance.now();
  try {
    result = parse();
  } catch (e) {
    throw new Error(`threw instead of returning a Result: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
  assertNotHung('the parser', start);
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') throw new Error('did not return a Result');
  if (result.ok) return result.value;
  assertCodedError(result.error, codes);
  return null;
}
