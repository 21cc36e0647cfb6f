/**
 * The skill syscalls: the library (list, read, search, context for a model), and changes to
 * the user volume (write, delete, import — one skill or a folder of them, in one commit — promote). A skill is checked before it is saved:
 * an invalid one is refused with every problem listed, unless the caller insists.
 */
import { WeftError } from '../core';
import { importMessage, parseSkill, parseSkillName, planImport } from '../skills';
import { parseVolumeId, skillPath, type VolumeId, type Workspace } from '../volumes';
import type { Handlers } from './dispatcher';
import type { SkillCatalog } from './skillCatalog';

export type SkillOp = Exclude<Extract<keyof Handlers, `skill.${string}` | `skills.${string}`>, 'skill.run'>;

export function skillHandlers(get: () => Workspace, catalog: () => SkillCatalog): Pick<Handlers, SkillOp> {
  return {
    'skill.list': () => get().volumes.catalogue(),
    'skill.read': async (c) => {
      const ws = get();
      const where = c.volume === undefined ? await ws.volumes.resolveSkill(c.name) : { volume: volumeOf(c.volume), shadows: [] };
      return { name: c.name, ...where, content: await ws.volumes.readSkill(where.volume, c.name) };
    },
    'skill.write': async (c) => {
      const name = parseSkillName(c.name); // a bad name is its own error, before the content is read
      if (!name.ok) throw name.error;
      const parsed = parseSkill(c.content, { folder: c.name });
      if (!parsed.ok && !c.allowInvalid) throw parsed.error;
      const written = await get().volumes.writeSkill(get().volumes.userVolume, c.name, c.content, { create: c.create ?? false });
      return { ...written, warnings: parsed.ok ? parsed.value.warnings : [] };
    },
    'skill.delete': (c) => get().volumes.deleteSkill(get().volumes.userVolume, c.name),
    'skill.promote': (c) => get().promote(c.name, c.team, c.reason),
    'skill.import': async (c) => {
      const plan = planImport(c.files);
      if (!plan.ok) throw plan.error;
      const { skills, failed, leftOut } = plan.value;
      const ws = get();
      const me = ws.volumes.userVolume;
      const repo = await ws.volumes.open(me);
      const existed = new Set<string>();
      for (const s of skills) if ((await repo.oidAt(skillPath(s.name))) !== null) existed.add(s.name);
      const written = await ws.volumes.write(me, async (r) => ({
        changes: (await Promise.all(skills.map((s) => r.replaceFolder(`skills/${s.name}`, s.files)))).flat(),
        message: importMessage(skills.map((s) => s.name), (name) => existed.has(name)),
      }));
      const imported = skills.map(({ name, notes, warnings }) => ({ name, notes, warnings, replaced: existed.has(name) }));
      return { ...written, ...imported[0]!, skills: imported, failed, leftOut };
    },
    'skills.search': (c) => catalog().search(c.query, c.limit ?? 20),
    'skills.context': (c) => {
      if (c.tokenBudget < 1) throw new WeftError('SYSCALL_INVALID', 'tokenBudget must be at least 1.', { field: 'tokenBudget' });
      return catalog().context(c.query, c.tokenBudget);
    },
  };
}

function volumeOf(id: string): VolumeId {
  const parsed = parseVolumeId(id);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}
