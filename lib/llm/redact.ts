/**
 * Keeps API keys out of logs, spans and volumes: the known secrets are replaced wherever they
 * appear, then a generic pass catches key-shaped text (`sk-…`, `Bearer …`, `Authorization:`).
 * Run it on anything from or about a provider before it is written down.
 */

export const REDACTED = '[redacted]';

const PATTERNS: readonly [RegExp, string][] = [
  // Authorization / Proxy-Authorization / x-api-key / api-key headers, to the end of the line.
  [/\b((?:proxy-)?authorization|x-api-key|api-key)(\s*[:=]\s*)[^\r\n]+/gi, `$1$2${REDACTED}`],
  // JSON or query-string fields holding keys and tokens.
  [/("(?:api_?key|apiKey|access_token|authorization|token)"\s*:\s*")(?:[^"\\]|\\.)*(")/gi, `$1${REDACTED}$2`],
  [/\b((?:api_?key|access_token|token)=)[^&\s"']+/gi, `$1${REDACTED}`],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/g, `Bearer ${REDACTED}`],
  // OpenAI-style keys (sk-…, sk-proj-…) and similar prefixed secrets.
  [/\b(?:sk|rk|pk)-[A-Za-z0-9_-]{8,}/g, REDACTED],
];

/**
 * Replaces every occurrence of each secret (shorter than 4 characters: ignored, they would
 * mangle ordinary text), then key-shaped text.
 * @example redactSecrets('Authorization: Bearer sk-abc…', [apiKey]) // 'Authorization: [redacted]'
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
