import { describe, expect, it } from 'vitest';
import { defaultsOf, executableBuiltin, isTable, isVegaLite, runJavaScript, type Values } from './skillTestKit';

const run = (name: string, overrides: Values = {}) => {
  const skill = executableBuiltin(name);
  return runJavaScript(skill, defaultsOf(skill, overrides));
};

describe('json-transform', () => {
  it('lists the three most expensive products in stock with the default spec', async () => {
    const out = await run('json-transform');
    expect(out.result).toEqual([
      { name: 'Centrifuge', price: 1450, qty: 2 },
      { name: 'Microscope', price: 890, qty: 5 },
      { name: 'Pipette', price: 12.5, qty: 40 },
    ]);
    expect(out.count).toBe(3);
  });

  it('counts, aggregates, picks and indexes', async () => {
    const counted = await run('json-transform', { spec: [{ get: 'store.items' }, { count_by: 'tags' }] });
    expect(counted.result).toEqual({ glass: 2, device: 2, safety: 1, optics: 1 });
    const totals = await run('json-transform', {
      spec: [{ get: 'store.items' }, { filter: { any: [{ path: 'tags', op: 'contains', value: 'device' }, { path: 'price', op: '<', value: 9 }] } }, { aggregate: { n: ['count'], total: ['sum', 'price'], top: ['max', 'price'] } }],
    });
    expect(totals.result).toEqual({ n: 3, total: 2348, top: 1450 });
    const picked = await run('json-transform', { spec: [{ get: 'store.items[-1]' }, { pick: ['name', 'stock.qty'] }] });
    expect(picked.result).toEqual({ name: 'Microscope', qty: 5 });
    const missing = await run('json-transform', { spec: { get: 'store.nothing.here' } });
    expect(missing.result).toBeNull();
  });

  it('refuses prototype paths and unknown operations instead of evaluating anything', async () => {
    await expect(run('json-transform', { spec: [{ get: '__proto__.polluted' }] })).rejects.toThrow(/not allowed/);
    await expect(run('json-transform', { spec: [{ map: { constructor: 'name' } }] })).rejects.toThrow(/cannot be a field name/);
    await expect(run('json-transform', { spec: [{ eval: 'process.exit()' }] })).rejects.toThrow(/unknown operation "eval"/);
    await expect(run('json-transform', { spec: [{ get: 'a', limit: 1 }] })).rejects.toThrow(/exactly one operation/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('line-plot', () => {
  it('turns the default series into a Vega-Lite line chart with every point', async () => {
    const out = await run('line-plot');
    const plot = out.plot as { $schema: string; mark: { type: string }; encoding: Record<string, { field: string }>; data: { values: { series: string; x: number; y: number }[] }; title: string };
    expect(isVegaLite(plot)).toBe(true);
    expect(plot.mark.type).toBe('line');
    expect(plot.encoding.x!.field).toBe('x');
    expect(plot.encoding.y!.field).toBe('y');
    expect(plot.encoding.color!.field).toBe('series');
    expect(out.point_count).toBe(26);
    expect(new Set(plot.data.values.map((v) => v.series))).toEqual(new Set(['damped oscillation', 'envelope']));
    expect(plot.data.values[1]).toEqual({ series: 'damped oscillation', x: 0.5, y: 0.421 });
    expect(plot.title).toBe('Damped oscillation');
  });

  it('reads a table and a name-to-values map, and drops non-positive values on a log axis', async () => {
    const table = { columns: ['epoch', 'train', 'test'], rows: [[1, 0.9, 1.0], [2, 0.5, 0.7], [3, 0.3, null]] };
    const fromTable = await run('line-plot', { series: table, x_label: '', y_scale: 'log' });
    const spec = fromTable.plot as { encoding: { x: { title: string }; y: { scale: { type: string } } } };
    expect(fromTable.point_count).toBe(5);
    expect(spec.encoding.x.title).toBe('epoch');
    expect(spec.encoding.y.scale.type).toBe('log');
    const fromMap = await run('line-plot', { series: { loss: [4, 0, 1] }, y_scale: 'log' });
    expect(fromMap.point_count).toBe(2);
  });

  it('plots a plain list of numbers (an optimiser\'s convergence) as one series against its index', async () => {
    const out = await run('line-plot', { series: [-1.0, -1.1, -1.13] });
    const plot = out.plot as { data: { values: { series: string; x: number; y: number }[] } };
    expect(out.point_count).toBe(3);
    expect(plot.data.values).toEqual([
      { series: 'value', x: 0, y: -1 },
      { series: 'value', x: 1, y: -1.1 },
      { series: 'value', x: 2, y: -1.13 },
    ]);
  });
});

describe('table-filter-sort', () => {
  it('keeps the planets with moons, most moons first', async () => {
    const out = await run('table-filter-sort');
    expect(isTable(out.table)).toBe(true);
    const table = out.table as { columns: string[]; rows: unknown[][] };
    expect(table.columns).toEqual(['name', 'type', 'diameter_km', 'moons', 'distance_au']);
    expect(table.rows.map((r) => r[0])).toEqual(['Saturn', 'Jupiter', 'Uranus', 'Neptune', 'Mars', 'Earth']);
    expect(out.matched).toBe(6);
    expect(out.count).toBe(6);
  });

  it('combines conditions with any, sorts by two keys, projects and limits', async () => {
    const out = await run('table-filter-sort', {
      filters: [{ column: 'type', op: 'contains', value: 'GIANT' }, { column: 'name', op: 'in', value: ['Earth'] }],
      match: 'any',
      sort: [{ column: 'type', order: 'asc' }, { column: 'diameter_km', order: 'desc' }],
      columns: ['name', 'type'],
      limit: 4,
    });
    expect(out.table).toEqual({ columns: ['name', 'type'], rows: [['Jupiter', 'gas giant'], ['Saturn', 'gas giant'], ['Uranus', 'ice giant'], ['Neptune', 'ice giant']] });
    expect(out.matched).toBe(5);
    expect(out.count).toBe(4);
  });

  it('accepts a list of objects, puts empty cells last, and names the columns when one is unknown', async () => {
    const records = [{ id: 'item 10', v: 3 }, { id: 'item 2', v: null }, { id: 'item 1', v: '7' }];
    const out = await run('table-filter-sort', { table: records, filters: [], sort: [{ column: 'v', order: 'desc' }] });
    expect((out.table as { rows: unknown[][] }).rows.map((r) => r[0])).toEqual(['item 1', 'item 10', 'item 2']);
    const natural = await run('table-filter-sort', { table: records, filters: [], sort: ['id'] });
    expect((natural.table as { rows: unknown[][] }).rows.map((r) => r[0])).toEqual(['item 1', 'item 2', 'item 10']);
    await expect(run('table-filter-sort', { filters: [{ column: 'mass', op: '>', value: 1 }] })).rejects.toThrow(/No column "mass"; the table has: name, type/);
  });
});

describe('export-file', () => {
  it('exports the default table as an RFC 4180 CSV download', async () => {
    const out = await run('export-file');
    const file = out.file as { filename: string; mimeType: string; content: string };
    expect(file.filename).toBe('results.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.content.split('\n')).toEqual([
      'sample,concentration_mM,absorbance,note',
      'A1,0.5,0.112,',
      'A2,1,0.219,',
      'A3,2,0.431,"diluted, re-measured"',
      'A4,4,0.867,"operator said ""ok"""',
      '',
    ]);
    expect(out.size).toBe(new TextEncoder().encode(file.content).length);
  });

  it('writes JSON and text, sanitises the filename and defuses spreadsheet formulas', async () => {
    const json = await run('export-file', { value: { a: [1, 'é'] }, filename: '../../etc/passwd', format: 'json' });
    const jsonFile = json.file as { filename: string; mimeType: string; content: string };
    expect(jsonFile.filename).toBe('_.._etc_passwd.json');
    expect(JSON.parse(jsonFile.content)).toEqual({ a: [1, 'é'] });
    expect(json.size).toBe(jsonFile.content.length + 1);
    const text = await run('export-file', { value: [{ k: 'x', n: 1 }, { k: 'y', m: true }], filename: 'notes.TXT', format: 'txt' });
    expect(text.file).toMatchObject({ filename: 'notes.TXT', mimeType: 'text/plain;charset=utf-8', content: 'k\tn\tm\nx\t1\t\ny\t\ttrue\n' });
    const csv = await run('export-file', { value: [['=SUM(A1)', -3, '+1']], format: 'csv' });
    expect((csv.file as { content: string }).content).toBe("'=SUM(A1),-3,'+1\n");
    await expect(run('export-file', { format: 'xlsx' })).rejects.toThrow(/use json, csv or txt/);
  });
});
