import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { skillProblem } from './skillProblems';
import type { SkillProblem } from './types';

/** A path into the frontmatter: map keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** Parsed YAML frontmatter that still knows where each field is in the file. */
export interface Frontmatter {
  /** The frontmatter as plain data (`{}` when empty); not a plain object when it is not a mapping. */
  readonly data: unknown;
  /** YAML syntax errors and duplicate keys, with file lines. */
  readonly problems: readonly SkillProblem[];
  /** False when the YAML has syntax errors (duplicate keys aside): `data` cannot be trusted then. */
  readonly readable: boolean;
  /** 1-based file line of the field at `path`, or of its nearest ancestor that exists. */
  lineOf(path: FieldPath): number;
  /** The source text of an unquoted number or boolean at `path` (`1.0` stays `1.0`), else null. */
  plainSource(path: FieldPath): string | null;
}

/** Dotted field name for a path: `inputs.0.type`. */
export const fieldName = (path: readonly PropertyKey[]) => path.map(String).join('.');

const pathKey = (path: FieldPath) => path.map(String).join('\u0000');

interface Located {
  readonly line: number;
  readonly node: unknown;
}

/**
 * Parses frontmatter YAML (`yamlLine` is the file line of its first line); duplicate keys are
 * problems. Never throws, and stays linear in the size of the YAML however many keys it has.
 */
export function readFrontmatter(yaml: string, yamlLine: number): Frontmatter {
  const counter = new LineCounter();
  // yaml's own uniqueKeys check is quadratic in the number of keys (10 s for 40,000): checked below instead.
  // Known tags (!!binary, !!timestamp, !!set…) stay plain data, so every value round-trips as text.
  const doc = parseDocument(yaml, { uniqueKeys: false, resolveKnownTags: false, lineCounter: counter, prettyErrors: false, logLevel: 'error' });
  const fileLine = (offset: number) => counter.linePos(offset).line + yamlLine - 1;
  const problems: SkillProblem[] = [];
  let readable = true;
  for (const e of doc.errors) {
    readable = false;
    const line = fileLine(e.pos[0]);
    problems.push(skillProblem('SKILL_YAML_SYNTAX', null, line, `The frontmatter is not valid YAML on line ${line}: ${e.message.replace(/\s+/g, ' ').trim()}`));
  }
  const index = new Map<string, Located>();
  const root: Located = { line: yamlLine - 1, node: doc.contents };
  const stack: { path: FieldPath; node: unknown }[] = [{ path: [], node: doc.contents }];
  while (stack.length > 0) {
    const { path, node } = stack.pop()!;
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const at = [...path, key];
        const start = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0];
        const line = start === undefined ? (index.get(pathKey(path))?.line ?? root.line) : fileLine(start);
        const first = seen.get(key);
        if (first !== undefined) {
          const field = fieldName(at);
          problems.push(skillProblem('SKILL_DUPLICATE_KEY', field, line, `${field} appears more than once (on lines ${first} and ${line}): keep one of them.`));
        } else seen.set(key, line);
        index.set(pathKey(at), { line, node: pair.value }); // the last one wins, as in the data
        stack.push({ path: at, node: pair.value });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const start = (item as Node | null)?.range?.[0];
        const at = [...path, i];
        index.set(pathKey(at), { line: start === undefined ? (index.get(pathKey(path))?.line ?? root.line) : fileLine(start), node: item });
        stack.push({ path: at, node: item });
      });
    }
  }
  let data: unknown = {};
  if (readable && doc.contents) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
      // An alias inside its own anchor (`x: &a [*a]`) gives data that contains itself: no skill can be written back from it.
      if (yaml.includes('*') && containsItself(data)) {
        data = {};
        readable = false;
        problems.push(skillProblem('SKILL_YAML_SYNTAX', null, yamlLine, 'The frontmatter contains itself: an alias (*name) is inside the value it refers to (&name). Write that value out instead.'));
      }
    } catch (e) {
      readable = false;
      problems.push(skillProblem('SKILL_YAML_SYNTAX', null, yamlLine, `The frontmatter cannot be read: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  const find = (path: FieldPath): Located => {
    for (let n = path.length; n > 0; n--) {
      const found = index.get(pathKey(path.slice(0, n)));
      if (found) return n === path.length ? found : { line: found.line, node: null };
    }
    return path.length === 0 ? root : { line: root.line, node: null };
  };
  return {
    data,
    problems,
    readable,
    lineOf: (path) => find(path).line,
    plainSource: (path) => {
      const { node } = find(path);
      if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return null;
      if (typeof node.value !== 'number' && typeof node.value !== 'boolean') return null;
      return yaml.slice(node.range[0], node.range[1]).trim();
    },
  };
}

/** A map key as the data has it (yaml's toJS writes a null key as "" and other keys as text). */
function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return key === null || key === undefined ? '' : String(key);
}

/** True when plain data reaches itself (only YAML aliases can do that). Iterative: deep data cannot overflow it. */
function containsItself(data: unknown): boolean {
  const onPath = new Set<object>();
  const stack: { value: unknown; leaving: boolean }[] = [{ value: data, leaving: false }];
  while (stack.length > 0) {
    const { value, leaving } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (leaving) {
      onPath.delete(value);
      continue;
    }
    if (onPath.has(value)) return true;
    onPath.add(value);
    stack.push({ value, leaving: true });
    for (const child of Object.values(value)) stack.push({ value: child, leaving: false });
  }
  return false;
}
