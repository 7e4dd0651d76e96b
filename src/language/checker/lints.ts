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
import { canonical, Decimal, ONE, ZERO } from '../decimal.js';
import { problems, type Problem } from '../diagnostics.js';
import type { Scope } from './names.js';
import type { CheckedProgram, InputSpec } from './program.js';

/** The values of one input for which a condition holds: an interval. */
interface Interval {
  readonly name: string;
  readonly lo?: { readonly value: Decimal; readonly inclusive: boolean };
  readonly hi?: { readonly value: Decimal; readonly inclusive: boolean };
  /** Lower values are worse service (`availability < 99%`), or higher ones (`response > 4h`). */
  readonly worse: 'low' | 'high';
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
  return { name, ...(lo ? { lo } : {}), ...(hi ? { hi } : {}), worse };
}

/** Whether every value in `inner` is also in `outer`. */
function within(inner: Interval, outer: Interval): boolean {
  if (inner.name !== outer.name) return false;
  const loOk = !outer.lo || (inner.lo !== undefined && (inner.lo.value.gt(outer.lo.value) || (inner.lo.value.eq(outer.lo.value) && (outer.lo.inclusive || !inner.lo.inclusive))));
  const hiOk = !outer.hi || (inner.hi !== undefined && (inner.hi.value.lt(outer.hi.value) || (inner.hi.value.eq(outer.hi.value) && (outer.hi.inclusive || !inner.hi.inclusive))));
  return loOk && hiOk;
}

/** Clips an interval to the input's possible values; undefined if nothing is left. */
function clip(interval: Interval, range: { min: Decimal; max: Decimal } | undefined): Interval | undefined {
  if (!range) return interval;
  const lo = !interval.lo || interval.lo.value.lt(range.min) ? { value: range.min, inclusive: true } : interval.lo;
  const hi = !interval.hi || interval.hi.value.gt(range.max) ? { value: range.max, inclusive: true } : interval.hi;
  if (lo.value.gt(hi.value) || (lo.value.eq(hi.value) && !(lo.inclusive && hi.inclusive))) return undefined;
  return { ...interval, lo, hi };
}

function rangeOf(spec: InputSpec | undefined): { min: Decimal; max: Decimal } | undefined {
  if (spec?.range) return { min: canonical(spec.range.min), max: canonical(spec.range.max) };
  // Percent inputs without a declared range are shares (see evaluate/inputs.ts).
  if (spec?.kind === 'percent') return { min: ZERO, max: ONE };
  return undefined;
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

  for (const statement of program.ast.statements) {
    if (statement.type === 'block') lintBlock(statement, specs, found);
  }
  lintCaps(program, found);
  lintThresholds(program, specs, found, text);
  lintOverlaps(program, found);
  lintUnused(scope, found);
  return found;
}

function lintBlock(block: A.Block, specs: ReadonlyMap<string, InputSpec>, found: Problem[]): void {
  const tiers = block.rules.map((rule, index) => {
    const interval = intervalOf(rule.condition);
    // A tier with caps of its own pays what the caps leave, which a constant cannot say: not judged.
    return { rule, index, credit: rule.caps.length > 0 ? undefined : ruleCredit(rule), interval: interval && clip(interval, rangeOf(specs.get(interval.name))) };
  });
  const reported = new Set<number>();
  for (const b of tiers) {
    for (const a of tiers) {
      if (a === b || !a.interval || !b.interval || !a.credit || !b.credit || a.credit.kind !== b.credit.kind) continue;
      // Highest wins; on a tie the first tier wins.
      const dominates = a.credit.value.gt(b.credit.value) || (a.credit.value.eq(b.credit.value) && a.index < b.index);
      if (dominates && within(b.interval, a.interval)) {
        found.push(problems.unreachableTier(b.rule.span, a.rule.span));
        reported.add(b.index);
        break;
      }
    }
  }
  // Which way is worse is read from the one-sided tiers (`r > 8h`); a band (`4h < r <= 8h`) follows them.
  const oneSided = tiers.find((t) => t.interval && (!t.interval.lo || !t.interval.hi))?.interval;
  const along = (i: Interval): Interval => (oneSided && i.name === oneSided.name && i.lo && i.hi ? { ...i, worse: oneSided.worse } : i);
  for (const b of tiers) {
    if (reported.has(b.index)) continue;
    for (const a of tiers) {
      if (a === b || reported.has(a.index) || !a.interval || !b.interval || !a.credit || !b.credit) continue;
      const [x, y] = [along(b.interval), along(a.interval)];
      if (a.credit.kind !== b.credit.kind || x.name !== y.name || x.worse !== y.worse) continue;
      if (isWorse(x, y) && b.credit.value.lt(a.credit.value)) {
        found.push(problems.nonMonotonicTiers(b.interval.name, b.rule.span, a.rule.span));
        reported.add(b.index);
        break;
      }
    }
  }
}

/** Whether service in `x` is strictly worse than in `y` along the input. */
function isWorse(x: Interval, y: Interval): boolean {
  const edge = (i: Interval) => (i.worse === 'low' ? i.hi?.value : i.lo?.value);
  const ex = edge(x);
  const ey = edge(y);
  if (!ex || !ey) return false;
  return x.worse === 'low' ? ex.lt(ey) : ex.gt(ey);
}

function lintCaps(program: CheckedProgram, found: Problem[]): void {
  let allConstant = true;
  for (const s of program.ast.statements) {
    if (s.type === 'rule') checkOwnCaps(s.caps, [s], found);
    if (s.type === 'block') {
      for (const r of s.rules) checkOwnCaps(r.caps, [r], found);
      checkOwnCaps(s.caps, s.rules, found, true);
    }
  }
  // `cap` statements: the most all credits together can pay in a month.
  const caps = program.ast.statements.filter((s): s is A.CapStmt => s.type === 'cap');
  let most = ZERO;
  let kind: A.Kind | undefined;
  for (const s of program.ast.statements) {
    const credits = s.type === 'rule' ? [s] : s.type === 'block' ? s.rules : [];
    if (credits.length === 0) continue;
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
  for (const cap of caps) {
    const perMonth = capPerMonth(cap, MONTHS[cap.period]);
    const values = credits.map((r) => ({ rule: r, credit: ruleCredit(r) }));
    if (!perMonth || values.some((v) => !v.credit || v.credit.kind !== perMonth.kind)) continue;
    const most = Decimal.max(...values.map((v) => v.credit!.value));
    if (perMonth.value.gte(most)) {
      found.push(problems.capNeverBinds(cap.span));
      continue;
    }
    // The whole cap, within its period, below a single month's credit of one tier.
    const whole = perMonth.value.times(MONTHS[cap.period]);
    const over = values.find((v) => v.credit!.value.gt(whole));
    if (over && (block || credits.length === 1)) found.push(problems.capBelowTier(cap.span, over.rule.span));
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
        const range = rangeOf(spec);
        if (!range) continue;
        const value = canonical(literal);
        if (value.lt(range.min) || value.gt(range.max)) {
          const shown = spec?.range ? `${text.slice(spec.range.min.span.start, spec.range.min.span.end)}..${text.slice(spec.range.max.span.start, spec.range.max.span.end)}` : '0%..100%';
          found.push(problems.thresholdOutOfRange(name.name, shown, literal.span));
        }
      }
    }
    A.children(e).forEach(visit);
  };
  for (const s of program.ast.statements) for (const { expr } of A.expressionsOf(s)) visit(expr);
}

/** Separate rules (outside blocks) whose conditions on one input nest: both pay. */
function lintOverlaps(program: CheckedProgram, found: Problem[]): void {
  const rules = program.ast.statements
    .filter((s): s is A.Rule => s.type === 'rule')
    .map((rule) => ({ rule, interval: intervalOf(rule.condition) }))
    .filter((r): r is { rule: A.Rule; interval: Interval } => r.interval !== undefined);
  for (let i = 0; i < rules.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [rules[j], rules[i]];
      if (within(b.interval, a.interval) || within(a.interval, b.interval)) {
        found.push(problems.overlappingRules(b.interval.name, b.rule.span, a.rule.span));
        break;
      }
    }
  }
}

function lintUnused(scope: Scope, found: Problem[]): void {
  for (const symbol of scope.values()) {
    if (symbol.used || symbol.implicit) continue;
    if (symbol.role === 'input') found.push(problems.unusedName('input', symbol.name, symbol.span));
    if (symbol.role === 'let') found.push(problems.unusedName('`let`', symbol.name, symbol.span));
  }
}
