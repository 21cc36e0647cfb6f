/**
 * The runtime syscalls: list and warm the runtimes, run code (`runtime.run`) or an executable
 * skill (`skill.run`: resolved user → team → system, its inputs' defaults filled in) as an enzyme,
 * or a compound (workflow) skill as a workflow run of that one skill.
 */
import { type Pid, unwrap, WeftError } from '../core';
import type { RuntimeHost } from '../runtimes';
import { type ExecutableSkill, parseSkill } from '../skills';
import { parseVolumeId, type VolumeId, type Workspace } from '../volumes';
import type { Handlers } from './dispatcher';
import { DEFAULT_TIMEOUT_MS, type EnzymeDeps, markedUntrusted, runEnzyme } from './enzymes';
import type { EnzymeRun, RunOptions } from './protocol';

type RuntimeOp = 'runtime.list' | 'runtime.warm' | 'runtime.run' | 'runtime.setTensorBackend' | 'runtime.setPythonMemory' | 'skill.run';

const KERNEL_PID = 0 as Pid;

/** Runs a compound (workflow) skill for `skill.run`, the way a workflow runs it as a node (see `runWorkflowSkill`). */
export type RunCompoundSkill = (skill: ExecutableSkill, where: { volume: VolumeId; content: string }, request: RunOptions & { inputs: Record<string, unknown>; seed: number }) => Promise<EnzymeRun>;

export function runtimeHandlers(deps: EnzymeDeps, workspace: () => Workspace, runCompound?: RunCompoundSkill): Pick<Handlers, RuntimeOp> {
  const host = (): RuntimeHost => deps.runtimes();
  const pool = (kind: Parameters<RuntimeHost['get']>[0]) => {
    const found = host().get(kind);
    if (!found) throw new WeftError('RUNTIME_UNAVAILABLE', `The ${kind} runtime is not available in this kernel.`, { runtime: kind });
    return found;
  };
  return {
    'runtime.list': () => host().list(),
    'runtime.warm': (c) => pool(c.runtime).warm(),
    'runtime.setTensorBackend': (c) => host().setTensorBackend(c.backend) ?? pool('tensor').status(),
    'runtime.setPythonMemory': (c) => host().setPythonMemory(c.mb) ?? pool('python').status(),
    'runtime.run': (c) =>
      runEnzyme(deps, {
        runtime: c.runtime,
        code: c.code,
        inputs: c.inputs ?? {},
        seed: c.seed ?? randomSeed(),
        timeoutMs: c.timeoutMs ?? DEFAULT_TIMEOUT_MS[c.runtime],
        permissions: c.permissions ?? [],
        ...(c.engine === undefined ? {} : { engine: c.engine }),
        name: `${c.runtime}.run`,
        parent: KERNEL_PID,
        ...(c.tag === undefined ? {} : { tag: c.tag }),
      }),
    'skill.run': async (c) => {
      const ws = workspace();
      const where = c.volume === undefined ? await ws.volumes.resolveSkill(c.name) : { volume: unwrap(parseVolumeId(c.volume)) };
      const content = await ws.volumes.readSkill(where.volume, c.name);
      const parsed = parseSkill(content, { folder: c.name });
      if (!parsed.ok) throw new WeftError('SKILL_PARSE', `The skill ${c.name} cannot run: ${parsed.error.message}`, parsed.error.data as Record<string, unknown>);
      const skill = parsed.value.skill;
      if (skill.kind !== 'executable') throw new WeftError('RUNTIME_UNAVAILABLE', `${c.name} is a context skill (guidance for the model), not an executable skill, so there is nothing to run.`, { skill: c.name });
      if (skill.runtime === 'workflow') {
        if (!runCompound) throw new WeftError('RUNTIME_UNAVAILABLE', `${c.name} is a workflow skill, and this kernel runs no workflows: run it as a node of a workflow on the canvas.`, { skill: c.name });
        const { tag, timeoutMs } = c;
        return runCompound(skill, { volume: where.volume, content }, { inputs: bindInputs(skill, c.inputs ?? {}), seed: c.seed ?? randomSeed(), ...(tag === undefined ? {} : { tag }), ...(timeoutMs === undefined ? {} : { timeoutMs }) });
      }
      if (skill.runtime === 'agent') throw new WeftError('RUNTIME_UNAVAILABLE', `${c.name} is an agent skill: start it with agent.spawn (/spawn in the chat), or use it as a node on the canvas.`, { skill: c.name });
      return runEnzyme(deps, {
        runtime: skill.runtime,
        code: skill.code.source,
        inputs: bindInputs(skill, c.inputs ?? {}),
        seed: c.seed ?? randomSeed(),
        timeoutMs: c.timeoutMs ?? skill.timeoutMs ?? DEFAULT_TIMEOUT_MS[skill.runtime],
        permissions: skill.permissions,
        name: skill.name,
        parent: KERNEL_PID,
        source: { name: skill.name, volume: where.volume },
        ...markedUntrusted(skill),
        attributes: { 'weft.skill': skill.name, 'weft.skill.volume': where.volume, ...(skill.version ? { 'weft.skill.version': skill.version } : {}) },
        ...(c.tag === undefined ? {} : { tag: c.tag }),
      });
    },
  };
}

/** The skill's inputs: the given values over the declared defaults; unknown or missing required inputs are refused together. */
export function bindInputs(skill: ExecutableSkill, given: Record<string, unknown>): Record<string, unknown> {
  const declared = new Set(skill.inputs.map((i) => i.name));
  const unknown = Object.keys(given).filter((name) => !declared.has(name));
  const bound: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const input of skill.inputs) {
    if (given[input.name] !== undefined) bound[input.name] = given[input.name];
    else if (input.default !== undefined) bound[input.name] = structuredClone(input.default);
    else if (input.required !== false) missing.push(input.name);
  }
  if (unknown.length > 0 || missing.length > 0) {
    const names = skill.inputs.map((i) => i.name).join(', ') || 'none';
    const parts = [
      ...(missing.length ? [`needs ${missing.map((n) => `"${n}"`).join(', ')}, which ${missing.length === 1 ? 'has' : 'have'} no value and no default`] : []),
      ...(unknown.length ? [`has no input${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `"${n}"`).join(', ')}`] : []),
    ];
    throw new WeftError('RUNTIME_INPUT_INVALID', `The skill ${skill.name} ${parts.join(' and ')}. Its inputs: ${names}.`, { skill: skill.name, missing, unknown });
  }
  return bound;
}

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32);
}
