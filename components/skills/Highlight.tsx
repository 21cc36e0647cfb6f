import { highlightTerms } from './highlightTerms';

/** Text with the search's matched words in `<mark>`. */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  return highlightTerms(text, terms).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text));
}
