/** The starting points "New skill" offers: a context skill, or a small working example per runtime. */
import type { TemplateKind } from './useSkillUi';

export const TEMPLATES: readonly { readonly id: TemplateKind; readonly label: string }[] = [
  { id: 'context', label: 'Context — instructions for the model' },
  { id: 'python', label: 'Python — runs with Pyodide' },
  { id: 'javascript', label: 'JavaScript — runs in a worker' },
  { id: 'tensor', label: 'Tensor — TensorFlow.js' },
  { id: 'three', label: '3D scene — three.js' },
  { id: 'spice', label: 'Circuit — SPICE netlist' },
];

/** The name a template shows while the name field is still empty. */
export const PLACEHOLDER_NAME = 'my-skill';
