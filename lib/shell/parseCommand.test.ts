import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commandTable';
import { isCommand, parseCommand } from './parseCommand';

const message = (text: string) => {
  const parsed = parseCommand(text);
  if (parsed.ok) throw new Error(`${text} parsed as ${JSON.stringify(parsed.value)}`);
  return parsed.error.message;
};

describe('isCommand', () => {
  it('takes a leading slash as a command, and a double slash as a chat message', () => {
    expect(isCommand('/ps')).toBe(true);
    expect(isCommand('  /ps')).toBe(true);
    expect(isCommand('what is /ps?')).toBe(false);
    expect(isCommand('//etc/hosts is what?')).toBe(false);
  });
});

describe('parseCommand', () => {
  it('parses every command', () => {
    expect(parseCommand('/help')).toEqual({ ok: true, value: { name: 'help', topic: null } });
    expect(parseCommand('/help kill')).toEqual({ ok: true, value: { name: 'help', topic: 'kill' } });
    expect(parseCommand('/help /nice')).toEqual({ ok: true, value: { name: 'help', topic: 'nice' } });
    expect(parseCommand('/ps')).toEqual({ ok: true, value: { name: 'ps' } });
    expect(parseCommand('/kill 7')).toEqual({ ok: true, value: { name: 'kill', pid: 7 } });
    expect(parseCommand('/suspend 12')).toEqual({ ok: true, value: { name: 'suspend', pid: 12 } });
    expect(parseCommand('/resume 0')).toEqual({ ok: true, value: { name: 'resume', pid: 0 } });
    expect(parseCommand('/nice 7 19')).toEqual({ ok: true, value: { name: 'nice', pid: 7, priority: 19 } });
    expect(parseCommand('/budget 7 5000')).toEqual({ ok: true, value: { name: 'budget', pid: 7, tokens: 5000 } });
    expect(parseCommand('/run daily-report')).toEqual({ ok: true, value: { name: 'run', workflow: 'daily-report' } });
    expect(parseCommand('/skills csv statistics')).toEqual({ ok: true, value: { name: 'skills', query: 'csv statistics' } });
    expect(parseCommand('/spawn summarise the last run\nin two lines')).toEqual({ ok: true, value: { name: 'spawn', task: 'summarise the last run\nin two lines' } });
    expect(parseCommand('/draft load a CSV and plot it')).toEqual({ ok: true, value: { name: 'draft', description: 'load a CSV and plot it' } });
    // Every command in the table parses in its simplest well-formed shape.
    const samples: Record<string, string> = { kill: ' 1', suspend: ' 1', resume: ' 1', nice: ' 1 2', budget: ' 1 2', run: ' x', skills: ' x', spawn: ' x', draft: ' x' };
    for (const c of COMMANDS) expect(parseCommand(`/${c.name}${samples[c.name] ?? ''}`)).toMatchObject({ ok: true, value: { name: c.name } });
  });

  it('forgives surrounding space and capitals in the command name', () => {
    expect(parseCommand('  /PS  ')).toEqual({ ok: true, value: { name: 'ps' } });
    expect(parseCommand('/Kill   7 ')).toEqual({ ok: true, value: { name: 'kill', pid: 7 } });
  });

  it('reads token amounts with separators and k/m', () => {
    const tokens = (t: string) => parseCommand(`/budget 1 ${t}`);
    expect(tokens('10_000')).toMatchObject({ value: { tokens: 10_000 } });
    expect(tokens('10,000')).toMatchObject({ value: { tokens: 10_000 } });
    expect(tokens('10k')).toMatchObject({ value: { tokens: 10_000 } });
    expect(tokens('1.1k')).toMatchObject({ value: { tokens: 1_100 } });
    expect(tokens('2M')).toMatchObject({ value: { tokens: 2_000_000 } });
  });

  it('says what is wrong with an unknown command, and suggests a near one', () => {
    expect(message('/kil 7')).toBe('There is no command /kil. Did you mean /kill? Type /help for the list; to send the chat a message that starts with /, begin it with //.');
    expect(message('/frobnicate')).toMatch(/^There is no command \/frobnicate\. Type \/help/);
    expect(message('/')).toBe('Type a command after the /, like /ps. Type /help for the list.');
    expect(parseCommand('/kil 7')).toMatchObject({ error: { command: null } });
  });

  it('names the process a pid command is missing or cannot read', () => {
    expect(message('/kill')).toBe('Which process? Usage: /kill <pid>. Type /ps to see the pids.');
    expect(message('/suspend architect')).toBe('"architect" is not a pid: a pid is a whole number, like /suspend 7. Type /ps to see the pids.');
    expect(message('/resume -1')).toMatch(/^"-1" is not a pid/);
    expect(message('/kill 7 8')).toBe('/kill takes one pid, not "7 8". Usage: /kill <pid>.');
    expect(message('/nice')).toMatch(/^Which process\? Usage: \/nice <pid> <priority>\./);
    expect(message('/budget x 5')).toMatch(/^"x" is not a pid/);
    expect(parseCommand('/kill')).toMatchObject({ error: { command: 'kill' } });
  });

  it('keeps priorities within 0–19', () => {
    expect(message('/nice 7')).toBe('Which priority? Usage: /nice <pid> <priority>, from 0 (highest) to 19 (lowest).');
    expect(message('/nice 7 20')).toBe('The priority must be a whole number from 0 (highest) to 19 (lowest), not "20".');
    expect(message('/nice 7 -1')).toMatch(/not "-1"\.$/);
    expect(message('/nice 7 high')).toMatch(/not "high"\.$/);
    expect(message('/nice 7 2.5')).toMatch(/not "2.5"\.$/);
  });

  it('wants at least one token', () => {
    expect(message('/budget 7')).toBe('How many tokens? Usage: /budget <pid> <tokens>, like /budget 7 5000.');
    expect(message('/budget 7 0')).toBe('The tokens to add must be a whole number of at least 1, not "0".');
    expect(message('/budget 7 -5')).toMatch(/not "-5"\.$/);
    expect(message('/budget 7 lots')).toMatch(/not "lots"\.$/);
    expect(message('/budget 7 1.5')).toMatch(/not "1.5"\.$/);
    expect(message('/budget 7 200m')).toBe('At most 100,000,000 tokens can be added at once, not 200,000,000.');
  });

  it('asks for the text a command needs', () => {
    expect(message('/run')).toBe('Which workflow? Usage: /run <workflow>. Type /run and a space to see the saved ones.');
    expect(message('/skills  ')).toMatch(/^Search for what\?/);
    expect(message('/spawn')).toMatch(/^What should the agent do\?/);
    expect(message('/draft')).toMatch(/^Describe the workflow\./);
    expect(message(`/draft ${'x'.repeat(20_001)}`)).toBe('The description is 20,001 characters; it can be at most 20,000.');
  });

  it('refuses arguments where none belong, and help on an unknown command', () => {
    expect(message('/ps -a')).toBe('/ps takes nothing after it (got "-a"). Type /ps on its own.');
    expect(message('/help frob')).toBe('There is no command /frob to explain. Type /help for the list.');
  });
});
