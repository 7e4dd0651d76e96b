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
import { canonical as toDecimal, Decimal, ZERO } from '../decimal.js';
import type { Problem } from '../diagnostics.js';
import { problems } from '../problems.js';
import { lintRulesAfterBlocks, lintTierGaps } from './blocks.js';
import { effectiveRange } from './implied.js';
import type { Scope } from './names.js';
import type { CheckedProgram, InputSpec } from './program.js';

/** The values of one input for which a condition holds: an interval. */
export interface Interval {
  readonly name: string;
  readonly lo?: { readonly value: Decimal; readonly inclusive: boolean };
  readonly hi?: { readonly value: Decimal; readonly inclusive: boolean };
  /** Lower values are worse service (`availability < 99%`), or higher ones (`response > 4h`). */
  readonly worse: 'low' | 'high';
  /** Written with a bound on one side only (before clipping to the input's range). */
  readonly oneSided: boolean;
}

/**
 * Each literal's value, made once: the lints read the same literals several
 * times (a tier's interval, its credit, its threshold against the range), and
 * a Decimal costs far more to make than to look up.
 */
const values = new WeakMap<A.Literal, Decimal>();

export function canonical(literal: A.Literal): Decimal {
  let value = values.get(literal);
  if (value === undefined) values.set(literal, (value = toDecimal(literal)));
  return value;
}

const FLIP: Record<A.CompareOp, A.CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

/** The interval of a condition made of comparisons between one input and constants, joined by `and`. */
export function intervalOf(expr: A.Expr): Interval | undefined {
  const comparisons: { name: string; op: A.CompareOp; value: Decimal }[] = [];
  const visit = (e: A.Expr): boolean => {
    if (e.type === 'binary' && e.op === 'and') return visit(e.left) && visit(e.right);
    if (e.type !== 'compare') return false;
    for (let i = 0; i < e.ops.length; i++) {
      const [a, b] = [e.operands[i], e.operands[i + 1]];
      if (a.type === 'name' && b.type === 'literal' && b.kind !== 'boolean') comparisons.push({ name: a.name, op: e.ops[i], value: canonical(b) });
      else if (b.type === 'name' && a.type === 'literal' && a.kind !== 'boolean') comparisons.push({ name: b.name, op: FLIP[e.ops[i]], value: canonical(a) });
      else return false;
    }
    return true;
  };
  if (!visit(expr) || comparisons.length === 0) return undefined;
  const name = comparisons[0].name;
  if (comparisons.some((c) => c.name !== name || c.op === '=' || c.op === '!=')) return undefined;
  let lo: Interval['lo'];
  let hi: Interval['hi'];
  for (const c of comparisons) {
    const bound = { value: c.value, inclusive: c.op === '<=' || c.op === '>=' };
    if (c.op === '<' || c.op === '<=') {
      if (!hi || c.value.lt(hi.value) || (c.value.eq(hi.value) && !bound.inclusive)) hi = bound;
    } else if (!lo || c.value.gt(lo.value) || (c.value.eq(lo.value) && !bound.inclusive)) {
      lo = bound;
    }
  }
  // `availability < 99%` pays for low values: low is worse. A band `95% <= a < 99%` reads like its tiers' upper bounds.
  const worse = comparisons.some((c) => c.op === '<' || c.op === '<=') ? 'low' : 'high';
  return { name, ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), worse, oneSided: !lo || !hi };
}

/** Clips an interval to the input's possible values; undefined if nothing is left. */
export function clip(interval: Interval, range: { min: Decimal; max: Decimal } | undefined): Interval | undefined {
  if (!range) return interval;
  const lo = !interval.lo || interval.lo.value.lt(range.min) ? { value: range.min, inclusive: true } : interval.lo;
  const hi = !interval.hi || interval.hi.value.gt(range.max) ? { value: range.max, inclusive: true } : interval.hi;
  if (lo.value.gt(hi.value) || (lo.value.eq(hi.value) && !(lo.inclusive && hi.inclusive))) return undefined;
  return { ...interval, lo, hi };
}

export function rangeOf(spec: InputSpec | undefined): { min: Decimal; max: Decimal } | undefined {
  const range = spec && effectiveRange(spec);
  return range && { min: canonical(range.min), max: canonical(range.max) };
}

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
  return c.kind === 'percent' ? { kind: c.kind, value: c.value.times(MONTHS[cap.period]).div(months) } : { kind: c.kind, value: c.value.div(months) };
}

export function lint(program: CheckedProgram, scope: Scope): Problem[] {
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
  // Cap lints count credits per month; under `period quarterly` or `yearly` they would guess, so they stay silent.
  if (A.programPeriod(program.ast) === 'monthly') lintCaps(program, found);
  lintThresholds(program, specs, found, text);
  lintOverlaps(program, found);
  lintUnused(scope, found);
  found.push(...lintTierGaps(program, specs), ...lintRulesAfterBlocks(program));
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

/** Each interval as a run of pieces; undefined where it is empty. */
function toPieces(intervals: readonly Interval[]): (Pieces | undefined)[] {
  const values: Decimal[] = [];
  for (const i of intervals) {
    if (i.lo) values.push(i.lo.value);
    if (i.hi) values.push(i.hi.value);
  }
  values.sort((a, b) => {
    lintWork.steps++;
    return a.cmp(b);
  });
  // Equal Decimals print alike (decimal.js drops trailing zeros), so the text is the key.
  const rank = new Map<string, number>();
  for (const v of values) if (!rank.has(v.toString())) rank.set(v.toString(), rank.size);
  const m = rank.size;
  // Piece 2k + 1 is the k-th value itself; piece 2k the open stretch below it; piece 2m above the last.
  return intervals.map((i) => {
    const first = !i.lo ? 0 : 2 * rank.get(i.lo.value.toString())! + (i.lo.inclusive ? 1 : 2);
    const last = !i.hi ? 2 * m : 2 * rank.get(i.hi.value.toString())! + (i.hi.inclusive ? 1 : 0);
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

/** A tier's rank in the block: higher credit first, then the earlier tier (it wins ties). */
interface Rank {
  readonly value: Decimal;
  readonly index: number;
}

const outranks = (a: Rank, b: Rank) => a.value.gt(b.value) || (a.value.eq(b.value) && a.index < b.index);
const higher = (a: Rank, b: Rank) => (outranks(a, b) ? a : b);

function tierOf(rule: A.Rule, index: number, specs: ReadonlyMap<string, InputSpec>): Tier {
  const interval = intervalOf(rule.condition);
  const clipped = interval && clip(interval, rangeOf(specs.get(interval.name)));
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
  const tiers = block.rules.map((rule, index) => tierOf(rule, index, specs));
  const reported = new Set<number>();
  // Tiers are compared only with tiers on the same input whose credits are of the same kind.
  for (const group of groupBy(tiers, (t) => (t.interval && t.most ? `${t.interval.name} ${t.most.kind}` : undefined))) {
    const pieces = toPieces(group.map((t) => t.interval!));
    unreachable(block, group, pieces, reported, found);
  }
  // What a tier with caps of its own pays depends on earlier months, and at a point rate of zero points pay nothing.
  const judged = (t: Tier) => t.interval && t.most && t.rule.caps.length === 0 && (pointsPay || t.most.kind !== 'points');
  for (const group of groupBy(tiers, (t) => (judged(t) ? `${t.interval!.name} ${t.most!.kind}` : undefined))) nonMonotonic(group, reported, found);
}

/**
 * A tier can never win when another tier holds wherever it does and pays at
 * least as much even at its least (a tie goes to the earlier tier).
 */
function unreachable(block: A.Block, group: readonly Tier[], pieces: readonly (Pieces | undefined)[], reported: Set<number>, found: Problem[]): void {
  const runs = group.flatMap((t, i) => {
    const at = pieces[i];
    return at ? [{ at, tier: t, query: true, ...(t.least ? { value: { value: t.least.value, index: t.index } } : {}) }] : [];
  });
  const shadows = bestContaining(runs, higher);
  runs.forEach((run, i) => {
    const shadow = shadows[i];
    if (!shadow || !outranks(shadow, { value: run.tier.most!.value, index: run.tier.index })) return;
    found.push(problems.unreachableTier(run.tier.rule.span, block.rules[shadow.index].span));
    reported.add(run.tier.index);
  });
}

/**
 * Tiers that pay less for worse service, judged as the tiers of one input and
 * one kind of credit pay together: along the input, from the best service to
 * the worst, the credit of the winning tier must never drop below one already
 * paid for better service. Judged when the one-sided tiers agree which side is
 * worse.
 */
function nonMonotonic(group: readonly Tier[], reported: Set<number>, found: Problem[]): void {
  const sides = new Set(group.filter((t) => t.interval!.oneSided).map((t) => t.interval!.worse));
  if (sides.size > 1) return;
  // `availability < 99%` pays for low values; bands (`95% <= a < 99%`) follow the one-sided tiers, and read as `<` alone.
  const worse = sides.size === 1 ? [...sides][0] : 'low';
  const pieces = toPieces(group.map((t) => t.interval!));
  const count = pieces.reduce((n, p) => Math.max(n, p ? p.last + 1 : 0), 0);
  // The winner on each piece: tiers enter where they start and leave (lazily) after they end.
  const starts: number[][] = Array.from({ length: count }, () => []);
  pieces.forEach((p, i) => p && starts[p.first].push(i));
  const heap = new MaxHeap<number>((a, b) => {
    lintWork.steps++;
    return outranks(rankOf(group[a]), rankOf(group[b]));
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
    const tier = group[w];
    if (best !== undefined && tier.most!.value.lt(group[best].most!.value)) {
      if (!reported.has(tier.index)) found.push(problems.nonMonotonicTiers(tier.interval!.name, tier.rule.span, group[best].rule.span));
      reported.add(tier.index);
    } else if (best === undefined || tier.most!.value.gt(group[best].most!.value)) {
      best = w;
    }
  }
}

const rankOf = (t: Tier): Rank => ({ value: t.most!.value, index: t.index });

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
    if (values.some((v) => !v || (kind && v.kind !== kind))) allConstant = false;
    if (!allConstant) break;
    kind = values[0]!.kind;
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
  const visit = (e: A.Expr) => {
    if (e.type === 'compare') {
      for (let i = 0; i < e.ops.length; i++) {
        const [a, b] = [e.operands[i], e.operands[i + 1]];
        const [name, literal] = a.type === 'name' && b.type === 'literal' ? [a, b] : b.type === 'name' && a.type === 'literal' ? [b, a] : [];
        if (!name || !literal || literal.kind === 'boolean') continue;
        const spec = specs.get(name.name);
        const range = spec && effectiveRange(spec);
        if (!range) continue;
        const value = canonical(literal);
        if (value.lt(canonical(range.min)) || value.gt(canonical(range.max))) {
          // A declared range as the rules write it; the implicit one of a percentage as 0%..100%.
          const written = (end: A.Literal) => (range.implicit ? `${end.value}%` : text.slice(end.span.start, end.span.end));
          found.push(problems.thresholdOutOfRange(name.name, `${written(range.min)}..${written(range.max)}`, literal.span));
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

/** The two smallest distinct indexes of both lists. */
function earliestTwo(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, 2);
}

function lintUnused(scope: Scope, found: Problem[]): void {
  for (const symbol of scope.values()) {
    if (symbol.used || symbol.implicit) continue;
    if (symbol.role === 'input') found.push(problems.unusedName('input', symbol.name, symbol.span));
    if (symbol.role === 'let') found.push(problems.unusedName('`let`', symbol.name, symbol.span));
  }
}
