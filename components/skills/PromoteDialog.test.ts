import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { WorkspaceVolume } from '@/lib/volumes';
import { PromoteDialog } from './PromoteDialog';
import { SkillActions } from './SkillActions';

const state = vi.hoisted(() => ({ volumes: [] as unknown[], client: null, bumpVolumes: () => {} }));
vi.mock('@/components/kernel/useKernelStore', () => ({ useKernelStore: (select: (s: typeof state) => unknown) => select(state) }));
vi.mock('@/components/volumes/useKernelQuery', () => ({
  useKernelQuery: (call: { op: string } | null) => ({ data: call?.op === 'volume.list' ? state.volumes : undefined, error: null, loading: false, reload: () => {} }),
}));

const team = (name: string, url: string | null): WorkspaceVolume => ({
  id: `teams/${name}`,
  kind: 'team',
  title: name.toUpperCase(),
  head: null,
  writable: true,
  remote: url === null ? null : { url, lastSync: null, lastOutcome: null },
  hasToken: false,
});
const mine: WorkspaceVolume = { ...team('x', null), id: 'users/me', kind: 'user', title: 'Mine' };

/** The text of the element labelled by `<label for=…>text</label>`, as its tag name. */
function labelled(html: string, label: string): string | undefined {
  const id = new RegExp(`<label for="([^"]+)"[^>]*>${label}</label>`).exec(html)?.[1];
  return id === undefined ? undefined : new RegExp(`<(\\w+)[^>]* id="${id}"`).exec(html)?.[1];
}

describe('PromoteDialog', () => {
  it('is named "Promote to team", with a Team picker, a required Reason and Promote / Cancel', () => {
    const html = renderToStaticMarkup(createElement(PromoteDialog, { name: 'csv-stats', teams: [team('lab', 'https://git.example/lab.git'), team('ops', null)], onClose: () => {} }));
    const titleId = /<dialog[^>]* aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<h2 id="${titleId}"`);
    expect(html).toMatch(/>Promote to team<\/h2>/);
    expect(labelled(html, 'Team')).toBe('select');
    expect(html).toContain('<option value="teams/lab" selected="">LAB (teams/lab)</option>');
    expect(html).toContain('<option value="teams/ops">OPS (teams/ops)</option>');
    expect(html).toContain('It is pushed to https://git.example/lab.git too.');
    expect(labelled(html, 'Reason')).toBe('textarea');
    expect(html).toMatch(/<textarea[^>]* aria-required="true"/);
    expect(html).toMatch(/<button type="button"[^>]*>Cancel<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Promote<\/button>/);
    expect(html).not.toContain('role="alert"'); // no complaint before a first try
  });

  it('says a team without a remote keeps the copy on this device', () => {
    const html = renderToStaticMarkup(createElement(PromoteDialog, { name: 'csv-stats', teams: [team('ops', null)], onClose: () => {} }));
    expect(html).toContain('This team has no remote');
    expect(html).not.toContain('It is pushed to');
  });
});

describe('SkillActions: Promote to team…', () => {
  const render = (isMine: boolean) =>
    renderToStaticMarkup(createElement(SkillActions, { name: 'csv-stats', volume: isMine ? 'users/me' : 'teams/lab', content: '', mine: isMine, taken: new Set<string>() }));
  const buttons = (html: string) => html.split('</button>').flatMap((part) => (part.includes('<button') ? [part.slice(part.lastIndexOf('<button'))] : []));

  it('is offered for your own skill once a team volume exists, named by its text', () => {
    state.volumes = [mine, team('lab', null)];
    const promote = buttons(render(true)).filter((b) => b.includes('Promote to team'));
    expect(promote).toHaveLength(1);
    expect(promote[0]).not.toContain('aria-label'); // its accessible name is its text (the icon is aria-hidden)
    expect(promote[0]!.replace(/<[^>]*>/g, '')).toBe('Promote to team…');
  });

  it('is not offered without a team volume, nor for a skill that is not yours', () => {
    state.volumes = [mine];
    expect(render(true)).not.toContain('Promote to team');
    state.volumes = [mine, team('lab', null)];
    expect(render(false)).not.toContain('Promote to team');
  });
});
