/** One short message above the canvas (saved, import failed…): ephemeral, replaced by the next. */
import { create } from 'zustand';

export interface Notice {
  readonly tone: 'ok' | 'error' | 'info';
  readonly text: string;
  /** Further lines (parse issues…). */
  readonly details?: readonly string[];
  readonly seq: number;
}

export const useCanvasNotice = create<{ readonly notice: Notice | null }>()(() => ({ notice: null }));

let seq = 0;

export function showNotice(tone: Notice['tone'], text: string, details?: readonly string[]): void {
  useCanvasNotice.setState({ notice: { tone, text, seq: ++seq, ...(details ? { details } : {}) } });
}

export function clearNotice(): void {
  useCanvasNotice.setState({ notice: null });
}
