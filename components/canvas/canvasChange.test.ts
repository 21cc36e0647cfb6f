import { describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/workflow';
import { applyChange, type CanvasChange, freshNodeId, invertChange, removal } from './canvasChange';
import { copyText, pasteChange } from './clipboard';

const base: Workflow = {
  version: 1,
  id: 'w',
  name: 'w',
  nodes: [
    { id: 'a', skill: 'table-filter-sort', params: {}, position: { x: 0, y: 0 } },
    { id: 'b', skill: 'line-plot', params: { title: 'T' }, position: { x: 300, y: 0 } },
  ],
  edges: [{ from: { node: 'a', output: 'table' }, to: { node: 'b', input: 'series' } }],
};

describe('canvas changes', () => {
  const changes: CanvasChange[] = [
    { type: 'add', nodes: [{ id: 'c', skill: 'export-file', params: {}, position: { x: 600, y: 0 } }], edges: [{ from: { node: 'b', output: 'plot' }, to: { node: 'c', input: 'value' } }] },
    removal(base, new Set(['a']), new Set())!,
    { type: 'move', from: { a: { x: 0, y: 0 } }, to: { a: { x: 10, y: 20 } } },
    { type: 'param', nodeId: 'b', name: 'title', from: 'T', to: 'New' },
    { type: 'param', nodeId: 'b', name: 'title', from: 'T', to: undefined },
    { type: 'replace', from: base, to: { ...base, name: 'renamed' } },
  ];

  it.each(changes)('undoes $type exactly', (change) => {
    const after = applyChange(base, change);
    expect(after).not.toEqual(base);
    expect(applyChange(after, invertChange(change))).toEqual(base);
  });

  it('removing a node takes the edges that touch it', () => {
    const change = removal(base, new Set(['b']), new Set())!;
    expect(applyChange(base, change).edges).toEqual([]);
    expect(change.type === 'remove' && change.edges).toHaveLength(1);
  });

  it('a param set back to undefined falls back to the default', () => {
    const after = applyChange(base, { type: 'param', nodeId: 'b', name: 'title', from: 'T', to: undefined });
    expect(after.nodes[1]!.params).toEqual({});
  });

  it('fresh ids never collide', () => {
    expect(freshNodeId('line-plot', new Set(['line-plot', 'line-plot-2']))).toBe('line-plot-3');
  });
});

describe('clipboard', () => {
  it('pastes copied nodes with new ids and the edges between them', () => {
    const text = copyText(base, new Set(['a', 'b']))!;
    const change = pasteChange(base, text)!;
    expect(change.type).toBe('add');
    if (change.type !== 'add') return;
    expect(change.nodes.map((n) => n.id)).toEqual(['table-filter-sort', 'line-plot']);
    expect(change.edges).toEqual([{ from: { node: 'table-filter-sort', output: 'table' }, to: { node: 'line-plot', input: 'series' } }]);
    expect(change.nodes[0]!.position).toEqual({ x: 40, y: 40 });
  });

  it('leaves out edges to nodes that were not copied', () => {
    const change = pasteChange(base, copyText(base, new Set(['b']))!)!;
    expect(change.type === 'add' && change.edges).toEqual([]);
  });

  it('ignores text that is not copied nodes', () => {
    expect(pasteChange(base, 'hello')).toBeNull();
    expect(pasteChange(base, '{"nodes": []}')).toBeNull();
  });
});
