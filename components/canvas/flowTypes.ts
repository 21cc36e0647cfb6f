/** The React Flow shapes of the canvas: a node wraps one workflow node, an edge one workflow edge. */
import type { Edge, Node } from '@xyflow/react';
import type { WorkflowNode } from '@/lib/workflow';

export interface SkillNodeData extends Record<string, unknown> {
  readonly node: WorkflowNode;
  /** Inputs bound by an edge, so they show no param field. */
  readonly bound: readonly string[];
}

export type SkillFlowNode = Node<SkillNodeData, 'skill'>;
export type SkillFlowEdge = Edge<{ readonly type: string }>;

/** The dataTransfer type a skill carries when dragged onto the canvas. */
export const SKILL_DRAG_TYPE = 'application/x-weft-skill';
