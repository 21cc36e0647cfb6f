/** Known OpenAI-compatible servers, for the provider settings: base URL, whether a key is needed, one hint. */

export interface OpenAiPreset {
  readonly id: 'openai' | 'ollama' | 'llama-cpp' | 'lm-studio' | 'vllm';
  readonly label: string;
  readonly baseUrl: string;
  readonly needsKey: boolean;
  readonly hint: string;
}

export const OPENAI_PRESETS: readonly OpenAiPreset[] = [
  { id: 'openai', label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', needsKey: true, hint: 'Needs an API key from platform.openai.com; it stays in this browser.' },
  { id: 'ollama', label: 'Ollama', baseUrl: 'http://localhost:11434/v1', needsKey: false, hint: 'Start with OLLAMA_ORIGINS=<this origin> ollama serve, then ollama pull a model.' },
  { id: 'llama-cpp', label: 'llama.cpp server', baseUrl: 'http://localhost:8080/v1', needsKey: false, hint: 'Run llama-server -m model.gguf --jinja (--jinja enables tool calls).' },
  { id: 'lm-studio', label: 'LM Studio', baseUrl: 'http://localhost:1234/v1', needsKey: false, hint: 'Start the local server in LM Studio (Developer tab) and enable CORS there.' },
  { id: 'vllm', label: 'vLLM', baseUrl: 'http://localhost:8000/v1', needsKey: false, hint: 'Run vllm serve <model> --enable-auto-tool-choice --tool-call-parser <parser> for tool calls.' },
];

export function findPreset(id: string): OpenAiPreset | undefined {
  return OPENAI_PRESETS.find((p) => p.id === id);
}
