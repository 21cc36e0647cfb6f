import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertNotHung } from '../../core/fuzzing';
import { createSseParser, type SseEvent } from './sseParser';

const RUNS = { numRuns: 10_000 };
const HANG_MS = 60_000;
const utf8 = new TextEncoder();

/** All events of a stream fed in these chunks; the parser must not throw (it has no error to report). */
function parse(chunks: readonly Uint8Array[]): { events: SseEvent[]; retryMs: number | undefined } {
  const start = performance.now();
  const parser = createSseParser();
  const events: SseEvent[] = [];
  try {
    for (const chunk of chunks) events.push(...parser.push(chunk));
    events.push(...parser.end());
  } catch (e) {
    throw new Error(`the SSE parser threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
  }
  assertNotHung('the SSE parser', start);
  return { events, retryMs: parser.retryMs };
}

/** The bytes cut at the given offsets. */
function cut(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => bytes.subarray(start, at[i] ?? bytes.length));
}

/** Events are well formed, and the same however the bytes were cut. */
function check(bytes: Uint8Array, offsets: readonly number[]): void {
  const whole = parse([bytes]);
  for (const e of whole.events) {
    if (typeof e.event !== 'string' || e.event === '' || typeof e.data !== 'string' || typeof e.id !== 'string') throw new Error(`a malformed event ${JSON.stringify(e)}`);
    if (e.id.includes('\0')) throw new Error(`an id with NUL ${JSON.stringify(e.id)}`);
    if (/[\r\n]/.test(e.event) || /[\r\n]/.test(e.id)) throw new Error(`a line break in an event name or id ${JSON.stringify(e)}`);
  }
  if (whole.retryMs !== undefined && !(whole.retryMs >= 0)) throw new Error(`retry is ${whole.retryMs}`);
  const pieces = parse(cut(bytes, offsets));
  if (JSON.stringify(pieces) !== JSON.stringify(whole)) {
    throw new Error(`cut at ${offsets.join(', ')}, the stream gives other events:\n${JSON.stringify(pieces.events)}\nthan whole:\n${JSON.stringify(whole.events)}`);
  }
}

/** Event streams: lines of fields (some odd), ended by LF, CR or CRLF, events ended by a blank line (or not). */
const FIELDS = ['data:', 'data: ', 'data', 'event:', 'event: ', 'id:', 'id: ', 'retry:', 'retry: ', ':', ': ', 'Data:', ' data:', 'unknown:', ''];
const VALUES = ['', 'x', ' two spaces', '{"choices":[{"delta":{"content":"hi"}}]}', '[DONE]', 'delta', '7', 'a\u0000b', '2500', '99999999999999999999999', '-1', 'é', '日本', '🌍', '\uFEFF', '\u2028', '\u0085', ':'];
const lineEnd = fc.constantFrom('\n', '\n', '\r', '\r\n');
const line = fc.tuple(fc.constantFrom(...FIELDS), fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), lineEnd).map((p) => p.join(''));
const event = fc.tuple(fc.array(line, { minLength: 1, maxLength: 4 }), fc.oneof({ weight: 4, arbitrary: lineEnd }, { weight: 1, arbitrary: fc.constant('') })).map(([ls, end]) => ls.join('') + end);
const streamText = fc.tuple(fc.constantFrom('', '', '\uFEFF', ': hi\n\n'), fc.array(event, { maxLength: 8 })).map(([head, events]) => head + events.join(''));
/** Invalid UTF-8, a BOM and truncated sequences, to be spliced into the bytes. */
const badBytes = fc.constantFrom([0xff], [0xc0, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x8c], [0xef, 0xbb, 0xbf], [0xed, 0xa0, 0x80], [0x0d], [0x0a]);
const offsets = fc.array(fc.nat(), { maxLength: 12 });

describe('createSseParser (fuzz)', () => {
  it('for random bytes in random chunks', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), offsets, check), RUNS);
  }, HANG_MS);

  it('for event-stream-like text with invalid UTF-8 spliced in, in random chunks (a CRLF or a character cut in half included)', () => {
    fc.assert(
      fc.property(streamText, fc.array(fc.tuple(fc.nat(), badBytes), { maxLength: 3 }), offsets, (text, splices, cuts) => {
        let bytes = utf8.encode(text);
        for (const [at, bad] of splices) {
          const i = at % (bytes.length + 1);
          const out = new Uint8Array(bytes.length + bad.length);
          out.set(bytes.subarray(0, i));
          out.set(bad, i);
          out.set(bytes.subarray(i), i + bad.length);
          bytes = out;
        }
        check(bytes, cuts);
      }),
      RUNS,
    );
  }, HANG_MS);

  it('for one chunk per byte', () => {
    fc.assert(
      fc.property(streamText, (text) => {
        const bytes = utf8.encode(text);
        check(bytes, Array.from(bytes, (_, i) => i));
      }),
      RUNS,
    );
  }, HANG_MS);
});
