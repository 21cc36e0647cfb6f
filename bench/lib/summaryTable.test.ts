import { describe, expect, it } from 'vitest';
import { readResult, type ResultsFile, summarize, summaryMarkdown, summaryText } from './summaryTable';

const result = (name: string, figures: unknown[], machine: unknown = { cpus: 2, browser: 'Chromium 156', node: 'v20.20.2' }) =>
  JSON.stringify({ name, date: '2026-11-21T17:53:23.943Z', machine, nodes: 1000, figures });

const canvas: ResultsFile = {
  file: 'bench/results/canvas.json',
  text: result('canvas', [
    { metric: 'pan, 1000 nodes', value: 60.5, unit: 'fps', target: 50, better: 'higher' },
    { metric: 'pan, zoomed out', value: 46.42, unit: 'fps', target: 50, better: 'higher' },
  ]),
};
const kernel: ResultsFile = {
  file: 'bench/results/kernel-syscall.json',
  text: result('kernel-syscall', [
    { metric: 'syscall_sequential_p50', value: 70, unit: 'µs', target: 72, better: 'lower' },
    { metric: 'syscall_concurrent_rate', value: 154583.4, unit: 'calls/s', target: 50000, better: 'higher' },
    { metric: 'echo_sequential_p99', value: 110, unit: 'µs', better: 'lower' },
    { metric: 'at the target exactly', value: 1, unit: 'ms', target: 1, better: 'lower' },
  ]),
};

describe('summarize', () => {
  it('gives one row per figure with value and unit, the target with < or > from better, and met / not met / —', () => {
    const { rows, problems } = summarize([canvas, kernel]);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.benchmark, r.figure, r.value, r.target, r.verdict])).toEqual([
      ['canvas', 'pan, 1000 nodes', '60.5 fps', '> 50 fps', 'met'],
      ['canvas', 'pan, zoomed out', '46.42 fps', '> 50 fps', 'not met'],
      ['kernel-syscall', 'syscall_sequential_p50', '70 µs', '< 72 µs', 'met'],
      ['kernel-syscall', 'syscall_concurrent_rate', '154,583.4 calls/s', '> 50,000 calls/s', 'met'],
      ['kernel-syscall', 'echo_sequential_p99', '110 µs', '—', '—'],
      ['kernel-syscall', 'at the target exactly', '1 ms', '< 1 ms', 'not met'],
    ]);
  });

  it('lists each file’s machine and date', () => {
    const other = { file: 'bench/results/skills.json', text: result('skills', [], { cpus: 16, browser: 'none (Node)', node: 'v22.1.0' }) };
    expect(summarize([canvas, other]).machines).toEqual([
      { benchmark: 'canvas', date: '2026-11-21T17:53:23.943Z', cpus: 2, browser: 'Chromium 156', node: 'v20.20.2' },
      { benchmark: 'skills', date: '2026-11-21T17:53:23.943Z', cpus: 16, browser: 'none (Node)', node: 'v22.1.0' },
    ]);
  });

  it('names a missing, unreadable or malformed file, and still summarises the others', () => {
    const files: ResultsFile[] = [
      { file: 'bench/results/chat.json', text: null },
      { file: 'bench/results/dir.json', text: null, unreadable: 'EISDIR' },
      { file: 'bench/results/broken.json', text: '{"name": "broken",' },
      canvas,
      { file: 'bench/results/odd.json', text: result('odd', [{ metric: 'm', value: '12', unit: 'ms', better: 'lower' }]) },
    ];
    const summary = summarize(files);
    expect(summary.rows.map((r) => r.benchmark)).toEqual(['canvas', 'canvas']);
    expect(summary.problems).toEqual([
      { file: 'bench/results/chat.json', why: expect.stringMatching(/^missing/) },
      { file: 'bench/results/dir.json', why: 'cannot be read (EISDIR)' },
      { file: 'bench/results/broken.json', why: expect.stringMatching(/^not valid JSON/) },
      { file: 'bench/results/odd.json', why: '"figures[0].value" is missing or not a number' },
    ]);
  });
});

describe('readResult', () => {
  it.each([
    ['[]', 'not a JSON object'],
    [JSON.stringify({ date: 'd', machine: {}, figures: [] }), '"name" is missing or not text'],
    [JSON.stringify({ name: 'x', date: 'd', figures: [] }), '"machine" is missing or not an object'],
    [result('x', [], { cpus: '2', browser: 'b', node: 'n' }), '"machine.cpus" is missing or not a number'],
    [JSON.stringify({ name: 'x', date: 'd', machine: { cpus: 2, browser: 'b', node: 'n' } }), '"figures" is missing or not a list'],
    [result('x', [{ metric: 'm', value: 1, unit: 'ms', better: 'faster' }]), '"figures[0].better" must be "lower" or "higher"'],
    [result('x', [{ metric: 'm', value: 1, unit: 'ms', target: null, better: 'lower' }]), '"figures[0].target" is not a number'],
  ])('refuses %s: %s', (text, why) => {
    expect(readResult(text)).toEqual({ ok: false, error: why });
  });
});

describe('summaryText and summaryMarkdown', () => {
  const summary = summarize([canvas, { file: 'bench/results/chat.json', text: null }]);

  it('prints aligned columns, the machines and the problems', () => {
    const text = summaryText(summary);
    expect(text).toContain('2 figures, 2 with a target: 1 met, 1 not met');
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('benchmark'))!;
    const row = lines.find((l) => l.includes('pan, zoomed out'))!;
    expect(row.indexOf('> 50 fps')).toBe(header.indexOf('target'));
    expect(row.indexOf('46.42 fps') + '46.42 fps'.length).toBe(header.indexOf('value') + 'value'.length);
    expect(text).toMatch(/canvas\s+2026-11-21T17:53:23.943Z\s+2\s+Chromium 156\s+v20.20.2/);
    expect(text).toContain('bench/results/chat.json: missing');
  });

  it('writes the same table as Markdown, with | in a cell escaped', () => {
    const piped = { file: 'bench/results/p.json', text: result('p', [{ metric: 'a | b', value: 2, unit: 'ms', target: 3, better: 'lower' }]) };
    const md = summaryMarkdown(summarize([canvas, piped, { file: 'bench/results/chat.json', text: null }]));
    expect(md).toContain('| benchmark | figure | value | target | met? |');
    expect(md).toContain('| canvas | pan, zoomed out | 46.42 fps | > 50 fps | not met |');
    expect(md).toContain('| p | a \\| b | 2 ms | < 3 ms | met |');
    expect(md).toContain('| canvas | 2026-11-21T17:53:23.943Z | 2 | Chromium 156 | v20.20.2 |');
    expect(md).toMatch(/## Problems[\s\S]*- `bench\/results\/chat.json`: missing/);
  });

  it('leaves out the machine and problem sections when there is nothing to say', () => {
    const md = summaryMarkdown(summarize([]));
    expect(md).toContain('0 figures, 0 with a target: 0 met, 0 not met');
    expect(md).not.toContain('## Machines');
    expect(md).not.toContain('## Problems');
  });
});
