import { asSkillName, err, ok, type Result, WeftError } from '../core';
import { type ExecutableSkill, MAX_SKILL_BYTES, nameProblem, parseSkill, serializeSkill } from '../skills';
import { parseCompound } from '../workflow';
import { compoundBody, describeCompound } from './describeCompound';
import { compoundIo } from './compoundIo';
import { compoundName } from './compoundName';
import { learnDefaults } from './learnDefaults';
import { runningOrder } from './runningOrder';
import { EvolutionReason, type MinedNode, type MinedPattern, type MinedRun, type ResolveIo, type SkillSuggestion } from './types';

/** The metadata key of a drafted compound that names the pattern it was drafted from. */
export const EVOLVED_FROM = 'evolved-from';

/** Canvas spacing of the drafted nodes, left to right by level. */
const STEP_X = 260;
const STEP_Y = 140;

/**
 * Drafts a compound skill (runtime `workflow`) from a pattern's successful runs: the newest
 * successful run's nodes and edges, each param set to its learned default and exposed as an
 * input, and every output of the last nodes exposed as an output. The SKILL.md parses with
 * `parseSkill` and its block with `parseCompound` (both are checked). Fails (a `Result`, the
 * reason in `data.reason`) when no run succeeded, a tool is not a skill, no output is known
 * (`resolve` knows none of the last nodes), the file would be too large, or the runs hold values
 * a workflow cannot. The name avoids `existing`.
 * @example const s = draftCompoundSkill(pattern, pattern.runs, resolve, new Set(skillNames))
 */
export function draftCompoundSkill(pattern: MinedPattern, runs: readonly MinedRun[], resolve: ResolveIo, existing: ReadonlySet<string> = new Set()): Result<SkillSuggestion, WeftError> {
  const successful = runs.filter((r) => r.ok);
  const template = successful.reduce<MinedRun | undefined>((best, r) => (!best || r.at > best.at ? r : best), undefined);
  if (!template) return err(new WeftError('WORKFLOW_INVALID', `The pattern "${pattern.label}" has no successful run to learn from; run it successfully first.`, { reason: EvolutionReason.noSuccess, pattern: pattern.id }));
  const unknown = template.nodes.find((n) => nameProblem(n.skill) !== null);
  if (unknown) return err(new WeftError('SKILL_NOT_FOUND', `The tool "${unknown.skill}" is not a skill, so the pattern "${pattern.label}" cannot become a compound skill.`, { reason: EvolutionReason.notSkills, pattern: pattern.id, tool: unknown.skill }));

  const learned = learnDefaults(successful);
  const index = new Map(template.nodes.map((n, i) => [n.id, i]));
  const links = template.edges.map((e) => ({ from: index.get(e.from.node)!, to: index.get(e.to.node)! }));
  const { order, level } = runningOrder(template.nodes.length, links);
  const nodes: MinedNode[] = order.map((i) => ({ ...template.nodes[i]!, params: learned[i] ?? {} }));
  const sinks = new Set(template.nodes.map((n) => n.id));
  for (const e of template.edges) sinks.delete(e.from.node);
  const io = compoundIo(nodes, sinks, pattern.kind, resolve);
  if (io.outputs.length === 0) {
    return err(new WeftError('WORKFLOW_INVALID', `No output of the last nodes of "${pattern.label}" is known (their skills could not be found), so the compound would return nothing.`, { reason: EvolutionReason.noOutputs, pattern: pattern.id }));
  }

  const rows = new Map<number, number>();
  const spec = {
    nodes: nodes.map((n, k) => {
      const col = level[order[k]!]!;
      const row = rows.get(col) ?? 0;
      rows.set(col, row + 1);
      return {
        id: n.id,
        skill: n.skill,
        ...(n.label !== undefined && { label: n.label }),
        params: n.params,
        position: { x: col * STEP_X, y: row * STEP_Y },
        ...(n.timeoutMs !== undefined && { timeoutMs: n.timeoutMs }),
        ...(n.retry !== undefined && { retry: n.retry }),
      };
    }),
    edges: template.edges,
    inputs: io.inputMap,
    outputs: io.outputMap,
  };
  const name = compoundName(pattern, existing);
  const traces = successful.map((r) => r.trace);
  const description = describeCompound(pattern, traces);
  const source = JSON.stringify(spec, null, 2);
  const body = compoundBody(pattern, successful.length, source);
  const skill: ExecutableSkill = {
    kind: 'executable',
    name: asSkillName(name),
    description,
    license: 'MIT',
    // `evolved-from` keeps the pattern from being suggested again once this skill exists (see `mine`).
    metadata: { category: 'workflow', tags: ['evolution', 'compound', ...new Set(pattern.chain)].join(', '), [EVOLVED_FROM]: pattern.id },
    runtime: 'workflow',
    inputs: io.inputs,
    outputs: io.outputs,
    permissions: [],
    version: '1.0.0',
    body,
    code: { language: 'json', source, line: 0 },
  };
  const content = serializeSkill(skill);
  const bytes = new TextEncoder().encode(content).length;
  if (bytes > MAX_SKILL_BYTES) {
    return err(new WeftError('WORKFLOW_TOO_LARGE', `The compound drafted from "${pattern.label}" would be ${bytes} bytes, past the ${MAX_SKILL_BYTES}-byte limit of a skill: its learned parameters are too large.`, { reason: EvolutionReason.tooLarge, pattern: pattern.id, bytes }));
  }
  // Traces are not trusted: a value the workflow schema refuses (a retry count of 99) shows here.
  const check = parseSkill(content);
  const compound = check.ok ? parseCompound(source, name) : check;
  if (!compound.ok || (check.ok && check.value.warnings.length > 0)) {
    const why = compound.ok ? 'it has warnings' : compound.error.message;
    return err(new WeftError('WORKFLOW_INVALID', `The compound drafted from "${pattern.label}" is not a valid skill (${why}); its runs hold values a workflow cannot.`, { reason: EvolutionReason.draftInvalid, pattern: pattern.id }));
  }
  return ok({ id: pattern.id, patternId: pattern.id, name, description, content, count: pattern.count, successRate: pattern.successRate, traces, defaults: io.defaults });
}
