import { describe, expect, it } from 'vitest';
import { asCommitOid } from '@/lib/core';
import type { WorkspaceVolume } from '@/lib/volumes';
import { promotedLine, reasonProblem, remoteNote, teamVolumes } from './promoteForm';

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
});
