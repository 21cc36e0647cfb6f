import { beforeEach, describe, expect, it } from 'vitest';
import { WeftError } from '@/lib/core';
import type { Workflow } from '@/lib/workflow';
import { type CanvasClient, runCanvas } from './runCanvas';
import { useCanvasNotice } from './useCanvasNotice';
import { useCanvasRun } from './useCanvasRun';

const workflow: Workflow = {
  version: 1,
  id: 'w',
  name: 'w',
  nodes: ['fit', 'plot', 'other'].map((id, i) => ({ id, skill: 'step', params: {}, position: { x: i * 100, y: 0 } })),
  edges: [{ from: { node: 'fit', output: 'backend' }, to: { node: 'plot', input: 'width' } }],
};

/** A client whose `workflow.run` is refused the way the kernel refuses a workflow `workflow.check` finds errors in. */
function refusingClient(error: WeftError): CanvasClient {
  return { call: () => Promise.reject(error), on: () => () => {} } as unknown as CanvasClient;
}

beforeEach(() => {
  useCanvasRun.getState().reset();
  useCanvasNotice.setState({ notice: null });
});

describe('runCanvas on a refused run', () => {
  it('shows every problem (the bad edge named) and marks the node at fault; nothing looks run', async () => {
    const mismatch = 'The edge fit.backend → plot.width connects a string output to a number input: a string output cannot feed a number input.';
    const refusal = new WeftError('WORKFLOW_INVALID', `This workflow cannot run, so no node was started: ${mismatch}`, {
      problems: [{ code: 'TYPE_MISMATCH', nodeId: 'plot', message: mismatch, edge: workflow.edges[0] }],
    });
    await runCanvas(refusingClient(refusal), workflow);
    const notice = useCanvasNotice.getState().notice!;
    expect(notice.tone).toBe('error');
    expect(notice.text).toMatch(/cannot run, so no node was started/);
    expect(notice.details).toEqual([mismatch]);
    const run = useCanvasRun.getState();
    expect(run.nodes.plot).toMatchObject({ status: 'error', reason: mismatch });
    expect(run.nodes.fit).toBeUndefined();
    expect(run.nodes.other).toBeUndefined();
  });

  it('says why a run failed for any other reason', async () => {
    await runCanvas(refusingClient(new WeftError('KERNEL_DEAD', 'The kernel stopped.')), workflow);
    expect(useCanvasNotice.getState().notice).toMatchObject({ tone: 'error', text: 'The run failed: The kernel stopped.' });
    expect(useCanvasRun.getState().nodes.fit?.status).toBe('cancelled');
  });
});
