import { describe, expect, it } from 'vitest';
import { findCodeBlocks } from './findCodeBlocks';

describe('findCodeBlocks', () => {
  it('finds ``` and ~~~ fences with their language and line, following CommonMark', () => {
    const body = ['Intro', '', '```python title="x"', 'a', '  ~~~', '```', '', '  ~~~~js', '  b', '   c', '~~~', '~~~~', '', '    ```indented code, not a fence', '``` inline ``` code', 'end'].join('\n');
    expect(findCodeBlocks(body, 10)).toEqual([
      { language: 'python', source: 'a\n  ~~~', line: 12 },
      { language: 'js', source: 'b\n c\n~~~', line: 17 },
    ]);
  });

  it('runs a block left open to the end', () => {
    expect(findCodeBlocks('```\nx\ny')).toEqual([{ language: '', source: 'x\ny', line: 1 }]);
  });
});
