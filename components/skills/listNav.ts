/**
 * Arrow keys through the library: every row and group header carries `data-nav`; ↑ and ↓ move
 * focus between those shown (folded groups hide theirs), Home and End go to either end.
 * ↑ from the first goes back to the search field.
 */
import type { KeyboardEvent } from 'react';

export function navigateList(event: KeyboardEvent<HTMLElement>, search: HTMLInputElement | null): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-nav]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  if (next < 0) search?.focus();
  else items[Math.min(next, items.length - 1)]?.focus();
}

/** Focus the first row (or header) of the list. */
export function focusFirst(list: HTMLElement | null): boolean {
  const first = list?.querySelector<HTMLElement>('[data-nav]');
  first?.focus();
  return Boolean(first);
}
