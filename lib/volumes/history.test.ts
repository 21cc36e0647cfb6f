import { writeFileSync } from 'node:fs';
import http from 'isomorphic-git/http/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitServer, startGitServer } from '../../e2e/fixtures/gitServer';
import { promoteSkill } from './promoteSkill';
import { nativeClone, nativeGit } from './testing';
import { testVolumes } from './testVolumes';

const TOKEN = 's3cret-token';
const MINUTE = 60_000;
let server: GitServer;
const cleanups: (() => void)[] = [];
afterAll(async () => {
  cleanups.splice(0).forEach((f) => f());
  await server.stop();
});

const skill = (name: string, body: string) => `---\nname: ${name}\ndescription: ${name} skill.\n---\n${body}\n`;

/**
 * Ada promotes a skill to a fresh team remote; a teammate (native git) commits three times on
 * the server while Ada commits three times here, some in the same second; Ada syncs (a merge)
 * and pushes. Dates interleave, so only a walk of both parents in date order lists them right.
 */
async function teamWithMerge(repo: string) {
  const repoPath = await server.createRepo(repo);
  const remote = { url: server.repoUrl(repo), token: TOKEN, http };
  const ada = testVolumes({ author: () => ({ name: 'ada', email: 'ada@example.org' }) });
  cleanups.push(ada.remove);
  await ada.volumes.ensure(ada.volumes.userVolume);
  await ada.volumes.ensure('teams/lab');
  await ada.volumes.writeSkill(ada.volumes.userVolume, 'csv-stats', skill('csv-stats', 'v1'));
  await promoteSkill(ada.volumes, 'csv-stats', 'lab', 'first version', remote);
  const start = ada.clock.now() / 1000;

  const mate = await nativeClone(remote.url, TOKEN);
  cleanups.push(mate.remove);
  const at = (minutes: number) => {
    const date = `@${start + minutes * 60} +0000`;
    return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  };
  writeFileSync(`${mate.dir}/skills/csv-stats/SKILL.md`, skill('csv-stats', 'server edit'));
  await mate.git(['commit', '-qam', 'Edit csv-stats on the server'], at(1));
  writeFileSync(`${mate.dir}/notes.md`, 'from the server\n');
  await mate.git(['add', 'notes.md']);
  await mate.git(['commit', '-qm', 'Add notes'], at(3));
  writeFileSync(`${mate.dir}/notes.md`, 'from the server, tidied\n');
  await mate.git(['commit', '-qam', 'Tidy notes'], at(3));
  await mate.git(['push', '-q', 'origin', 'main']);

  const commit = (path: string, message: string) => ada.volumes.write('teams/lab', async () => ({ changes: [{ path, content: `${message}\n` }], message }));
  ada.clock.advance(2 * MINUTE);
  await commit('summary.md', 'Add a summary');
  ada.clock.advance(MINUTE);
  await commit('summary.md', 'Shorten the summary');
  ada.clock.advance(MINUTE);
  await commit('todo.md', 'Add a todo list');
  ada.clock.advance(MINUTE);
  expect(await ada.volumes.sync('teams/lab', remote)).toMatchObject({ outcome: 'merged', received: 3, sent: 4, conflicts: [] });
  return { ada, repoPath, gitdir: ada.gitdir('teams/lab') };
}

describe('volume history after a sync merge', () => {
  // One team history for every test: building it takes a server, a clone and a dozen git commands.
  let team: Awaited<ReturnType<typeof teamWithMerge>>;
  beforeAll(async () => {
    server = await startGitServer({ token: TOKEN });
    team = await teamWithMerge('lab-history');
  }, 60_000);

  it('lists every commit, teammates\' included, in the order native git log does', async () => {
    const { ada, repoPath, gitdir } = team;
    const log = await ada.volumes.log('teams/lab');
    const native = nativeGit(gitdir, 'log', '--format=%H', 'main').trim().split('\n');
    expect(native).toHaveLength(9);
    expect(log.map((c) => c.oid)).toEqual(native);
    expect(nativeGit(repoPath, 'log', '--format=%H', 'main').trim().split('\n')).toEqual(native); // what was pushed
    expect(log.map((c) => c.message)).toEqual([
      'Merge 127.0.0.1:' + server.port + '/lab-history.git into main',
      'Add a todo list',
      'Tidy notes',
      'Shorten the summary',
      'Add notes',
      'Add a summary',
      'Edit csv-stats on the server',
      'Promote csv-stats from ada: first version',
      'Create volume teams/lab',
    ]);
    // The teammate's commits are the ones that came in through the merge.
    expect(log.filter((c) => !c.mainline).map((c) => c.author.name)).toEqual(['Server Side', 'Server Side', 'Server Side']);
  });

  it('pages through the same walk with limit and skip', async () => {
    const { ada } = team;
    const all = await ada.volumes.log('teams/lab');
    const head = all[0]!.oid;
    const first = await ada.volumes.log('teams/lab', { limit: 4 });
    const rest = await ada.volumes.log('teams/lab', { from: head, skip: 4, limit: 50 });
    expect([...first, ...rest]).toEqual(all);
    expect(await ada.volumes.log('teams/lab', { from: head, skip: 9 })).toEqual([]);
  });

  it('a file\'s history holds the teammate\'s commits to it and the merge that brought them in', async () => {
    const { ada, gitdir } = team;
    const notes = await ada.volumes.log('teams/lab', { path: 'notes.md' });
    expect(notes.map((c) => c.message)).toEqual([expect.stringMatching(/^Merge /), 'Tidy notes', 'Add notes']);
    // Its commits other than merges are exactly git's (every parent walked).
    const native = nativeGit(gitdir, 'log', '--no-merges', '--full-history', '--format=%H', 'main', '--', 'notes.md').trim().split('\n');
    expect(notes.filter((c) => c.parents.length === 1).map((c) => c.oid)).toEqual(native);
    // Ada's own file: her commits only, the merge left it alone.
    expect((await ada.volumes.log('teams/lab', { path: 'summary.md' })).map((c) => c.message)).toEqual(['Shorten the summary', 'Add a summary']);
    expect((await ada.volumes.log('teams/lab', { path: 'notes.md', limit: 1 })).map((c) => c.message)).toEqual([expect.stringMatching(/^Merge /)]);
  });
});
