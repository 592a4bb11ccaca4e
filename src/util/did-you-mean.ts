/** "did you mean `X`?" for a misspelt name: the nearest candidate by edit distance, if close enough. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // A truncated name ("critical" for "critical_buckets") is far in edits but obvious to a reader.
  const extended = name.length >= 4 ? list.filter((c) => c.toLowerCase().startsWith(name.toLowerCase())) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  // Beyond a third of the word the "suggestion" is a different word, not a typo; short words allow one edit.
  const allowed = name.length <= 3 ? 1 : Math.max(2, Math.floor(name.length / 3));
  return bestDistance > 0 && bestDistance <= allowed ? best : undefined;
}

/** The message suffix, or '' when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = nearest(name, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}

/** Edit distance where swapping two neighbouring letters ("valeu") counts as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
