/**
 * What chat turns and agent steps share: the executable skills offered to a model as tools, and
 * committing a turn's trace (verified, and refused if it would carry the provider's key).
 */
import { WeftError } from '../core';
import { type ExecutableSkill, parseSkill } from '../skills';
import { verifyTrace } from '../spans';
import type { VolumeId, Workspace } from '../volumes';
import type { SkillCatalog } from './skillCatalog';

/** A skill offered as a tool, with the volume its code came from (team skills ask before using the network). */
export interface Tool {
  readonly skill: ExecutableSkill;
  readonly volume: VolumeId;
}

const isTool = (skill: ExecutableSkill | null | undefined): skill is ExecutableSkill => skill?.kind === 'executable' && skill.runtime !== 'workflow' && skill.runtime !== 'agent';

/**
 * Executable skills a model may call: the ones `names` lists (each must exist: SKILL_NOT_FOUND
 * names the missing), or else at most `limit` of the most relevant to `query` (unreadable ones
 * are left out; the library shows their problem).
 */
export async function toolsFor(ws: Workspace, catalog: SkillCatalog, o: { readonly names?: readonly string[]; readonly query: string; readonly limit: number }): Promise<Map<string, Tool>> {
  const tools = new Map<string, Tool>();
  if (o.names) {
    const missing: string[] = [];
    for (const name of o.names) {
      try {
        const where = await ws.volumes.resolveSkill(name);
        const parsed = parseSkill(await ws.volumes.readSkill(where.volume, name), { folder: name });
        const skill = parsed.ok ? parsed.value.skill : null;
        if (isTool(skill as ExecutableSkill | null)) tools.set(name, { skill: skill as ExecutableSkill, volume: where.volume });
        else missing.push(`${name} (not an executable skill)`);
      } catch {
        missing.push(name);
      }
    }
    if (missing.length > 0) throw new WeftError('SKILL_NOT_FOUND', `The agent cannot be given ${missing.join(', ')}: no such executable skill. Check the names in the skill library.`, { missing });
    return tools;
  }
  const hits = (await catalog.search(o.query, o.limit * 3)).filter((h) => h.runtime !== null && h.runtime !== 'workflow' && h.runtime !== 'agent');
  for (const hit of hits) {
    if (tools.size >= o.limit) break;
    try {
      const parsed = parseSkill(await ws.volumes.readSkill(hit.volume as VolumeId, hit.name), { folder: hit.name });
      const skill = parsed.ok ? parsed.value.skill : null;
      if (isTool(skill as ExecutableSkill | null)) tools.set(hit.name, { skill: skill as ExecutableSkill, volume: hit.volume as VolumeId });
    } catch {
      // A skill that cannot be read is not offered.
    }
  }
  return tools;
}

/** Verifies and commits a turn's trace; one that would carry the key is refused, never written. */
export async function commitTrace(ws: Workspace, trace: Parameters<typeof verifyTrace>[0], message: string, key: string | undefined) {
  try {
    const report = await verifyTrace(trace);
    if (!report.ok) throw new WeftError('TRACE_INVALID', `The turn's trace did not verify (${report.problems.length} problems), so it was not committed.`, { problems: report.problems.slice(0, 20) });
    if (key && key.length >= 4 && JSON.stringify(trace).includes(key)) throw new WeftError('TRACE_INVALID', "The turn's trace contained the provider's API key, so it was not committed.");
    const written = await ws.appendTrace(trace, message);
    return { written: { path: written.path, commit: written.commit }, error: null };
  } catch (error) {
    return { written: null, error: WeftError.from(error).toJSON() };
  }
}
