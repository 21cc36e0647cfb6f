/**
 * Finds local model servers that answer right now: each local preset (Ollama, LM Studio,
 * llama.cpp, vLLM) is asked for `GET <baseUrl>/models` at once, each with a short timeout,
 * so the first-run screen can offer what is already running.
 */
import { OPENAI_PRESETS, type OpenAiPreset } from './presets';

export interface DetectedServer {
  readonly preset: OpenAiPreset['id'];
  readonly label: string;
  readonly baseUrl: string;
  /** Model ids the server lists (may be empty: then the person types one). */
  readonly models: readonly string[];
}

const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1)[:/]/;

export async function detectLocalServers(fetch: typeof globalThis.fetch, timeoutMs = 1500): Promise<DetectedServer[]> {
  const candidates = OPENAI_PRESETS.filter((p) => LOCAL.test(p.baseUrl));
  const found = await Promise.all(
    candidates.map(async (preset): Promise<DetectedServer | null> => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetch(`${preset.baseUrl}/models`, { signal: controller.signal, headers: { accept: 'application/json' } });
        if (!response.ok) return null;
        const json = (await response.json()) as { data?: { id?: unknown }[] };
        if (!json || !Array.isArray(json.data)) return null;
        const models = json.data.map((m) => m?.id).filter((id): id is string => typeof id === 'string');
        return { preset: preset.id, label: preset.label, baseUrl: preset.baseUrl, models };
      } catch {
        return null; // not running, blocked by CORS, or not an OpenAI-compatible server
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return found.filter((s): s is DetectedServer => s !== null);
}
