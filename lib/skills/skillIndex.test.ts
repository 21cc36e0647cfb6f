import { describe, expect, it } from 'vitest';
import { buildContext } from './buildContext';
import { type SkillDocument, SkillIndex } from './skillIndex';

const doc = (name: string, description: string, extra: Partial<SkillDocument> = {}): SkillDocument => ({ name, description, body: `# ${name}\n\n${description}`, category: 'data', keywords: [], runtime: 'python', volume: 'system', ...extra });

function index() {
  const i = new SkillIndex();
  i.upsert(doc('csv-stats', 'Count, mean, median, min, max and stdev for each numeric column of a CSV file.', { keywords: ['statistics', 'table'] }));
  i.upsert(doc('word-frequency', 'The most frequent words of a text, with counts.', { category: 'writing' }));
  i.upsert(doc('line-plot', 'Turn series of numbers into a Vega-Lite line chart.', { category: 'plotting', runtime: 'javascript' }));
  i.upsert(doc('code-review', 'How to review code: correctness first, then clarity.', { runtime: null, category: 'code', body: 'A checklist for reviewing a change. '.repeat(40) }));
  return i;
}

describe('SkillIndex', () => {
  it('ranks a name match above a mention in a description', () => {
    expect(index().search('csv')[0]?.name).toBe('csv-stats');
    expect(index().search('plot')[0]?.name).toBe('line-plot');
  });

  it('finds by prefix, by keyword, and forgives a small typo', () => {
    const i = index();
    expect(i.search('stat').map((h) => h.name)).toContain('csv-stats');
    expect(i.search('statistics')[0]?.name).toBe('csv-stats');
    expect(i.search('frequncy')[0]?.name).toBe('word-frequency');
  });

  it('reports the matched terms for highlighting', () => {
    expect(index().search('median')[0]).toMatchObject({ name: 'csv-stats', terms: ['median'] });
  });

  it('updates incrementally: replace and remove', () => {
    const i = index();
    i.upsert(doc('word-frequency', 'Histogram of characters.', { volume: 'users/me' }));
    expect(i.search('counts').map((h) => h.name)).not.toContain('word-frequency'); // only the old description said it
    expect(i.search('histogram')[0]).toMatchObject({ name: 'word-frequency', volume: 'users/me' });
    i.remove('csv-stats');
    expect(i.search('csv')).toEqual([]);
    expect(i.size).toBe(3);
  });

  it('returns nothing for an empty query', () => {
    expect(index().search('   ')).toEqual([]);
  });
});

describe('buildContext', () => {
  const load = async (hit: { name: string }) => `Full instructions of ${hit.name}.`;

  it('lists a catalogue, then the full bodies of the best matches, and says which it used', async () => {
    const ctx = await buildContext(index(), load, 'csv statistics plot', 1000);
    expect(ctx.text).toContain('# Skills you can use');
    expect(ctx.text).toContain('- **csv-stats** (python): Count, mean');
    expect(ctx.text).toContain('## csv-stats\n\nFull instructions of csv-stats.');
    expect(ctx.skills.find((s) => s.name === 'csv-stats')).toEqual({ name: 'csv-stats', volume: 'system', disclosure: 'full' });
    expect(ctx.tokens).toBeLessThanOrEqual(1000);
  });

  it('stays within a small budget: catalogue only', async () => {
    const ctx = await buildContext(index(), async () => 'x'.repeat(4000), 'csv plot', 60);
    expect(ctx.tokens).toBeLessThanOrEqual(60);
    expect(ctx.skills.every((s) => s.disclosure === 'catalogue')).toBe(true);
    expect(ctx.skills.length).toBeGreaterThan(0);
  });

  it('is empty when nothing matches or nothing fits', async () => {
    expect(await buildContext(index(), load, 'quantum chromodynamics', 1000)).toEqual({ text: '', tokens: 0, skills: [] });
    expect((await buildContext(index(), load, 'csv', 2)).skills).toEqual([]);
  });
});

describe('SkillIndex, body matches', () => {
  it('finds a skill by a word only its instructions contain, after the name and description matches', () => {
    const i = index();
    i.upsert(doc('fft', 'Spectrum of a signal.', { body: 'Uses the Cooley-Tukey algorithm with a Hann window.' }));
    i.upsert(doc('window-functions', 'Apply a Hann, Hamming or Blackman window to a signal.'));
    expect(i.search('hann').map((h) => h.name)).toEqual(['window-functions', 'fft']);
    expect(i.search('cooley')[0]?.name).toBe('fft');
  });
});
