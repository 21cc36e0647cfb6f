import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from './importFiles';
import { skillZip } from './skillZip';

describe('skillZip', () => {
  const files = [
    { path: 'SKILL.md', content: '---\nname: csv-stats\n---\n' },
    { path: 'scripts/run.py', content: 'print("é")\n' },
  ];

  it('puts the files under a folder named after the skill', () => {
    const entries = unzipSync(skillZip('csv-stats', files));
    expect(Object.keys(entries).sort()).toEqual(['csv-stats/SKILL.md', 'csv-stats/scripts/run.py']);
    expect(strFromU8(entries['csv-stats/scripts/run.py']!)).toBe('print("é")\n');
  });

  it('is the same archive for the same files, and imports back to them', () => {
    expect(skillZip('csv-stats', files)).toEqual(skillZip('csv-stats', files));
    expect(importFiles([{ path: 'csv-stats.zip', bytes: skillZip('csv-stats', files) }]).files.map((f) => f.path)).toEqual(['csv-stats/SKILL.md', 'csv-stats/scripts/run.py']);
  });
});
