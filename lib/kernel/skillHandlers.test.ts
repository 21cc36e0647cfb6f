import http from 'isomorphic-git/http/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { WeftError } from '../core';
import { createLockMap, memoryStore, Workspace } from '../volumes';
import { tempDir } from '../volumes/testing';
import { rootedFs } from '../volumes/testVolumes';
import { testKernel } from './testKernel';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const skill = (name: string, description: string, body = 'Instructions.') => `---\nname: ${name}\ndescription: ${description}\n---\n\n${body}\n`;
const builtins = { version: 'v1', files: [{ path: 'skills/csv-stats/SKILL.md', content: skill('csv-stats', 'Mean, median and stdev of each numeric column of a CSV file.') }] };

async function boot() {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const t = testKernel({
    workspace: (hooks) => Workspace.open({ fs: rootedFs(dir.path), clock: t.clock, lock: createLockMap(), http, settings: memoryStore(), secrets: memoryStore(), builtins, onCommit: hooks.committed }),
  });
  await t.kernel.boot();
  const call = (c: Record<string, unknown>) => t.kernel.dispatch(c) as Promise<never>;
  const fail = (c: Record<string, unknown>) => t.kernel.dispatch(c).then(() => Promise.reject(new Error('expected failure')), (e: WeftError) => e);
  return { ...t, call, fail };
}

describe('skill search in the kernel', () => {
  it('finds built-in skills from boot, and a new skill as soon as it is saved', async () => {
    const { call } = await boot();
    expect(await call({ op: 'skills.search', query: 'median' })).toMatchObject([{ name: 'csv-stats', volume: 'system' }]);
    await call({ op: 'skill.write', name: 'fourier', content: skill('fourier', 'Spectrum of a signal with the fast Fourier transform.') });
    expect(await call({ op: 'skills.search', query: 'spectrum' })).toMatchObject([{ name: 'fourier', volume: 'users/me' }]);
  });

  it('follows shadowing and deletion', async () => {
    const { call } = await boot();
    await call({ op: 'skill.write', name: 'csv-stats', content: skill('csv-stats', 'My own column statistics, with quartiles.') });
    expect(await call({ op: 'skills.search', query: 'quartiles' })).toMatchObject([{ name: 'csv-stats', volume: 'users/me', shadows: ['system'] }]);
    await call({ op: 'skill.delete', name: 'csv-stats' });
    expect(await call({ op: 'skills.search', query: 'quartiles' })).toEqual([]);
    expect(await call({ op: 'skills.search', query: 'median' })).toMatchObject([{ name: 'csv-stats', volume: 'system' }]);
  });

  it('builds model context within a token budget and says which skills it used', async () => {
    const { call } = await boot();
    const ctx = (await call({ op: 'skills.context', query: 'statistics of a csv column', tokenBudget: 500 })) as { text: string; tokens: number; skills: unknown[] };
    expect(ctx.text).toContain('csv-stats');
    expect(ctx.tokens).toBeLessThanOrEqual(500);
    expect(ctx.skills).toEqual([{ name: 'csv-stats', volume: 'system', disclosure: 'full' }]);
  });
});

describe('skill.write and skill.import check what they save', () => {
  it('refuses an invalid skill with every problem, and keeps the valid one', async () => {
    const { call, fail } = await boot();
    await call({ op: 'skill.write', name: 'notes', content: skill('notes', 'Notes.') });
    const e = await fail({ op: 'skill.write', name: 'notes', content: '---\nname: other\n---\n' });
    expect(e.code).toBe('SKILL_PARSE');
    expect((e.data.problems as { code: string }[]).map((p) => p.code)).toEqual(expect.arrayContaining(['SKILL_NAME_MISMATCH', 'SKILL_FIELD_MISSING']));
    expect(await call({ op: 'skill.read', name: 'notes' })).toMatchObject({ content: skill('notes', 'Notes.') });
    expect(await call({ op: 'skill.write', name: 'notes', content: 'draft', allowInvalid: true })).toMatchObject({ changed: true });
  });

  it('imports a skill folder with its files, and the older single-file format', async () => {
    const { call } = await boot();
    const folder = await call({ op: 'skill.import', files: [{ path: 'plot-xy/SKILL.md', content: skill('plot-xy', 'Scatter plot of x and y.') }, { path: 'plot-xy/references/vega.md', content: '# Vega-Lite notes\n' }] });
    expect(folder).toMatchObject({ name: 'plot-xy', replaced: false });
    expect(await call({ op: 'volume.files', volume: 'users/me', dir: 'skills/plot-xy' })).toEqual(['skills/plot-xy/SKILL.md', 'skills/plot-xy/references/vega.md']);
    const legacy = '---\nskill_id: quantum-vqe-node\ntype: qiskit\nexecution_mode: browser-wasm\ninputs:\n  - name: iterations\n    type: number\n    default: 100\noutputs:\n  - name: eigenvalue\n    type: number\n---\n\n```python\ndef execute(inputs):\n    return {"eigenvalue": -1.137}\n```\n';
    const converted = (await call({ op: 'skill.import', files: [{ path: 'vqe.md', content: legacy }] })) as { name: string; notes: string[] };
    expect(converted.name).toBe('quantum-vqe-node');
    expect(converted.notes.join(' ')).toMatch(/Qiskit/);
    expect(await call({ op: 'skills.search', query: 'quantum' })).toMatchObject([{ name: 'quantum-vqe-node' }]);
  });

  it('refuses an import without a SKILL.md, saying what a skill folder looks like', async () => {
    const { fail } = await boot();
    expect(await fail({ op: 'skill.import', files: [{ path: 'x/readme.txt', content: 'hi' }, { path: 'x/other.txt', content: 'yo' }] })).toMatchObject({ code: 'SKILL_IMPORT', message: expect.stringMatching(/No SKILL.md/) });
  });
});

describe('nothing of the user is replaced or lost by mistake', () => {
  it('creating a skill under a name already in use is refused, and the existing skill stays', async () => {
    const { call, fail } = await boot();
    await call({ op: 'skill.write', name: 'notes', content: skill('notes', 'Mine.') });
    const e = await fail({ op: 'skill.write', name: 'notes', content: skill('notes', 'Another.'), create: true });
    expect(e).toMatchObject({ code: 'SKILL_EXISTS', data: { field: 'name' }, message: expect.stringMatching(/already have a skill named notes/) });
    expect(await call({ op: 'skill.read', name: 'notes' })).toMatchObject({ content: skill('notes', 'Mine.') });
  });

  it('restoring a file from a commit where it did not exist is refused instead of deleting it', async () => {
    const { call, fail } = await boot();
    const before = ((await call({ op: 'volume.log', volume: 'users/me', limit: 1 })) as { oid: string }[])[0]!.oid;
    await call({ op: 'skill.write', name: 'notes', content: skill('notes', 'Mine.') });
    expect(await fail({ op: 'volume.restore', volume: 'users/me', path: 'skills/notes/SKILL.md', at: before })).toMatchObject({ code: 'VOLUME_FILE_NOT_FOUND', message: expect.stringMatching(/did not exist at/) });
    expect(await call({ op: 'skill.read', name: 'notes' })).toMatchObject({ content: skill('notes', 'Mine.') });
  });
});
