/**
 * Drafting warnings: mistakes that are legal to write but that a drafter
 * would not mean — a tier that can never win, tiers that pay less for worse
 * service, caps that can never bind or that cut a tier's own credit,
 * thresholds outside an input's range, separate rules that both pay, names
 * nobody uses. They run only on programs without errors, and they judge what
 * can be judged exactly: conditions on one input against constants, credits
 * and caps written as constants. Anything else is left alone rather than guessed.
 */
import * as A from '../ast.js';
import { Decimal, ZERO } from '../decimal.js';
import type { Problem } from '../diagnostics.js';
import { finish } from '../plan/steps.js';
import { problems } from '../problems.js';
import { lintRulesAfterBlocks, lintTierGaps } from './blocks.js';
import { canonical, clip, intervalOf, rangesOf, type Interval, type Range } from './intervals.js';
import type { Scope } from './names.js';
import type { CheckedProgram, InputSpec } from './program.js';

/** A credit or cap written as a constant, in a unit comparable with others of the same kind. */
interface Constant {
  readonly kind: A.Kind;
  readonly value: Decimal;
}

function constant(expr: A.Expr): Constant | undefined {
  return expr.type === 'literal' && expr.kind !== 'boolean' ? { kind: expr.kind, value: canonical(expr) } : undefined;
}

function ruleCredit(rule: A.Rule): Constant | undefined {
  return rule.proportional ? undefined : constant(rule.credit);
}

/** How many monthly fees a cap's period spans: a percent cap of a year is 12 monthly fees' worth. */
const MONTHS: Record<A.Period, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The most a cap allows, expressed per month of its period, comparable with a monthly credit. */
function capPerMonth(cap: A.Cap, months: number): Constant | undefined {
  const c = constant(cap.amount);
  if (!c) return undefined;
  // A percent cap scales with its period's fee; money and points caps are fixed amounts.
  const scale = c.kind === 'percent' ? MONTHS[cap.period] : 1;
  return scale === months ? c : { kind: c.kind, value: c.value.times(scale).div(months) };
}

export function lint(program: CheckedProgram, scope: Scope): Problem[] {
  return finish(lintInSteps(program, scope));
}

/** `lint` in steps, one per kind of warning: a page without a worker checks a draft of thousands of tiers over several tasks. */
export function* lintInSteps(program: CheckedProgram, scope: Scope): Generator<void, Problem[], void> {
  const found: Problem[] = [];
  const specs = new Map(program.inputs.map((i) => [i.name, i]));
  const text = program.source;

  // At a point rate of zero every points tier pays nothing: no points tier pays less than another.
  const rate = program.ast.statements.find((s): s is A.PointRate => s.type === 'point-rate');
  const rateValue = rate && constant(rate.rate);
  const pointsPay = !rateValue || !rateValue.value.isZero();
  for (const statement of program.ast.statements) {
    if (statement.type === 'block') lintBlock(statement, specs, found, pointsPay);
  }
  yield;
  // Cap lints count credits per month; under `period quarterly` or `yearly` they would guess, so they stay silent.
  if (A.programPeriod(program.ast) === 'monthly') lintCaps(program, found);
  yield;
  lintThresholds(program, specs, found, text);
  yield;
  lintOverlaps(program, found);
  lintUnused(scope, found);
  yield;
  found.push(...lintTierGaps(program, specs));
  yield;
  found.push(...lintRulesAfterBlocks(program));
  return found;
}

// ——— intervals on a line of pieces ———
//
// The tier lints compare many intervals of one input at once. Every bound of
// a group of intervals cuts the line into pieces — each bound's value on its
// own, and the open stretches between them — so that an interval is a run of
// whole pieces `[first, last]` and "contains" is two integer comparisons.
// Sorting the bounds is the only place Decimals are compared: n log n work in
// place of the n² pairs a naive comparison of every tier with every other does.

/** Work done by the interval sweeps (sort comparisons, tree steps): how the worst-case test bounds their cost. */
export const lintWork = { steps: 0 };

interface Pieces {
  readonly first: number;
  readonly last: number;
}

/**
 * Each value's rank among `values`: equal values share one, a greater value
 * has a greater rank. One sort; after it, comparing two values is comparing
 * two integers.
 */
function ranks(values: readonly Decimal[]): number[] {
  // Rounding to a double keeps order (a < b gives double(a) <= double(b)), so only values
  // whose doubles are equal need decimal.js's comparison, which copies its argument.
  const near = values.map((v) => v.toNumber());
  const compare = (a: number, b: number) => (near[a] < near[b] ? -1 : near[a] > near[b] ? 1 : values[a].cmp(values[b]));
  const order = values.map((_, i) => i).sort((a, b) => {
    lintWork.steps++;
    return compare(a, b);
  });
  const rank: number[] = new Array(values.length);
  let r = -1;
  order.forEach((i, k) => (rank[i] = k > 0 && compare(i, order[k - 1]) === 0 ? r : ++r));
  return rank;
}

/** Each interval as a run of pieces; undefined where it is empty. */
function toPieces(intervals: readonly Interval[]): (Pieces | undefined)[] {
  const values: Decimal[] = [];
  for (const i of intervals) {
    if (i.lo) values.push(i.lo.value);
    if (i.hi) values.push(i.hi.value);
  }
  const rank = ranks(values);
  const m = rank.reduce((n, r) => Math.max(n, r + 1), 0);
  // Piece 2k + 1 is the k-th value itself; piece 2k the open stretch below it; piece 2m above the last.
  let next = 0;
  return intervals.map((i) => {
    const first = !i.lo ? 0 : 2 * rank[next++] + (i.lo.inclusive ? 1 : 2);
    const last = !i.hi ? 2 * m : 2 * rank[next++] + (i.hi.inclusive ? 1 : 0);
    return first <= last ? { first, last } : undefined;
  });
}

/**
 * For each query run, the best of the values whose runs contain it (start at
 * or before, end at or after), folded with `best`. A sweep over starts with a
 * Fenwick tree over ends: O(n log n). Only the two comparisons matter, so a
 * caller may pass mirrored pairs (`first` past `last`) to ask the opposite.
 */
function bestContaining<T>(runs: readonly { readonly at: Pieces; readonly value?: T; readonly query: boolean }[], best: (a: T, b: T) => T): (T | undefined)[] {
  const size = runs.reduce((n, r) => Math.max(n, r.at.last + 1), 0);
  // tree[k] folds the values whose ends lie in its slice, indexed from the right end (suffix queries).
  const tree: (T | undefined)[] = new Array(size + 1);
  const order = runs.map((_, i) => i).sort((a, b) => {
    lintWork.steps++;
    return runs[a].at.first - runs[b].at.first;
  });
  const out: (T | undefined)[] = new Array(runs.length);
  for (let g = 0; g < order.length;) {
    // All runs starting at the same piece go in before any of them asks.
    let h = g;
    while (h < order.length && runs[order[h]].at.first === runs[order[g]].at.first) h++;
    for (let k = g; k < h; k++) {
      const { at, value } = runs[order[k]];
      if (value === undefined) continue;
      for (let x = size - at.last; x <= size; x += x & -x) {
        lintWork.steps++;
        tree[x] = tree[x] === undefined ? value : best(tree[x] as T, value);
      }
    }
    for (let k = g; k < h; k++) {
      const { at, query } = runs[order[k]];
      if (!query) continue;
      let found: T | undefined;
      for (let x = size - at.last; x > 0; x -= x & -x) {
        lintWork.steps++;
        const v = tree[x];
        if (v !== undefined) found = found === undefined ? v : best(found, v);
      }
      out[order[k]] = found;
    }
    g = h;
  }
  return out;
}

/** Groups items by a key, keeping their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) (groups.get(k) ?? groups.set(k, []).get(k)!).push(item);
  }
  return [...groups.values()];
}

// ——— tier blocks ———

interface Tier {
  readonly rule: A.Rule;
  readonly index: number;
  readonly interval?: Interval;
  /** The written credit: the most the tier can pay in a month (its own caps only lower it). */
  readonly most?: Constant;
  /** The least it pays whenever it holds: its credit, lowered by monthly caps of the same kind; undefined when a cap of another kind or period could lower it further. */
  readonly least?: Constant;
}

/** The tiers of one input and one kind of credit, and what the tier lints compare, made once. */
interface Group {
  readonly tiers: readonly Tier[];
  readonly pieces: readonly (Pieces | undefined)[];
  /** Each tier's written credit (`most`) and, where known, its least credit, ranked together. */
  readonly most: readonly number[];
  readonly least: readonly (number | undefined)[];
}

function groupOf(tiers: readonly Tier[]): Group {
  const leasts = tiers.flatMap((t) => (t.least ? [t.least.value] : []));
  const credits = ranks([...tiers.map((t) => t.most!.value), ...leasts]);
  let next = tiers.length;
  return {
    tiers,
    pieces: toPieces(tiers.map((t) => t.interval!)),
    most: credits.slice(0, tiers.length),
    least: tiers.map((t) => (t.least ? credits[next++] : undefined)),
  };
}

/** A tier's rank in the block: higher credit first, then the earlier tier (it wins ties). */
interface Rank {
  readonly credit: number;
  readonly index: number;
}

const outranks = (a: Rank, b: Rank) => a.credit > b.credit || (a.credit === b.credit && a.index < b.index);
const higher = (a: Rank, b: Rank) => (outranks(a, b) ? a : b);

function tierOf(rule: A.Rule, index: number, rangeOf: (name: string) => Range | undefined): Tier {
  const interval = intervalOf(rule.condition);
  const clipped = interval && clip(interval, rangeOf(interval.name));
  const most = ruleCredit(rule);
  let least = most;
  for (const cap of rule.caps) {
    const c = constant(cap.amount);
    // A monthly cap of the credit's own kind lowers every month alike; any other cap depends on the fee or on earlier months.
    if (!least || !c || cap.period !== 'monthly' || c.kind !== least.kind) least = undefined;
    else if (c.value.lt(least.value)) least = c;
  }
  return { rule, index, ...(clipped ? { interval: clipped } : {}), ...(most ? { most } : {}), ...(least ? { least } : {}) };
}

function lintBlock(block: A.Block, specs: ReadonlyMap<string, InputSpec>, found: Problem[], pointsPay: boolean): void {
  const rangeOf = rangesOf(specs);
  const tiers = block.rules.map((rule, index) => tierOf(rule, index, rangeOf));
  const reported = new Set<number>();
  // Tiers are compared only with tiers on the same input whose credits are of the same kind.
  const groups = groupBy(tiers, (t) => (t.interval && t.most ? `${t.interval.name} ${t.most.kind}` : undefined)).map(groupOf);
  for (const group of groups) unreachable(block, group, reported, found);
  // At a point rate of zero every points tier pays nothing.
  for (const group of groups) if (pointsPay || group.tiers[0].most!.kind !== 'points') nonMonotonic(group, reported, found);
}

/**
 * A tier can never win when another tier holds wherever it does and pays at
 * least as much even at its least (a tie goes to the earlier tier).
 */
function unreachable(block: A.Block, { tiers, pieces, most, least }: Group, reported: Set<number>, found: Problem[]): void {
  const runs = tiers.flatMap((t, i) => {
    const at = pieces[i];
    const credit = least[i];
    return at ? [{ at, i, query: true, ...(credit !== undefined ? { value: { credit, index: t.index } } : {}) }] : [];
  });
  const shadows = bestContaining(runs, higher);
  runs.forEach(({ i }, k) => {
    const shadow = shadows[k];
    if (!shadow || !outranks(shadow, { credit: most[i], index: tiers[i].index })) return;
    found.push(problems.unreachableTier(tiers[i].rule.span, block.rules[shadow.index].span));
    reported.add(tiers[i].index);
  });
}

/**
 * Tiers that pay less for worse service, judged as the tiers of one input and
 * one kind of credit pay together: along the input, from the best service to
 * the worst, the credit of the winning tier must never drop below one already
 * paid for better service. Judged when the one-sided tiers agree which side is
 * worse. Tiers with caps of their own are left out: what they pay depends on
 * earlier months.
 */
function nonMonotonic({ tiers, pieces, most }: Group, reported: Set<number>, found: Problem[]): void {
  const judged = tiers.flatMap((t, i) => (t.rule.caps.length === 0 ? [i] : []));
  const sides = new Set(judged.filter((i) => tiers[i].interval!.oneSided).map((i) => tiers[i].interval!.worse));
  if (sides.size > 1) return;
  // `availability < 99%` pays for low values; bands (`95% <= a < 99%`) follow the one-sided tiers, and read as `<` alone.
  const worse = sides.size === 1 ? [...sides][0] : 'low';
  const count = judged.reduce((n, i) => Math.max(n, (pieces[i]?.last ?? -1) + 1), 0);
  // The winner on each piece: tiers enter where they start and leave (lazily) after they end.
  const starts: number[][] = Array.from({ length: count }, () => []);
  for (const i of judged) if (pieces[i]) starts[pieces[i].first].push(i);
  // Tiers are in block order, so the earlier of two equal credits is the smaller i.
  const heap = new MaxHeap<number>((a, b) => {
    lintWork.steps++;
    return most[a] > most[b] || (most[a] === most[b] && a < b);
  });
  const winners: (number | undefined)[] = new Array(count);
  for (let piece = 0; piece < count; piece++) {
    for (const i of starts[piece]) heap.push(i);
    while (heap.size > 0 && pieces[heap.peek()!]!.last < piece) heap.pop();
    winners[piece] = heap.peek();
  }
  // From the best service to the worst: the best credit so far, and who pays it.
  let best: number | undefined;
  for (let k = 0; k < count; k++) {
    const piece = worse === 'low' ? count - 1 - k : k;
    const w = winners[piece];
    if (w === undefined) continue;
    const tier = tiers[w];
    if (best !== undefined && most[w] < most[best]) {
      if (!reported.has(tier.index)) found.push(problems.nonMonotonicTiers(tier.interval!.name, tier.rule.span, tiers[best].rule.span));
      reported.add(tier.index);
    } else if (best === undefined || most[w] > most[best]) {
      best = w;
    }
  }
}

/** A binary max-heap under `above`. */
class MaxHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly above: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.above(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.above(a[l], a[m])) m = l;
        if (r < a.length && this.above(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}

function lintCaps(program: CheckedProgram, found: Problem[]): void {
  let allConstant = true;
  for (const s of program.ast.statements) {
    if (s.type === 'rule') checkOwnCaps(s.caps, [s], found);
    if (s.type === 'block') {
      for (const r of s.rules) checkOwnCaps(r.caps, [r], found);
      // A `for each` block's caps limit the sum over its items: they can bind though no single tier reaches them.
      if (!s.each) checkOwnCaps(s.caps, s.rules, found, true);
    }
  }
  // `cap` statements: the most all credits together can pay in a month.
  const caps = program.ast.statements.filter((s): s is A.CapStmt => s.type === 'cap');
  let most = ZERO;
  let kind: A.Kind | undefined;
  for (const s of program.ast.statements) {
    const credits = s.type === 'rule' ? [s] : s.type === 'block' ? s.rules : [];
    if (credits.length === 0) continue;
    if (s.type === 'block' && s.each) allConstant = false; // any number of items
    const values = credits.map(ruleCredit);
    // One kind for all: a block's money tier and its share-of-the-fee tier cannot be compared.
    kind ??= values[0]?.kind;
    if (values.some((v) => !v || v.kind !== kind)) allConstant = false;
    if (!allConstant) break;
    // A block pays its best tier; separate rules add up.
    most = most.plus(Decimal.max(...values.map((v) => v!.value)));
  }
  for (const cap of caps) {
    const limit = capPerMonth(cap.cap, 1);
    if (!limit || !allConstant || !kind || limit.kind !== kind) continue;
    if (limit.value.div(MONTHS[cap.cap.period]).gte(most)) found.push(problems.capNeverBinds(cap.cap.span));
  }
}

/** A rule's or block's own caps against the credits they limit. */
function checkOwnCaps(caps: readonly A.Cap[], credits: readonly A.Rule[], found: Problem[], block = false): void {
  if (caps.length === 0 || credits.length === 0) return;
  const values = credits.map(ruleCredit);
  const kind = values[0]?.kind;
  if (values.some((v) => !v || v.kind !== kind)) return;
  // The best credit of the first i + 1 tiers: the most the block pays, and (by binary search) the first tier above a cap.
  const best: Decimal[] = [];
  for (const v of values) best.push(best.length === 0 || v!.value.gt(best[best.length - 1]) ? v!.value : best[best.length - 1]);
  const most = best[best.length - 1];
  for (const cap of caps) {
    const perMonth = capPerMonth(cap, MONTHS[cap.period]);
    if (!perMonth || perMonth.kind !== kind) continue;
    if (perMonth.value.gte(most)) {
      found.push(problems.capNeverBinds(cap.span));
      continue;
    }
    // The whole cap, within its period, below a single month's credit of one tier (the first such tier).
    const whole = perMonth.value.times(MONTHS[cap.period]);
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (best[mid].gt(whole)) hi = mid;
      else lo = mid + 1;
    }
    if (lo < credits.length && (block || credits.length === 1)) found.push(problems.capBelowTier(cap.span, credits[lo].span));
  }
}

function lintThresholds(program: CheckedProgram, specs: ReadonlyMap<string, InputSpec>, found: Problem[], text: string): void {
  const rangeOf = rangesOf(specs);
  const visit = (e: A.Expr) => {
    if (e.type === 'compare') {
      for (let i = 0; i < e.ops.length; i++) {
        const [a, b] = [e.operands[i], e.operands[i + 1]];
        const [name, literal] = a.type === 'name' && b.type === 'literal' ? [a, b] : b.type === 'name' && a.type === 'literal' ? [b, a] : [];
        if (!name || !literal || literal.kind === 'boolean') continue;
        const range = rangeOf(name.name);
        if (!range) continue;
        const value = canonical(literal);
        if (value.lt(range.min) || value.gt(range.max)) {
          // A declared range as the rules write it; the implicit one of a percentage as 0%..100%.
          const { written: ends } = range;
          const written = (end: A.Literal) => (ends.implicit ? `${end.value}%` : text.slice(end.span.start, end.span.end));
          found.push(problems.thresholdOutOfRange(name.name, `${written(ends.min)}..${written(ends.max)}`, literal.span));
        }
      }
    }
    A.children(e).forEach(visit);
  };
  for (const s of program.ast.statements) for (const { expr } of A.expressionsOf(s)) visit(expr);
}

/**
 * Separate rules (outside blocks) whose conditions on one input nest: both
 * pay. Each rule is reported once, with the earliest rule before it that it
 * nests in or around.
 */
function lintOverlaps(program: CheckedProgram, found: Problem[]): void {
  const rules = program.ast.statements
    .filter((s): s is A.Rule => s.type === 'rule')
    .map((rule, index) => ({ rule, index, interval: intervalOf(rule.condition) }))
    .filter((r): r is { rule: A.Rule; index: number; interval: Interval } => r.interval !== undefined);
  const byIndex = new Map(rules.map((r) => [r.index, r.rule]));
  const reports: { rule: A.Rule; name: string; other: A.Rule; index: number }[] = [];
  for (const group of groupBy(rules, (r) => r.interval.name)) {
    const pieces = toPieces(group.map((r) => r.interval));
    const live = group.flatMap((r, i) => (pieces[i] ? [{ r, at: pieces[i]! }] : []));
    // The two earliest rules around each rule, and the two earliest inside it (one may be the rule itself).
    // Inside is around with both ends mirrored: j ⊆ i ⟺ first(j) ≥ first(i) and last(j) ≤ last(i).
    const around = bestContaining(live.map(({ r, at }) => ({ at, value: [r.index], query: true })), earliestTwo);
    const top = live.reduce((n, { at }) => Math.max(n, at.last), 0);
    const inside = bestContaining(live.map(({ r, at }) => ({ at: { first: top - at.first, last: top - at.last }, value: [r.index], query: true })), earliestTwo);
    live.forEach(({ r }, i) => {
      const before = [...(around[i] ?? []), ...(inside[i] ?? [])].filter((j) => j < r.index);
      if (before.length === 0) return;
      const other = Math.min(...before);
      reports.push({ rule: r.rule, name: r.interval.name, other: byIndex.get(other)!, index: r.index });
    });
  }
  for (const r of reports.sort((a, b) => a.index - b.index)) found.push(problems.overlappingRules(r.name, r.rule.span, r.other.span));
}

/** The two smallest distinct indexes of both lists (each ascending, without repeats): a merge, run for every tree step. */
function earliestTwo(a: readonly number[], b: readonly number[]): number[] {
  const two: number[] = [];
  for (let i = 0, j = 0; two.length < 2 && (i < a.length || j < b.length);) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (two[two.length - 1] !== next) two.push(next);
  }
  return two;
}

function lintUnused(scope: Scope, found: Problem[]): void {
  for (const symbol of scope.values()) {
    if (symbol.used || symbol.implicit) continue;
    if (symbol.role === 'input') found.push(problems.unusedName('input', symbol.name, symbol.span));
    if (symbol.role === 'let') found.push(problems.unusedName('`let`', symbol.name, symbol.span));
  }
}
