/**
 * The candidates nearest to `word` (for "did you mean"): those that contain it or are within a
 * few edits of it, nearest first.
 * @example closest('daly-report', ['daily-report', 'weekly']) → ['daily-report']
 */
export function closest(word: string, candidates: readonly string[], limit = 3): string[] {
  const needle = word.toLowerCase();
  const allowed = Math.max(2, Math.floor(needle.length / 3));
  return candidates
    .map((candidate, order) => {
      const hay = candidate.toLowerCase();
      const contains = needle.length > 0 && (hay.includes(needle) || needle.includes(hay));
      return { candidate, order, distance: contains ? 0 : editDistance(needle, hay) };
    })
    .filter((c) => c.distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, limit)
    .map((c) => c.candidate);
}

/** Levenshtein distance (insertions, deletions and substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
