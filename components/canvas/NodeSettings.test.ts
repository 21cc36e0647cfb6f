import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from '@/lib/workflow';
import { RUN_SETTING_FIELDS, withSetting } from './NodeSettings';
import { parseParamText } from './ParamField';

const node: WorkflowNode = { id: 'a', skill: 'csv-stats', params: {}, position: { x: 0, y: 0 } };

describe('withSetting', () => {
  it('sets a deadline in seconds as milliseconds, and clears it when blank or zero', () => {
    expect(withSetting(node, 'deadline_s', 2.5).timeoutMs).toBe(2500);
    expect(withSetting({ ...node, timeoutMs: 900 }, 'deadline_s', null)).not.toHaveProperty('timeoutMs');
    expect(withSetting({ ...node, timeoutMs: 900 }, 'deadline_s', 0)).not.toHaveProperty('timeoutMs');
  });

  it('takes a blank deadline as valid, meaning the skill’s own timeout; a blank required number stays invalid', () => {
    const deadline = RUN_SETTING_FIELDS.find((f) => f.name === 'deadline_s')!;
    const blank = parseParamText(deadline, '  ');
    expect(blank).toEqual({ ok: true, value: undefined });
    expect(withSetting({ ...node, timeoutMs: 900 }, 'deadline_s', blank.ok ? blank.value : 'kept')).not.toHaveProperty('timeoutMs');
    expect(parseParamText(deadline, '2.5')).toEqual({ ok: true, value: 2.5 });
    expect(parseParamText(deadline, 'soon')).toEqual({ ok: false, problem: 'deadline_s needs a number' });
    expect(parseParamText({ name: 'bins', type: 'number' }, '')).toEqual({ ok: false, problem: 'bins needs a number' });
    expect(parseParamText({ name: 'bins', type: 'number', default: 10 }, '')).toEqual({ ok: true, value: undefined });
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
