'use client';

/**
 * The React Flow nodes and edges of the document. Nodes keep what React Flow measured (their
 * size) across document changes, and a node whose workflow node, bound inputs and selection did
 * not change keeps its object, so React Flow and the memoised node component skip it.
 */
import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { WorkflowNode } from '@/lib/workflow';
import { edgeId } from './canvasChange';
import type { SkillFlowEdge, SkillFlowNode } from './flowTypes';
import { ioColor } from './ioStyle';
import { useCanvasRun } from './useCanvasRun';
import { useCanvasStore } from './useCanvasStore';
import { useSkillSpecs } from './useSkillSpecs';

export function useFlowNodes(): [SkillFlowNode[], (changes: NodeChange<SkillFlowNode>[]) => void] {
  const nodes = useCanvasStore((s) => s.workflow.nodes);
  const edges = useCanvasStore((s) => s.workflow.edges);
  const selected = useCanvasStore((s) => s.selected);
  const [flowNodes, setFlowNodes] = useState<SkillFlowNode[]>([]);
  const [synced, setSynced] = useState<{ nodes: readonly WorkflowNode[]; edges: unknown; selected: unknown } | null>(null);

  if (!synced || synced.nodes !== nodes || synced.edges !== edges || synced.selected !== selected) {
    setSynced({ nodes, edges, selected });
    const bound = new Map<string, string[]>();
    for (const e of edges) (bound.get(e.to.node) ?? bound.set(e.to.node, []).get(e.to.node)!).push(e.to.input);
    const previous = new Map(flowNodes.map((n) => [n.id, n]));
    setFlowNodes(
      nodes.map((node) => {
        const prev = previous.get(node.id);
        const boundHere = (bound.get(node.id) ?? []).sort();
        const isSelected = selected.has(node.id);
        if (prev && prev.data.node === node && prev.data.bound.join() === boundHere.join() && !!prev.selected === isSelected) return prev;
        return {
          ...(prev ?? {}),
          id: node.id,
          type: 'skill',
          position: node.position,
          selected: isSelected,
          data: { node, bound: prev && prev.data.bound.join() === boundHere.join() ? prev.data.bound : boundHere },
        };
      }),
    );
  }

  // Only React Flow's own bookkeeping (sizes) is applied here; moves and selection go through the store.
  const onMeasure = useCallback((changes: NodeChange<SkillFlowNode>[]) => {
    const dimensions = changes.filter((c) => c.type === 'dimensions');
    if (dimensions.length > 0) setFlowNodes((ns) => applyNodeChanges(dimensions, ns));
  }, []);
  return [flowNodes, onMeasure];
}

export function useFlowEdges(selectedEdges: ReadonlySet<string>): SkillFlowEdge[] {
  const edges = useCanvasStore((s) => s.workflow.edges);
  const specs = useSkillSpecs((s) => s.specs);
  const nodes = useCanvasStore((s) => s.workflow.nodes);
  const critical = useCanvasRun((s) => s.prediction?.criticalPath.nodeIds);
  const running = useCanvasRun((s) => s.nodes);
  return useMemo(() => {
    const skillOf = new Map(nodes.map((n) => [n.id, n.skill]));
    const onPath = new Set<string>();
    if (critical) for (let i = 1; i < critical.length; i++) onPath.add(`${critical[i - 1]}>${critical[i]}`);
    return edges.map((e) => {
      const id = edgeId(e);
      const type = specs[skillOf.get(e.from.node) ?? '']?.outputs.find((o) => o.name === e.from.output)?.type ?? 'any';
      const hot = onPath.has(`${e.from.node}>${e.to.node}`);
      const status = running[e.to.node]?.status;
      return {
        id,
        source: e.from.node,
        sourceHandle: e.from.output,
        target: e.to.node,
        targetHandle: e.to.input,
        selected: selectedEdges.has(id),
        animated: status === 'running' || status === 'queued',
        className: hot ? 'weft-critical' : undefined,
        style: { stroke: ioColor(type), strokeWidth: hot ? 3 : 1.75 },
        data: { type },
      };
    });
  }, [edges, specs, nodes, critical, running, selectedEdges]);
}
