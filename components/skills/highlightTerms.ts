/**
 * Splits text into plain and matched parts for search highlighting. `terms` are the indexed
 * words a search matched (lower case); a part matches when it is one of them as a whole word.
 * @example highlightTerms('CSV stats', ['csv']) → [{ text: 'CSV', match: true }, { text: ' stats', match: false }]
 */
export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

export function highlightTerms(text: string, terms: readonly string[]): TextPart[] {
  const words = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0 || text === '') return text ? [{ text, match: false }] : [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    const at = found.index;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: found[0], match: true });
    last = at + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
