/** A fenced code block in Markdown. */
export interface CodeBlock {
  /** The first word of the info string (`python` in "```python title=x"), or "". */
  readonly language: string;
  readonly source: string;
  /** 1-based file line of the opening fence. */
  readonly line: number;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * The fenced code blocks (``` or ~~~, CommonMark rules) of a Markdown body that starts on file
 * line `firstLine`. A block left open runs to the end, as in CommonMark.
 * @example findCodeBlocks('text\n```js\nf()\n```\n', 5) → [{ language: 'js', source: 'f()', line: 6 }]
 */
export function findCodeBlocks(body: string, firstLine = 1): CodeBlock[] {
  const lines = body.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    if (fence[0] === '`' && info.includes('`')) continue; // inline code such as ```x``` is not a fence
    const content: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (closes(line, fence)) break;
      content.push(stripIndent(line, indent.length));
    }
    blocks.push({ language: info.trim().split(/\s+/)[0] ?? '', source: content.join('\n'), line: firstLine + i });
    i = j;
  }
  return blocks;
}

function closes(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return m !== null && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}
