import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBlob, encodeCommit, encodeTree, writeObjects } from './gitObjects';
import { nativeGit, nodeFs, tempDir } from './testing';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function bareRepo(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  execFileSync('git', ['init', '-q', '--bare', dir.path]);
  return dir.path;
}

describe('git object encoding matches native git', () => {
  it('hashes a blob as `git hash-object` does', async () => {
    expect((await encodeBlob(new TextEncoder().encode('hello\n'))).oid).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('orders tree entries as git does (a folder sorts as if it ended in "/")', async () => {
    const repo = bareRepo();
    const blob = await encodeBlob(new TextEncoder().encode('x'));
    const sub = await encodeTree([{ mode: '100644', path: 'f', oid: blob.oid, type: 'blob' }]);
    const entries = [
      { mode: '040000', path: 'a', oid: sub.oid, type: 'tree' as const },
      { mode: '100644', path: 'a-b', oid: blob.oid, type: 'blob' as const },
      { mode: '100644', path: 'a0', oid: blob.oid, type: 'blob' as const },
      { mode: '100644', path: 'a.txt', oid: blob.oid, type: 'blob' as const },
    ];
    const tree = await encodeTree(entries);
    await writeObjects(nodeFs, repo, [blob, sub, tree]);
    const listing = entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.path}`).join('\n');
    expect(execFileSync('git', ['--git-dir', repo, 'mktree'], { input: listing, encoding: 'utf8' }).trim()).toBe(tree.oid);
    expect(nativeGit(repo, 'ls-tree', tree.oid).trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['a-b', 'a.txt', 'a', 'a0']);
  });

  it('writes a commit that `git cat-file` and `git fsck --strict` accept', async () => {
    const repo = bareRepo();
    const tree = await encodeTree([]);
    const who = { name: 'Ada Lovelace', email: 'ada@example.org', timestamp: 1_700_000_000 };
    const commit = await encodeCommit({ tree: tree.oid, parents: [], author: who, committer: who, message: 'First' });
    await writeObjects(nodeFs, repo, [tree, commit, commit]);
    expect(nativeGit(repo, 'cat-file', '-p', commit.oid)).toBe(`tree ${tree.oid}\nauthor Ada Lovelace <ada@example.org> 1700000000 +0000\ncommitter Ada Lovelace <ada@example.org> 1700000000 +0000\n\nFirst\n`);
    nativeGit(repo, 'update-ref', 'refs/heads/main', commit.oid);
    nativeGit(repo, 'fsck', '--full', '--strict');
  });
});
