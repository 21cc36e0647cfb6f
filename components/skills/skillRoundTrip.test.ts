/**
 * A skill folder with binary files goes through import → volume → export unchanged: real .zip
 * bytes are read as a person's pick is, imported by the kernel, and exported again as a .zip.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import http from 'isomorphic-git/http/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { KernelClient } from '@/lib/kernel';
import { testKernel } from '@/lib/kernel/testKernel';
import type { ImportResult } from '@/lib/skills';
import { createLockMap, memoryStore, Workspace } from '@/lib/volumes';
import { tempDir } from '@/lib/volumes/testing';
import { rootedFs } from '@/lib/volumes/testVolumes';
import { importFiles } from './importFiles';
import { skillFolderFiles } from './skillFolderFiles';
import { skillZip } from './skillZip';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function boot() {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const t = testKernel({ workspace: (hooks) => Workspace.open({ fs: rootedFs(dir.path), clock: t.clock, lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore(), builtins: { version: 'v1', files: [] }, onCommit: hooks.committed }) });
  await t.kernel.boot();
  return ((c: unknown) => t.kernel.dispatch(c as never)) as unknown as KernelClient['call'];
}

const skill = (name: string, description: string) => `---\nname: ${name}\ndescription: ${description}\n---\n\nUse the fonts in assets/.\n`;
// A PNG header and a TrueType-like table: NUL bytes, high bytes, and sequences that are not UTF-8.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0xff, 0xd8, 0xc0, 0x80]);
const TTF = Uint8Array.from({ length: 4096 }, (_, i) => (i < 4 ? [0x00, 0x01, 0x00, 0x00][i]! : (i * 131 + 7) % 256));
const LONG = `Create beautiful visual art in .png and .pdf documents using design philosophy. ${'Use it when the user asks for a poster, a piece of art, a design, or another static piece. '.repeat(11)}`.trim();

describe('a skill folder round trip: .zip → import → volume → export', () => {
  it('keeps every file byte for byte, binary ones included, and takes a description past 1024 characters with a warning', async () => {
    const call = await boot();
    expect(LONG.length).toBeGreaterThan(1024);
    const text = strToU8('# Notes\r\nwith a BOM and CRLF\r\n');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...text]);
    const original: Record<string, Uint8Array> = {
      'canvas-design/SKILL.md': strToU8(skill('canvas-design', LONG)),
      'canvas-design/assets/logo.png': PNG,
      'canvas-design/canvas-fonts/Serif-Regular.ttf': TTF,
      'canvas-design/references/notes.md': withBom,
    };
    const picked = importFiles([{ path: 'canvas-design.zip', bytes: zipSync(original) }]);
    const result = (await call({ op: 'skill.import', files: picked.files })) as ImportResult;
    expect(result).toMatchObject({ name: 'canvas-design', failed: [], skills: [{ name: 'canvas-design' }] });
    expect(result.warnings.map((w) => w.code)).toEqual(['SKILL_FIELD_TOO_LONG']);

    // In the volume, byte for byte.
    expect((await call({ op: 'volume.readBytes', volume: 'users/me', path: 'skills/canvas-design/assets/logo.png' })).bytes).toEqual(PNG);
    expect((await call({ op: 'volume.readBytes', volume: 'users/me', path: 'skills/canvas-design/canvas-fonts/Serif-Regular.ttf' })).bytes).toEqual(TTF);

    // Exported as a folder .zip, byte for byte.
    const main = (await call({ op: 'skill.read', name: 'canvas-design' })).content;
    const exported = unzipSync(skillZip('canvas-design', await skillFolderFiles(call, 'users/me', 'canvas-design', main)));
    expect(Object.keys(exported).sort()).toEqual(Object.keys(original).sort());
    for (const [path, bytes] of Object.entries(original)) expect(exported[path], path).toEqual(bytes);
  });

  it('imports each skill of a collection .zip in one commit, and names the broken one with why', async () => {
    const call = await boot();
    const zip = zipSync({
      'skills-main/README.md': strToU8('# Skills\n'),
      'skills-main/skills/pdf/SKILL.md': strToU8(skill('pdf', 'Fill PDF forms. Use for PDF work.')),
      'skills-main/skills/canvas/SKILL.md': strToU8(skill('canvas', 'Posters. Use for visual art.')),
      'skills-main/skills/canvas/assets/logo.png': PNG,
      'skills-main/skills/broken/SKILL.md': strToU8('---\nname: broken\n---\nNo description.\n'),
    });
    const result = (await call({ op: 'skill.import', files: importFiles([{ path: 'skills-main.zip', bytes: zip }]).files })) as ImportResult;
    expect(result.skills.map((s) => s.name)).toEqual(['canvas', 'pdf']);
    expect(result.failed).toMatchObject([{ folder: 'skills/broken', problems: [{ code: 'SKILL_FIELD_MISSING', field: 'description' }] }]);
    expect(result.leftOut).toEqual(['README.md']);
    const [head] = await call({ op: 'volume.log', volume: 'users/me', limit: 1 });
    expect(head!.message).toBe('Import 2 skills: canvas, pdf');
    expect((await call({ op: 'volume.readBytes', volume: 'users/me', path: 'skills/canvas/assets/logo.png' })).bytes).toEqual(PNG);
    expect((await call({ op: 'skill.list' })).map((s) => s.name).sort()).toEqual(['canvas', 'pdf']);
  });
});
