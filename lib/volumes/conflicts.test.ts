import { afterEach, describe, expect, it } from 'vitest';
import { listConflicts, resolveConflict } from './conflicts';
import { testVolumes } from './testVolumes';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function withConflict(file: string) {
  const t = testVolumes();
  cleanups.push(t.remove);
  await t.volumes.ensure('teams/lab');
  // What a sync leaves when both sides changed `file`: ours in place, theirs beside it.
  await t.volumes.write('teams/lab', async () => ({
    changes: [
      { path: 'skills/fit/SKILL.md', content: '---\nname: fit\ndescription: Fit a line.\n---\nRun scripts/fit.py.\n' },
      { path: 'skills/fit/scripts/fit.py', content: 'print("mine")\n' },
      { path: `${file}.remote-abc1234`, content: file.endsWith('SKILL.md') ? '---\nname: fit\ndescription: Their fit.\n---\nTheirs.\n' : 'print("theirs")\n' },
    ],
    message: 'Merge with conflicts',
  }));
  return t.volumes;
}

describe('keep both', () => {
  it('turns their version of a script into a complete skill of its own, with a renamed SKILL.md', async () => {
    const volumes = await withConflict('skills/fit/scripts/fit.py');
    const result = await resolveConflict(volumes, 'teams/lab', 'skills/fit/scripts/fit.py.remote-abc1234', 'both');
    expect(result.kept).toEqual(['skills/fit/scripts/fit.py', 'skills/fit-abc1234/scripts/fit.py']);
    expect(await volumes.read('teams/lab', 'skills/fit-abc1234/scripts/fit.py')).toBe('print("theirs")\n');
    expect(await volumes.read('teams/lab', 'skills/fit-abc1234/SKILL.md')).toContain('name: fit-abc1234');
    expect(await volumes.read('teams/lab', 'skills/fit/scripts/fit.py')).toBe('print("mine")\n');
    expect(await listConflicts(volumes, 'teams/lab')).toEqual([]);
  });

  it('takes the scripts along when their SKILL.md becomes a skill of its own', async () => {
    const volumes = await withConflict('skills/fit/SKILL.md');
    await resolveConflict(volumes, 'teams/lab', 'skills/fit/SKILL.md.remote-abc1234', 'both');
    expect(await volumes.read('teams/lab', 'skills/fit-abc1234/SKILL.md')).toBe('---\nname: fit-abc1234\ndescription: Their fit.\n---\nTheirs.\n');
    expect(await volumes.read('teams/lab', 'skills/fit-abc1234/scripts/fit.py')).toBe('print("mine")\n');
  });

  it('keep theirs replaces mine; keep mine drops theirs', async () => {
    const volumes = await withConflict('skills/fit/scripts/fit.py');
    await resolveConflict(volumes, 'teams/lab', 'skills/fit/scripts/fit.py.remote-abc1234', 'theirs');
    expect(await volumes.read('teams/lab', 'skills/fit/scripts/fit.py')).toBe('print("theirs")\n');
    const again = await withConflict('skills/fit/scripts/fit.py');
    await resolveConflict(again, 'teams/lab', 'skills/fit/scripts/fit.py.remote-abc1234', 'mine');
    expect(await again.read('teams/lab', 'skills/fit/scripts/fit.py')).toBe('print("mine")\n');
    expect(await listConflicts(again, 'teams/lab')).toEqual([]);
  });
});
