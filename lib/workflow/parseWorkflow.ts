import { err, ok, type Result, WeftError } from '../core';
import { WorkflowErrorCode } from './errorCodes';
import { WORKFLOW_LIMITS, type WorkflowLimits } from './limits';
import { formatPath, isRecord, type ParseIssue, structureIssues, zodIssues } from './parseIssues';
import type { Workflow } from './types';
import { workflowSchema } from './workflowSchema';

export interface ParseWorkflowOptions {
  /** Override the size limits (tests, or a deliberately huge generated workflow). */
  readonly limits?: Partial<WorkflowLimits>;
}

/**
 * A workflow from JSON text or an already-parsed value, checked for shape (strict: unknown
 * fields are errors), unique node ids and edges between existing nodes. Every problem is listed
 * at once in one error (`data.issues`: `{ path, message }[]`). Sizes past `WORKFLOW_LIMITS` are
 * refused before anything else is read. Linear in the size of the input. Whether the skills
 * exist and the ports match is `checkWorkflow`'s job: parsing needs no skills.
 * @example const parsed = parseWorkflow(text); if (parsed.ok) checkWorkflow(parsed.value, resolve)
 */
export function parseWorkflow(input: unknown, options: ParseWorkflowOptions = {}): Result<Workflow, WeftError> {
  const limits = { ...WORKFLOW_LIMITS, ...options.limits };
  let value = input;
  if (typeof input === 'string') {
    if (input.length > limits.maxChars) return err(tooLarge(`the file is ${mb(input.length)} of text`, `${mb(limits.maxChars)}`, { chars: input.length }, limits));
    try {
      value = JSON.parse(input);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return err(new WeftError(WorkflowErrorCode.parse, `This workflow file is not valid JSON (${why}). Fix the file, or restore it from the volume's history.`, { issues: [{ path: '$', message: why }] }));
    }
  }
  if (isRecord(value)) {
    const nodes = Array.isArray(value.nodes) ? value.nodes.length : 0;
    const edges = Array.isArray(value.edges) ? value.edges.length : 0;
    if (nodes > limits.maxNodes) return err(tooLarge(`it has ${count(nodes)} nodes`, `${count(limits.maxNodes)} nodes`, { nodes }, limits));
    if (edges > limits.maxEdges) return err(tooLarge(`it has ${count(edges)} edges`, `${count(limits.maxEdges)} edges`, { edges }, limits));
  }
  const deep = tooDeep(value);
  if (deep !== null) {
    const message = `is nested more than ${MAX_DEPTH} levels deep${deep.endless ? ' (it contains itself)' : ''}`;
    return err(new WeftError(WorkflowErrorCode.parse, `This is not a valid workflow: ${deep.path} ${message}. Flatten that value and load it again.`, { issues: [{ path: deep.path, message }] }));
  }
  const parsed = workflowSchema.safeParse(value, { reportInput: true });
  const issues: ParseIssue[] = [...(parsed.success ? [] : zodIssues(parsed.error.issues)), ...structureIssues(value)];
  if (issues.length === 0 && parsed.success) return ok(parsed.data as Workflow);
  const listed = issues.slice(0, 5).map((i) => `${i.path} ${i.message}`).join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return err(new WeftError(WorkflowErrorCode.parse, `This is not a valid workflow: ${listed}${more}. Fix these fields and load it again.`, { issues }));
}

/** How deep a workflow may nest (a node's params hold values at level 4). zod reads recursively and overflows the stack near 1,500 levels. */
const MAX_DEPTH = 100;

interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly key: string | number;
  readonly parent: Visit | null;
}

/**
 * Where the first array or object nested MAX_DEPTH deep is (a value that contains itself is
 * endlessly deep), or null. Iterative, and stops there: it can neither overflow nor loop.
 */
function tooDeep(value: unknown): { path: string; endless: boolean } | null {
  const stack: Visit[] = [{ value, depth: 0, key: '$', parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (typeof v !== 'object' || v === null) continue;
    if (visit.depth >= MAX_DEPTH) {
      const keys: (string | number)[] = [];
      let endless = false;
      for (let at: Visit | null = visit; at?.parent; at = at.parent) {
        keys.unshift(at.key);
        if (at.parent.value === v) endless = true;
      }
      return { path: `${formatPath(keys.slice(0, 8))}…`, endless };
    }
    const push = (item: unknown, key: string | number) => stack.push({ value: item, depth: visit.depth + 1, key, parent: visit });
    if (Array.isArray(v)) v.forEach(push);
    else if (isPlainObject(v)) for (const key of Object.keys(v)) push((v as Record<string, unknown>)[key], key);
  }
  return null;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function tooLarge(what: string, limit: string, data: Record<string, unknown>, limits: WorkflowLimits): WeftError {
  return new WeftError(WorkflowErrorCode.tooLarge, `This workflow is too large to open: ${what}, and Weft accepts at most ${limit}. Split it into smaller workflows (a workflow can be used as a node of another).`, {
    ...data,
    limits: { ...limits },
  });
}

const count = (n: number) => n.toLocaleString('en-US');
const mb = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MB`;
