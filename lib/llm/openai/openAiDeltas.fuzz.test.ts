import fc from 'fast-check';
import { describe, it } from 'vitest';
import { assertCodedError, assertNotHung } from '../../core/fuzzing';
import { createSseParser } from '../sse/sseParser';
import type { ChatDelta, FinishReason } from '../types';
import { createOpenAiDeltas } from './openAiDeltas';

const RUNS = { numRuns: 10_000 };
const HANG_MS = 60_000;
const FINISH_REASONS: readonly FinishReason[] = ['stop', 'length', 'tool_calls', 'content_filter', 'cancelled', 'other'];
const CODES = ['LLM_BAD_RESPONSE', 'LLM_SERVER'] as const;

interface Outcome {
  readonly deltas: ChatDelta[];
  /** The code of the coded error that ended the stream, if one did. */
  readonly error: string | null;
}

/**
 * Feeds payloads as the provider does (push each, then finish) and stops at the first error,
 * which must be a coded WeftError. Checks every delta, and that the end comes once, last.
 */
function run(payloads: readonly string[]): Outcome {
  const start = performance.now();
  const deltas = createOpenAiDeltas('asked-model');
  const out: ChatDelta[] = [];
  let fragments = 0;
  try {
    for (const p of payloads) {
      fragments += toolCallFragments(p);
      const wasDone = deltas.done;
      const got = deltas.push(p);
      if (wasDone && got.length > 0) throw new Error('a payload after [DONE] gave deltas');
      out.push(...got);
    }
    out.push(...deltas.finish());
  } catch (e) {
    assertNotHung('the stream', start);
    assertCodedError(e, CODES);
    checkDeltas(out, false, fragments);
    return { deltas: out, error: e.code };
  }
  assertNotHung('the stream', start);
  checkDeltas(out, true, fragments);
  return { deltas: out, error: null };
}

/** How many tool-call fragments a payload carries (in choices[0], the one the stream reads). */
function toolCallFragments(payload: string): number {
  try {
    const calls = (JSON.parse(payload) as { choices?: { delta?: { tool_calls?: unknown } }[] } | null)?.choices?.[0]?.delta?.tool_calls;
    return Array.isArray(calls) ? calls.length : 0;
  } catch {
    return 0;
  }
}

function checkDeltas(deltas: readonly ChatDelta[], finished: boolean, fragments: number): void {
  const fail = (why: string) => {
    throw new Error(`${why}: ${JSON.stringify(deltas).slice(0, 500)}`);
  };
  const ends = deltas.filter((d) => d.type === 'end');
  if (finished ? ends.length !== 1 || deltas[deltas.length - 1]?.type !== 'end' : ends.length !== 0) fail('the end is not once and last');
  let calls = 0;
  for (const d of deltas) {
    if (d.type === 'text') {
      if (typeof d.text !== 'string' || d.text === '') fail('a text delta without text');
    } else if (d.type === 'tool_call') {
      calls++;
      const { id, name, argumentsText } = d.call;
      if (typeof id !== 'string' || id === '' || typeof name !== 'string' || name === '' || typeof argumentsText !== 'string') fail('a tool call without id, name or arguments text');
    } else if (d.type === 'end') {
      if (!FINISH_REASONS.includes(d.finishReason)) fail(`the finish reason ${String(d.finishReason)}`);
      if (typeof d.model !== 'string') fail('an end without a model');
      if (d.usage !== null && !(d.usage.inputTokens >= 0 && d.usage.outputTokens >= 0)) fail(`usage ${JSON.stringify(d.usage)}`);
    } else fail('an unknown delta');
  }
  // No tool call out of nothing: each needs at least one fragment in the stream.
  if (calls > fragments) fail(`${calls} tool calls from ${fragments} fragments`);
  // Deltas cross from the kernel worker to the page.
  try {
    structuredClone(deltas);
  } catch (e) {
    fail(`deltas that cannot cross postMessage (${String(e)})`);
  }
}

// ---- Payloads -----------------------------------------------------------------------------------

/** JSON values, and objects that break String() and Number() ({"toString": false}). */
const json = fc.oneof({ weight: 20, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constantFrom({ toString: false }, { valueOf: null, toString: null }, { toJSON: 1 }) });
/** Mostly a good value, sometimes any JSON value. */
const mostly = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: json });

const finishReason = fc.oneof(
  fc.constantFrom(null, null, null, 'stop', 'length', 'tool_calls', 'function_call', 'content_filter', 'eos_token', ''),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
  json,
);
const toolIndex = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, 1e9, 2 ** 32 - 2, 2 ** 53, 1e308, '0', null, true) },
);
const toolCall = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        index: toolIndex,
        id: mostly(fc.constantFrom('call_1', 'call_2', '')),
        type: fc.constant('function'),
        function: mostly(fc.record({ name: mostly(fc.constantFrom('add', 'search', '')), arguments: mostly(fc.constantFrom('', '{', '"a": 1', '}', '{"q": "x"}', 'null', '[1]', '{"a":')) }, { requiredKeys: [] })),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, 5, 'call', [], true) },
);
const chunk = fc.record(
  {
    id: fc.constant('chatcmpl-1'),
    model: mostly(fc.constantFrom('gpt-4o-mini', '', 'llama')),
    choices: mostly(
      fc.array(
        mostly(
          fc.record(
            { index: fc.constant(0), delta: mostly(fc.record({ role: fc.constant('assistant'), content: mostly(fc.constantFrom('', 'Hi', ' there', '🌍', null)), tool_calls: mostly(fc.array(toolCall, { maxLength: 3 })) }, { requiredKeys: [] })), finish_reason: finishReason },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 2 },
      ),
    ),
    usage: mostly(fc.record({ prompt_tokens: mostly(fc.nat()), completion_tokens: mostly(fc.nat()) }, { requiredKeys: [] })),
    error: fc.oneof({ weight: 20, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: json }),
  },
  { requiredKeys: ['choices'] },
);
const payload = fc.oneof(
  { weight: 12, arbitrary: chunk.map((c) => JSON.stringify(c)) },
  { weight: 1, arbitrary: fc.constantFrom('[DONE]', ' [DONE] ', '[DONE]\n', 'DONE', '', ' ') },
  { weight: 1, arbitrary: json.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** What a well-behaved server streams for an answer: text in pieces, tool calls in fragments, a finish reason, usage, [DONE]. */
interface Answer {
  readonly text: string[];
  readonly calls: { readonly name: string; readonly args: Record<string, unknown>; readonly cuts: number[] }[];
  readonly done: boolean;
}
const answer: fc.Arbitrary<Answer> = fc.record({
  text: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 4 }),
  calls: fc.array(fc.record({ name: fc.constantFrom('add', 'search', 'read_file'), args: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), cuts: fc.array(fc.nat(), { maxLength: 3 }) }), { maxLength: 3 }),
  done: fc.boolean(),
});
const delta = (d: unknown, finish: string | null = null) => JSON.stringify({ id: 'chatcmpl-1', model: 'served-model', choices: [{ index: 0, delta: d, finish_reason: finish }] });

function answerPayloads(a: Answer): string[] {
  const out = [delta({ role: 'assistant', content: '' }), ...a.text.map((t) => delta({ content: t }))];
  a.calls.forEach((call, index) => {
    const args = JSON.stringify(call.args);
    const at = [...new Set(call.cuts.map((c) => c % (args.length + 1)))].sort((x, y) => x - y);
    const pieces = [0, ...at].map((start, i) => args.slice(start, at[i] ?? args.length));
    out.push(delta({ tool_calls: [{ index, id: `call_${index}`, type: 'function', function: { name: call.name, arguments: pieces[0] } }] }));
    for (const piece of pieces.slice(1)) out.push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  out.push(delta({}, a.calls.length > 0 ? 'tool_calls' : 'stop'), JSON.stringify({ id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: 12, completion_tokens: 7 } }));
  if (a.done) out.push('[DONE]');
  return out;
}

/** A well-behaved answer with a few payloads replaced, inserted or dropped. */
const damagedAnswer = fc.tuple(answer, fc.array(fc.tuple(fc.nat(), fc.constantFrom('replace', 'insert', 'drop'), payload), { maxLength: 2 })).map(([a, edits]) => {
  const ps = answerPayloads(a);
  for (const [at, kind, p] of edits) {
    const i = at % (ps.length + 1);
    if (kind === 'insert') ps.splice(i, 0, p);
    else if (kind === 'replace') ps.splice(i, 1, p);
    else ps.splice(i, 1);
  }
  return ps;
});
const payloads = fc.oneof(fc.array(payload, { maxLength: 8 }), damagedAnswer);

describe('createOpenAiDeltas (fuzz)', () => {
  it('for random data payloads and damaged answers: deltas well formed, or a coded error (LLM_BAD_RESPONSE, LLM_SERVER)', () => {
    // Examples: bugs this found (a function as finish reason, TypeErrors, a near-endless loop over a tool-call index).
    const examples: [string[]][] = [
      [['{"choices":[{"finish_reason":"constructor"}]}']],
      [['{"choices":[{"delta":{"tool_calls":[null]}}]}']],
      [['{"choices":[{"delta":{"tool_calls":[{"index":4294967294,"function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}']],
      [['{"choices":[{"delta":{"tool_calls":[{"index":-1,"function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}']],
      [['{"choices":[],"usage":{"prompt_tokens":{"toString":false}}}', '[DONE]']],
      [['{"choices":[],"usage":{"prompt_tokens":-5}}', '[DONE]']],
      [['{"error":{"message":{"toString":1}}}']],
    ];
    fc.assert(fc.property(payloads, (ps) => void run(ps)), { ...RUNS, examples });
  }, HANG_MS);

  it('for well-behaved answers: the text and each tool call with its arguments come out whole, then the end', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const { deltas, error } = run(answerPayloads(a));
        if (error !== null) throw new Error(`a well-behaved answer failed with ${error}`);
        const text = deltas.flatMap((d) => (d.type === 'text' ? [d.text] : [])).join('');
        const calls = deltas.flatMap((d) => (d.type === 'tool_call' ? [{ name: d.call.name, args: d.call.arguments }] : []));
        const expected = { text: a.text.join(''), calls: a.calls.map((c) => ({ name: c.name, args: c.args })), end: { type: 'end', finishReason: a.calls.length > 0 ? 'tool_calls' : 'stop', usage: { inputTokens: 12, outputTokens: 7 }, model: 'served-model' } };
        const got = { text, calls, end: deltas[deltas.length - 1] };
        // Compared as JSON: -0 in the arguments reads back as 0, as it would from any server.
        if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`got ${JSON.stringify(got)}\nexpected ${JSON.stringify(expected)}`);
      }),
      RUNS,
    );
  }, HANG_MS);

  it('through the SSE parser, in random chunks: the same deltas or the same error as the payloads fed directly', () => {
    fc.assert(
      fc.property(payloads, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), (ps, offsets, eol) => {
        // A payload with a line break in it would be several data lines, joined by \n: send what the parser will give.
        // And what UTF-8 can carry: a lone surrogate arrives as U+FFFD.
        const sent = ps.map((p) => new TextDecoder().decode(new TextEncoder().encode(p)).replace(/\r\n|\r/g, '\n'));
        const bytes = new TextEncoder().encode(sent.map((p) => `${p.split('\n').map((l) => `data: ${l}`).join(eol)}${eol}${eol}`).join(''));
        const at = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
        const parser = createSseParser();
        const received: string[] = [];
        for (const [i, start] of [0, ...at].entries()) for (const e of parser.push(bytes.subarray(start, at[i] ?? bytes.length))) received.push(e.data);
        for (const e of parser.end()) received.push(e.data);
        const direct = run(sent);
        const streamed = run(received);
        if (JSON.stringify(streamed) !== JSON.stringify(direct)) throw new Error(`streamed ${JSON.stringify(streamed)}\ndirect ${JSON.stringify(direct)}`);
      }),
      RUNS,
    );
  }, HANG_MS);
});
