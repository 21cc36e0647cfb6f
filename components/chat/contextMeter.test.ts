import { describe, expect, it } from 'vitest';
import { contextMeterView, formatTokens } from './contextMeter';

describe('formatTokens', () => {
  it('shortens powers of two and round thousands', () => {
    expect(formatTokens(8192)).toBe('8k');
    expect(formatTokens(32768)).toBe('32k');
    expect(formatTokens(128000)).toBe('128k');
    expect(formatTokens(500)).toBe('500');
  });
});

describe('contextMeterView', () => {
  it('labels the fill against the provider context length', () => {
    const view = contextMeterView(0.34, 32768, false);
    expect(view).toMatchObject({ percent: 34, label: '34% of 32k', tone: 'ok' });
    expect(view.title).not.toContain('assumed');
    expect(view.title).not.toContain('summarised');
  });

  it('assumes 8k when the provider has no context length, and says so', () => {
    const view = contextMeterView(0.5, undefined, false);
    expect(view.label).toBe('50% of 8k');
    expect(view.title).toContain('8k tokens assumed; set the context length in Model settings');
  });

  it('turns amber past 75%', () => {
    expect(contextMeterView(0.75, 8192, false).tone).toBe('ok');
    expect(contextMeterView(0.76, 8192, false).tone).toBe('warn');
  });

  it('notes summarised turns and clamps odd fills', () => {
    expect(contextMeterView(1.4, 8192, true)).toMatchObject({ percent: 100, tone: 'warn' });
    expect(contextMeterView(1, 8192, true).title).toContain('earlier turns summarised');
    expect(contextMeterView(Number.NaN, 8192, false).percent).toBe(0);
  });
});
