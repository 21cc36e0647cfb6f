/**
 * SPICE netlists, just enough to read: `*` comment lines, `;` trailing comments, dot commands
 * (`.tran`, `.end`), element names (`R1`, `C2`) and values with unit suffixes (`10k`, `1u`).
 */
import { StreamLanguage } from '@codemirror/language';

export const spiceLanguage = StreamLanguage.define<{ lineStart: boolean }>({
  name: 'spice',
  startState: () => ({ lineStart: true }),
  token(stream, state) {
    if (stream.sol()) state.lineStart = true;
    if (stream.eatSpace()) return null;
    const first = state.lineStart;
    state.lineStart = false;
    if ((first && stream.peek() === '*') || stream.peek() === ';') {
      stream.skipToEnd();
      return 'comment';
    }
    if (first && stream.match(/^\.[a-z]+/i)) return 'keyword';
    if (first && stream.match(/^[a-z]\w*/i)) return 'variableName.definition';
    if (stream.match(/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?[a-z]*/i)) return 'number';
    if (stream.match(/^[a-z_]\w*/i)) return 'variableName';
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '*' } },
});
