/**
 * ngspice (as eecircuit-engine drives it) writes only the last analysis's vectors, so a netlist
 * with several analyses (`.tran` and `.ac`) is run once per analysis: the same netlist with the
 * other analysis lines commented out. Commenting (not deleting) keeps ngspice's "Error on line N"
 * pointing at the line the user wrote.
 */
import { WeftError } from '../../core';

/** SPICE analysis dot-commands, each of which produces one plot of vectors. */
export const ANALYSES = ['ac', 'dc', 'disto', 'noise', 'op', 'pss', 'pz', 'sens', 'sp', 'tf', 'tran'] as const;
export type Analysis = (typeof ANALYSES)[number];

const ANALYSIS_LINE = new RegExp(`^\\s*\\.(${ANALYSES.join('|')})\\b`, 'i');

/** One ngspice run: the netlist with only this analysis left in it. */
export interface AnalysisRun {
  readonly analysis: Analysis;
  /** Where its vectors go in the output: the analysis name, `tran2` for a second `.tran`… */
  readonly key: string;
  /** 1-based line of the analysis in the netlist. */
  readonly line: number;
  readonly netlist: string;
}

/**
 * The runs `netlist` needs, one per analysis line. Throws SPICE_NETLIST when there is no
 * analysis or when there is a `.control` block (Weft runs the analyses itself; a control block
 * could also quit ngspice and take the worker with it).
 * @example splitAnalyses('t\nR1 a 0 1\n.op\n.end').map((r) => r.key) // ['op']
 */
export function splitAnalyses(netlist: string): AnalysisRun[] {
  const lines = netlist.split(/\r?\n/);
  const found: { analysis: Analysis; start: number; end: number }[] = [];
  // Line 1 is the title, whatever it says; nothing after .end is read.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*\.end\s*$/i.test(line)) break;
    if (/^\s*\.control\b/i.test(line)) {
      throw new WeftError(
        'SPICE_NETLIST',
        `Line ${i + 1} starts a .control block, which Weft does not run: write the analyses as dot-commands (.tran, .ac, .dc, .op…) and remove .control … .endc. Weft runs each analysis and returns its vectors.`,
        { line: i + 1, errors: [line.trim()] },
      );
    }
    const match = ANALYSIS_LINE.exec(line);
    if (!match) continue;
    let end = i;
    while (end + 1 < lines.length && /^\s*\+/.test(lines[end + 1]!)) end++;
    found.push({ analysis: match[1]!.toLowerCase() as Analysis, start: i, end });
    i = end;
  }
  if (found.length === 0) {
    throw new WeftError('SPICE_NETLIST', 'The netlist has no analysis, so ngspice has nothing to simulate: add one such as .tran 1u 1m, .ac dec 10 1 1meg, .dc V1 0 5 0.1 or .op.', { errors: [] });
  }
  const counts = new Map<Analysis, number>();
  return found.map((run) => {
    const count = (counts.get(run.analysis) ?? 0) + 1;
    counts.set(run.analysis, count);
    const key = count === 1 ? run.analysis : `${run.analysis}${count}`;
    if (found.length === 1) return { analysis: run.analysis, key, line: run.start + 1, netlist };
    const kept = lines.map((line, i) => (found.some((other) => other !== run && i >= other.start && i <= other.end) ? `*${line}` : line));
    return { analysis: run.analysis, key, line: run.start + 1, netlist: kept.join('\n') };
  });
}
