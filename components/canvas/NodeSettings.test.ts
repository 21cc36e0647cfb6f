import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from '@/lib/workflow';
import { withSetting } from './NodeSettings';

const node: WorkflowNode = { id: 'a', skill: 'csv-stats', params: {}, position: { x: 0, y: 0 } };

describe('withSetting', () => {
  it('sets a deadline in seconds as milliseconds, and clears it when blank or zero', () => {
    expect(withSetting(node, 'deadline_s', 2.5).timeoutMs).toBe(2500);
    expect(withSetting({ ...node, timeoutMs: 900 }, 'deadline_s', null)).not.toHaveProperty('timeoutMs');
    expect(withSetting({ ...node, timeoutMs: 900 }, 'deadline_s', 0)).not.toHaveProperty('timeoutMs');
  });

  it('sets a retry policy, keeps the other half, and removes it at zero retries', () => {
    const twice = withSetting(node, 'retries', 2);
    expect(twice.retry).toEqual({ count: 2, backoffMs: 1000 });
    expect(withSetting(twice, 'backoff_ms', 250).retry).toEqual({ count: 2, backoffMs: 250 });
    expect(withSetting(twice, 'retries', 0)).not.toHaveProperty('retry');
    expect(withSetting(node, 'backoff_ms', 250)).not.toHaveProperty('retry');
  });

  it('stays within what a workflow file allows', () => {
    expect(withSetting(node, 'retries', 50).retry?.count).toBe(10);
    expect(withSetting(withSetting(node, 'retries', 1), 'backoff_ms', 12.7).retry?.backoffMs).toBe(13);
    expect(withSetting(node, 'deadline_s', 1e9).timeoutMs).toBe(86_400_000);
  });
});
