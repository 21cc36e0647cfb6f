import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { asCommitOid, WeftError } from '@/lib/core';
import type { WorkspaceVolume } from '@/lib/volumes';
import { PromoteOutcome } from './PromoteOutcome';
import { keptPromotion, promotedLine, reasonProblem, remoteNote, teamVolumes } from './promoteForm';

const volume = (over: Partial<WorkspaceVolume>): WorkspaceVolume => ({
  id: 'users/me',
  kind: 'user',
  title: 'Mine',
  head: null,
  writable: true,
  remote: null,
  hasToken: false,
  ...over,
});

describe('promoteForm', () => {
  it('offers only team volumes, and none while the list loads', () => {
    const lab = volume({ id: 'teams/lab', kind: 'team', title: 'Lab' });
    const ops = volume({ id: 'teams/ops', kind: 'team', title: 'Ops' });
    expect(teamVolumes([volume({}), lab, volume({ id: 'system', kind: 'system', writable: false }), ops])).toEqual([lab, ops]);
    expect(teamVolumes([volume({})])).toEqual([]);
    expect(teamVolumes(undefined)).toEqual([]);
  });

  it('refuses an empty or blank reason and accepts any other', () => {
    expect(reasonProblem('')).toMatch(/^Give a reason: it goes into the team’s history/);
    expect(reasonProblem(' \n\t ')).toBe(reasonProblem(''));
    expect(reasonProblem('the lab runs it on every dataset')).toBeNull();
  });

  it('says where the commit is pushed, or that it stays here', () => {
    const remote = { url: 'https://git.example/lab.git', lastSync: null, lastOutcome: null };
    expect(remoteNote({ remote })).toBe('It is pushed to https://git.example/lab.git too.');
    expect(remoteNote({ remote: null })).toMatch(/no remote: the copy stays on this device/);
  });

  it('names the team and the short commit, or says nothing changed', () => {
    const commit = asCommitOid('abc1234def5678900000000000000000000000000');
    expect(promotedLine('csv-stats', 'teams/lab', { changed: true, commit })).toBe('Promoted to teams/lab in commit abc1234.');
    expect(promotedLine('csv-stats', 'teams/lab', { changed: false, commit })).toBe('teams/lab already had this version of csv-stats; nothing new was committed.');
  });

  it('shows a promotion whose push failed as committed here and going out with the next sync, not as a failure', () => {
    const oid = 'abc1234'.padEnd(40, '0');
    const cause = 'Could not reach 127.0.0.1:9. Check your connection and the remote URL.';
    const error = new WeftError('REMOTE_UNREACHABLE', `csv-stats is promoted to teams/lab on this device … ${cause}`, { url: 'http://127.0.0.1:9/lab.git', volume: 'teams/lab', commit: oid, changed: true, pushed: false, pushError: cause });
    const kept = keptPromotion(error);
    expect(kept).toEqual({ volume: 'teams/lab', commit: oid, changed: true });
    const html = renderToStaticMarkup(createElement(PromoteOutcome, { name: 'csv-stats', team: 'teams/lab', result: { ...kept!, sync: null }, notPushed: error }));
    expect(html).toContain('Promoted to teams/lab in commit abc1234.');
    expect(html).toContain(`Not pushed (REMOTE_UNREACHABLE): ${cause} The commit is kept here and goes out with the next sync of teams/lab.`);
    expect(html).not.toContain('has no remote');
    // A promotion that failed before its commit is an ordinary error.
    expect(keptPromotion(new WeftError('REMOTE_UNREACHABLE', 'You are offline: promoting to teams/lab needs the network.', { offline: true }))).toBeNull();
  });
});
