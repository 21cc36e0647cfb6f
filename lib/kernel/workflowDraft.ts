/**
 * "Draft a workflow": the model proposes a workflow for a description, using the executable
 * skills there are (the most relevant ones, with their inputs and outputs). The answer is parsed
 * and checked like an imported file; when it is not valid JSON, or names skills that do not
 * exist, the model is told exactly what was wrong and gets one more try. Nothing is saved: the
 * draft opens on the canvas for the person to check and run.
 */
import { type Clock, WeftError } from '../core';
import type { ChatMessage, Provider } from '../llm';
import { type ExecutableSkill, parseSkill } from '../skills';
import type { VolumeId, Workspace } from '../volumes';
import { checkWorkflow, parseWorkflow, topologicalLevels, type Workflow } from '../workflow';
import type { WorkflowDraft } from './protocol';
import type { ProviderStore } from './providerStore';
import type { SkillCatalog } from './skillCatalog';
import { resolveSkills } from './workflowHandlers';

export interface DraftDeps {
  readonly description: string;
  readonly providerId?: string | undefined;
  readonly providers: ProviderStore;
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
  readonly workspace: Workspace;
  readonly catalog: SkillCatalog;
}

const MAX_SKILLS = 24;
const TIMEOUT_MS = 180_000;
const SYSTEM = `You design workflows for Weft. A workflow is a DAG of skill nodes: each node runs one executable skill; an edge feeds one node's output into another node's input.
Reply with one JSON object in a \`\`\`json fence, and at most one sentence outside it. The shape:
{"name": "short-name", "description": "one sentence", "nodes": [{"id": "n1", "skill": "<skill name>", "params": {"<input>": <value>}}], "edges": [{"from": {"node": "n1", "output": "<output>"}, "to": {"node": "n2", "input": "<input>"}}]}
Use only the skills listed below, their exact input and output names, and params only for inputs not fed by an edge. Node ids: letters, digits, - and _.`;

export async function draftWorkflow(deps: DraftDeps): Promise<WorkflowDraft> {
  const info = await deps.providers.resolve(deps.providerId);
  const provider = await deps.providers.client(info, { fetch: deps.fetch, clock: deps.clock });
  const skills = await offeredSkills(deps.workspace, deps.catalog, deps.description);
  if (skills.length === 0) throw new WeftError('SKILL_NOT_FOUND', 'There are no executable skills to build a workflow from. Add or import skills first.');
  const messages: ChatMessage[] = [
    { role: 'system', content: `${SYSTEM}\n\nSkills:\n${skills.map(describeSkill).join('\n')}` },
    { role: 'user', content: deps.description },
  ];
  let lastProblem = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const reply = await ask(provider, info.model, messages);
    messages.push({ role: 'assistant', content: reply });
    const parsed = parseDraft(reply);
    if (!parsed.ok) {
      lastProblem = parsed.problem;
      messages.push({ role: 'user', content: `${parsed.problem} Reply with the corrected JSON only.` });
      continue;
    }
    const workflow = laidOut(parsed.workflow);
    const resolved = await resolveSkills(deps.workspace, workflow);
    const problems = checkWorkflow(workflow, (name) => resolved.get(name)?.skill ?? null);
    const unknown = [...new Set(workflow.nodes.filter((n) => !resolved.has(n.skill)).map((n) => n.skill))];
    if (unknown.length > 0 && attempt === 0) {
      messages.push({ role: 'user', content: `These skills do not exist: ${unknown.join(', ')}. Use only: ${skills.map((s) => s.name).join(', ')}. Reply with the corrected JSON only.` });
      lastProblem = `The draft used skills that do not exist: ${unknown.join(', ')}.`;
      continue;
    }
    return { workflow, problems, note: noteOf(reply) };
  }
  throw new WeftError('LLM_BAD_RESPONSE', `The model did not produce a usable workflow after two tries. ${lastProblem} Describe the workflow more concretely (which skills, in what order), or draft it on the canvas.`);
}

async function offeredSkills(ws: Workspace, catalog: SkillCatalog, description: string): Promise<ExecutableSkill[]> {
  const hits = (await catalog.search(description, MAX_SKILLS * 2)).filter((h) => h.runtime && h.runtime !== 'workflow');
  const out: ExecutableSkill[] = [];
  for (const hit of hits) {
    if (out.length >= MAX_SKILLS) break;
    try {
      const parsed = parseSkill(await ws.volumes.readSkill(hit.volume as VolumeId, hit.name), { folder: hit.name });
      if (parsed.ok && parsed.value.skill.kind === 'executable') out.push(parsed.value.skill);
    } catch {
      // unreadable skills are not offered
    }
  }
  return out;
}

function describeSkill(s: ExecutableSkill): string {
  const io = (list: readonly { name: string; type: string }[]) => list.map((p) => `${p.name}: ${p.type}`).join(', ');
  return `- ${s.name} (${s.runtime}): ${s.description.slice(0, 200)} Inputs: ${io(s.inputs) || 'none'}. Outputs: ${io(s.outputs) || 'none'}.`;
}

async function ask(provider: Provider, model: string, messages: readonly ChatMessage[]): Promise<string> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let text = '';
  for await (const delta of provider.chat({ model, messages, signal })) if (delta.type === 'text') text += delta.text;
  return text;
}

/** The JSON in the reply: a ```json fence, else the outermost braces. */
export function parseDraft(reply: string): { ok: true; workflow: Workflow } | { ok: false; problem: string } {
  const fenced = /```(?:json)?\s*\n([\s\S]*?)```/.exec(reply)?.[1];
  const raw = fenced ?? (reply.includes('{') ? reply.slice(reply.indexOf('{'), reply.lastIndexOf('}') + 1) : '');
  if (!raw.trim()) return { ok: false, problem: 'The reply had no JSON workflow in it.' };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, problem: `The JSON did not parse (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'The JSON was not an object with nodes and edges.' };
  const name = typeof json.name === 'string' && json.name.trim() ? json.name.trim() : 'drafted-workflow';
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'drafted-workflow';
  const nodes = (Array.isArray(json.nodes) ? json.nodes : []).map((n: { position?: unknown; params?: unknown }) => ({ params: {}, position: { x: 0, y: 0 }, ...n }));
  const parsed = parseWorkflow({ version: 1, id, ...json, name, nodes, edges: Array.isArray(json.edges) ? json.edges : [] });
  if (!parsed.ok) return { ok: false, problem: `The workflow is not valid: ${parsed.error.message}` };
  return { ok: true, workflow: parsed.value };
}

/** Columns by dependency level, so the draft reads left to right on the canvas. */
function laidOut(workflow: Workflow): Workflow {
  const levels = topologicalLevels(workflow);
  if (!levels.ok) return workflow;
  const at = new Map<string, { x: number; y: number }>();
  levels.value.forEach((ids, col) => ids.forEach((id, row) => at.set(id, { x: 80 + col * 300, y: 80 + row * 180 })));
  return { ...workflow, nodes: workflow.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) };
}

function noteOf(reply: string): string {
  return reply.replace(/```[\s\S]*?```/g, '').trim().slice(0, 500);
}
