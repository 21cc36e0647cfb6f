import { describe, expect, it } from 'vitest';
import { errorFromStatus, parseRetryAfter, serverMessage } from './httpErrors';

const ctx = { baseUrl: 'https://api.example.com/v1', apiKey: 'sk-live-abcdefgh1234', now: Date.parse('2030-01-01T00:00:00Z'), what: 'chat' as const, model: 'gpt-x' };

describe('httpErrors', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2', ctx.now)).toBe(2000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:00 GMT', ctx.now)).toBe(60_000);
    expect(parseRetryAfter('soon', ctx.now)).toBeUndefined();
    expect(parseRetryAfter(null, ctx.now)).toBeUndefined();
  });

  it('reads the common error body shapes', () => {
    expect(serverMessage('{"error":{"message":"a"}}')).toBe('a');
    expect(serverMessage('{"error":"b"}')).toBe('b');
    expect(serverMessage('{"detail":"c"}')).toBe('c');
    expect(serverMessage('<html>')).toBeUndefined();
  });

  it('never puts the key into the message or data', () => {
    const e = errorFromStatus(401, new Headers(), JSON.stringify({ error: { message: `Incorrect API key provided: ${ctx.apiKey}` } }), ctx);
    expect(e.code).toBe('LLM_AUTH');
    expect(JSON.stringify(e.toJSON())).not.toContain('abcdefgh1234');
  });

  it('spots a full context window and other 4xx answers', () => {
    expect(errorFromStatus(400, new Headers(), '{"error":{"message":"This model\'s maximum context length is 8192 tokens"}}', ctx).code).toBe('LLM_CONTEXT_FULL');
    expect(errorFromStatus(422, new Headers(), 'unprocessable', ctx).message).toContain('unprocessable');
    expect(errorFromStatus(404, new Headers(), '', { ...ctx, what: 'models' }).code).toBe('LLM_BAD_RESPONSE');
  });
});
