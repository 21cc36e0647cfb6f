import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('replaces every occurrence of a known secret', () => {
    expect(redactSecrets('key=hunter2-key and again hunter2-key.', ['hunter2-key'])).toBe(`key=${REDACTED} and again ${REDACTED}.`);
  });

  it('ignores empty, missing and very short secrets', () => {
    expect(redactSecrets('a b c', ['', undefined, 'b'])).toBe('a b c');
  });

  it('redacts OpenAI-style keys without being told them', () => {
    expect(redactSecrets('Incorrect API key provided: sk-proj-AbC123xyz_789. Find it at…')).toBe(`Incorrect API key provided: ${REDACTED}. Find it at…`);
  });

  it('redacts Bearer tokens and Authorization headers', () => {
    expect(redactSecrets('sent Bearer abc.def-ghi to the server')).toBe(`sent Bearer ${REDACTED} to the server`);
    expect(redactSecrets('Authorization: Basic dXNlcjpwYXNz\r\nHost: x')).toBe(`Authorization: ${REDACTED}\r\nHost: x`);
    expect(redactSecrets('x-api-key: abc123\nok')).toBe(`x-api-key: ${REDACTED}\nok`);
  });

  it('redacts key fields in JSON and query strings', () => {
    expect(redactSecrets('{"api_key":"s3cr\\"et","model":"m"}')).toBe(`{"api_key":"${REDACTED}","model":"m"}`);
    expect(redactSecrets('GET /v1/models?api_key=abc&x=1')).toBe(`GET /v1/models?api_key=${REDACTED}&x=1`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'The task-list has 3 items; risk-free. Bearer of news.';
    expect(redactSecrets(text)).toBe(text);
  });
});
