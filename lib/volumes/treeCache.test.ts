import { afterEach, describe, expect, it } from 'vitest';
import { GitRepo } from './gitRepo';
import { nodeFs, tempDir } from './testing';
import { TreeCache } from './treeCache';

const author = { name: 'ada', email: 'ada@example.org' };
let dir: { path: string; remove(): void } | null = null;
afterEach(() => dir?.remove());

describe('TreeCache', () => {
  it('stays within its entry budget while a folder grows by one file per commit (no O(n²) memory)', async () => {
    dir = tempDir();
    const trees = new TreeCache(4000, 500);
    const repo = new GitRepo({ fs: nodeFs, cache: {}, trees }, `${dir.path}/repo`);
    await repo.init();
    for (let i = 0; i < 120; i++) {
      await repo.commit([{ path: `traces/2026/11/t${i}.json`, content: `{"n":${i}}` }], `trace ${i}`, author, i);
      expect(trees.heldEntries).toBeLessThanOrEqual(500 + 130); // the newest tree always stays, whatever its size
    }
    // Evicted trees are read back from disk when needed: the last commit still sees every file.
    const fresh = new GitRepo({ fs: nodeFs, cache: {}, trees }, repo.gitdir);
    expect((await fresh.listFiles('traces/2026/11')).length).toBe(120);
  });
});
