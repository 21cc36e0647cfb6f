import { err, ok, type Result, WeftError } from '../core';

/**
 * Checks a path inside a volume: relative, `/`-separated, no `.` or `..` segments, no empty
 * segments, no NUL or control characters, no `.git` segment. Returns the normalised path.
 * @example parseVolumePath('skills/csv-stats/SKILL.md').ok === true; parseVolumePath('../x').ok === false
 */
export function parseVolumePath(path: unknown): Result<string, WeftError> {
  const refuse = (why: string) =>
    err(new WeftError('VOLUME_PATH_INVALID', `The path ${JSON.stringify(path)} cannot be used in a volume: ${why}. Use a relative path such as "skills/<name>/SKILL.md".`, { path, why }));
  if (typeof path !== 'string' || path.length === 0) return refuse('it is empty');
  if (path.length > 1024) return refuse('it is longer than 1024 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return refuse('it contains a NUL or control character');
  if (path.includes('\\')) return refuse('it contains a backslash');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return refuse('it is absolute');
  const segments = path.split('/');
  if (segments.some((s) => s === '')) return refuse('it has an empty segment ("//" or a trailing "/")');
  if (segments.some((s) => s === '.' || s === '..')) return refuse('it tries to leave its folder with "." or ".."');
  if (segments.some((s) => s.toLowerCase() === '.git')) return refuse('it reaches into git’s own data');
  return ok(path);
}
