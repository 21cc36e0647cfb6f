/**
 * SSE parsing and OpenAI delta throughput on a large synthetic chat stream (text with
 * multi-byte characters plus fragmented tool calls), fed in random chunk sizes:
 *  - the SSE parser alone;
 *  - SSE parser + OpenAI delta accumulation;
 *  - the whole provider (`openAiProvider().chat`) over an in-memory fetch, no network.
 * Used by bench/chat.ts.
 */
import { openAiProvider } from '../../lib/llm/openai/openAiProvider';
import { createOpenAiDeltas } from '../../lib/llm/openai/openAiDeltas';
import { createSseParser } from '../../lib/llm/sse/sseParser';
import type { Figure } from './results';


/** A deterministic PRNG (mulberry32), so every run parses the same stream. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['the', 'model', 'answers', 'Grüße', 'Zürich', '🌍', '日本語', 'tokens', 'stream', 'über', 'naïve', 'café', '—', 'λ'];

function syntheticStream(bytes: number, random: () => number): Uint8Array {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let size = 0;
  const push = (s: string) => {
    parts.push(s);
    size += s.length; // close enough to bytes for sizing; the exact length is measured below
  };
  const chunk = (delta: unknown, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  push(chunk({ role: 'assistant', content: '' }));
  let call = 0;
  while (size < bytes - 4096) {
    // Tool calls now and then, at most 100: providers index calls from 0, and the deltas refuse an index past 127.
    if (call < 100 && random() < 0.02) {
      push(chunk({ tool_calls: [{ index: call, id: `call_${call}`, type: 'function', function: { name: 'search', arguments: '' } }] }));
      for (let i = 0; i < 5; i++) push(chunk({ tool_calls: [{ index: call, function: { arguments: i === 0 ? '{"q": "' : i === 4 ? '"}' : WORDS[i]! } }] }));
      call++;
    } else {
      const n = 1 + Math.floor(random() * 4);
      const text = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
      push(chunk({ content: `${text} ` }));
    }
  }
  push(chunk({}, 'tool_calls'));
  push(`data: ${JSON.stringify({ id: 'chatcmpl-bench', choices: [], usage: { prompt_tokens: 100, completion_tokens: 100_000 } })}\n\n`);
  push('data: [DONE]\n\n');
  return enc.encode(parts.join(''));
}

function randomChunks(bytes: Uint8Array, random: () => number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    // Network-like sizes: mostly small reads, sometimes large ones.
    const size = random() < 0.8 ? 1 + Math.floor(random() * 512) : 1 + Math.floor(random() * 16_384);
    out.push(bytes.subarray(i, i + size));
    i += size;
  }
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function measure(label: string, mb: number, runs: number, fn: () => Promise<number> | number): Promise<number> {
  const rates: number[] = [];
  let check = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    check = await fn();
    rates.push(mb / ((performance.now() - t0) / 1000));
  }
  console.log(`  ${label}: ${rates.map((x) => x.toFixed(1)).join(', ')} MB/s (check ${check})`);
  return median(rates);
}

export async function sseThroughput(MB: number, RUNS: number): Promise<{ figures: Figure[]; streamMB: number; chunks: number }> {
  const random = rng(42);
  const stream = syntheticStream(MB * 1024 * 1024, random);
  const chunks = randomChunks(stream, random);
  const mb = stream.length / (1024 * 1024);
  console.log(`stream: ${mb.toFixed(1)} MB in ${chunks.length} chunks, ${RUNS} runs each`);

  const sseOnly = await measure('sse parser', mb, RUNS, () => {
    const parser = createSseParser();
    let events = 0;
    for (const c of chunks) events += parser.push(c).length;
    return events + parser.end().length;
  });

  const sseDeltas = await measure('sse + deltas', mb, RUNS, () => {
    const parser = createSseParser();
    const deltas = createOpenAiDeltas('bench');
    let n = 0;
    for (const c of chunks) for (const e of parser.push(c)) n += deltas.push(e.data).length;
    return n + deltas.finish().length;
  });

  const fakeFetch: typeof globalThis.fetch = async () => {
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const c = chunks[i++];
        if (c) controller.enqueue(c);
        else controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  const provider = openAiProvider({ baseUrl: 'http://bench.invalid/v1', fetch: fakeFetch });
  const full = await measure('provider.chat (in-memory fetch)', mb, RUNS, async () => {
    let n = 0;
    for await (const _ of provider.chat({ model: 'bench', messages: [{ role: 'user', content: 'go' }] })) n++;
    return n;
  });

  const figures: Figure[] = [
    { metric: 'sse parse throughput', value: sseOnly, unit: 'MB/s', better: 'higher' },
    { metric: 'sse + openai deltas throughput', value: sseDeltas, unit: 'MB/s', better: 'higher' },
    { metric: 'provider chat throughput', value: full, unit: 'MB/s', better: 'higher' },
  ];
  return { figures, streamMB: Math.round(mb * 10) / 10, chunks: chunks.length };
}
