/**
 * The money impact of a change, input by input: the ranges of one input's
 * values where the two versions pay a different credit for one period (a
 * month, a quarter, a year: the program's own), and by how much, with every
 * other input held at its default. One period on its own: a cap over a
 * longer period counts only that period's credits (`longerCaps` says which
 * caps); a year of periods is `--csv`'s, whose batch lets caps accrue.
 *
 * The ranges are found from the breakpoints, not by sampling: every constant
 * the input is compared with in either version (and, for a proportional
 * credit, every step from its threshold) is a breakpoint. Where an input is
 * only ever compared with constants, each version pays one amount at each
 * breakpoint and one amount on each open interval between two: so evaluating
 * each version, with the exact evaluator, at every breakpoint and at one
 * point inside every interval gives the exact answer. An input that is also
 * computed with (`late * 1 point`, a `let`) pays amounts that vary inside an
 * interval: its ranges are marked `exact: false`.
 */
import { children, expressionsOf, MONTHS_IN, programPeriod, type Expr, type Literal, type Period } from '../ast.js';
import { canonical, Decimal } from '../decimal.js';
import { SECONDS_PER_UNIT } from '../literals.js';
import type { CreditOutcome, InputInfo, Program } from '../program.js';

/** One end of a range, in the input's own unit ("99.5" for 99.5 %, "30" for 30min with unit "min"). */
export interface RangeEnd {
  readonly value: string;
  readonly included: boolean;
}

/** A month's credit under one version: money (a decimal string), or why it could not be computed. */
export interface Paid {
  readonly amount?: string;
  /** Null for a program without a fee. */
  readonly percentOfFee?: string | null;
  readonly error?: string;
}

export interface ImpactRange {
  /** No `from`: the range has no lower end (the input's declared range aside); no `to`: no upper end. */
  readonly from?: RangeEnd;
  readonly to?: RangeEnd;
  readonly before: Paid;
  readonly after: Paid;
  /** After minus before, in money; absent when either could not be computed. */
  readonly difference?: string;
  /** A value the amounts were computed at (in the input's unit): for an exact input every value of the range pays the same; for an inexact one, this one. */
  readonly at: string;
}

export interface InputImpact {
  readonly name: string;
  readonly label?: string;
  readonly kind: InputInfo['kind'];
  readonly unit?: InputInfo['unit'];
  readonly currency?: string;
  /** The ranges where the versions pay differently, in order. */
  readonly ranges: readonly ImpactRange[];
  /** False when the input is computed with, so amounts may vary inside a range (each range shows one point of it). */
  readonly exact: boolean;
  /** A list input: its ranges are those of a period with one item of that value. */
  readonly list?: true;
}

/** A value as the language writes it ("99.5%"); for a list input, its items. */
export type Held = string | readonly string[];

export interface MoneyImpact {
  readonly currency: string | null;
  /** The period one evaluation pays for (the new version's): the amounts are a month's, a quarter's or a year's. */
  readonly period: Period;
  /** The old version's period, where it differs: its amounts are for that period. */
  readonly periodBefore?: Period;
  /**
   * The periods of caps longer than a version's own (a yearly cap of a
   * monthly or quarterly program): one period on its own counts only its own
   * credits toward them, so the ranges do not show them binding over a year.
   */
  readonly longerCaps: readonly Period[];
  /**
   * The values every other input is held at, as literals: each version's own
   * default (the other version's where it has none), so a changed fee shows.
   */
  readonly held: Readonly<Record<string, { readonly before: Held; readonly after: Held }>>;
  /** Inputs held at a value of our choosing, having no default in either version. */
  readonly assumed: readonly string[];
  readonly inputs: readonly InputImpact[];
}

/** Proportional credits with smaller steps than this many in an input's range are not stepped through. */
const MAX_STEPS = 2_000;

export function moneyImpact(before: Program, after: Program): MoneyImpact {
  const currency = after.currency ?? before.currency;
  const inputs = union(after.inputs, before.inputs);
  const { held, assumed } = heldValues(before, after, currency);
  const run = (program: Program, side: 'before' | 'after', name: string, value: Held): Paid => {
    const own = Object.fromEntries(program.inputs.map((i) => [i.name, i.name === name ? value : held[i.name][side]]));
    return paid(program.credit(own));
  };
  const impacts = inputs
    .filter((input) => input.name !== 'fee')
    .map((input): InputImpact => {
      const { points, exact } = breakpoints(input, [before, after]);
      const ranges = segments(input, points).map((segment) => {
        const item = literal(input, segment.at, currency);
        const value = input.list ? [item] : item;
        return { ...segment, before: run(before, 'before', input.name, value), after: run(after, 'after', input.name, value) };
      });
      return {
        name: input.name,
        kind: input.kind,
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.unit ? { unit: input.unit } : {}),
        ...(input.currency ? { currency: input.currency } : {}),
        ...(input.list ? { list: true as const } : {}),
        ranges: merge(ranges, exact),
        exact,
      };
    });
  const [periodBefore, period] = [programPeriod(before.toJSON().ast), programPeriod(after.toJSON().ast)];
  const longerCaps = PERIODS.filter((p) => [before, after].some((program) => capPeriods(program).has(p) && MONTHS_IN[p] > MONTHS_IN[programPeriod(program.toJSON().ast)]));
  return { currency: currency ?? null, period, ...(periodBefore !== period ? { periodBefore } : {}), longerCaps, held, assumed, inputs: impacts };
}

const PERIODS: readonly Period[] = ['monthly', 'quarterly', 'yearly'];

/** The periods of a program's caps: of its rules, its tier tables and all its credits. */
function capPeriods(program: Program): Set<Period> {
  const caps = program.toJSON().ast.statements.flatMap((s) =>
    s.type === 'rule' ? s.caps : s.type === 'block' ? [...s.caps, ...s.rules.flatMap((r) => r.caps)] : s.type === 'cap' ? [s.cap] : []);
  return new Set(caps.map((cap) => cap.period));
}

/** The inputs of both versions, each once, the new version's declaration first. */
function union(first: readonly InputInfo[], second: readonly InputInfo[]): InputInfo[] {
  return [...first, ...second.filter((b) => !first.some((a) => a.name === b.name))];
}

function heldValues(before: Program, after: Program, currency: string | undefined): Pick<MoneyImpact, 'held' | 'assumed'> {
  const held: Record<string, { before: Held; after: Held }> = {};
  const assumed: string[] = [];
  for (const input of union(after.inputs, before.inputs)) {
    const [b, a] = [before, after].map((p) => p.inputs.find((i) => i.name === input.name));
    if (input.list) {
      const items = (own: InputInfo | undefined) => (own?.defaultItems ?? b?.defaultItems ?? a?.defaultItems ?? []).map((v) => literal(own ?? input, v, currency));
      if (!b?.defaultItems && !a?.defaultItems) assumed.push(input.name);
      held[input.name] = { before: items(b), after: items(a) };
      continue;
    }
    const fallback = b?.default ?? a?.default;
    const value = (own: InputInfo | undefined) => {
      const chosen = own?.default ?? fallback ?? (input.name === 'fee' ? '1000' : input.kind === 'percent' ? '100' : input.kind === 'boolean' ? 'false' : '0');
      return literal(own ?? input, chosen, currency);
    };
    if (fallback === undefined) assumed.push(input.name);
    held[input.name] = { before: value(b), after: value(a) };
  }
  return { held, assumed };
}

/** A value in the input's own unit as the language writes it: "99.5%", "30min", "1000 EUR". */
function literal(input: InputInfo, value: string, currency: string | undefined): string {
  switch (input.kind) {
    case 'percent': return `${value}%`;
    case 'duration': return `${value}${input.unit ?? 's'}`;
    case 'money': return input.currency ?? currency ? `${value} ${input.currency ?? currency}` : value;
    default: return value;
  }
}

/** A literal's value in the input's own unit (percent points, the declared duration unit). */
function inUnit(input: InputInfo, l: Literal): Decimal {
  const value = canonical(l);
  if (input.kind === 'percent') return value.times(100);
  if (input.kind === 'duration') return value.div(SECONDS_PER_UNIT[input.unit ?? 's']);
  return value;
}

/** Every constant `input` is compared with in the programs, and whether that is all it is used for. */
function breakpoints(input: InputInfo, programs: readonly Program[]): { points: Decimal[]; exact: boolean } {
  if (input.kind === 'boolean') return { points: [], exact: true };
  const points: Decimal[] = [];
  let exact = true;
  const range = rangeOf(input);
  // A list input is compared through the item name of each `for each` block over it.
  const names = new Set([input.name]);
  for (const program of programs) {
    for (const statement of program.toJSON().ast.statements) if (statement.type === 'block' && statement.each?.list === input.name) names.add(statement.each.name);
  }
  const isInput = (e: Expr) => e.type === 'name' && names.has(e.name);
  // The input directly beside a comparison operator is compared; anywhere else it is computed with.
  const walk = (expr: Expr): void => {
    if (expr.type === 'compare') {
      expr.operands.forEach((operand, i) => {
        if (!isInput(operand)) return walk(operand);
        for (const other of [expr.operands[i - 1], expr.operands[i + 1]]) {
          if (other?.type === 'literal') points.push(inUnit(input, other));
          else if (other) exact = false;
        }
      });
      return;
    }
    if (isInput(expr)) exact = false;
    for (const child of children(expr)) walk(child);
  };
  for (const program of programs) {
    for (const statement of program.toJSON().ast.statements) {
      for (const { expr } of expressionsOf(statement)) walk(expr);
      const rules = statement.type === 'rule' ? [statement] : statement.type === 'block' ? statement.rules : [];
      for (const rule of rules) {
        const measure = rule.proportional?.measure;
        if (!measure || !isInput(measure.subject)) continue;
        const step = rule.proportional!.step;
        // The distance is stepped: the credit changes at every step from the threshold, and only there.
        const stepped = measure.threshold.type === 'literal' && step.type === 'literal' && range !== undefined && canonical(step).gt(0);
        const [threshold, size] = stepped ? [inUnit(input, measure.threshold as Literal), inUnit(input, step as Literal)] : [];
        if (!threshold || !size || !range) {
          exact = false;
          continue;
        }
        // The steps k = 1, 2, … from the threshold that fall inside the range.
        const direction = rule.proportional!.direction === 'below' ? -1 : 1;
        const [near, far] = direction > 0 ? [range.min, range.max] : [range.max, range.min];
        const first = Decimal.max(1, near.minus(threshold).times(direction).div(size).ceil());
        const last = far.minus(threshold).times(direction).div(size).floor();
        if (last.minus(first).gt(MAX_STEPS)) {
          exact = false;
          continue;
        }
        for (let k = first; k.lte(last); k = k.plus(1)) points.push(threshold.plus(size.times(k).times(direction)));
      }
    }
  }
  if (!exact) points.push(...between(points, range));
  const inside = range ? [...points.filter((p) => p.gte(range.min) && p.lte(range.max)), range.min, range.max] : points;
  const unique = [...new Map(inside.map((p) => [p.toString(), p])).values()];
  return { points: unique.sort((a, b) => a.comparedTo(b)), exact };
}

/** The values an input may take: its declared range, or 0 %..100 % for a percentage without one (as the plan has it). */
function rangeOf(input: InputInfo): { min: Decimal; max: Decimal } | undefined {
  if (input.range) return { min: new Decimal(input.range.min), max: new Decimal(input.range.max) };
  return input.kind === 'percent' ? { min: new Decimal(0), max: new Decimal(100) } : undefined;
}

/** For an input that is computed with: more points inside each interval, so fewer differences go unseen. */
const SUBDIVISIONS = 16;

function between(points: readonly Decimal[], range: { min: Decimal; max: Decimal } | undefined): Decimal[] {
  const sorted = [...points, ...(range ? [range.min, range.max] : [])].sort((a, b) => a.comparedTo(b));
  return sorted.slice(1).flatMap((to, i) => {
    const from = sorted[i];
    if (to.eq(from)) return [];
    return Array.from({ length: SUBDIVISIONS - 1 }, (_, k) => from.plus(to.minus(from).times(k + 1).div(SUBDIVISIONS)));
  });
}

interface Segment {
  readonly from?: RangeEnd;
  readonly to?: RangeEnd;
  /** Where it is evaluated, in the input's unit. */
  readonly at: string;
}

/** Each breakpoint, and the open interval between each two (and beyond the ends when there is no range). */
function segments(input: InputInfo, points: readonly Decimal[]): Segment[] {
  if (input.kind === 'boolean') {
    return ['false', 'true'].map((value) => ({ from: { value, included: true }, to: { value, included: true }, at: value }));
  }
  if (points.length === 0) return [{ at: input.default ?? '0' }];
  const out: Segment[] = [];
  const ranged = rangeOf(input) !== undefined;
  const first = points[0];
  const last = points[points.length - 1];
  if (!ranged) out.push({ to: { value: first.toString(), included: false }, at: (first.gt(0) ? first.div(2) : first.minus(1)).toString() });
  points.forEach((p, i) => {
    out.push({ from: { value: p.toString(), included: true }, to: { value: p.toString(), included: true }, at: p.toString() });
    const next = points[i + 1];
    if (next) out.push({ from: { value: p.toString(), included: false }, to: { value: next.toString(), included: false }, at: p.plus(next).div(2).toString() });
  });
  if (!ranged) out.push({ from: { value: last.toString(), included: false }, at: (last.gt(0) ? last.times(2) : last.plus(1)).toString() });
  return out;
}

function paid(outcome: CreditOutcome): Paid {
  if (!outcome.ok) return { error: outcome.diagnostics.map((d) => d.message).join('; ') };
  return { amount: outcome.credit.amount, percentOfFee: outcome.credit.percentOfFee };
}

/**
 * Neighbouring segments that pay the same under both versions are one range;
 * ranges that pay the same are left out. For an inexact input, whose amounts
 * vary from point to point, neighbours that both pay differently are one range.
 */
function merge(ranges: readonly (Segment & { before: Paid; after: Paid })[], exact: boolean): ImpactRange[] {
  const same = (a: Paid, b: Paid) => a.amount === b.amount && a.error === b.error;
  const joins = (last: ImpactRange, next: { before: Paid; after: Paid }) =>
    exact ? same(last.before, next.before) && same(last.after, next.after) : !same(last.before, last.after) && !same(next.before, next.after);
  const out: ImpactRange[] = [];
  for (const { from, to, at, before, after } of ranges) {
    const last = out[out.length - 1];
    if (last && joins(last, { before, after }) && last.to && from && last.to.value === from.value) {
      out[out.length - 1] = { ...last, ...(to ? { to } : { to: undefined }) };
      continue;
    }
    out.push({ ...(from ? { from } : {}), ...(to ? { to } : {}), before, after, ...difference(before, after), at });
  }
  return out.filter((r) => !same(r.before, r.after)).map((r) => (r.to === undefined ? withoutTo(r) : r));
}

function withoutTo(range: ImpactRange): ImpactRange {
  const { to: _, ...rest } = range;
  return rest;
}

function difference(before: Paid, after: Paid): { difference?: string } {
  if (before.amount === undefined || after.amount === undefined) return {};
  return { difference: new Decimal(after.amount).minus(before.amount).toFixed() };
}
