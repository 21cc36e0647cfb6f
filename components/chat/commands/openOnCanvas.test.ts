import { beforeEach, describe, expect, it } from 'vitest';
import { useCanvasRun } from '@/components/canvas/useCanvasRun';
import { emptyWorkflow, useCanvasStore } from '@/components/canvas/useCanvasStore';
import type { Workflow, WorkflowNode } from '@/lib/workflow';
import { openOnCanvas } from './openOnCanvas';

const node = (id: string) => ({ id, skill: 'csv-stats', params: {}, position: { x: 0, y: 0 } }) as unknown as WorkflowNode;
const drafted: Workflow = { ...emptyWorkflow('csv-plot'), nodes: [node('a'), node('b')] };

beforeEach(() => {
  useCanvasStore.getState().load(emptyWorkflow(), null);
  useCanvasRun.getState().reset();
});

describe('openOnCanvas', () => {
  it('opens the workflow as the Open menu does: a fresh history, the last run cleared', () => {
    useCanvasRun.getState().begin('old-run', ['a'], 0);
    expect(openOnCanvas(drafted)).toEqual({ undoable: false });
    const canvas = useCanvasStore.getState();
    expect(canvas.workflow).toBe(drafted);
    expect(canvas.past).toEqual([]);
    expect(useCanvasRun.getState().phase).toBe('idle');
  });

  it('keeps unsaved edits one Undo away', () => {
    const mine = node('mine');
    useCanvasStore.getState().apply({ type: 'add', nodes: [mine], edges: [] });
    expect(openOnCanvas(drafted)).toEqual({ undoable: true });
    expect(useCanvasStore.getState().workflow).toBe(drafted);
    useCanvasStore.getState().undo();
    expect(useCanvasStore.getState().workflow.nodes).toEqual([mine]);
  });
});
