/**
 * The node drawer lies over the flow's right edge. When a node is opened and the drawer would
 * cover it, the view pans left just enough to show it beside the drawer (ephemeral: the viewport
 * is not part of the document, so this is no undo step).
 */
import { useReactFlow } from '@xyflow/react';
import { type RefObject, useEffect } from 'react';
import type { SkillFlowEdge, SkillFlowNode } from './flowTypes';

const MARGIN = 24;

export function useKeepClearOfDrawer(nodeId: string | null, drawerRef: RefObject<HTMLElement | null>): void {
  const flow = useReactFlow<SkillFlowNode, SkillFlowEdge>();
  useEffect(() => {
    if (!nodeId) return;
    // After the drawer has been laid out.
    const frame = requestAnimationFrame(() => {
      const drawer = drawerRef.current?.getBoundingClientRect();
      const node = flow.getInternalNode(nodeId);
      if (!drawer || !node) return;
      const { zoom, x, y } = flow.getViewport();
      const right = flow.flowToScreenPosition({ x: node.internals.positionAbsolute.x + (node.measured.width ?? 0), y: 0 }).x;
      const overlap = right + MARGIN - drawer.left;
      if (overlap <= 0) return;
      // Pan no further than keeps the node's left edge in view.
      const left = flow.flowToScreenPosition(node.internals.positionAbsolute).x;
      const flowLeft = drawer.right - (drawerRef.current?.parentElement?.getBoundingClientRect().width ?? 0);
      const shift = Math.min(overlap, Math.max(0, left - flowLeft - MARGIN));
      if (shift > 0) void flow.setViewport({ x: x - shift, y, zoom }, { duration: 200 });
    });
    return () => cancelAnimationFrame(frame);
  }, [nodeId, drawerRef, flow]);
}
