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
 * answers instead. The rules of credits are `plan/semantics.ts`, as for the
 * exact interpreter; this file brings the values of a month and of a contract
 * year, `fixed-expressions.ts` plans the expressions, `fixed-integers.ts` does
 * the arithmetic. Differential tests and every feature table hold the two to
 * identical results.
 */
import { MONTHS_IN, periodsInYear } from '../ast.js';
import type * as A from '../ast.js';
import type { CheckedProgram } from '../checker/program.js';
import { canonical, Decimal } from '../decimal.js';
import { isCurrency, minorUnitDigits } from '../literals.js';
import { LIMITS } from '../limits.js';
import { lower } from '../plan/lower.js';
import type { BlockPlan, CapPlan, PayConditionPlan, Plan, RulePlan } from '../plan/plan.js';
import {
  Accruals, countSteps, feeOf, feeSchedule, month, outranks, startsQuarter,
  type Cut, type MonthObserver, type MonthValues,
} from '../plan/semantics.js';
import type { CreditOutcome, CreditSummary, CutSummary, FastPath } from '../program.js';
import { percentString } from './displays.js';
import { ExpressionPlanner, rescale, scaledAt, type Fixed, type MonthState, type Test } from './fixed-expressions.js';
import { exactly, fixedInput, givenConstant, inputPlan, type InputPlan } from './fixed-inputs.js';
import { FixedArithmetic, INEXACT, MAX_SCALE, POW, safe, STEPS, Texts, UNPLANNED } from './fixed-integers.js';
import type { InputValue, InputValues } from './inputs.js';
import type { RunOptions } from './run.js';


interface RuleValues {
  readonly holds: Test;
  readonly credit: Fixed;
  readonly proportional?: { readonly distance: (s: MonthState) => number; readonly step: Fixed; readonly rounding: 'full' | 'started' };
}

/**
 * A tier table (`BlockPlan.table`) in fixed point: its winner is picked from
 * the input alone, without evaluating each tier.
 */
interface TierTable {
  readonly slot: number;
  readonly ops: readonly A.CompareOp[];
  /** Thresholds as the input holds its values. */
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
export function planFixed(program: CheckedProgram, plan: Plan = lower(program)): FastPath | undefined {
  try {
    const fixed = new FixedPlan(plan);
    return (values, options) => fixed.credit(values, options);
  } catch (error) {
    // A constant that does not fit the integers (INEXACT while planning) is the exact interpreter's too.
    if (error === UNPLANNED || error === INEXACT) return undefined;
    throw error;
  }
}

// Every field of a plan is set in its constructor, in one order, even when empty:
// then the plans of all programs share one hidden class, and the code that reads
// them stays fast in a process that runs many programs (billing does).
class FixedPlan implements MonthValues<number>, MonthObserver<number> {
  private readonly inputs: InputPlan[];
  private readonly slots = new Map<string, number>();
  /** Per scope: a rule's values, a block's tier table. */
  private readonly rules: (RuleValues | undefined)[];
  private readonly tables: (TierTable | undefined)[];
  /** Per cap id: its written amount. */
  private readonly capAmounts: Fixed[] = [];
  private readonly pointRate: { readonly amount: Fixed; readonly kind: A.Kind } | undefined = undefined;
  private readonly feeSlot: number;
  /** The period's fee from the fee given: times a whole number (a monthly fee, quarterly: 3), or divided by one (yearly, monthly: 12). */
  private readonly feeTimes: number;
  private readonly feeDivisor: number;
  /** Scale of the monthly fee: a yearly fee is divided by 12, which needs two places more. */
  private readonly feeScale: number;
  /** The one scale of every money amount of a month. */
  private readonly money: number;
  /** The rules' own currency, if they name one. */
  private readonly ownCurrency: string | undefined;
  /** The run's currency: money literals in any other are for the reader to judge. */
  private currency: string | undefined = undefined;
  // Reused by every run (runs never overlap): a month's values, the month being run, its cuts.
  private readonly states: MonthState[];
  private state: MonthState;
  private cuts: RawCut[] = [];
  /** Where the cuts of the credit being run begin. */
  private mark = 0;
  private readonly names: readonly string[];
  // The run's given values, per input. One value is read once, into a typed array: storing
  // the given string or number itself would cost a write barrier (or a heap number) per input.
  private readonly sources: Uint8Array;
  private readonly values: Float64Array;
  private readonly lists: (readonly InputValue[] | undefined)[];
  /** Formatting and arithmetic in the run's currency; null when its minor unit is finer than the money scale. */
  private text: Texts | null | undefined = undefined;
  private arithmetic: FixedArithmetic = new FixedArithmetic(1);
  private accruals: Accruals<number>;
  /** A program whose one credit is a tier table, and the tier its last month paid. */
  private readonly soleTable: TierTable | undefined = undefined;
  private lastWinner = -1;
  /** Whether some cap is a share of a quarter's or a year's fee. */
  private readonly periodFees: boolean;
  /** `pay only if` conditions. */
  private readonly payTests = new Map<PayConditionPlan, Test>();
  /** `for each` blocks' lists' slots. */
  private readonly eachSlots = new Map<BlockPlan, number>();
  /** Per slot: a list input's default items, at its scale; and the items a run gives it (one list for all its periods). */
  private readonly defaultItems: (readonly number[] | undefined)[] = [];
  private readonly givenItems: (readonly InputValue[] | undefined)[] = [];

  constructor(private readonly plan: Plan) {
    this.ownCurrency = plan.currency;
    this.inputs = plan.inputs.map((input, i) => {
      this.slots.set(input.name, i);
      return inputPlan(input);
    });
    this.feeSlot = this.slots.get('fee') ?? -1;
    const ratio = MONTHS_IN[plan.period] / MONTHS_IN[plan.feePeriod];
    this.feeTimes = ratio >= 1 ? ratio : 1;
    this.feeDivisor = ratio < 1 ? Math.round(1 / ratio) : 1;
    // Divided, the fee needs two places more: a hundredth of 12, 4 or 3 is exact or is not (the exact way then).
    this.feeScale = this.feeSlot < 0 ? 0 : this.inputs[this.feeSlot].scale + (this.feeDivisor > 1 ? 2 : 0);
    const planner = new ExpressionPlanner(plan, this.inputs, this.slots, this.feeScale);
    this.rules = new Array<RuleValues | undefined>(plan.scopes).fill(undefined);
    this.tables = new Array<TierTable | undefined>(plan.scopes).fill(undefined);

    const amountScales: number[] = [3];
    const caps = (list: readonly CapPlan[]) => {
      for (const cap of list) this.capAmounts[cap.id] = planner.fixed(cap.amount);
    };
    const rule = (r: RulePlan) => {
      const p = r.proportional;
      let proportional: RuleValues['proportional'];
      if (p) {
        const subject = planner.fixed(p.subject);
        const threshold = planner.fixed(p.threshold);
        const step = planner.fixed(p.step);
        const scale = Math.max(subject.scale, threshold.scale, step.scale);
        const [from, to, by] = [rescale(subject, scale), rescale(threshold, scale), rescale(step, scale)];
        const distance = p.direction === 'below' ? (s: MonthState) => safe(to.at(s) - from.at(s)) : (s: MonthState) => safe(from.at(s) - to.at(s));
        proportional = { distance, step: by, rounding: p.rounding };
      }
      this.rules[r.scope] = { holds: planner.test(r.condition), credit: planner.fixed(r.credit), proportional };
      caps(r.caps);
    };
    for (const credit of plan.credits) {
      if (credit.type === 'rule') rule(credit.rule);
      else {
        const each = credit.block.each;
        if (each) {
          // The item is known by its name inside its block only: planned while its tiers are.
          const slot = this.slots.get(each.list)!;
          this.eachSlots.set(credit.block, slot);
          planner.withItem(each.name, slot, () => credit.block.tiers.forEach(rule));
        } else credit.block.tiers.forEach(rule);
        caps(credit.block.caps);
        this.tables[credit.block.scope] = this.tierTable(credit.block);
      }
    }
    caps(plan.caps);
    if (plan.pointRate) this.pointRate = { amount: planner.fixed(plan.pointRate.amount), kind: plan.pointRate.kind };

    // Every money amount's own scale, so that one common scale holds them all exactly.
    const scaleOf = (value: Fixed, kind: A.Kind) => value.scale + (kind === 'percent' ? this.feeScale : kind === 'points' ? this.pointScale() : 0);
    const capScales = (list: readonly CapPlan[]) => list.forEach((cap) => amountScales.push(scaleOf(this.capAmounts[cap.id], cap.kind)));
    for (const credit of plan.credits) {
      for (const r of credit.type === 'rule' ? [credit.rule] : credit.block.tiers) {
        amountScales.push(scaleOf(this.rules[r.scope]!.credit, r.basis));
        capScales(r.caps);
      }
      if (credit.type === 'block') capScales(credit.block.caps);
    }
    capScales(plan.caps);
    this.money = Math.max(...amountScales, this.feeScale);
    if (this.money > MAX_SCALE) throw UNPLANNED;
    // `pay only if` reads `total_credit` as paid: planned once the money scale is known.
    for (const condition of plan.payConditions) this.payTests.set(condition, planner.payment(condition.condition, this.money));

    this.accruals = new Accruals(this.arithmetic, plan.remembers);
    const allCaps = [...plan.caps, ...plan.credits.flatMap((c) => (c.type === 'rule' ? c.rule.caps : [...c.block.caps, ...c.block.tiers.flatMap((t) => t.caps)]))];
    this.periodFees = allCaps.some((cap) => cap.kind === 'percent' && cap.period !== 'monthly');
    const [only] = plan.credits;
    if (plan.credits.length === 1 && only.type === 'block') this.soleTable = this.tables[only.block.scope];
    this.sources = new Uint8Array(this.inputs.length);
    this.values = new Float64Array(this.inputs.length);
    this.lists = this.inputs.map(() => undefined);
    this.names = this.inputs.map((i) => i.name);
    this.states = Array.from({ length: 12 }, () => ({
      inputs: new Float64Array(this.inputs.length),
      lets: new Float64Array(planner.lets.length).fill(NaN),
      fee: 0, quarterFee: 0, yearFee: 0, pointValue: NaN, totalCredit: NaN,
      items: this.inputs.map(() => []), item: NaN,
    }));
    this.inputs.forEach((input, i) => {
      const spec = plan.inputs[i].spec;
      this.defaultItems[i] = spec.list ? (spec.defaultItems ?? []).map((l) => scaledAt(canonical(l), input.scale)) : undefined;
      this.givenItems[i] = undefined;
    });
    this.state = this.states[0];
  }

  /** The block's tier table (its shape is the plan's: `BlockPlan.table`) when its thresholds and credits fit this arithmetic. */
  private tierTable(block: BlockPlan): TierTable | undefined {
    const table = block.table;
    if (!table) return undefined;
    const slot = this.slots.get(table.input)!;
    const input = this.inputs[slot];
    const limits: number[] = [];
    for (const threshold of table.thresholds) {
      if (input.asGiven) limits.push(givenConstant(threshold));
      else {
        const limit = exactly(canonical(threshold));
        if (limit.scale > input.scale) return undefined;
        limits.push(safe(limit.value * POW[input.scale - limit.scale]));
      }
    }
    const credits = table.credits.map((credit) => exactly(canonical(credit)));
    // Same basis, a fee above zero: the larger constant pays more.
    const scale = Math.max(...credits.map((c) => c.scale));
    const pays = credits.map((c) => Math.max(0, safe(c.value * POW[scale - c.scale])));
    const shares = table.basis === 'percent' ? credits.map((c) => percentString(Decimal.max(0, new Decimal(c.value).div(POW[c.scale])))) : undefined;
    return { slot, ops: table.ops, limits, pays, shares };
  }

  // ——— evaluating ———

  credit(given: InputValues, options: RunOptions): CreditOutcome | undefined {
    const currency = this.ownCurrency ?? options.currency ?? feeCurrency(given.fee);
    if (currency !== this.currency || this.text === undefined) {
      this.currency = currency;
      const places = currency ? minorUnitDigits(currency) : 2;
      this.text = places > this.money ? null : new Texts(this.money, places, this.feeScale);
      if (this.text) {
        this.arithmetic = new FixedArithmetic(this.text.unit);
        this.accruals = new Accruals(this.arithmetic, this.plan.remembers);
      }
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
    // A run handed over mid-month may have left cuts behind.
    if (this.cuts.length > 0) this.cuts = [];
    this.accruals.reset();
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
      if (this.defaultItems[slot] !== undefined && !(raw as readonly unknown[]).some?.(Array.isArray)) {
        // A list input's items, the same every period (a year of them is a list of lists, below).
        if (!Array.isArray(raw)) throw INEXACT;
        this.givenItems[slot] = raw as readonly InputValue[];
        sources[slot] = ONE_VALUE;
        continue;
      }
      if (Array.isArray(raw)) {
        if (raw.length < 1 || raw.length > periodsInYear(this.plan.period) || (months > 0 && raw.length !== months)) throw INEXACT;
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
    // A month's own result never shows the fee of its quarter or year: only a cap of a share of one needs it.
    if (this.periodFees) {
      const [fees] = feeSchedule(this.arithmetic, [state.fee], this.plan.period);
      state.quarterFee = fees.quarterly;
      state.yearFee = fees.yearly;
    }
    const exact = this.month(state);
    return { ok: true, credit: { currency: currency ?? null, amount: text.money(exact), percentOfFee: this.share(exact, state.fee, text), cuts: this.takeCuts(0, text) } };
  }

  private contractYear(months: number, currency: string | undefined, text: Texts): CreditOutcome {
    const states = this.states;
    const accruals = this.accruals;
    for (let m = 0; m < months; m++) this.read(m, states[m]);
    const fees = feeSchedule(this.arithmetic, states.slice(0, months).map((s) => s.fee), this.plan.period);
    for (let m = 0; m < months; m++) {
      states[m].quarterFee = fees[m].quarterly;
      states[m].yearFee = fees[m].yearly;
    }
    const perMonth: Omit<CreditSummary, 'months' | 'currency'>[] = [];
    let paid = 0;
    let cuts: readonly CutSummary[] = NO_CUTS;
    for (let m = 0; m < months; m++) {
      if (startsQuarter(m, this.plan.period)) accruals.startQuarter();
      const exact = this.month(states[m]);
      paid = safe(paid + this.arithmetic.paid(exact));
      const percentOfFee = this.share(exact, states[m].fee, text);
      const monthCuts = this.takeCuts(m + 1, text);
      if (monthCuts.length > 0) cuts = cuts.concat(monthCuts);
      perMonth.push({ amount: text.money(exact), percentOfFee, cuts: monthCuts });
    }
    // A year's share is what it paid of the yearly fee (§14).
    const credit = { currency: currency ?? null, amount: text.money(paid), percentOfFee: this.plan.hasFee ? text.share(paid, states[0].yearFee) : null, cuts, months: perMonth };
    return { ok: true, credit };
  }

  /** The month's share of its fee; a sole tier table's winner states it without dividing. */
  private share(exact: number, fee: number, text: Texts): string | null {
    if (!this.plan.hasFee) return null;
    const table = this.soleTable;
    if (table?.shares && this.lastWinner >= 0 && fee > 0 && this.cuts.length === 0) return table.shares[this.lastWinner];
    return text.share(exact, fee);
  }

  /** An input's slot by name, -1 for none: a scan beats hashing for the few inputs of a contract. */
  private slotOf(name: string): number {
    const names = this.names;
    if (names.length > 8) return this.slots.get(name) ?? -1;
    for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
    return -1;
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
      const defaults = this.defaultItems[i];
      if (defaults !== undefined) {
        this.readItems(plan, source === ONE_VALUE ? this.givenItems[i] : source === MONTHLY ? (this.lists[i]![month] as unknown as readonly InputValue[] | undefined) : undefined, defaults, into.items[i]);
        continue;
      }
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
      if (this.feeDivisor > 1) {
        const hundredfold = safe(fee * 100);
        if (hundredfold % this.feeDivisor !== 0) throw INEXACT;
        fee = hundredfold / this.feeDivisor;
      } else if (this.feeTimes > 1) fee = safe(fee * this.feeTimes);
    }
    into.fee = fee;
  }

  /** A list input's items into `into` (reused), each read and range-checked as a value of the input; at most the limit. */
  private readItems(plan: InputPlan, given: readonly InputValue[] | undefined, defaults: readonly number[], into: number[]): void {
    into.length = 0;
    if (given === undefined) {
      into.push(...defaults);
      return;
    }
    if (!Array.isArray(given) || given.length > LIMITS.listItems) throw INEXACT;
    for (const raw of given) {
      const value = fixedInput(plan, raw, this.currency);
      if (!(value >= plan.min && value <= plan.max)) throw INEXACT;
      into.push(value);
    }
  }

  /** One month, by the rules of `plan/semantics.ts`: the exact total at the money scale. */
  private month(s: MonthState): number {
    this.state = s;
    this.mark = this.cuts.length;
    this.lastWinner = -1;
    return month(this.plan, this.arithmetic, this, this.accruals, this);
  }

  // ——— a month's values (`MonthValues`) ———

  holds(rule: RulePlan): boolean {
    return this.rules[rule.scope]!.holds(this.state);
  }

  items(block: BlockPlan): number {
    return this.state.items[this.eachSlots.get(block)!].length;
  }

  bindItem(block: BlockPlan, index: number): void {
    this.state.item = index < 0 ? NaN : this.state.items[this.eachSlots.get(block)!][index];
  }

  payable(condition: PayConditionPlan, paid: number): boolean {
    this.state.totalCredit = paid;
    return this.payTests.get(condition)!(this.state);
  }

  /** What a rule whose condition holds pays, at the money scale, before its caps. */
  pays(rule: RulePlan): number {
    const s = this.state;
    const values = this.rules[rule.scope]!;
    let credit = values.credit.constant ?? values.credit.at(s);
    if (values.proportional) {
      const steps = countSteps(Math.max(0, values.proportional.distance(s)), values.proportional.step.at(s), values.proportional.rounding, STEPS);
      credit = safe(credit * steps);
    }
    let amount: number;
    switch (rule.basis) {
      case 'percent':
        amount = this.atMoney(safe(credit * s.fee), values.credit.scale + this.feeScale);
        break;
      case 'points':
        amount = this.atMoney(safe(Math.max(0, credit) * this.pointValue(s)), values.credit.scale + this.pointScale());
        break;
      default:
        amount = this.atMoney(credit, values.credit.scale);
    }
    return amount < 0 ? 0 : amount;
  }

  limit(cap: CapPlan): number {
    const s = this.state;
    const amount = this.capAmounts[cap.id];
    const written = amount.at(s);
    if (cap.kind === 'percent') {
      const fee = feeOf(cap.period, { monthly: s.fee, quarterly: s.quarterFee, yearly: s.yearFee });
      return this.atMoney(safe(written * fee), amount.scale + this.feeScale);
    }
    if (cap.kind === 'points') return this.atMoney(safe(written * this.pointValue(s)), amount.scale + this.pointScale());
    return this.atMoney(written, amount.scale);
  }

  tableWinner(block: BlockPlan): number | undefined {
    const table = this.tables[block.scope];
    if (!table) return undefined;
    const winner = tableWinner(table, this.state.inputs[table.slot]);
    if (table === this.soleTable) this.lastWinner = winner;
    return winner;
  }

  // ——— what the month decided (`MonthObserver`) ———

  cut(cut: Cut<number>, tier: number): void {
    const { by, cap } = cut;
    this.cuts.push({ scope: by.kind, owner: by.owner, period: cap.period, line: cap.line, before: cut.before, cut: cut.before - cut.after, tier });
  }

  rule(): void {
    this.mark = this.cuts.length;
  }

  /** Only the winning tier's cuts are kept, with the block's own. */
  block(_block: BlockPlan, _tiers: unknown, winner: number): void {
    const cuts = this.cuts;
    let kept = this.mark;
    for (let i = this.mark; i < cuts.length; i++) if (cuts[i].tier === winner || cuts[i].scope === 'block') cuts[kept++] = cuts[i];
    // Setting a length is a runtime call, dear enough to count here.
    if (kept !== cuts.length) cuts.length = kept;
    this.mark = kept;
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

/** Where an input's value comes from in a run: its default, one value given, a list of months given. */
const DEFAULT = 0;
const ONE_VALUE = 1;
const MONTHLY = 2;

/** A month without cuts: one array for all, read-only as results are. */
const NO_CUTS: readonly CutSummary[] = Object.freeze([]);

/** The tier that holds and pays the most, picked as `pickTier` of `plan/semantics.ts` picks it; -1 when none holds. */
function tableWinner(table: TierTable, value: number): number {
  const { ops, limits, pays } = table;
  let winner = -1;
  for (let i = 0; i < limits.length; i++) {
    const k = limits[i];
    const op = ops[i];
    const holds = op === '<' ? value < k : op === '<=' ? value <= k : op === '>' ? value > k : op === '>=' ? value >= k : op === '=' ? value === k : value !== k;
    if (holds && (winner < 0 || outranks(pays[i], pays[winner]))) winner = i;
  }
  return winner;
}

/**
 * For rules that name no currency, the currency the fee is given in — as the
 * reader takes it: `1000 EUR` (a year's list: its first month). Only the strict
 * form; any other is for the reader to judge.
 */
function feeCurrency(fee: InputValues[string]): string | undefined {
  const first = Array.isArray(fee) ? fee[0] : fee;
  if (typeof first !== 'string' || first.length < 5 || first[first.length - 4] !== ' ') return undefined;
  const code = first.slice(-3);
  return isCurrency(code) ? code : undefined;
}
