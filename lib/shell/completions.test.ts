import { describe, expect, it } from 'vitest';
import { closest } from './closest';
import { COMMANDS } from './commandTable';
import { type CompletionContext, completions } from './completions';

const context: CompletionContext = {
  pids: [
    { pid: 12, name: 'researcher', state: 'BLOCKED' },
    { pid: 7, name: 'architect', state: 'THINKING' },
    { pid: 0, name: 'kernel', state: 'RUNNING' },
    { pid: 1, name: 'sleep', state: 'SUSPENDED' },
  ],
  workflows: ['daily-report', 'csv-cleanup', 'report-weekly'],
  skills: ['csv-stats', 'plot-lines'],
};

const values = (text: string) => completions(text, context).items.map((i) => i.value);

describe('completions of command names', () => {
  it('offers every command after a bare slash, with its usage and help', () => {
    const { replaceFrom, items } = completions('/', context);
    expect(replaceFrom).toBe(0);
    expect(items).toHaveLength(COMMANDS.length);
    expect(items[0]).toEqual({ value: '/help ', label: '/help [command]', detail: 'Lists the commands, or explains one.' });
  });

  it('narrows to the names that start with what is typed, then those containing it', () => {
    expect(values('/s')).toEqual(['/suspend ', '/skills ', '/spawn ', '/ps', '/resume ']);
    expect(values('/KI')).toEqual(['/kill ', '/skills ']);
    expect(values('/dr')).toEqual(['/draft ']);
  });

  it('offers nothing once the name is whole, so Enter sends it', () => {
    expect(values('/ps')).toEqual([]);
    expect(values('/kill')).toEqual([]);
  });

  it('offers nothing for chat text, a double slash or an unknown command', () => {
    expect(values('hello')).toEqual([]);
    expect(values('//x')).toEqual([]);
    expect(values('/frob ')).toEqual([]);
    expect(values('/ps ')).toEqual([]);
  });

  it('completes the command /help explains', () => {
    expect(completions('/help sus', context)).toEqual({ replaceFrom: 6, items: [{ value: 'suspend', label: '/suspend <pid>', detail: 'Pauses a process until you /resume it.' }] });
  });
});

describe('completions of pids', () => {
  it('lists the live processes by pid, as "pid · name · state"', () => {
    const { replaceFrom, items } = completions('/kill ', context);
    expect(replaceFrom).toBe(6);
    expect(items.map((i) => i.label)).toEqual(['0 · kernel · RUNNING', '1 · sleep · SUSPENDED', '7 · architect · THINKING', '12 · researcher · BLOCKED']);
    expect(items.map((i) => i.value)).toEqual(['0', '1', '7', '12']);
  });

  it('matches pids by their digits and processes by name', () => {
    expect(values('/suspend arch')).toEqual(['7', '12']);
    expect(values('/suspend archi')).toEqual(['7']);
    expect(completions('/suspend archi', context).replaceFrom).toBe(9);
    expect(values('/resume 1')).toEqual([]);
    expect(values('/kill 2')).toEqual([]);
    expect(values('/kill   r')).toEqual(['0', '7', '12']);
  });

  it('adds a space after a pid that another argument follows', () => {
    expect(values('/nice archi')).toEqual(['7 ']);
    expect(values('/budget ')).toEqual(['0 ', '1 ', '7 ', '12 ']);
  });

  it('offers nothing for the priority, the tokens, or a finished line', () => {
    expect(values('/nice 7 ')).toEqual([]);
    expect(values('/budget 7 5')).toEqual([]);
    expect(values('/kill 7 ')).toEqual([]);
  });
});

describe('completions of workflows and skills', () => {
  it('lists saved workflows for /run, those starting with the text first', () => {
    expect(completions('/run ', context)).toEqual({
      replaceFrom: 5,
      items: [
        { value: 'daily-report', label: 'daily-report' },
        { value: 'csv-cleanup', label: 'csv-cleanup' },
        { value: 'report-weekly', label: 'report-weekly' },
      ],
    });
    expect(values('/run rep')).toEqual(['report-weekly', 'daily-report']);
    expect(values('/run daily-report')).toEqual([]);
  });

  it('lists skill names for /skills', () => {
    expect(values('/skills csv')).toEqual(['csv-stats']);
  });

  it('offers nothing for free text', () => {
    expect(values('/spawn ')).toEqual([]);
    expect(values('/draft a')).toEqual([]);
  });
});

describe('closest', () => {
  it('finds names a typo away, or containing the text', () => {
    expect(closest('daly-report', context.workflows)).toEqual(['daily-report']);
    expect(closest('report', context.workflows)).toEqual(['daily-report', 'report-weekly']);
    expect(closest('zzz', context.workflows)).toEqual([]);
  });
});
