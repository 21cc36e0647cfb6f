import { describe, expect, it } from 'vitest';
import { findPreset, OPENAI_PRESETS } from './presets';

describe('OPENAI_PRESETS', () => {
  it('has the known servers with /v1 base URLs and only OpenAI needing a key', () => {
    expect(OPENAI_PRESETS.map((p) => p.baseUrl)).toEqual([
      'https://api.openai.com/v1',
      'http://localhost:11434/v1',
      'http://localhost:8080/v1',
      'http://localhost:1234/v1',
      'http://localhost:8000/v1',
    ]);
    expect(OPENAI_PRESETS.filter((p) => p.needsKey).map((p) => p.id)).toEqual(['openai']);
    expect(findPreset('ollama')?.hint).toContain('OLLAMA_ORIGINS');
  });
});
