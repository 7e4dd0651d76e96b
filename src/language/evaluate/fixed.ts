/**
 * The fast path of `Program.credit()`: the evaluator's month and contract-year
 * computation in fixed point — scaled integers held in plain JS numbers —
 * instead of decimal.js objects.
 *
 * Planning gives every expression a scale (its decimal places) and every
 * money amount one common scale. Integer arithmetic on doubles is exact while
 * results stay below 2^53, so every operation checks that. Whatever cannot be
 * proven exact — a value with more decimals than planned, a quotient that does
 * not terminate, an overflow, any input the reader would question — makes the
 * fast path answer `undefined`, and the decimal evaluator, the reference,
 * answers instead. A differential test holds the two to identical results.
 */
import type * as A from '../ast.js';
import { AFTER_CREDITS, type CheckedProgram, type InputSpec } from '../checker/program.js';
import { canonical, Decimal } from '../decimal.js';
import { minorUnitDigits, SECONDS_PER_UNIT } from '../literals.js';
import type { CreditOutcome, CreditSummary, CutSummary, FastPath } from '../program.js';
import { LineMap } from '../source.js';
import { byPeriod, percentString } from './evaluator.js';
import { durationUnit, type InputValue, type InputValues } from './inputs.js';
import type { RunOptions } from './run.js';

const MAX = Number.MAX_SAFE_INTEGER;
/** The most decimal places any planned value may have: 10^15 × a digit stays below 2^53. */
const MAX_SCALE = 15;
const POW = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Thrown mid-evaluation when exactness cannot be proven; the decimal evaluator takes over. */
const INEXACT = Symbol('inexact');
/** Thrown while planning: this program has no fast path. */
const UNPLANNED = Symbol('unplanned');

function safe(x: number): number {
  if (x > MAX || x < -MAX) throw INEXACT;
  return x;
}

const HALF_MAX = 2 ** 52;

/** ⌊a / b⌋ for integers a ≥ 0, b > 0, exact despite the floating-point division. */
function floorDiv(a: number, b: number): number {
  // Below 2^52 each, q × b ≤ a + b stays exact, and so does the remainder.
  if (a > HALF_MAX || b > HALF_MAX) throw INEXACT;
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (r < 0) q--;
  else if (r >= b) q++;
  return q;
}

/** a / b rounded half up, for safe integers a ≥ 0, b > 0. */
function roundDiv(a: number, b: number): number {
  const q = floorDiv(a, b);
  return 2 * (a - q * b) >= b ? q + 1 : q;
}

/** An integer count of 10^-scale as a plain decimal string: (12345, 3) → "12.345", (1200, 2) → "12". */
function decimalText(n: number, scale: number, keepZeros: boolean): string {
  if (scale === 0) return digits(n);
  const whole = floorDiv(n, POW[scale]);
  let rest = n - whole * POW[scale];
  if (!keepZeros) {
    if (rest === 0) return digits(whole);
    while (rest % 10 === 0) {
      rest /= 10;
      scale--;
    }
  }
  // One concatenation, not two: the point comes with the fraction.
  return digits(whole) + (scale <= 3 ? FRACTIONS[scale][rest] : `.${String(rest).padStart(scale, '0')}`);
}

// Number-to-string conversion is the dearest step of formatting: small numbers come from tables.
const SMALL = Array.from({ length: 1000 }, (_, i) => String(i));
/** Fractions of one to three places with their point: FRACTIONS[2][5] is ".05". */
const FRACTIONS = [[], ...[1, 2, 3].map((places) => Array.from({ length: 10 ** places }, (_, i) => `.${String(i).padStart(places, '0')}`))];

function digits(n: number): string {
  return n < 1000 ? SMALL[n] : String(n);
}

/** A number with a scale known when the program is planned. */
interface Fixed {
  readonly scale: number;
  readonly at: (s: MonthState) => number;
  /** Set for a literal: comparisons with it then read one side only. */
  readonly constant?: number;
  /** Set for an input: comparisons read it directly. */
  readonly slot?: number;
}

type Test = (s: MonthState) => boolean;

/** One month's values: inputs and fees at their planned scales, `let`s as they are first used. */
interface MonthState {
  // Typed arrays: one element kind whatever the program, so the code reading them stays fast.
  readonly inputs: Float64Array;
  readonly lets: Float64Array;
  fee: number;
  quarterFee: number;
  yearFee: number;
  pointValue: number;
}

interface InputPlan {
  readonly name: string;
  readonly kind: A.InputKind;
  /** Decimal places accepted in the input's own unit (99.95 for a percent input: 2). */
  readonly places: number;
  /** Scale of the canonical value: places + 2 for a percent (a fraction). */
  readonly scale: number;
  /** Seconds per unit for a duration; 1 otherwise. */
  readonly unit: number;
  /** The default; NaN when there is none. */
  readonly fallback: number;
  /** The range (±Infinity when open), at the scale. */
  readonly min: number;
  readonly max: number;
}

interface CapPlan {
  readonly amount: Fixed;
  readonly kind: A.Kind;
  readonly period: A.Period;
  readonly line: number;
}

interface RulePlan {
  readonly scope: number;
  readonly owner: string;
  readonly holds: Test;
  readonly credit: Fixed;
  readonly basis: A.Kind;
  readonly proportional?: { readonly distance: (s: MonthState) => number; readonly step: Fixed; readonly rounding: 'full' | 'started' };
  readonly caps: readonly CapPlan[];
}

type CreditPlan =
  | { readonly type: 'rule'; readonly rule: RulePlan }
  | { readonly type: 'block'; readonly scope: number; readonly owner: string; readonly tiers: readonly RulePlan[]; readonly caps: readonly CapPlan[]; readonly table?: TierTable };

/**
 * The usual tier table — every tier compares one input with a threshold and
 * pays a constant share or amount, with no caps of its own — picks its winner
 * from the input alone, without evaluating each tier.
 */
interface TierTable {
  readonly slot: number;
  readonly ops: readonly A.CompareOp[];
  /** Thresholds at the input's scale. */
  readonly limits: readonly number[];
  /** What each tier pays, comparable across tiers (never below zero, as paid). */
  readonly pays: readonly number[];
  /** For shares of the fee: each tier's share as a result states it ("10"). */
  readonly shares?: readonly string[];
}

/** A cut as it happens, in fixed point; formatted only when kept. */
interface RawCut {
  readonly scope: CutSummary['scope'];
  readonly owner: string;
  readonly period: A.Period;
  readonly line: number;
  readonly before: number;
  readonly cut: number;
  /** For a tier: which one, since only the winner's cuts are kept. */
  readonly tier: number;
}

/** Plans the fast path of a checked program, or `undefined` when it has none. */
export function planFixed(program: CheckedProgram): FastPath | undefined {
  try {
    const plan = new FixedPlan(program);
    return (values, options) => plan.credit(values, options);
  } catch (error) {
    if (error === UNPLANNED) return undefined;
    throw error;
  }
}

// Every field of a plan is set in its constructor, in one order, even when empty:
// then the plans of all programs share one hidden class, and the code that reads
// them stays fast in a process that runs many programs (billing does).
class FixedPlan {
  private readonly inputs: InputPlan[];
  private readonly slots = new Map<string, number>();
  private readonly letSlots = new Map<string, number>();
  private readonly lets: Fixed[] = [];
  private readonly credits: CreditPlan[] = [];
  private readonly caps: CapPlan[];
  private readonly pointRate: { readonly amount: Fixed; readonly kind: A.Kind } | undefined = undefined;
  private readonly feeSlot: number;
  private readonly yearlyFee: boolean;
  /** Scale of the monthly fee: a yearly fee is divided by 12, which needs two places more. */
  private readonly feeScale: number;
  /** The one scale of every money amount of a month. */
  private readonly money: number;
  private scopes = 1; // 0 is the whole program
  /** The rules' own currency, if they name one. */
  private readonly ownCurrency: string | undefined;
  /** The run's currency: money literals in any other are for the reader to judge. */
  private currency: string | undefined = undefined;
  // Reused by every run (runs never overlap): a month's values, accruals and cuts.
  private readonly states: MonthState[];
  private readonly accruals: Accruals;
  private cuts: RawCut[] = [];
  private readonly tierCuts: RawCut[] = [];
  private readonly names: readonly string[];
  // The run's given values, per input. One value is read once, into a typed array: storing
  // the given string or number itself would cost a write barrier (or a heap number) per input.
  private readonly sources: Uint8Array;
  private readonly values: Float64Array;
  private readonly lists: (readonly InputValue[] | undefined)[];
  /** Formatting in the run's currency; null when its minor unit is finer than the money scale. */
  private text: Texts | null | undefined = undefined;
  /** A program whose one credit is a tier table, and the share its last month paid, when known without dividing. */
  private soleTable: TierTable | undefined = undefined;
  private share: string | undefined = undefined;

  constructor(program: CheckedProgram) {
    this.ownCurrency = program.currency;
    const lines = new LineMap(program.source);
    const lineOf = (node: { span: { start: number } }) => lines.position(node.span.start).line;
    this.inputs = program.inputs.map((spec, i) => {
      this.slots.set(spec.name, i);
      return inputPlan(spec);
    });
    this.feeSlot = this.slots.get('fee') ?? -1;
    const feeSpec = program.inputs[this.feeSlot];
    this.yearlyFee = feeSpec?.period === 'yearly';
    this.feeScale = this.feeSlot < 0 ? 0 : this.inputs[this.feeSlot].scale + (this.yearlyFee ? 2 : 0);

    const valueExprs = new Map(program.ast.statements.flatMap((s) => (s.type === 'let' || s.type === 'output' ? [[s.name, s.value] as const] : [])));
    const amountScales: number[] = [3];
    const capPlans = (caps: readonly A.Cap[]) =>
      caps
        .map((cap) => ({ amount: this.fixed(cap.amount, valueExprs), kind: cap.amount.kind ?? 'money', period: cap.period, line: lineOf(cap) }))
        .sort(byPeriod);
    const rulePlan = (rule: A.Rule): RulePlan => {
      const p = rule.proportional;
      let proportional: RulePlan['proportional'];
      if (p?.measure) {
        const subject = this.fixed(p.measure.subject, valueExprs);
        const threshold = this.fixed(p.measure.threshold, valueExprs);
        const step = this.fixed(p.step, valueExprs);
        const scale = Math.max(subject.scale, threshold.scale, step.scale);
        const [from, to, by] = [rescale(subject, scale), rescale(threshold, scale), rescale(step, scale)];
        const distance = p.direction === 'below' ? (s: MonthState) => safe(to.at(s) - from.at(s)) : (s: MonthState) => safe(from.at(s) - to.at(s));
        proportional = { distance, step: by, rounding: p.rounding };
      }
      return {
        scope: this.scopes++,
        owner: rule.conditionText,
        holds: this.test(rule.condition, valueExprs),
        credit: this.fixed(rule.credit, valueExprs),
        basis: rule.credit.kind ?? 'money',
        proportional,
        caps: capPlans(rule.caps),
      };
    };

    let caps: CapPlan[] = [];
    let pointRate: FixedPlan['pointRate'];
    for (const statement of program.ast.statements) {
      if (statement.type === 'rule') this.credits.push({ type: 'rule', rule: rulePlan(statement) });
      else if (statement.type === 'block') {
        const scope = this.scopes++;
        const owner = statement.label ?? `${statement.pool} block at line ${lineOf(statement)}`;
        const tiers = statement.rules.map(rulePlan);
        const table = this.tierTable(statement.rules, tiers);
        this.credits.push({ type: 'block', scope, owner, tiers, caps: capPlans(statement.caps), table });
      } else if (statement.type === 'cap') caps = [...caps, ...capPlans([statement.cap])].sort(byPeriod);
      else if (statement.type === 'point-rate') pointRate = { amount: this.fixed(statement.rate, valueExprs), kind: statement.rate.kind ?? 'money' };
    }
    this.caps = caps;
    if (pointRate) this.pointRate = pointRate;

    // Every money amount's own scale, so that one common scale holds them all exactly.
    const pointScale = pointRate ? pointRate.amount.scale + (pointRate.kind === 'percent' ? this.feeScale : 0) : 0;
    const scaleOf = (value: Fixed, kind: A.Kind) => value.scale + (kind === 'percent' ? this.feeScale : kind === 'points' ? pointScale : 0);
    for (const credit of this.credits) {
      for (const rule of credit.type === 'rule' ? [credit.rule] : credit.tiers) {
        amountScales.push(scaleOf(rule.credit, rule.basis));
        for (const cap of rule.caps) amountScales.push(scaleOf(cap.amount, cap.kind));
      }
      if (credit.type === 'block') for (const cap of credit.caps) amountScales.push(scaleOf(cap.amount, cap.kind));
    }
    for (const cap of caps) amountScales.push(scaleOf(cap.amount, cap.kind));
    this.money = Math.max(...amountScales, this.feeScale);
    if (this.money > MAX_SCALE) throw UNPLANNED;

    // Only scopes with a quarterly or yearly cap need what they paid before.
    const counted = new Array<boolean>(this.scopes).fill(false);
    const remembers = (caps: readonly CapPlan[]) => caps.some((c) => c.period !== 'monthly');
    counted[0] = remembers(caps);
    for (const credit of this.credits) {
      for (const rule of credit.type === 'rule' ? [credit.rule] : credit.tiers) counted[rule.scope] = remembers(rule.caps);
      if (credit.type === 'block') counted[credit.scope] = remembers(credit.caps);
    }
    this.accruals = new Accruals(counted);
    const [only] = this.credits;
    if (this.credits.length === 1 && only.type === 'block' && only.table) this.soleTable = only.table;
    this.sources = new Uint8Array(this.inputs.length);
    this.values = new Float64Array(this.inputs.length);
    this.lists = this.inputs.map(() => undefined);
    this.names = this.inputs.map((i) => i.name);
    this.states = Array.from({ length: 12 }, () => ({
      inputs: new Float64Array(this.inputs.length),
      lets: new Float64Array(this.lets.length).fill(NaN),
      fee: 0, quarterFee: 0, yearFee: 0, pointValue: NaN,
    }));
  }

  private tierTable(rules: readonly A.Rule[], tiers: readonly RulePlan[]): TierTable | undefined {
    const slots = new Set<number>();
    const ops: A.CompareOp[] = [];
    const limits: number[] = [];
    const credits: Fixed[] = [];
    for (let i = 0; i < rules.length; i++) {
      const { condition } = rules[i];
      const tier = tiers[i];
      if (condition.type !== 'compare' || condition.ops.length !== 1 || tier.proportional || tier.caps.length > 0) return undefined;
      if (tier.credit.constant === undefined || tier.basis !== tiers[0].basis || (tier.basis !== 'percent' && tier.basis !== 'money')) return undefined;
      const [subject, threshold] = condition.operands;
      const slot = subject.type === 'name' ? this.slots.get(subject.name) : undefined;
      if (slot === undefined || subject.type !== 'name' || subject.name === 'fee' || threshold.type !== 'literal' || threshold.kind === 'boolean') return undefined;
      const scale = this.inputs[slot].scale;
      const limit = exactly(canonical(threshold));
      if (limit.scale > scale) return undefined;
      slots.add(slot);
      ops.push(condition.ops[0]);
      limits.push(safe(limit.value * POW[scale - limit.scale]));
      credits.push(tier.credit);
    }
    if (slots.size !== 1) return undefined;
    // Same basis, a fee above zero: the larger constant pays more.
    const scale = Math.max(...credits.map((c) => c.scale));
    const pays = credits.map((c) => Math.max(0, safe(c.constant! * POW[scale - c.scale])));
    const shares = tiers[0].basis === 'percent' ? credits.map((c) => percentString(Decimal.max(0, new Decimal(c.constant!).div(POW[c.scale])))) : undefined;
    return { slot: [...slots][0], ops, limits, pays, shares };
  }

  // ——— planning expressions ———

  private fixed(expr: A.Expr, values: ReadonlyMap<string, A.Expr>): Fixed {
    if (expr.kind === 'boolean') {
      const test = this.test(expr, values);
      return fixedValue(0, (s) => (test(s) ? 1 : 0));
    }
    switch (expr.type) {
      case 'literal': {
        const { value, scale } = exactly(canonical(expr));
        return fixedValue(scale, () => value, value);
      }
      case 'name':
        return this.name(expr.name, values);
      case 'unary': {
        const operand = this.fixed(expr.operand, values);
        return fixedValue(operand.scale, (s) => -operand.at(s));
      }
      case 'binary': {
        const left = this.fixed(expr.left, values);
        const right = this.fixed(expr.right, values);
        switch (expr.op) {
          case '+':
          case '-': {
            const scale = Math.max(left.scale, right.scale);
            const [a, b] = [rescale(left, scale), rescale(right, scale)];
            return fixedValue(scale, expr.op === '+' ? (s) => safe(a.at(s) + b.at(s)) : (s) => safe(a.at(s) - b.at(s)));
          }
          case '*':
          case 'of': {
            const scale = left.scale + right.scale;
            if (scale > MAX_SCALE) throw UNPLANNED;
            return fixedValue(scale, (s) => safe(left.at(s) * right.at(s)));
          }
          case '/': {
            // The quotient at a few places more than the dividend; exact only if it divides.
            const scale = Math.min(MAX_SCALE, Math.max(left.scale - right.scale, 0) + 8);
            const shift = scale - left.scale + right.scale;
            if (shift < 0 || shift >= POW.length) throw UNPLANNED;
            const factor = POW[shift];
            return fixedValue(scale, (s) => {
                const divisor = right.at(s);
                const dividend = safe(left.at(s) * factor);
                // Division by zero is an evaluation error: the decimal evaluator reports it.
                if (divisor === 0 || dividend % divisor !== 0) throw INEXACT;
                return dividend / divisor;
              });
          }
        }
        throw UNPLANNED;
      }
      default:
        throw UNPLANNED;
    }
  }

  private test(expr: A.Expr, values: ReadonlyMap<string, A.Expr>): Test {
    switch (expr.type) {
      case 'literal': {
        const value = expr.value === 'true';
        return () => value;
      }
      case 'name': {
        const value = this.name(expr.name, values);
        return (s) => value.at(s) === 1;
      }
      case 'unary': {
        const operand = this.test(expr.operand, values);
        return (s) => !operand(s);
      }
      case 'binary': {
        const left = this.test(expr.left, values);
        const right = this.test(expr.right, values);
        if (expr.op === 'and') return (s) => left(s) && right(s);
        if (expr.op === 'or') return (s) => left(s) || right(s);
        throw UNPLANNED;
      }
      case 'compare': {
        const operands = expr.operands.map((o) => this.fixed(o, values));
        const scale = Math.max(...operands.map((o) => o.scale));
        const aligned = operands.map((o) => rescale(o, scale));
        const tests = expr.ops.map((op, i) => comparison(op, aligned[i], aligned[i + 1]));
        return tests.length === 1 ? tests[0] : (s) => tests.every((t) => t(s));
      }
      default:
        throw UNPLANNED;
    }
  }

  private name(name: string, values: ReadonlyMap<string, A.Expr>): Fixed {
    // `fee` is always the month's fee, also when the rules give it per year.
    if (name === 'fee') return fixedValue(this.feeScale, (s) => s.fee);
    const slot = this.slots.get(name);
    if (slot !== undefined) return fixedValue(this.inputs[slot].scale, (s) => s.inputs[slot], undefined, slot);
    const expr = values.get(name);
    // Totals are known only after the credits; the credit never needs them.
    if (!expr || AFTER_CREDITS.has(name)) throw UNPLANNED;
    let letSlot = this.letSlots.get(name);
    if (letSlot === undefined) {
      letSlot = this.lets.length;
      this.letSlots.set(name, letSlot);
      this.lets.push(this.fixed(expr, values));
    }
    const index = letSlot;
    const value = this.lets[index];
    return fixedValue(value.scale, (s) => {
      let known = s.lets[index];
      // NaN: not computed yet this month.
      if (known !== known) known = s.lets[index] = value.at(s);
      return known;
    });
  }

  // ——— evaluating ———

  credit(given: InputValues, options: RunOptions): CreditOutcome | undefined {
    const currency = this.ownCurrency ?? options.currency;
    if (currency !== this.currency || this.text === undefined) {
      this.currency = currency;
      const places = currency ? minorUnitDigits(currency) : 2;
      this.text = places > this.money ? null : new Texts(this.money, places, this.feeScale);
    }
    const text = this.text;
    if (!text) return undefined;
    try {
      return this.run(given, currency, text);
    } catch (error) {
      if (error === INEXACT) return undefined;
      throw error;
    }
  }

  private run(given: InputValues, currency: string | undefined, text: Texts): CreditOutcome {
    const months = this.take(given, currency);
    this.accruals.reset(text.unit);
    // A run handed over mid-month may have left cuts behind. (Setting a length is
    // a runtime call, slow enough to count here.)
    if (this.cuts.length > 0) this.cuts = [];
    if (this.tierCuts.length > 0) this.tierCuts.length = 0;
    // Two methods, not one: each is compiled for its own case, and the month's stays small.
    return months === 0 ? this.oneMonth(currency, text) : this.contractYear(months, currency, text);
  }

  /** Takes the given values in: the number of months when they are lists (a contract year), 0 for one month. */
  private take(given: InputValues, currency: string | undefined): number {
    let months = 0;
    const sources = this.sources;
    const values = this.values;
    const lists = this.lists;
    for (let i = 0; i < sources.length; i++) {
      if (sources[i] === MONTHLY) lists[i] = undefined;
      sources[i] = DEFAULT;
    }
    // `given[key]` inside `for…in` reads through the object's key cache: the fast way in.
    for (const key in given) {
      const raw = given[key];
      if (raw === undefined) continue;
      const slot = this.slotOf(key);
      if (slot < 0) throw INEXACT; // an unknown input: the reader names it
      if (Array.isArray(raw)) {
        if (raw.length < 1 || raw.length > 12 || (months > 0 && raw.length !== months)) throw INEXACT;
        months = raw.length;
        lists[slot] = raw;
        sources[slot] = MONTHLY;
      } else {
        // Read once, also when it holds for every month of a year.
        values[slot] = fixedInput(this.inputs[slot], raw as InputValue, currency);
        sources[slot] = ONE_VALUE;
      }
    }
    return months;
  }

  private oneMonth(currency: string | undefined, text: Texts): CreditOutcome {
    const state = this.states[0];
    this.read(-1, state);
    state.quarterFee = safe(state.fee * 3);
    state.yearFee = safe(state.fee * 12);
    const exact = this.month(state, this.accruals);
    return { ok: true, credit: { currency: currency ?? null, amount: text.money(exact), percentOfFee: this.share ?? text.share(exact, state.fee), cuts: this.takeCuts(0, text) } };
  }

  private contractYear(months: number, currency: string | undefined, text: Texts): CreditOutcome {
    const states = this.states;
    const accruals = this.accruals;
    for (let m = 0; m < months; m++) this.read(m, states[m]);
    this.schedule(months);
    const perMonth: Omit<CreditSummary, 'months' | 'currency'>[] = [];
    let exactTotal = 0;
    let paid = 0;
    let cuts: readonly CutSummary[] = NO_CUTS;
    for (let m = 0; m < months; m++) {
      if (m > 0 && m % 3 === 0) accruals.startQuarter();
      const exact = this.month(states[m], accruals);
      exactTotal = safe(exactTotal + exact);
      paid = safe(paid + accruals.paid(exact));
      const monthCuts = this.takeCuts(m + 1, text);
      if (monthCuts.length > 0) cuts = cuts.concat(monthCuts);
      perMonth.push({ amount: text.money(exact), percentOfFee: this.share ?? text.share(exact, states[m].fee), cuts: monthCuts });
    }
    const credit = { currency: currency ?? null, amount: text.money(paid), percentOfFee: text.share(exactTotal, states[0].yearFee), cuts, months: perMonth };
    return { ok: true, credit };
  }

  /** An input's slot by name, -1 for none: a scan beats hashing for the few inputs of a contract. */
  private slotOf(name: string): number {
    const names = this.names;
    if (names.length > 8) return this.slots.get(name) ?? -1;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
    return -1;
  }

  /** Quarter and year fees of a run: a contract year is twelve months; months after the run pay the last month's fee. */
  private schedule(months: number): void {
    const states = this.states;
    const fee = (m: number) => states[m < months ? m : months - 1].fee;
    let yearFee = 0;
    for (let m = 0; m < 12; m++) yearFee = safe(yearFee + fee(m));
    for (let m = 0; m < months; m++) {
      const q = m - (m % 3);
      states[m].quarterFee = safe(fee(q) + fee(q + 1) + fee(q + 2));
      states[m].yearFee = yearFee;
    }
  }

  /** The month's cuts, formatted; the buffer is emptied for the next month. */
  private takeCuts(month: number, text: Texts): readonly CutSummary[] {
    if (this.cuts.length === 0) return NO_CUTS;
    const raw = this.cuts;
    this.cuts = [];
    return raw.map((c): CutSummary => {
      const [before, cut] = [text.money(c.before), text.money(c.cut)];
      return month
        ? { scope: c.scope, owner: c.owner, period: c.period, line: c.line, month, before, cut }
        : { scope: c.scope, owner: c.owner, period: c.period, line: c.line, before, cut };
    });
  }

  /** Reads one month's inputs (month -1: a single month) exactly, or throws INEXACT for the reader to judge. */
  private read(month: number, into: MonthState): void {
    const inputs = into.inputs;
    for (let i = 0; i < this.inputs.length; i++) {
      const plan = this.inputs[i];
      const source = this.sources[i];
      let value = source === ONE_VALUE ? this.values[i] : plan.fallback;
      if (source === MONTHLY) {
        const raw = this.lists[i]![month];
        if (raw !== undefined) value = fixedInput(plan, raw, this.currency);
      }
      // NaN (no default, or not exact) fails both tests.
      if (!(value >= plan.min && value <= plan.max)) throw INEXACT;
      inputs[i] = value;
    }
    for (let i = 0; i < into.lets.length; i++) into.lets[i] = NaN;
    into.pointValue = NaN;
    let fee = 0;
    if (this.feeSlot >= 0) {
      fee = inputs[this.feeSlot];
      if (!(fee > 0)) throw INEXACT;
      if (this.yearlyFee) {
        const hundredfold = safe(fee * 100);
        if (hundredfold % 12 !== 0) throw INEXACT;
        fee = hundredfold / 12;
      }
    }
    into.fee = fee;
  }

  /** One month, as `Evaluator.month` computes its credit: the exact total at the money scale. */
  private month(s: MonthState, accruals: Accruals): number {
    const cuts = this.cuts;
    let total = 0;
    this.share = undefined;
    for (let c = 0; c < this.credits.length; c++) {
      const credit = this.credits[c];
      if (credit.type === 'rule') {
        const amount = Math.max(0, this.rule(credit.rule, s, accruals, cuts, -1));
        accruals.add(credit.rule.scope, amount);
        total = safe(total + amount);
        continue;
      }
      let winner = -1;
      let best = 0;
      const tierCuts = this.tierCuts;
      if (credit.table) {
        winner = tableWinner(credit.table, s.inputs[credit.table.slot]);
        if (winner >= 0) best = this.pay(credit.tiers[winner], s, accruals, tierCuts, winner);
        // The month pays exactly this tier's share of the fee: no need to divide it out again.
        if (winner >= 0 && s.fee > 0 && credit.table === this.soleTable) this.share = credit.table.shares?.[winner];
      } else {
        for (let i = 0; i < credit.tiers.length; i++) {
          const amount = this.rule(credit.tiers[i], s, accruals, tierCuts, i);
          if (amount >= 0 && (winner < 0 || amount > best)) {
            winner = i;
            best = amount;
          }
        }
      }
      let amount = 0;
      if (winner >= 0) {
        accruals.add(credit.tiers[winner].scope, best);
        if (tierCuts.length > 0) {
          for (const cut of tierCuts) if (cut.tier === winner) cuts.push(cut);
          tierCuts.length = 0;
        }
        amount = credit.caps.length === 0 ? best : this.applyCaps(credit.scope, 'block', credit.owner, credit.caps, best, s, accruals, cuts, -1);
      }
      accruals.add(credit.scope, amount);
      total = safe(total + amount);
    }
    const exact = this.caps.length === 0 ? total : this.applyCaps(0, 'program', 'all credits', this.caps, total, s, accruals, cuts, -1);
    // A cap cut the tier's share of the fee: what is left is divided out.
    if (cuts.length > 0) this.share = undefined;
    accruals.add(0, exact);
    return exact;
  }

  /** A rule's credit at the money scale after its own caps; -1 when its condition does not hold. */
  private rule(plan: RulePlan, s: MonthState, accruals: Accruals, cuts: RawCut[], tier: number): number {
    return plan.holds(s) ? this.pay(plan, s, accruals, cuts, tier) : -1;
  }

  /** What a rule whose condition holds pays, at the money scale, after its own caps. */
  private pay(plan: RulePlan, s: MonthState, accruals: Accruals, cuts: RawCut[], tier: number): number {
    let credit = plan.credit.constant ?? plan.credit.at(s);
    if (plan.proportional) {
      const distance = Math.max(0, plan.proportional.distance(s));
      const step = plan.proportional.step.at(s);
      let steps = 0;
      if (step > 0) {
        steps = floorDiv(distance, step);
        if (plan.proportional.rounding === 'started' && steps * step < distance) steps++;
      }
      credit = safe(credit * steps);
    }
    let amount: number;
    switch (plan.basis) {
      case 'percent':
        amount = this.atMoney(safe(credit * s.fee), plan.credit.scale + this.feeScale);
        break;
      case 'points':
        amount = this.atMoney(safe(Math.max(0, credit) * this.pointValue(s)), plan.credit.scale + this.pointScale());
        break;
      default:
        amount = this.atMoney(credit, plan.credit.scale);
    }
    if (amount < 0) amount = 0;
    return plan.caps.length === 0 ? amount : this.applyCaps(plan.scope, 'rule', plan.owner, plan.caps, amount, s, accruals, cuts, tier);
  }

  private applyCaps(scope: number, kind: CutSummary['scope'], owner: string, caps: readonly CapPlan[], amount: number, s: MonthState, accruals: Accruals, cuts: RawCut[], tier: number): number {
    for (const cap of caps) {
      const written = cap.amount.at(s);
      let limit: number;
      if (cap.kind === 'percent') {
        const fee = cap.period === 'monthly' ? s.fee : cap.period === 'quarterly' ? s.quarterFee : s.yearFee;
        limit = this.atMoney(safe(written * fee), cap.amount.scale + this.feeScale);
      } else if (cap.kind === 'points') limit = this.atMoney(safe(written * this.pointValue(s)), cap.amount.scale + this.pointScale());
      else limit = this.atMoney(written, cap.amount.scale);
      const already = cap.period === 'monthly' ? 0 : cap.period === 'quarterly' ? accruals.quarter[scope] : accruals.year[scope];
      const room = Math.max(0, safe(limit - already));
      if (amount <= room) continue;
      cuts.push({ scope: kind, owner, period: cap.period, line: cap.line, before: amount, cut: amount - room, tier });
      amount = room;
    }
    return amount;
  }

  private pointValue(s: MonthState): number {
    if (s.pointValue === s.pointValue) return s.pointValue;
    const rate = this.pointRate;
    s.pointValue = !rate ? 0 : rate.kind === 'percent' ? safe(rate.amount.at(s) * s.fee) : rate.amount.at(s);
    return s.pointValue;
  }

  private pointScale(): number {
    const rate = this.pointRate;
    return !rate ? 0 : rate.amount.scale + (rate.kind === 'percent' ? this.feeScale : 0);
  }

  private atMoney(value: number, scale: number): number {
    return scale === this.money ? value : safe(value * POW[this.money - scale]);
  }
}

/** What each scope paid so far in the quarter and the year, rounded as paid (as the evaluator's `Accruals`). */
class Accruals {
  // Typed arrays: one element kind for every program, whatever its amounts.
  readonly quarter: Float64Array;
  readonly year: Float64Array;
  /** The minor unit at the money scale. */
  private unit = 1;
  /** Whether anything was added since the last reset. */
  private used = true;
  private readonly counted: Uint8Array;

  constructor(counted: readonly boolean[]) {
    this.counted = Uint8Array.from(counted, Number);
    this.quarter = new Float64Array(counted.length);
    this.year = new Float64Array(counted.length);
  }

  reset(unit: number): void {
    this.unit = unit;
    if (!this.used) return;
    this.used = false;
    this.quarter.fill(0);
    this.year.fill(0);
  }

  paid(amount: number): number {
    return amount <= 0 ? 0 : roundDiv(amount, this.unit) * this.unit;
  }

  add(scope: number, amount: number): void {
    if (this.counted[scope] === 0) return;
    this.used = true;
    const paid = this.paid(amount);
    this.quarter[scope] = safe(this.quarter[scope] + paid);
    this.year[scope] = safe(this.year[scope] + paid);
  }

  startQuarter(): void {
    this.quarter.fill(0);
  }
}

/** Where an input's value comes from in a run: its default, one value given, a list of months given. */
const DEFAULT = 0;
const ONE_VALUE = 1;
const MONTHLY = 2;

/** A month without cuts: one array for all, read-only as results are. */
const NO_CUTS: readonly CutSummary[] = Object.freeze([]);

/** Fixed-point amounts as the result's decimal strings. */
class Texts {
  constructor(
    private readonly scale: number,
    private readonly places: number,
    private readonly feeScale: number,
  ) {}

  private readonly zero = (0).toFixed(this.places);
  /** The minor unit at the money scale. */
  readonly unit = POW[this.scale - this.places];

  // The last answers: the months of a year often repeat a credit. (Numbers in a typed
  // array: stored in an object, each new double would be a new heap number.)
  private readonly keys = new Float64Array([NaN, NaN, NaN]);
  private texts = { money: '', share: '' };

  /** Money rounded half up to the minor unit, with all its places: "100.00". */
  money(amount: number): string {
    // Most months of most contracts pay nothing.
    if (amount === 0) return this.zero;
    if (amount !== this.keys[0]) {
      this.texts.money = decimalText(this.unit === 1 ? amount : roundDiv(amount, this.unit), this.places, true);
      this.keys[0] = amount;
    }
    return this.texts.money;
  }

  /** The exact share of a fee in percent, to ten places, half up — as `percentString`. */
  share(amount: number, fee: number): string {
    if (amount === 0) return '0';
    if (amount !== this.keys[1] || fee !== this.keys[2]) {
      // percent × 10^10 = amount / fee × 10^12, with both at their scales.
      this.texts.share = decimalText(quotient(amount, 12 + this.feeScale - this.scale, fee), 10, false);
      this.keys[1] = amount;
      this.keys[2] = fee;
    }
    return this.texts.share;
  }
}

/** The most digits k ≤ 15 with b × 10^k within 2^52: how far a remainder below b may be shifted for `floorDiv`. */
function digitsBelow(b: number): number {
  let k = 15;
  while (k > 0 && b > LIMITS[k]) k--;
  return k;
}
const LIMITS = POW.map((p) => Math.floor(HALF_MAX / p));

/**
 * a × 10^shift / b, rounded half up, for safe integers a ≥ 0 and b > 0: a long
 * division that takes as many digits at a time as keep the remainder exact.
 */
function quotient(a: number, shift: number, b: number): number {
  if (shift < 0) return roundDiv(a, safe(b * POW[-shift]));
  let q = floorDiv(a, b);
  let r = a - q * b;
  const step = digitsBelow(b);
  if (step === 0 && shift > 0) throw INEXACT;
  for (let left = shift; left > 0; left -= step) {
    const k = Math.min(left, step);
    r *= POW[k];
    const next = floorDiv(r, b);
    q = safe(q * POW[k] + next);
    r -= next * b;
  }
  return 2 * r >= b ? q + 1 : q;
}

/** The first tier that holds and pays the most, as the evaluator picks it; -1 when none holds. */
function tableWinner(table: TierTable, value: number): number {
  const { ops, limits, pays } = table;
  let winner = -1;
  for (let i = 0; i < limits.length; i++) {
    const k = limits[i];
    const op = ops[i];
    const holds = op === '<' ? value < k : op === '<=' ? value <= k : op === '>' ? value > k : op === '>=' ? value >= k : op === '=' ? value === k : value !== k;
    if (holds && (winner < 0 || pays[i] > pays[winner])) winner = i;
  }
  return winner;
}

/** Every `Fixed` has every field, so that the code reading them sees one shape, whatever the program. */
function fixedValue(scale: number, at: (s: MonthState) => number, constant?: number, slot?: number): Fixed {
  return { scale, at, constant, slot };
}

function rescale(value: Fixed, scale: number): Fixed {
  if (scale === value.scale) return value;
  const factor = POW[scale - value.scale];
  if (value.constant !== undefined) {
    const constant = safe(value.constant * factor);
    return fixedValue(scale, () => constant, constant);
  }
  return fixedValue(scale, (s) => safe(value.at(s) * factor));
}

function comparison(op: A.CompareOp, left: Fixed, right: Fixed): Test {
  // The usual condition compares a value with a threshold: `availability < 99.5%`.
  if (right.constant !== undefined && left.slot !== undefined) {
    const [i, k] = [left.slot, right.constant];
    switch (op) {
      case '<': return (s) => s.inputs[i] < k;
      case '<=': return (s) => s.inputs[i] <= k;
      case '>': return (s) => s.inputs[i] > k;
      case '>=': return (s) => s.inputs[i] >= k;
      case '=': return (s) => s.inputs[i] === k;
      default: return (s) => s.inputs[i] !== k;
    }
  }
  if (right.constant !== undefined && left.constant === undefined) {
    const [a, k] = [left.at, right.constant];
    switch (op) {
      case '<': return (s) => a(s) < k;
      case '<=': return (s) => a(s) <= k;
      case '>': return (s) => a(s) > k;
      case '>=': return (s) => a(s) >= k;
      case '=': return (s) => a(s) === k;
      default: return (s) => a(s) !== k;
    }
  }
  const [a, b] = [left.at, right.at];
  switch (op) {
    case '<': return (s) => a(s) < b(s);
    case '<=': return (s) => a(s) <= b(s);
    case '>': return (s) => a(s) > b(s);
    case '>=': return (s) => a(s) >= b(s);
    case '=': return (s) => a(s) === b(s);
    default: return (s) => a(s) !== b(s);
  }
}

/** A planned constant: its exact digits as an integer, or no fast path. */
function exactly(value: Decimal): { value: number; scale: number } {
  const scale = value.decimalPlaces();
  const scaled = value.times(new Decimal(10).pow(scale));
  if (scale > MAX_SCALE || scaled.abs().gt(MAX)) throw UNPLANNED;
  return { value: scaled.toNumber(), scale };
}

/** Decimal places a plain input number gets by default, in the input's own unit. */
const PLACES: Record<A.InputKind, number> = { percent: 4, money: 2, duration: 2, number: 4, boolean: 0 };

function inputPlan(spec: InputSpec): InputPlan {
  const literals = [spec.default, spec.range?.min, spec.range?.max, spec.step].filter((l): l is A.Literal => l !== undefined);
  const places = spec.kind === 'boolean' ? 0 : Math.max(PLACES[spec.kind], ...literals.map((l) => new Decimal(l.value).decimalPlaces()));
  const scale = places + (spec.kind === 'percent' ? 2 : 0);
  if (scale > MAX_SCALE) throw UNPLANNED;
  const at = (literal: A.Literal | undefined) => {
    if (!literal) return undefined;
    if (spec.kind === 'boolean') return literal.value === 'true' ? 1 : 0;
    const { value, scale: own } = exactly(canonical(literal));
    return safe(value * POW[scale - own]);
  };
  const unit = spec.kind === 'duration' ? SECONDS_PER_UNIT[durationUnit(spec)] : 1;
  // Percent inputs without a range are shares: 0% to 100%.
  const [min, max] = spec.range ? [at(spec.range.min), at(spec.range.max)] : spec.kind === 'percent' ? [0, POW[scale]] : [];
  // Every plan has every field, so that reading inputs sees one shape.
  return { name: spec.name, kind: spec.kind, places, scale, unit, fallback: at(spec.default) ?? NaN, min: min ?? -Infinity, max: max ?? Infinity };
}

/**
 * A number in the input's own unit, or a plain literal of its kind (`99.5%`,
 * `4h`, `1200 EUR` in the rules' currency), as an exact scaled integer;
 * NaN for anything else, which the reader judges.
 */
function fixedInput(plan: InputPlan, raw: InputValue, currency: string | undefined): number {
  // A plain number, the usual value from code: short, so that it is compiled into its caller.
  if (typeof raw === 'number' && plan.kind !== 'boolean') {
    const scaled = Math.round(raw * POW[plan.places]);
    // Exact only if the number has at most `places` decimals; below 10^15 no other
    // decimal of as few digits is the same double, so the reader would read the same.
    if (scaled / POW[plan.places] !== raw || !(Math.abs(scaled) < 1e15) || (plan.kind === 'duration' && scaled < 0)) return NaN;
    return safe(scaled * plan.unit);
  }
  return fixedText(plan, raw, currency);
}

/** A boolean, or a literal's text (a CSV cell, `99.5%`) in one pass over its characters: `-`, digits, `.`, digits, a unit. */
function fixedText(plan: InputPlan, raw: InputValue, currency: string | undefined): number {
  if (plan.kind === 'boolean') return raw === true || raw === 'true' ? 1 : raw === false || raw === 'false' ? 0 : NaN;
  if (typeof raw !== 'string') return NaN;
  const text = raw;
  const length = text.length;
  // Every read stays within the text: one past its end would send V8's charCodeAt to its slow path (half the speed).
  let i = 0;
  const negative = length > 0 && text.charCodeAt(0) === 45; // -
  if (negative) i++;
  const wholeStart = i;
  let whole = 0;
  for (; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0 || wholeDigits + plan.places > 15) return NaN;
  let fraction = 0;
  let places = 0;
  if (i < length && text.charCodeAt(i) === 46) { // .
    const fractionStart = ++i;
    for (; i < length; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      fraction = fraction * 10 + d;
    }
    places = i - fractionStart;
    if (places === 0 || places > plan.places) return NaN;
  }
  let unit = plan.unit;
  if (i < length) {
    const suffix = text.slice(i);
    if (suffix === '%') {
      if (plan.kind !== 'percent') return NaN;
    } else if (suffix.length === 4 && suffix[0] === ' ') {
      if (plan.kind !== 'money' || suffix.slice(1) !== currency) return NaN;
    } else if (plan.kind === 'duration' && (suffix === 's' || suffix === 'min' || suffix === 'h' || suffix === 'd')) {
      unit = SECONDS_PER_UNIT[suffix];
    } else return NaN;
  }
  const scaled = whole * POW[plan.places] + fraction * POW[plan.places - places];
  if (negative && plan.kind === 'duration' && scaled > 0) return NaN;
  return safe((negative ? -scaled : scaled) * unit);
}
