import { describe, expect, it } from 'vitest';
import { diamond } from '@/lib/spans/spanFixtures';
import { jsonFile, otlpFile } from './exportFiles';

describe('export files', () => {
  it('writes OTLP/JSON named after the trace id, one OTLP span per span', async () => {
    const { trace } = await diamond();
    const file = otlpFile(trace);
    expect(file.name).toBe(`trace-${trace.traceId}.otlp.json`);
    expect(file.type).toBe('application/json');
    const body = JSON.parse(file.text);
    expect(body.resourceSpans[0].scopeSpans[0].spans).toHaveLength(4);
  });

  it('writes the whole trace as JSON that reads back equal', async () => {
    const { trace } = await diamond();
    const file = jsonFile(trace);
    expect(file.name).toBe(`trace-${trace.traceId}.json`);
    expect(JSON.parse(file.text)).toEqual(trace);
  });
});
