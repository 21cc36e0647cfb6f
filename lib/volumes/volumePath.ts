import { err, ok, type Result, WeftError } from '../core';

/**
 * Checks a path inside a volume: relative, `/`-separated, no `.` or `..` segments, no empty
 * segments, no NUL or control characters, no lone surrogates, no `.git` segment. Returns the path unchanged.
 * @example parseVolumePath('skills/csv-stats/SKILL.md').ok === true; parseVolumePath('../x').ok === false
 */
export function parseVolumePath(path: unknown): Result<string, WeftError> {
  // Only a string is quoted back or kept in `data`: JSON.stringify throws on a bigint or a cycle, and the error must survive postMessage.
  const refuse = (why: string) =>
    err(new WeftError('VOLUME_PATH_INVALID', `The path ${typeof path === 'string' ? JSON.stringify(path) : `(a ${typeof path}, not text)`} cannot be used in a volume: ${why}. Use a relative path such as "skills/<name>/SKILL.md".`, { path: typeof path === 'string' ? path : null, why }));
  if (typeof path !== 'string') return refuse('it is not text');
  if (path.length === 0) return refuse('it is empty');
  if (path.length > 1024) return refuse('it is longer than 1024 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return refuse('it contains a NUL or control character');
  // Git stores names as UTF-8, where a lone surrogate becomes U+FFFD: the file written would not be the one named.
  if (!path.isWellFormed()) return refuse('it contains a broken Unicode character (a lone surrogate)');
  if (path.includes('\\')) return refuse('it contains a backslash');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return refuse('it is absolute');
  const segments = path.split('/');
  if (segments.some((s) => s === '')) return refuse('it has an empty segment ("//" or a trailing "/")');
  if (segments.some((s) => s === '.' || s === '..')) return refuse('it tries to leave its folder with "." or ".."');
  if (segments.some((s) => s.toLowerCase() === '.git')) return refuse('it reaches into git’s own data');
  return ok(path);
}
