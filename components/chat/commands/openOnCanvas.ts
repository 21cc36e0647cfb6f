/**
 * Puts a workflow on the canvas as the toolbar's Open menu does (`useCanvasStore.load`, and the
 * last run's node states cleared). When the canvas holds unsaved edits it replaces the document
 * with one undoable change instead (as Import does), so those edits are not lost.
 */
import { useCanvasRun } from '@/components/canvas/useCanvasRun';
import { useCanvasStore } from '@/components/canvas/useCanvasStore';
import type { Workflow } from '@/lib/workflow';

export function openOnCanvas(workflow: Workflow): { readonly undoable: boolean } {
  const canvas = useCanvasStore.getState();
  const undoable = canvas.dirty > 0 && canvas.workflow.nodes.length > 0;
  if (undoable) canvas.apply({ type: 'replace', from: canvas.workflow, to: workflow });
  else canvas.load(workflow, null);
  useCanvasRun.getState().reset();
  return { undoable };
}
