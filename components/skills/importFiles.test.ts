import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from './importFiles';

const text = (path: string, content: string) => ({ path, bytes: strToU8(content) });
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe]);

describe('importFiles', () => {
  it('passes files through as their bytes, with their relative paths', () => {
    expect(importFiles([text('csv-stats/SKILL.md', '---\n'), text('csv-stats\\scripts\\run.py', 'x = 1\n')])).toEqual({
      files: [
        { path: 'csv-stats/SKILL.md', content: strToU8('---\n') },
        { path: 'csv-stats/scripts/run.py', content: strToU8('x = 1\n') },
      ],
      skipped: [],
    });
  });

  it('unpacks a .zip, keeping binary files byte for byte and leaving out folders and litter', () => {
    const zip = zipSync({
      'csv-stats/SKILL.md': strToU8('---\nname: csv-stats\n'),
      'csv-stats/assets/logo.png': PNG,
      '__MACOSX/csv-stats/._SKILL.md': strToU8('junk'),
      'csv-stats/.DS_Store': strToU8('junk'),
    });
    const out = importFiles([{ path: 'csv-stats.zip', bytes: zip }]);
    expect(out.files).toEqual([
      { path: 'csv-stats/SKILL.md', content: strToU8('---\nname: csv-stats\n') },
      { path: 'csv-stats/assets/logo.png', content: PNG },
    ]);
    expect(out.skipped).toEqual([]);
  });

  it('says so when a .zip cannot be read', () => {
    expect(importFiles([text('broken.zip', 'not a zip')]).skipped).toEqual(['broken.zip (not a readable .zip)']);
  });
});
