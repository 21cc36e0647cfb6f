import { describe, expect, it } from 'vitest';
import { parseTrace } from './parseTrace';
import { diamond } from './spanFixtures';

describe('parseTrace', () => {
  it('reads back a trace written as JSON', async () => {
    const { trace } = await diamond();
    const parsed = parseTrace(JSON.parse(JSON.stringify(trace)));
    expect(parsed).toEqual({ ok: true, value: trace });
  });

  it('rejects a malformed trace with TRACE_INVALID and the place of each fault', async () => {
    const { trace } = await diamond();
    const broken = JSON.parse(JSON.stringify(trace));
    broken.spans[2].start = '1001.5';
    broken.spans[3].kind = 'banana';
    const parsed = parseTrace(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('TRACE_INVALID');
    expect(parsed.error.message).toContain('$.spans[2].start');
    expect(parsed.error.message).toContain('$.spans[3].kind');
    expect((parsed.error.data.issues as unknown[]).length).toBe(2);
  });

  it('rejects something that is not a trace at all', () => {
    const parsed = parseTrace('hello');
    expect(parsed.ok).toBe(false);
  });
});
