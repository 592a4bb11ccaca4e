/**
 * `*` globs (the arn_like operator, waiver rules, accounts and resources, IAM and EventBridge
 * wildcards), matched in O(text × pattern) steps. A glob compiled to a backtracking regular
 * expression (`^.*.*.*!$`) takes minutes on `********!` against a long name; this cannot.
 */
export interface Glob {
  test(text: string): boolean;
}

export interface GlobOptions {
  /** `?` matches any one character (IAM patterns); otherwise it matches itself. */
  question?: boolean;
  caseInsensitive?: boolean;
}

export function compileGlob(glob: string, options: GlobOptions = {}): Glob {
  const pattern = options.caseInsensitive ? glob.toLowerCase() : glob;
  if (!pattern.includes('*') && !(options.question && pattern.includes('?'))) {
    return { test: (text) => (options.caseInsensitive ? text.toLowerCase() : text) === pattern };
  }
  return { test: (text) => wildcardMatch(pattern, options.caseInsensitive ? text.toLowerCase() : text, Boolean(options.question)) };
}

/**
 * The classic two-pointer wildcard match: on a mismatch, only the most recent `*` is retried one
 * character further, so each (text, pattern) position pair is visited at most once per star.
 */
function wildcardMatch(pattern: string, text: string, question: boolean): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && (c === text[t] || (question && c === '?'))) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
