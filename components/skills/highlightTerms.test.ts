import { describe, expect, it } from 'vitest';
import { highlightTerms } from './highlightTerms';

const marked = (text: string, terms: string[]) =>
  highlightTerms(text, terms)
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('highlightTerms', () => {
  it('marks whole matched words, whatever their case', () => {
    expect(marked('Summarise a CSV file: csv in, stats out', ['csv', 'stats'])).toBe('Summarise a [CSV] file: [csv] in, [stats] out');
  });

  it('does not mark a term inside a longer word', () => {
    expect(marked('statistics and stats', ['stats'])).toBe('statistics and [stats]');
  });

  it('prefers the longest term, so a hyphenated name is marked whole', () => {
    expect(marked('csv-stats', ['csv', 'csv-stats'])).toBe('[csv-stats]');
  });

  it('treats terms as text, not patterns', () => {
    expect(marked('a (b) c', ['(b)'])).toBe('a [(b)] c');
    expect(marked('abc', ['.*'])).toBe('abc');
  });

  it('returns the text unmarked when nothing matched', () => {
    expect(highlightTerms('plain', [])).toEqual([{ text: 'plain', match: false }]);
    expect(highlightTerms('', ['x'])).toEqual([]);
  });
});
