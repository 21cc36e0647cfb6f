import type { Runtime } from './types';
import { writeFrontmatter } from './writeFrontmatter';

interface Template {
  readonly description: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly body: (name: string) => string;
}

const fence = (language: string, code: string) => `\`\`\`${language}\n${code.trim()}\n\`\`\`\n`;

const TEMPLATES: Readonly<Record<Runtime | 'context', Template>> = {
  context: {
    description: 'Describe what this skill helps with and when to use it (for example: "Reviews SQL queries for performance. Use when someone shares a slow query.").',
    body: (name) => `\n# ${name}\n\n## When to use\n\nWhen someone asks for … (say which requests this skill is for).\n\n## How\n\n1. First, …\n2. Then, …\n\n## Example\n\nA short example of a good answer.\n`,
  },
  python: {
    description: 'Computes the count, mean and standard deviation of a list of numbers. Use for quick statistics on numeric data.',
    fields: {
      runtime: 'python',
      inputs: [{ name: 'values', type: 'json', description: 'A list of numbers.', default: [1, 2, 3, 4] }],
      outputs: [
        { name: 'count', type: 'number' },
        { name: 'mean', type: 'number' },
        { name: 'stdev', type: 'number' },
      ],
    },
    body: (name) => `\n# ${name}\n\nRuns in the browser with Pyodide. \`execute\` gets the inputs as a dict and returns a dict of the outputs.\n\n${fence('python', `
import statistics


def execute(inputs):
    values = [float(v) for v in inputs["values"]]
    return {
        "count": len(values),
        "mean": statistics.fmean(values) if values else 0.0,
        "stdev": statistics.stdev(values) if len(values) > 1 else 0.0,
    }`)}`,
  },
  javascript: {
    description: 'Counts the words and characters in a text. Use to measure the length of a piece of writing.',
    fields: {
      runtime: 'javascript',
      inputs: [{ name: 'text', type: 'string', description: 'The text to count.', default: 'Hello from Weft' }],
      outputs: [
        { name: 'words', type: 'number' },
        { name: 'characters', type: 'number' },
      ],
    },
    body: (name) => `\n# ${name}\n\nRuns in a browser worker. \`execute\` gets the inputs as an object and returns an object of the outputs.\n\n${fence('javascript', `
function execute(inputs) {
  const text = String(inputs.text ?? '');
  return { words: text.split(/\\s+/).filter(Boolean).length, characters: text.length };
}`)}`,
  },
  tensor: {
    description: 'Multiplies a matrix by its transpose with TensorFlow.js. Use as a starting point for tensor computations.',
    fields: {
      runtime: 'tensor',
      inputs: [{ name: 'matrix', type: 'tensor', description: 'A matrix as nested lists of numbers.', default: [[1, 2], [3, 4]] }],
      outputs: [{ name: 'product', type: 'tensor' }],
    },
    body: (name) => `\n# ${name}\n\nRuns with TensorFlow.js, available as \`tf\` (WebGPU or WebGL when the browser has it).\n\n${fence('javascript', `
function execute(inputs) {
  return tf.tidy(() => {
    const a = tf.tensor2d(inputs.matrix);
    return { product: tf.matMul(a, a.transpose()).arraySync() };
  });
}`)}`,
  },
  three: {
    description: 'Builds a ring of coloured cubes as a 3D scene. Use as a starting point for 3D visualisations.',
    fields: {
      runtime: 'three',
      inputs: [{ name: 'count', type: 'number', description: 'How many cubes.', default: 8 }],
      outputs: [{ name: 'scene', type: 'scene3d' }],
    },
    body: (name) => `\n# ${name}\n\nReturns a declarative scene that Weft draws with three.js.\n\n${fence('javascript', `
function execute(inputs) {
  const count = Math.max(1, Math.floor(inputs.count));
  const objects = [];
  for (let i = 0; i < count; i++) {
    const angle = (i / count) * Math.PI * 2;
    objects.push({ type: 'box', position: [Math.cos(angle) * 3, 0, Math.sin(angle) * 3], size: [1, 1, 1], color: \`hsl(\${Math.round((i / count) * 360)}, 70%, 55%)\` });
  }
  return { scene: { type: 'scene3d', objects } };
}`)}`,
  },
  spice: {
    description: 'Simulates the step response of an RC low-pass filter with ngspice. Use to explore how R and C set the time constant.',
    fields: {
      runtime: 'spice',
      inputs: [
        { name: 'R', type: 'number', description: 'Resistance in ohms.', default: 1000 },
        { name: 'C', type: 'number', description: 'Capacitance in farads.', default: 0.000001 },
      ],
      outputs: [{ name: 'response', type: 'plot' }],
    },
    body: (name) => `\n# ${name}\n\nA netlist template: each \`{{name}}\` is replaced by the input of that name before ngspice runs it.\n\n${fence('spice', `
* RC low-pass filter, step response
V1 in 0 PULSE(0 1 0 1u 1u 10m 20m)
R1 in out {{R}}
C1 out 0 {{C}}
.tran 10u 10m
.end`)}`,
  },
  agent: {
    description: 'An agent: a language model with a system prompt that works on its task as its own process (budget, priority), and may call skills as tools. Its input is the task; its output is its final answer.',
    fields: {
      runtime: 'agent',
      inputs: [
        { name: 'task', type: 'string', description: 'What the agent is asked to do.' },
        { name: 'budget', type: 'number', description: 'Token budget; 0 means no limit.', default: 0 },
        { name: 'priority', type: 'number', description: '0 (first) … 19 (last).', default: 10 },
      ],
      outputs: [{ name: 'answer', type: 'string' }],
    },
    body: (name) => `\n# ${name}\n\nThe fenced block is the agent's system prompt.\n\n${fence('text', 'You are a careful assistant. Answer the task directly and briefly.')}`,
  },
  workflow: {
    description: 'A workflow of skills wired together. Use as a starting point: add nodes and edges on the canvas.',
    fields: { runtime: 'workflow' },
    body: (name) => `\n# ${name}\n\nThe workflow's nodes and edges, as JSON.\n\n${fence('json', JSON.stringify({ id: name, name, nodes: [], edges: [] }, null, 2))}`,
  },
};

/**
 * A ready SKILL.md for "New skill": a context skill or a small working example for a runtime.
 * @example parseSkill(skillTemplate('python', 'my-stats')).ok === true
 */
export function skillTemplate(runtime: Runtime | 'context', name: string): string {
  const template = TEMPLATES[runtime];
  return writeFrontmatter({ name, description: template.description, ...template.fields }, template.body(name));
}
