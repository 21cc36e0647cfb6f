import type { WeftError } from './errors';

/** The outcome of an operation whose failure is expected (a parse error, a merge conflict). */
export type Result<T, E = WeftError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** The value of an ok result; throws the error of a failed one. */
export function unwrap<T, E>(result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw result.error;
}

/** For `switch` statements that must cover every case: a compile error if one is missed. */
export function exhaustive(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
