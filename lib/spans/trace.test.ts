import { describe, expect, it } from 'vitest';
import { hashJson } from '../core';
import { diamond, TRACE_ID } from './spanFixtures';
import { makeTrace, traceRootHash } from './trace';

describe('makeTrace', () => {
  it('commits to the sorted span ids, whatever the order of the spans', async () => {
    const { run, left, right, join, trace } = await diamond();
    const sorted = [run.id, left.id, right.id, join.id].sort();
    expect(trace.rootHash).toBe(await hashJson(sorted));
    expect((await makeTrace(TRACE_ID, [join, right, left, run])).rootHash).toBe(trace.rootHash);
    expect(trace.spans).toEqual([run, left, right, join]);
  });

  it('changes when a span is added or removed', async () => {
    const { run, left, trace } = await diamond();
    expect(await traceRootHash([run, left])).not.toBe(trace.rootHash);
    expect(await traceRootHash([...trace.spans, run])).not.toBe(trace.rootHash);
  });
});
