import { err, ok, type Result, WeftError } from '../core';
import type { ExecutableSkill } from '../skills';
import { WorkflowErrorCode } from './errorCodes';
import type { WorkflowEdge, WorkflowNode } from './types';

/** An edge into the node and the outputs of the node it comes from. */
export interface IncomingValue {
  readonly edge: WorkflowEdge;
  readonly outputs: Readonly<Record<string, unknown>>;
}

/**
 * A node's inputs: its skill's defaults, overridden by the node's params, overridden by the
 * values arriving along edges. An edge whose upstream node did not return the output it reads is
 * an error naming both (the upstream node's code broke its declared outputs).
 */
export function bindNodeInputs(skill: ExecutableSkill, node: WorkflowNode, incoming: readonly IncomingValue[]): Result<Record<string, unknown>, WeftError> {
  const inputs: Record<string, unknown> = {};
  for (const input of skill.inputs) if (input.default !== undefined) inputs[input.name] = structuredClone(input.default);
  for (const [name, value] of Object.entries(node.params)) if (value !== undefined) inputs[name] = value;
  for (const { edge, outputs } of incoming) {
    if (!Object.prototype.hasOwnProperty.call(outputs, edge.from.output)) {
      const returned = Object.keys(outputs);
      return err(
        new WeftError(
          WorkflowErrorCode.inputMissing,
          `Node "${node.id}" takes "${edge.to.input}" from ${edge.from.node}.${edge.from.output}, but node "${edge.from.node}" returned no "${edge.from.output}" (it returned ${returned.length ? returned.join(', ') : 'nothing'}). Fix that skill's outputs, or connect another output.`,
          { nodeId: node.id, from: edge.from, returned },
        ),
      );
    }
    inputs[edge.to.input] = outputs[edge.from.output];
  }
  return ok(inputs);
}
