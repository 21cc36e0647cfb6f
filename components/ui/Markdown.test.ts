import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeUrl } from './Markdown';

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe('Markdown', () => {
  it('keeps only web and mail links live', () => {
    expect(safeUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(safeUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeUrl('javascript:alert(1)')).toBe('');
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBe('');
    expect(safeUrl('data:text/html,<script>')).toBe('');
    expect(safeUrl('references/guide.md')).toBe('');
  });

  it('renders a hostile skill inert: no script, no event handler, no javascript: link', () => {
    const html = render(
      [
        '<script>window.pwned = 1</script>',
        '<img src="x" onerror="window.pwned = 2">',
        '[click](javascript:window.pwned=3) <a href="javascript:alert(1)">raw</a>',
        '<div onclick="alert(1)">div</div>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img|<div onclick/i);
    expect(html).toContain('click');
  });

  it('opens links outside the app without a referrer, and highlights fenced code', () => {
    const html = render('[docs](https://example.com)\n\n```python\ndef execute(inputs):\n    return {}\n```\n');
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('target="_blank"');
    expect(html).toMatch(/<span class="tok-keyword">def<\/span>/);
  });

  it('renders GitHub tables and task lists', () => {
    const html = render('| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n');
    expect(html).toContain('<table>');
    expect(html).toContain('type="checkbox"');
  });
});
