import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sseParser';

const enc = new TextEncoder();

function parseChunks(chunks: readonly Uint8Array[]): SseEvent[] {
  const parser = createSseParser();
  const out: SseEvent[] = [];
  for (const c of chunks) out.push(...parser.push(c));
  out.push(...parser.end());
  return out;
}

const parseAll = (text: string): SseEvent[] => parseChunks([enc.encode(text)]);

/** A realistic OpenAI stream: role chunk, multi-byte text, fragmented tool call, usage, [DONE]; CRLF line ends. */
function openAiStream(): string {
  const chunk = (delta: unknown, finish: string | null = null) =>
    JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'gpt-4o-mini', choices: [{ index: 0, delta, finish_reason: finish }] });
  const lines = [
    chunk({ role: 'assistant', content: '' }),
    chunk({ content: 'Grüße aus Zürich 🌍 — ' }),
    chunk({ content: '日本語も' }),
    chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'add', arguments: '' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '{"a": 1,' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: ' "b": "é"}' } }] }),
    chunk({}, 'tool_calls'),
    JSON.stringify({ id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: 12, completion_tokens: 7 } }),
    '[DONE]',
  ];
  // A multi-line event too: a CRLF cut in half must not end it early.
  return `: keep-alive\r\n\r\nevent: note\r\nid: 1\r\ndata: line one\r\ndata: line two\r\n\r\n${lines.map((l) => `data: ${l}\r\n\r\n`).join('')}`;
}

describe('createSseParser', () => {
  it('parses data lines, event names, ids and comments', () => {
    const events = parseAll(': hello\n\nevent: delta\nid: 7\ndata: one\ndata:two\n\ndata:  three\n\n');
    expect(events).toEqual([
      { event: 'delta', data: 'one\ntwo', id: '7' },
      { event: 'message', data: ' three', id: '7' },
    ]);
  });

  it('treats CR, LF and CRLF alike', () => {
    const expected = [
      { event: 'message', data: 'a', id: '' },
      { event: 'message', data: 'b\nc', id: '' },
    ];
    expect(parseAll('data: a\r\rdata: b\rdata: c\r\r')).toEqual(expected);
    expect(parseAll('data: a\n\ndata: b\ndata: c\n\n')).toEqual(expected);
    expect(parseAll('data: a\r\n\r\ndata: b\r\ndata: c\r\n\r\n')).toEqual(expected);
  });

  it('dispatches an empty data field, skips blocks without data, and drops an unterminated event', () => {
    expect(parseAll('data\n\nevent: x\n\nid: 3\n\ndata: last')).toEqual([{ event: 'message', data: '', id: '' }]);
  });

  it('ignores ids containing NUL and unknown fields; reads retry', () => {
    const parser = createSseParser();
    const events = parser.push(enc.encode('id: 1\nid: a\0b\nfoo: bar\nretry: 2500\nretry: x\ndata: d\n\n'));
    expect(events).toEqual([{ event: 'message', data: 'd', id: '1' }]);
    expect(parser.retryMs).toBe(2500);
  });

  it('strips a leading BOM and only one leading space', () => {
    expect(parseAll('\uFEFFdata:   x\n\n')).toEqual([{ event: 'message', data: '  x', id: '' }]);
  });

  it('gives identical events for an OpenAI stream split at every byte position', () => {
    const bytes = enc.encode(openAiStream());
    const whole = parseChunks([bytes]);
    expect(whole).toHaveLength(10);
    expect(whole[0]).toEqual({ event: 'note', data: 'line one\nline two', id: '1' });
    expect(JSON.parse(whole[2]!.data).choices[0].delta.content).toBe('Grüße aus Zürich 🌍 — ');
    for (let i = 0; i <= bytes.length; i++) {
      expect(parseChunks([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(whole);
    }
    expect(parseChunks(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual(whole);
  });

  it('gives identical events for any random chunking (property)', () => {
    const bytes = enc.encode(openAiStream().replaceAll('\r\n', '\n') + 'data: x\r\rdata: y\r\n\r\n');
    const whole = parseChunks([bytes]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        const sorted = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = sorted.slice(1).map((end, i) => bytes.subarray(sorted[i], end));
        expect(parseChunks(chunks)).toEqual(whole);
      }),
    );
  });
});
