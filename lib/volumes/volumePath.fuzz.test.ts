import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectResult } from '../core/fuzzing';
import { parseVolumePath } from './volumePath';

const RUNS = { numRuns: 10_000 };
const HANG_MS = 60_000;

/** What every accepted path satisfies: it names a file inside the volume and outside git's data, unchanged. */
function checkAccepted(input: unknown, path: string): void {
  const fail = (why: string) => {
    throw new Error(`accepted ${JSON.stringify(input)}, which ${why}`);
  };
  if (path !== input) fail(`came back as ${JSON.stringify(path)}`);
  if (path.length === 0 || path.length > 1024) fail(`has length ${path.length}`);
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) fail('is absolute');
  if (path.includes('\\')) fail('has a backslash');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) fail('has a control character');
  if (!path.isWellFormed()) fail('has a lone surrogate (it cannot be written as UTF-8, as git stores names)');
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') fail(`has the segment ${JSON.stringify(segment)}`);
    if (segment.toLowerCase() === '.git') fail('reaches into .git');
  }
}

const check = (input: unknown) => {
  const path = expectResult(() => parseVolumePath(input), ['VOLUME_PATH_INVALID']);
  if (path !== null) checkAccepted(input, path);
};

/** Pieces of paths that try to get out of the volume or into .git, with look-alikes and odd characters. */
const SEGMENTS = [
  '..', '.', '', '...', '.git', '.GIT', '.Git', '.git ', '.git.', 'git~1', '.gitmodules', 'git', '.g\u200cit', '%2e%2e', '%2f', '~', 'C:', 'c:', 'CON', 'nul',
  '．．', '‥', '．', '∕', '⁄', '／', '＼', '\u2215..', '..\u0000', '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '\u202e', '\ufeff', '\ud800', '\udfff', '🌍', 'e\u0301', 'é',
  'skills', 'csv-stats', 'SKILL.md', 'a b', ' ', '\t', 'x'.repeat(255),
];
const SEPARATORS = ['/', '/', '/', '\\', '//', '/./', '/../', ''];

const segment = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SEGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) });
const traversal = fc
  .tuple(fc.constantFrom('', '', '', '/', '\\', './', '../', 'C:\\', 'c:/', '//'), fc.array(fc.tuple(segment, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([lead, parts, trailing]) => {
    const text = lead + parts.map(([s, sep], i) => (i === parts.length - 1 ? s : s + sep)).join('');
    return trailing ? `${text}/` : text;
  });
/** Paths around the 1024-character limit. */
const long = fc.tuple(fc.integer({ min: 1000, max: 1100 }), fc.constantFrom('a', 'é', '/b', '🌍', '..')).map(([n, unit]) => `skills/${unit.repeat(Math.ceil(n / unit.length))}`.slice(0, n));

describe('parseVolumePath (fuzz)', () => {
  it('refuses every traversal attempt with VOLUME_PATH_INVALID and accepts only paths inside the volume', () => {
    // Examples: bugs this found (a lone surrogate was accepted).
    const examples: [string][] = [['skills/a\ud83c'], ['\udc00']];
    fc.assert(fc.property(fc.oneof({ weight: 6, arbitrary: traversal }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) }, { weight: 1, arbitrary: long }), check), { ...RUNS, examples });
  }, HANG_MS);

  it('never throws for any value at all, only returns a coded error for what is not a string', () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true });
    const cyclic = fc.constant(null).map(() => {
      const o: Record<string, unknown> = {};
      o.self = o;
      return o;
    });
    // Examples: bugs this found (JSON.stringify threw on a bigint; a symbol in the error's data could not cross postMessage).
    const examples: [unknown][] = [[1n], [Symbol('x')]];
    fc.assert(fc.property(fc.oneof(anything, cyclic, fc.constantFrom(Symbol('x'), () => 'x', undefined)), check), { ...RUNS, examples });
  }, HANG_MS);
});
