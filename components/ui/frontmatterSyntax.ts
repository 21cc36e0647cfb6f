/**
 * YAML front matter for the Markdown editor: without it, `---` opens a horizontal rule and
 * the line above the closing `---` reads as a heading. This parses the block at the very top
 * of the file and marks its keys, quoted strings and comments (enough to read, not to validate:
 * the skill parser does that).
 */
import { tags as t } from '@lezer/highlight';
import type { BlockContext, Element, Line, MarkdownConfig } from '@lezer/markdown';

const FENCE = /^(---|\.\.\.)[ \t]*$/;
const KEY = /^([ \t]*(?:-[ \t]+)?)([^\s#:'"-][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?=[ \t]|$)/;
const STRING = /"(?:[^"\\]|\\.)*"?|'(?:[^']|'')*'?/g;
const COMMENT = /(?:^|[ \t])(#.*)$/;

export const frontmatterSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'Frontmatter', block: true },
    { name: 'FrontmatterMark', style: t.processingInstruction },
    { name: 'FrontmatterKey', style: t.propertyName },
    { name: 'FrontmatterString', style: t.string },
    { name: 'FrontmatterComment', style: t.lineComment },
  ],
  parseBlock: [
    {
      name: 'Frontmatter',
      before: 'HorizontalRule',
      parse(cx: BlockContext, line: Line) {
        if (cx.lineStart !== 0 || !/^---[ \t]*$/.test(line.text)) return false;
        const children: Element[] = [cx.elt('FrontmatterMark', 0, 3)];
        let end = line.text.length;
        while (cx.nextLine()) {
          const from = cx.lineStart;
          end = from + line.text.length;
          if (FENCE.test(line.text)) {
            children.push(cx.elt('FrontmatterMark', from, from + 3));
            cx.nextLine();
            break;
          }
          children.push(...lineElements(cx, line.text, from));
        }
        cx.addElement(cx.elt('Frontmatter', 0, end, children));
        return true;
      },
    },
  ],
};

function lineElements(cx: BlockContext, text: string, from: number): Element[] {
  const found: [string, number, number][] = [];
  const comment = COMMENT.exec(text);
  const code = comment ? text.slice(0, comment.index + comment[0].length - comment[1]!.length) : text;
  const key = KEY.exec(code);
  if (key) found.push(['FrontmatterKey', key[1]!.length, key[1]!.length + key[2]!.length]);
  const valueStart = key ? key[0].length : 0;
  for (const string of code.slice(valueStart).matchAll(STRING)) found.push(['FrontmatterString', valueStart + string.index, valueStart + string.index + string[0].length]);
  if (comment) found.push(['FrontmatterComment', text.length - comment[1]!.length, text.length]);
  return found.map(([type, a, b]) => cx.elt(type, from + a, from + b));
}
