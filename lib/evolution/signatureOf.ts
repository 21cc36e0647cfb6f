import { WeftError } from '../core';
import type { WorkflowEdge } from '../workflow';
import { canonicalOrder, type IndexedEdge } from './canonicalOrder';
import { stringHash } from './stringHash';
import { EvolutionReason } from './types';

/** What a signature reads of a workflow: node ids and skills, and the edges. */
export interface WorkflowShape {
  readonly nodes: readonly { readonly id: string; readonly skill: string }[];
  readonly edges: readonly WorkflowEdge[];
}

export interface Signature {
  /** Canonical text: `nodes=<skills in canonical order>;edges=<k.output>m.input, sorted>`. */
  readonly signature: string;
  /** `wf-` and a hash of the signature (a-z 0-9 -): the pattern's id. */
  readonly id: string;
  /** `order[k]` is the index in `workflow.nodes` of the k-th node in canonical order. */
  readonly order: readonly number[];
}

/**
 * A workflow's structure signature: its skills and its wiring, independent of node ids, params,
 * positions and the order nodes are listed in. A different skill or edge gives a different one.
 * Throws on an edge to a node that does not exist (parse the workflow first).
 * @example signatureOf(wf).signature === 'nodes=csv-load,csv-stats;edges=0.rows>1.table'
 */
export function signatureOf(workflow: WorkflowShape): Signature {
  const index = new Map(workflow.nodes.map((n, i) => [n.id, i]));
  const edges: IndexedEdge[] = workflow.edges.map((e) => {
    const from = index.get(e.from.node);
    const to = index.get(e.to.node);
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? e.from.node : e.to.node;
      throw new WeftError('WORKFLOW_INVALID', `An edge names the node "${missing}", which the workflow does not have. Parse the workflow before signing it.`, { reason: EvolutionReason.workflowInvalid, node: missing });
    }
    return { from, output: e.from.output, to, input: e.to.input };
  });
  const order = canonicalOrder(workflow.nodes.map((n) => n.skill), edges);
  const position = new Array<number>(order.length);
  order.forEach((i, k) => (position[i] = k));
  const skills = order.map((i) => workflow.nodes[i]!.skill).join(',');
  const wires = edges.map((e) => `${position[e.from]}.${e.output}>${position[e.to]}.${e.input}`).sort();
  const signature = `nodes=${skills};edges=${wires.join(',')}`;
  return { signature, id: `wf-${stringHash(signature)}`, order };
}
