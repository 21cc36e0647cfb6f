import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CommandOutput } from './commandOutput';
import { CommandOutputView } from './CommandOutputView';
import { CompletionList } from './CompletionList';

const render = (output: CommandOutput) => renderToStaticMarkup(createElement(CommandOutputView, { output }));

describe('CommandOutputView', () => {
  it('marks the block with its command and status, and prints the typed line', () => {
    const html = render({ id: 'o', command: 'kill', input: '/kill 0', status: 'error', blocks: [{ kind: 'text', text: 'Process 0 belongs to the kernel.', tone: 'error' }] });
    expect(html).toContain('data-command="kill"');
    expect(html).toContain('data-status="error"');
    expect(html).toContain('/kill 0');
    expect(html).toContain('Process 0 belongs to the kernel.');
  });

  it('prints /ps as a table with each note under its row, and an answer as Markdown', () => {
    const html = render({
      id: 'o',
      command: 'ps',
      input: '/ps',
      status: 'ok',
      blocks: [
        { kind: 'table', head: ['PID', 'NAME'], rows: [{ cells: ['9', 'writer'], note: 'Its budget ran out.' }] },
        { kind: 'markdown', text: '**bold**' },
      ],
    });
    expect(html).toMatch(/<th scope="col">PID<\/th><th scope="col">NAME<\/th>/);
    expect(html).toMatch(/<td>9<\/td><td>writer<\/td><\/tr><tr[^>]*><td><\/td><td[^>]*>↳ Its budget ran out.<\/td>/);
    expect(html).toContain('<strong>bold</strong>');
  });
});

describe('CompletionList', () => {
  it('is a listbox named "Command completions" with the active option selected', () => {
    const html = renderToStaticMarkup(
      createElement(CompletionList, { id: 'l', items: [{ value: '7', label: '7 · architect · THINKING' }, { value: '9', label: '9 · writer · BLOCKED' }], active: 1, optionId: (i: number) => `l-${i}`, onPick: () => undefined }),
    );
    expect(html).toMatch(/^<ul id="l" role="listbox" aria-label="Command completions"/);
    expect(html).toContain('id="l-0" role="option" aria-selected="false"');
    expect(html).toContain('id="l-1" role="option" aria-selected="true"');
    expect(html).toContain('7 · architect · THINKING');
  });
});
