/**
 * Did-you-mean: the closest known name to a misspelt one, if it is close
 * enough to be a typo. A text may misspell thousands of names against
 * thousands of declared ones, so the search is bounded: names longer than
 * anyone misspells are not searched, candidates whose length alone rules them
 * out are skipped, the distance is computed only near the diagonal and given
 * up once it cannot win, and a `Suggester` searches within a budget of work
 * per compile (beyond it, an unknown name simply gets no suggestion).
 */

/** Longer names get no suggestion: a typo in a 65-character name is not what a did-you-mean is for. */
const LONGEST = 64;

/** Work (distance-table cells) one compile may spend on suggestions: tens of milliseconds at most. */
export const SUGGESTION_BUDGET = 2_000_000;

export interface Budget {
  cells: number;
}

export function suggest(name: string, candidates: readonly string[], budget: Budget = { cells: Infinity }): string | undefined {
  return search(name, candidates, budget);
}

/** Suggestions among one list of names: each misspelt name searched once (a typo repeated is answered alike). */
export class Suggester {
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly candidates: readonly string[],
    private readonly budget: Budget = { cells: SUGGESTION_BUDGET },
  ) {}

  suggest(name: string): string | undefined {
    if (!this.cache.has(name)) this.cache.set(name, search(name, this.candidates, this.budget));
    return this.cache.get(name);
  }
}

function search(name: string, candidates: readonly string[], budget: { cells: number }): string | undefined {
  if (name.length > LONGEST) return undefined;
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) >= bestDistance || candidate.length > LONGEST) continue;
    if (budget.cells <= 0) break;
    const d = editDistance(wanted, candidate.toLowerCase(), bestDistance, budget);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** The edit distance of `a` and `b` if it is below `limit`, else `limit` (only cells within `limit` of the diagonal count). */
function editDistance(a: string, b: string, limit: number, budget: { cells: number }): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(limit);
    current[0] = i;
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    let rowBest = current[0];
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution, limit);
      rowBest = Math.min(rowBest, current[j]);
    }
    budget.cells -= to - from + 1;
    if (rowBest >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}
