/**
 * One table of every benchmark's figures, from the results files (DESIGN.md section 7). Pure:
 * bench/summary.ts reads the files and writes the output, tests pass text in.
 */
import { err, ok, type Result } from '../../lib/core';
import type { Figure } from './results';

export interface BenchMachine {
  readonly cpus: number;
  readonly browser: string;
  readonly node: string;
}

/** The part of a results file the summary reads; other fields (sizes, counts) are ignored. */
export interface BenchResult {
  readonly name: string;
  readonly date: string;
  readonly machine: BenchMachine;
  readonly figures: readonly Figure[];
}

/** A results file as found on disk: its text, or null when a benchmark has none or it cannot be read. */
export interface ResultsFile {
  readonly file: string;
  readonly text: string | null;
  /** Why the file could not be read, when it exists but `text` is null. */
  readonly unreadable?: string;
}

/** `met` when the value is on the right side of the target (strictly, as `<` / `>` say), `—` without a target. */
export type Verdict = 'met' | 'not met' | '—';

export interface SummaryRow {
  readonly benchmark: string;
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: Verdict;
}

export interface MachineRow {
  readonly benchmark: string;
  readonly date: string;
  readonly cpus: number;
  readonly browser: string;
  readonly node: string;
}

export interface Summary {
  readonly rows: readonly SummaryRow[];
  readonly machines: readonly MachineRow[];
  /** Files that are missing or cannot be read, and why; the other files are still summarised. */
  readonly problems: readonly { readonly file: string; readonly why: string }[];
}

/**
 * The summary of some results files, in the order given.
 * @example summarize([{ file: 'bench/results/skills.json', text }]).rows[0].verdict === 'met'
 */
export function summarize(files: readonly ResultsFile[]): Summary {
  const rows: SummaryRow[] = [];
  const machines: MachineRow[] = [];
  const problems: { file: string; why: string }[] = [];
  for (const { file, text, unreadable } of files) {
    if (text === null) {
      problems.push({ file, why: unreadable === undefined ? 'missing: its benchmark has not been run (or did not finish)' : `cannot be read (${unreadable})` });
      continue;
    }
    const read = readResult(text);
    if (!read.ok) {
      problems.push({ file, why: read.error });
      continue;
    }
    const { name, date, machine, figures } = read.value;
    machines.push({ benchmark: name, date, ...machine });
    for (const f of figures) {
      rows.push({
        benchmark: name,
        figure: f.metric,
        value: `${formatNumber(f.value)} ${f.unit}`,
        target: f.target === undefined ? '—' : `${f.better === 'lower' ? '<' : '>'} ${formatNumber(f.target)} ${f.unit}`,
        verdict: verdict(f),
      });
    }
  }
  return { rows, machines, problems };
}

export function verdict(f: Figure): Verdict {
  if (f.target === undefined) return '—';
  return (f.better === 'lower' ? f.value < f.target : f.value > f.target) ? 'met' : 'not met';
}

/** Checks one results file's text against the shape every benchmark writes; the error names the first bad field. */
export function readResult(text: string): Result<BenchResult, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(value)) return err('not a JSON object');
  if (typeof value.name !== 'string' || value.name === '') return err('"name" is missing or not text');
  if (typeof value.date !== 'string') return err('"date" is missing or not text');
  const m = value.machine;
  if (!isRecord(m)) return err('"machine" is missing or not an object');
  if (!isFiniteNumber(m.cpus)) return err('"machine.cpus" is missing or not a number');
  if (typeof m.browser !== 'string') return err('"machine.browser" is missing or not text');
  if (typeof m.node !== 'string') return err('"machine.node" is missing or not text');
  if (!Array.isArray(value.figures)) return err('"figures" is missing or not a list');
  const figures: Figure[] = [];
  for (const [i, f] of value.figures.entries()) {
    const at = `"figures[${i}]`;
    if (!isRecord(f)) return err(`${at}" is not an object`);
    if (typeof f.metric !== 'string') return err(`${at}.metric" is missing or not text`);
    if (!isFiniteNumber(f.value)) return err(`${at}.value" is missing or not a number`);
    if (typeof f.unit !== 'string') return err(`${at}.unit" is missing or not text`);
    if (f.target !== undefined && !isFiniteNumber(f.target)) return err(`${at}.target" is not a number`);
    if (f.better !== 'lower' && f.better !== 'higher') return err(`${at}.better" must be "lower" or "higher"`);
    figures.push({ metric: f.metric, value: f.value, unit: f.unit, better: f.better, ...(f.target !== undefined && { target: f.target }) });
  }
  return ok({ name: value.name, date: value.date, machine: { cpus: m.cpus, browser: m.browser, node: m.node }, figures });
}

/** The summary as aligned plain text, for the terminal. */
export function summaryText(summary: Summary): string {
  const out = [`Benchmarks: ${summary.machines.length} results files, ${count(summary)}`, ''];
  out.push(...columns([['benchmark', 'figure', 'value', 'target', 'met?'], ...summary.rows.map((r) => [r.benchmark, r.figure, r.value, r.target, r.verdict])], [false, false, true, false, false]));
  if (summary.machines.length > 0) {
    out.push('', 'Machines');
    out.push(...columns([['benchmark', 'date', 'CPUs', 'browser', 'Node'], ...summary.machines.map((m) => [m.benchmark, m.date, String(m.cpus), m.browser, m.node])], [false, false, true, false, false]));
  }
  if (summary.problems.length > 0) {
    out.push('', 'Problems (left out above)');
    for (const p of summary.problems) out.push(`  ${p.file}: ${p.why}`);
  }
  return `${out.join('\n')}\n`;
}

/** The summary as Markdown (bench/results/SUMMARY.md). */
export function summaryMarkdown(summary: Summary): string {
  const out = [
    '# Benchmark results',
    '',
    'Every figure in `bench/results/*.json`, collected by `npm run bench:summary` (which `npm run bench` runs last); do not edit by hand.',
    `A target is met when the value is on its side of it (strictly). ${count(summary)}.`,
    '',
    '| benchmark | figure | value | target | met? |',
    '|---|---|--:|---|---|',
    ...summary.rows.map((r) => row([r.benchmark, r.figure, r.value, r.target, r.verdict])),
  ];
  if (summary.machines.length > 0) {
    out.push('', '## Machines', '', '| benchmark | date | CPUs | browser | Node |', '|---|---|--:|---|---|');
    out.push(...summary.machines.map((m) => row([m.benchmark, m.date, String(m.cpus), m.browser, m.node])));
  }
  if (summary.problems.length > 0) {
    out.push('', '## Problems', '', 'These files are left out of the tables above:', '');
    out.push(...summary.problems.map((p) => `- \`${p.file}\`: ${escapeCell(p.why)}`));
  }
  return `${out.join('\n')}\n`;
}

function count(summary: Summary): string {
  const met = summary.rows.filter((r) => r.verdict === 'met').length;
  const missed = summary.rows.filter((r) => r.verdict === 'not met').length;
  return `${summary.rows.length} figures, ${met + missed} with a target: ${met} met, ${missed} not met`;
}

function columns(table: readonly (readonly string[])[], rightAligned: readonly boolean[]): string[] {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => [...r[c]!].length)));
  return table.map((r) =>
    r
      .map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]! + cell.length - [...cell].length) : cell.padEnd(widths[c]! + cell.length - [...cell].length)))
      .join('  ')
      .trimEnd(),
  );
}

const row = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
const escapeCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
const formatNumber = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
