/**
 * The skill syscalls: the library (list, read, search, context for a model), and changes to
 * the user volume (write, delete, import, promote). A skill is checked before it is saved:
 * an invalid one is refused with every problem listed, unless the caller insists.
 */
import { WeftError } from '../core';
import { importSkill, parseSkill, parseSkillName } from '../skills';
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
      const plan = importSkill(c.files);
      if (!plan.ok) throw plan.error;
      const { name, files, notes, warnings } = plan.value;
      const ws = get();
      const me = ws.volumes.userVolume;
      const existed = (await (await ws.volumes.open(me)).oidAt(skillPath(name))) !== null;
      const written = await ws.volumes.write(me, async (repo) => ({
        changes: await repo.replaceFolder(`skills/${name}`, files),
        message: `${existed ? 'Re-import' : 'Import'} skill ${name}`,
      }));
      return { ...written, name, notes, warnings, replaced: existed };
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
