import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from './importFiles';

const text = (path: string, content: string) => ({ path, bytes: strToU8(content) });

describe('importFiles', () => {
  it('passes text files through with their relative paths', () => {
    expect(importFiles([text('csv-stats/SKILL.md', '---\n'), text('csv-stats\\scripts\\run.py', 'x = 1\n')])).toEqual({
      files: [
        { path: 'csv-stats/SKILL.md', content: '---\n' },
        { path: 'csv-stats/scripts/run.py', content: 'x = 1\n' },
      ],
      skipped: [],
    });
  });

  it('unpacks a .zip, leaving out folders, litter and binary files', () => {
    const zip = zipSync({
      'csv-stats/SKILL.md': strToU8('---\nname: csv-stats\n'),
      'csv-stats/assets/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe]),
      '__MACOSX/csv-stats/._SKILL.md': strToU8('junk'),
      'csv-stats/.DS_Store': strToU8('junk'),
    });
    const out = importFiles([{ path: 'csv-stats.zip', bytes: zip }]);
    expect(out.files).toEqual([{ path: 'csv-stats/SKILL.md', content: '---\nname: csv-stats\n' }]);
    expect(out.skipped).toEqual(['csv-stats/assets/logo.png (not a text file)']);
  });

  it('says so when a .zip cannot be read', () => {
    expect(importFiles([text('broken.zip', 'not a zip')]).skipped).toEqual(['broken.zip (not a readable .zip)']);
  });
});
