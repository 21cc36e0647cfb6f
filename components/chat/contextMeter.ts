/**
 * What the context meter in the chat header shows: how full the open conversation's context
 * window is, as a bar width, a "34% of 8k" label, a tone (amber past 75%) and a tooltip.
 */

/** The kernel's assumption when a provider has no context length set (see chatTurn). */
export const ASSUMED_CONTEXT_LENGTH = 8192;

/** Past this fill the meter turns amber. */
export const FULL_WARNING = 0.75;

export interface ContextMeterView {
  /** 0–100, rounded. */
  readonly percent: number;
  readonly label: string;
  readonly tone: 'ok' | 'warn';
  readonly title: string;
}

/** 8192 → "8k", 128000 → "128k", 500 → "500". */
export function formatTokens(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n % 1000 === 0) return `${n / 1000}k`;
  if (n % 1024 === 0) return `${n / 1024}k`;
  return `${Math.round(n / 1000)}k`;
}

/**
 * @param fill `contextFill(messages, contextLength)`, 0 to 1.
 * @param contextLength the provider's, or undefined when it has none (8k is then assumed).
 * @param summarised whether earlier turns have been folded into summaries.
 */
export function contextMeterView(fill: number, contextLength: number | undefined, summarised: boolean): ContextMeterView {
  const length = contextLength !== undefined && contextLength > 0 ? contextLength : ASSUMED_CONTEXT_LENGTH;
  const clamped = Number.isFinite(fill) ? Math.min(1, Math.max(0, fill)) : 0;
  const percent = Math.round(clamped * 100);
  const label = `${percent}% of ${formatTokens(length)}`;
  const notes = [
    `Context window ${percent}% full (estimated)`,
    contextLength === undefined || !(contextLength > 0) ? `${formatTokens(length)} tokens assumed; set the context length in Model settings` : `${formatTokens(length)} tokens`,
    ...(summarised ? ['earlier turns summarised'] : []),
  ];
  return { percent, label, tone: clamped > FULL_WARNING ? 'warn' : 'ok', title: notes.join(' · ') };
}
