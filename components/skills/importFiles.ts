/**
 * What a person picked to import, as the files `skill.import` takes: a .zip is unpacked and
 * every file travels as its bytes — text, images, fonts alike — so the volume keeps it byte for
 * byte. Operating-system litter (`__MACOSX/`, `.DS_Store`) is left out and named.
 */
import { unzipSync } from 'fflate';

export interface PickedFile {
  /** Path relative to what was picked (`csv-stats/SKILL.md`), or just the file name. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface ImportFiles {
  readonly files: { path: string; content: Uint8Array }[];
  /** Paths left out, each with why. */
  readonly skipped: string[];
}

const LITTER = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|\.git\/)/;

export function importFiles(picked: readonly PickedFile[]): ImportFiles {
  const files: ImportFiles['files'] = [];
  const skipped: string[] = [];
  const add = (path: string, bytes: Uint8Array) => {
    if (!LITTER.test(path)) files.push({ path, content: bytes });
  };
  for (const { path, bytes } of picked) {
    const clean = path.replace(/\\/g, '/').replace(/^\/+/, '');
    if (!isZip(clean, bytes)) {
      add(clean, bytes);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch {
      skipped.push(`${clean} (not a readable .zip)`);
      continue;
    }
    for (const [inner, data] of Object.entries(entries)) if (!inner.endsWith('/')) add(inner.replace(/\\/g, '/'), data);
  }
  return { files, skipped };
}

function isZip(path: string, bytes: Uint8Array): boolean {
  return /\.zip$/i.test(path) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);
}
