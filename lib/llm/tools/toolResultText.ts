/** How many items of an array (or rows of a table) the preview keeps. */
const KEEP_ITEMS = 20;
/** How many characters of a string the preview keeps. */
const KEEP_CHARS = 2000;

/**
 * A compact JSON preview of a tool's outputs for the model: long arrays and table rows keep
 * their first items plus a note of how many were left out, long strings are cut, and the whole
 * text stays within `maxChars`.
 * @example toolResultText({ xs: range(1000) }, 500) // {"xs":[0,1,…,19,"… 980 more items"]}
 */
export function toolResultText(outputs: unknown, maxChars = 4000): string {
  let keep = KEEP_ITEMS;
  let text = JSON.stringify(shrink(outputs, keep, KEEP_CHARS)) ?? 'null';
  while (text.length > maxChars && keep > 1) {
    keep = Math.floor(keep / 2);
    text = JSON.stringify(shrink(outputs, keep, Math.max(40, keep * 20))) ?? 'null';
  }
  if (text.length <= maxChars) return text;
  const note = ` … (truncated: ${text.length} characters in all)`;
  return text.slice(0, Math.max(0, maxChars - note.length)) + note;
}

function shrink(value: unknown, keep: number, keepChars: number): unknown {
  if (typeof value === 'string') return value.length > keepChars ? `${value.slice(0, keepChars)}… (${value.length - keepChars} more characters)` : value;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (ArrayBuffer.isView(value)) return shrink(Array.from(value as unknown as ArrayLike<number>), keep, keepChars);
  if (Array.isArray(value)) {
    const items = value.slice(0, keep).map((v) => shrink(v, keep, keepChars));
    if (value.length > keep) items.push(`… ${value.length - keep} more items (${value.length} in all)`);
    return items;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shrink(v, keep, keepChars)]));
  }
  return value;
}
