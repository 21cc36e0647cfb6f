import { parser } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import { frontmatterSyntax } from './frontmatterSyntax';

const md = parser.configure([frontmatterSyntax]);
const nodes = (text: string) => {
  const out: string[] = [];
  md.parse(text).iterate({ enter: (n) => void (n.name.startsWith('Frontmatter') && n.name !== 'Frontmatter' && out.push(`${n.name.slice(11)}:${text.slice(n.from, n.to)}`)) });
  return out;
};

describe('frontmatterSyntax', () => {
  it('reads the front matter as one block, with its keys, strings and comments', () => {
    const text = '---\nname: csv-stats # the folder\ndescription: "Sums: rows"\ninputs:\n  - name: x\n---\n# Title\n';
    expect(nodes(text)).toEqual(['Mark:---', 'Key:name', 'Comment:# the folder', 'Key:description', 'String:"Sums: rows"', 'Key:inputs', 'Key:name', 'Mark:---']);
    expect(md.parse(text).topNode.getChildren('ATXHeading1').map((n) => text.slice(n.from, n.to))).toEqual(['# Title']);
  });

  it('leaves a horizontal rule further down alone', () => {
    expect(nodes('Intro\n\n---\nname: x\n---\n')).toEqual([]);
  });
});
