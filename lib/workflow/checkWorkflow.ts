import type { ContextSkill, ExecutableSkill } from '../skills';
// Not (yet) exported from lib/spans: the same iterative Tarjan + BFS that verifyTrace uses for span cycles.
import { findCycles } from '../spans';
import { checkNodes } from './checkNodes';
import type { Workflow } from './types';
import { buildGraph, successors, type WorkflowGraph } from './workflowGraph';
import { edgeLabel, type WorkflowProblem } from './workflowProblem';

/** Finds a skill by name (user → team → system), or null. */
export type ResolveSkill = (name: string) => ExecutableSkill | ContextSkill | null;

export interface CheckWorkflowOptions {
  /** Permissions refused where the workflow will run: a node needing one is an error, not a warning. */
  readonly denied?: readonly string[];
}

/**
 * Every problem of a workflow against its skills, all at once, in O(V + E): duplicate ids,
 * edges to missing nodes, cycles (with their path), skills that do not resolve or cannot run,
 * required inputs left unbound, unknown params, edges from outputs or into inputs the skills do
 * not have, incompatible types (see `canConnect`), inputs fed twice, and permissions (a warning
 * "needs network", or an error when the permission is denied). An empty list means it can run.
 * @example const errors = checkWorkflow(w, (name) => catalog.get(name)).filter((p) => p.severity === 'error')
 */
export function checkWorkflow(workflow: Workflow, resolve: ResolveSkill, options: CheckWorkflowOptions = {}): WorkflowProblem[] {
  const graph = buildGraph(workflow);
  return [...structureProblems(workflow, graph), ...checkNodes(graph, resolve, options)];
}

/** Duplicate ids, dangling edges and cycles: the problems that make a graph unschedulable. */
export function structureProblems(workflow: Workflow, graph: WorkflowGraph): WorkflowProblem[] {
  const out: WorkflowProblem[] = [];
  for (const position of graph.duplicates) {
    const id = workflow.nodes[position]!.id;
    out.push({ code: 'NODE_DUPLICATE', nodeId: id, severity: 'error', message: `Two nodes have the id "${id}": give each node its own id.` });
  }
  for (const e of graph.dangling) {
    const edge = graph.edges[e]!;
    const missing = graph.from[e]! < 0 ? edge.from.node : edge.to.node;
    out.push({
      code: 'EDGE_NODE_MISSING',
      nodeId: null,
      edge,
      severity: 'error',
      message: `The edge ${edgeLabel(edge)} refers to node "${missing}", which is not in the workflow: remove the edge.`,
    });
  }
  for (const cycle of findCycles(successors(graph))) {
    const ids = cycle.map((i) => graph.nodes[i]!.id);
    out.push({
      code: 'WORKFLOW_CYCLE',
      nodeId: ids[0]!,
      cycle: ids,
      severity: 'error',
      message: `These nodes form a cycle: ${[...ids, ids[0]].join(' → ')}. A workflow must not loop back on itself: remove one of these edges.`,
    });
  }
  return out;
}
