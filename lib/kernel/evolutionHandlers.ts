/**
 * Evolution in the kernel: mines the user's traces (lib/evolution) on demand and, debounced,
 * after every committed run; keeps the open suggestions; accepting one commits the compound skill
 * to the user volume (`Evolution: create skill <name> from <n> traces`), rejecting one is
 * remembered in the settings store so it is not suggested again.
 */
import { type Clock, type TimerHandle, WeftError } from '../core';
import { type CompoundInUse, EVOLVED_FROM, mine } from '../evolution';
import { parseSkill, parseSkillName, type IoSpec } from '../skills';
import type { Trace } from '../spans';
import type { Workspace } from '../volumes';
import { parseCompound } from '../workflow';
import type { Handlers } from './dispatcher';
import type { EvolutionReport, KernelEvent, SkillSuggestion } from './protocol';
import type { TraceStore } from './traceHandlers';

type EvolutionOp = 'evolution.mine' | 'evolution.suggestions' | 'evolution.accept' | 'evolution.reject';

const REJECTED = 'evolution:rejected';
/** Mining looks at this many of the newest traces at most. */
export const MAX_MINED_TRACES = 5000;
/** Mining after runs waits this long for the burst of commits to settle. */
const AFTER_RUN_MS = 1500;

export interface EvolutionDeps {
  readonly traces: TraceStore;
  readonly workspace: () => Workspace;
  readonly clock: Clock;
  readonly emit: (event: KernelEvent) => void;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export class Evolution {
  private readonly parsed = new Map<string, Trace | null>();
  private last: EvolutionReport | null = null;
  private timer: TimerHandle | null = null;
  private mining: Promise<EvolutionReport> | null = null;

  constructor(private readonly deps: EvolutionDeps) {}

  /** Mines a little later (after a run's commits settle) and announces new suggestions. */
  soon(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      const before = new Set(this.last?.suggestions.map((s) => s.id) ?? []);
      this.mine({}).then(
        (report) => {
          const fresh = report.suggestions.filter((s) => !before.has(s.id)).length;
          if (fresh > 0) this.deps.emit({ type: 'evolution.suggestions', count: fresh, at: this.deps.clock.now() });
        },
        (error: unknown) => this.deps.log('warn', `Evolution could not mine the traces: ${WeftError.from(error).message}`),
      );
    }, AFTER_RUN_MS);
  }

  async mine(options: { minCount?: number; minSuccess?: number }): Promise<EvolutionReport> {
    // One mining at a time; a request during one waits for it, then mines again with its options.
    if (this.mining) await this.mining.catch(() => undefined);
    this.mining = this.doMine(options);
    try {
      return await this.mining;
    } finally {
      this.mining = null;
    }
  }

  async suggestions(): Promise<SkillSuggestion[]> {
    const report = this.last ?? (await this.mine({}));
    const rejected = await this.rejected();
    const existing = new Set(await this.skillNames());
    return report.suggestions.filter((s) => !rejected.has(s.id) && !existing.has(s.name));
  }

  async accept(id: string, name?: string): Promise<{ name: string; path: string } & Awaited<ReturnType<Workspace['volumes']['writeFile']>>> {
    const suggestion = (await this.suggestions()).find((s) => s.id === id);
    if (!suggestion) throw new WeftError('SKILL_NOT_FOUND', `There is no open suggestion "${id}" (it was accepted, rejected, or the traces changed). Mine again to see the current ones.`, { id });
    const finalName = name ?? suggestion.name;
    const valid = parseSkillName(finalName);
    if (!valid.ok) throw valid.error;
    const content = name && name !== suggestion.name ? suggestion.content.replace(/^name: .*$/m, `name: ${finalName}`) : suggestion.content;
    const parsed = parseSkill(content, { folder: finalName });
    if (!parsed.ok) throw new WeftError('SKILL_PARSE', `The drafted skill does not parse: ${parsed.error.message}`, parsed.error.data as Record<string, unknown>);
    const ws = this.deps.workspace();
    const volume = ws.volumes.userVolume;
    if ((await ws.volumes.listSkills(volume)).includes(finalName as never)) throw new WeftError('SKILL_EXISTS', `A skill named ${finalName} already exists in your volume. Accept it under another name.`, { name: finalName });
    const path = `skills/${finalName}/SKILL.md`;
    const written = await ws.volumes.writeFile(volume, path, content, `Evolution: create skill ${finalName} from ${suggestion.count} traces`);
    return { ...written, name: finalName, path };
  }

  async reject(id: string): Promise<{ rejected: true }> {
    const settings = this.deps.workspace().settings;
    const list = (await settings.get<string[]>(REJECTED)) ?? [];
    if (!list.includes(id)) await settings.set(REJECTED, [...list, id]);
    return { rejected: true };
  }

  private async doMine(options: { minCount?: number; minSuccess?: number }): Promise<EvolutionReport> {
    const start = this.deps.clock.now();
    const traces: Trace[] = [];
    const pathOf = new Map<Trace, string>();
    // The newest traces only (paths sort by year and month): memory stays bounded however long the history.
    const paths = (await this.deps.traces.paths()).sort().slice(-MAX_MINED_TRACES);
    const kept = new Set(paths);
    for (const cached of [...this.parsed.keys()]) if (!kept.has(cached)) this.parsed.delete(cached);
    for (const path of paths) {
      let trace = this.parsed.get(path);
      if (trace === undefined) {
        trace = await this.deps.traces.read(path).catch(() => null);
        this.parsed.set(path, trace);
      }
      if (trace) {
        traces.push(trace);
        pathOf.set(trace, path);
      }
    }
    const { io, compounds } = await this.skillIo();
    const mined = mine(traces, {
      compounds,
      ...(options.minCount === undefined ? {} : { minCount: options.minCount }),
      ...(options.minSuccess === undefined ? {} : { minSuccess: options.minSuccess }),
      resolve: (skill) => io.get(skill) ?? null,
      existing: new Set(io.keys()),
      rejected: await this.rejected(),
      pathOf: (t) => pathOf.get(t) ?? t.traceId,
    });
    const report: EvolutionReport = { traces: traces.length, patterns: mined.patterns, suggestions: mined.suggestions, durationMs: this.deps.clock.now() - start };
    this.last = report;
    return report;
  }

  private async rejected(): Promise<Set<string>> {
    return new Set((await this.deps.workspace().settings.get<string[]>(REJECTED)) ?? []);
  }

  private async skillNames(): Promise<string[]> {
    return (await this.deps.workspace().volumes.catalogue()).map((e) => e.name);
  }

  /** Inputs and outputs of every visible executable skill, to type a compound's ports; and the compound skills, so what they already are is not suggested again. */
  private async skillIo(): Promise<{ io: Map<string, { inputs: readonly IoSpec[]; outputs: readonly IoSpec[] }>; compounds: CompoundInUse[] }> {
    const ws = this.deps.workspace();
    const io = new Map<string, { inputs: readonly IoSpec[]; outputs: readonly IoSpec[] }>();
    const compounds: CompoundInUse[] = [];
    for (const entry of await ws.volumes.catalogue()) {
      try {
        const parsed = parseSkill(await ws.volumes.readSkill(entry.volume, entry.name), { folder: entry.name });
        const skill = parsed.ok ? parsed.value.skill : null;
        if (skill?.kind === 'executable') {
          io.set(entry.name, { inputs: skill.inputs, outputs: skill.outputs });
          const spec = skill.runtime === 'workflow' ? parseCompound(skill.code.source, entry.name) : null;
          const evolvedFrom = skill.metadata?.[EVOLVED_FROM];
          if (spec?.ok) compounds.push({ name: entry.name, workflow: spec.value.workflow, ...(evolvedFrom ? { evolvedFrom } : {}) });
        } else io.set(entry.name, { inputs: [], outputs: [] });
      } catch {
        // an unreadable skill types nothing
      }
    }
    return { io, compounds };
  }
}

export function evolutionHandlers(evolution: Evolution): Pick<Handlers, EvolutionOp> {
  return {
    'evolution.mine': (c) => evolution.mine(c),
    'evolution.suggestions': () => evolution.suggestions(),
    'evolution.accept': (c) => evolution.accept(c.id, c.name),
    'evolution.reject': (c) => evolution.reject(c.id),
  };
}
