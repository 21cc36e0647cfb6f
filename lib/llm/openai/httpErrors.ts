/**
 * Maps what an OpenAI-compatible server answers (or fails to) onto coded `WeftError`s whose
 * messages say what to check. Every server text passes through `redactSecrets` first.
 */
import { WeftError } from '../../core';
import { redactSecrets } from '../redact';

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date (relative to `now`). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The error message inside an error body: OpenAI `{error:{message}}`, `{error:"…"}`, `{message}`, `{detail}`. */
export function serverMessage(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
    if (typeof json.error === 'string') return json.error;
    if (json.error && typeof json.error.message === 'string') return json.error.message;
    if (typeof json.message === 'string') return json.message;
    if (typeof json.detail === 'string') return json.detail;
  } catch {
    // not JSON: the caller decides what to show
  }
  return undefined;
}

export interface ErrorContext {
  readonly baseUrl: string;
  readonly model?: string;
  readonly apiKey?: string;
  readonly now: number;
  /** `chat` or `models`: what was asked (404 means different things for each). */
  readonly what: 'chat' | 'models';
}

const snippet = (text: string, max = 300): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

/** A non-2xx answer → the error to show. `body` is the response text (possibly empty). */
export function errorFromStatus(status: number, headers: Headers, body: string, ctx: ErrorContext): WeftError {
  const redact = (t: string) => redactSecrets(t, [ctx.apiKey]);
  const said = serverMessage(body);
  const detail = said === undefined ? '' : ` The server said: ${redact(snippet(said))}`;
  const data: Record<string, unknown> = { status, baseUrl: ctx.baseUrl };
  if (said !== undefined) data.serverMessage = redact(said);
  if (status === 401 || status === 403) {
    return new WeftError('LLM_AUTH', `The server at ${ctx.baseUrl} refused the request (${status}): check the API key for ${ctx.baseUrl}.${detail}`, data);
  }
  if (status === 404) {
    if (ctx.what === 'models') {
      return new WeftError('LLM_BAD_RESPONSE', `${ctx.baseUrl}/models was not found (404): check the base URL (it usually ends in /v1), or type the model name by hand.${detail}`, data);
    }
    return new WeftError(
      'LLM_MODEL_NOT_FOUND',
      `The model "${ctx.model ?? ''}" was not found at ${ctx.baseUrl} (404). List the models the server offers and pick one of them (for Ollama: ollama pull <model>); also check that the base URL ends in /v1.${detail}`,
      { ...data, model: ctx.model },
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), ctx.now);
    const wait = retryAfterMs === undefined ? 'Wait a moment' : `Wait ${Math.ceil(retryAfterMs / 1000)} s`;
    return new WeftError('LLM_RATE_LIMITED', `${ctx.baseUrl} is rate-limiting requests (429). ${wait} and try again, or check your plan's limits.${detail}`, { ...data, retryAfterMs });
  }
  if (status === 400 && said !== undefined && /context|too long|maximum.*tokens|tokens.*exceed/i.test(said)) {
    return new WeftError('LLM_CONTEXT_FULL', `The conversation is too long for the model's context window. Start a new chat or shorten it.${detail}`, data);
  }
  if (status >= 500) {
    const fallback = said === undefined && body.trim() !== '' && !looksLikeHtml(body) ? ` The server said: ${redact(snippet(body))}` : '';
    return new WeftError('LLM_SERVER', `The server at ${ctx.baseUrl} failed (${status}). Try again; if it persists, check the server's log.${detail}${fallback}`, data);
  }
  const shown = said === undefined && body.trim() !== '' ? ` It answered: ${redact(snippet(body))}` : detail;
  return new WeftError('LLM_SERVER', `The server at ${ctx.baseUrl} rejected the request (${status}).${shown}`, data);
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body)/i.test(text);
}

/** A 2xx answer that is not what an OpenAI-compatible API sends. */
export function badResponse(contentType: string, body: string, ctx: ErrorContext): WeftError {
  const kind = looksLikeHtml(body) || contentType.includes('html') ? 'an HTML page' : `"${contentType || 'no content type'}"`;
  return new WeftError(
    'LLM_BAD_RESPONSE',
    `${ctx.baseUrl} answered with ${kind} instead of an OpenAI-compatible ${ctx.what === 'chat' ? 'event stream' : 'JSON list'}: check the base URL (it usually ends in /v1). It began: ${redactSecrets(snippet(body, 200), [ctx.apiKey])}`,
    { baseUrl: ctx.baseUrl, contentType },
  );
}

/** `fetch` itself failed: server down, DNS, or (in a browser) a CORS block, which looks the same. */
export function unreachable(error: unknown, ctx: ErrorContext): WeftError {
  const cause = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
  return new WeftError(
    'LLM_UNREACHABLE',
    `Could not reach ${ctx.baseUrl}: is the server running at ${ctx.baseUrl}? If it is, does it allow requests from this origin (CORS)? For Ollama set OLLAMA_ORIGINS to this page's origin and restart it. (${redactSecrets(cause, [ctx.apiKey])})`,
    { baseUrl: ctx.baseUrl },
  );
}
