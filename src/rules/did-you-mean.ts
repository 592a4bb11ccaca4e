/** "did you mean `X`?" for a misspelt name: the nearest candidate by edit distance, if close enough. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // A truncated name ("critical" for "critical_buckets") is far in edits but obvious to a reader.
  const extended = name.length >= 4 ? list.filter((c) => c.toLowerCase().startsWith(name.toLowerCase())) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = levenshtein(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Beyond a third of the word the "suggestion" is a different word, not a typo.
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** The message suffix, or '' when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = nearest(name, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
