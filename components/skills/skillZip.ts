/**
 * A skill folder as a .zip that other tools (and Weft's import) read: everything under one
 * top-level folder named after the skill, `csv-stats/SKILL.md`, `csv-stats/scripts/…`. Files
 * given as bytes (images, fonts) go in byte for byte.
 */
import { strToU8, zipSync } from 'fflate';

/** `files` have paths inside the skill folder (`SKILL.md`, `scripts/run.py`). */
export function skillZip(name: string, files: readonly { path: string; content: string | Uint8Array }[]): Uint8Array {
  // A fixed date keeps the archive the same for the same files.
  const mtime = new Date('2000-01-01T00:00:00Z');
  return zipSync(Object.fromEntries(files.map((f) => [`${name}/${f.path}`, [typeof f.content === 'string' ? strToU8(f.content) : f.content, { mtime }]])));
}

/** Saves bytes or text as a download named `filename`. */
export function download(filename: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : data.slice().buffer], { type });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
