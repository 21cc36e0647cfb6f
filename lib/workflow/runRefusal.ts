import { WeftError } from '../core';
import { checkNodes } from './checkNodes';
import { type CheckWorkflowOptions, type ResolveSkill, structureProblems } from './checkWorkflow';
import { WorkflowErrorCode } from './errorCodes';
import { closure } from './reachable';
import type { Workflow } from './types';
import { buildGraph, type WorkflowGraph } from './workflowGraph';
import { STRUCTURAL_CODES, type WorkflowProblem } from './workflowProblem';

/** Problems named in a refusal's message (all of them are in its data). */
const LISTED = 10;

export interface RefusalOptions extends CheckWorkflowOptions {
  /** The run executes only these nodes (and reads their ancestors): problems elsewhere do not refuse it. */
  readonly only?: ReadonlySet<string>;
}

/**
 * Why a workflow must not start, or null: every error `checkWorkflow` finds in the nodes the run
 * would touch (all of them, or `only` and their ancestors), and every structural one. Nothing
 * runs when one exists: a type mismatch on the last edge must not cost the first node's work.
 * @example const refusal = runRefusal(w, (name) => skills.get(name)?.skill ?? null); if (refusal) throw refusal
 */
export function runRefusal(workflow: Workflow, resolve: ResolveSkill, options: RefusalOptions = {}): WeftError | null {
  const graph = buildGraph(workflow);
  return refusalOf(graph, [...structureProblems(workflow, graph), ...checkNodes(graph, resolve, options)], options.only);
}

/** `runRefusal` over problems already found (structural and node ones, as `checkWorkflow` lists them). */
export function refusalOf(graph: WorkflowGraph, problems: readonly WorkflowProblem[], only?: ReadonlySet<string>): WeftError | null {
  const structural = problems.filter((p) => STRUCTURAL_CODES.has(p.code));
  if (structural.length > 0) return refusalError(structural);
  const scope = only ? closure(graph, [...only].flatMap((id) => graph.index.get(id) ?? []), 'up') : null;
  const inScope = (p: WorkflowProblem) => scope === null || p.nodeId === null || scope[graph.index.get(p.nodeId) ?? -1] === 1;
  const errors = problems.filter((p) => p.severity === 'error' && inScope(p));
  return errors.length > 0 ? refusalError(errors) : null;
}

/** The coded error of a refused run: WORKFLOW_CYCLE when a cycle is all that is wrong, else WORKFLOW_INVALID; `data.problems` holds every problem. */
function refusalError(problems: readonly WorkflowProblem[]): WeftError {
  const code = problems.every((p) => p.code === 'WORKFLOW_CYCLE') ? WorkflowErrorCode.cycle : WorkflowErrorCode.invalid;
  const listed = problems.slice(0, LISTED).map((p) => p.message).join(' ');
  const more = problems.length > LISTED ? ` (and ${problems.length - LISTED} more problems)` : '';
  const count = problems.length === 1 ? '' : ` (${problems.length} problems)`;
  return new WeftError(code, `This workflow cannot run${count}, so no node was started: ${listed}${more}`, {
    problems: problems.map((p) => ({ code: p.code, nodeId: p.nodeId, message: p.message, ...(p.edge ? { edge: p.edge } : {}) })),
  });
}
