/**
 * Looks at a model URL before anything big is downloaded: is it reachable, is it a GGUF file
 * (the first four bytes are `GGUF`), and how large is it (for the size warning). Reads at most
 * one chunk: a `Range: bytes=0-7` request, and a server that ignores ranges is cut off after
 * the first chunk.
 */
import { WeftError } from '../../core';

export interface ModelProbe {
  readonly url: string;
  /** Bytes to download, when the server says (Content-Range total or Content-Length). */
  readonly size: number | null;
}

/** Models above this size get an explicit warning before the download starts. */
export const LARGE_MODEL_BYTES = 500 * 1024 * 1024;

const GGUF_MAGIC = [0x47, 0x47, 0x55, 0x46];

export function checkModelUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new WeftError('SYSCALL_INVALID', `"${trimmed}" is not a URL. Give the http(s) URL of a .gguf file, like https://huggingface.co/…/resolve/main/model-q4_k_m.gguf.`, { field: 'modelUrl' });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new WeftError('SYSCALL_INVALID', `"${trimmed}" is not an http(s) URL. Give the URL of a .gguf file.`, { field: 'modelUrl' });
  }
  return parsed.href;
}

export async function probeModel(url: string, fetch: typeof globalThis.fetch, signal?: AbortSignal): Promise<ModelProbe> {
  const href = checkModelUrl(url);
  let response: Response;
  try {
    response = await fetch(href, { headers: { range: 'bytes=0-7' }, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (signal?.aborted) throw new WeftError('LLM_CANCELLED', 'Checking the model file was stopped.');
    if (e instanceof WeftError) throw e; // the kernel's own refusals (offline, network policy) say it best
    throw new WeftError('LLM_UNREACHABLE', `Could not reach ${href} (${e instanceof Error ? e.message : String(e)}). Check the URL and your connection; the server must allow this site (CORS).`, { url: href });
  }
  if (!response.ok) {
    response.body?.cancel().catch(() => undefined);
    throw new WeftError('LLM_MODEL_FILE', `${href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Check the URL of the .gguf file.`, { url: href, status: response.status });
  }
  const head = await firstBytes(response, 8);
  if (!GGUF_MAGIC.every((b, i) => head[i] === b)) {
    const text = new TextDecoder().decode(head).replace(/[^\x20-\x7e]/g, '.');
    throw new WeftError('LLM_MODEL_FILE', `${href} is not a GGUF model file (it starts with "${text}"). Give the URL of a .gguf file, for example a Q4_K_M quantisation of a small instruct model.`, { url: href });
  }
  return { url: href, size: sizeOf(response) };
}

async function firstBytes(response: Response, n: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer()).slice(0, n);
  const reader = response.body.getReader();
  const out = new Uint8Array(n);
  let have = 0;
  try {
    while (have < n) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.length, n - have);
      out.set(value.subarray(0, take), have);
      have += take;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return out.slice(0, have);
}

function sizeOf(response: Response): number | null {
  const range = response.headers.get('content-range');
  const total = range ? /\/(\d+)\s*$/.exec(range)?.[1] : undefined;
  if (total) return Number(total);
  if (response.status === 200) {
    const length = Number(response.headers.get('content-length'));
    if (Number.isFinite(length) && length > 0) return length;
  }
  return null;
}
