/**
 * The fast path's expressions, planned once per program: each becomes a
 * `Fixed` — a function of the month's state answering a scaled integer, at a
 * scale (decimal places) known when planned — and each condition a `Test`.
 * Whatever cannot be planned exactly throws UNPLANNED (the program then has
 * no fast path); whatever cannot be computed exactly in a month throws
 * INEXACT (the decimal evaluator answers instead).
 */
import type * as A from '../ast.js';
import { AFTER_CREDITS } from '../checker/program.js';
import { canonical, type Decimal } from '../decimal.js';
import type { Plan } from '../plan/plan.js';
import { productScale, quotientScale, quotientShift, sumScale } from '../plan/scales.js';
import { exactly, givenConstant, type InputPlan } from './fixed-inputs.js';
import { INEXACT, MAX_SCALE, POW, safe, UNPLANNED } from './fixed-integers.js';

/** A number with a scale known when the program is planned. */
export interface Fixed {
  readonly scale: number;
  readonly at: (s: MonthState) => number;
  /** Set for a literal: comparisons with it then read one side only. */
  readonly constant?: number;
  /** Set for an input: comparisons read it directly. */
  readonly slot?: number;
}

export type Test = (s: MonthState) => boolean;

/** One month's values: inputs and fees at their planned scales, `let`s as they are first used. */
export interface MonthState {
  // Typed arrays: one element kind whatever the program, so the code reading them stays fast.
  readonly inputs: Float64Array;
  readonly lets: Float64Array;
  fee: number;
  quarterFee: number;
  yearFee: number;
  pointValue: number;
  /** For `pay only if`: the period's credit as paid, at the money scale. */
  totalCredit: number;
  /** Per input slot: a list input's items this period, at its scale (empty for other inputs). */
  readonly items: number[][];
  /** The item a `for each` block's tiers see now. */
  item: number;
}

/** `let`s the fast path chains: deeper chains are left to the exact interpreter, which needs no recursion. */
const MAX_LETS = 200;

export class ExpressionPlanner {
  /** The `let`s planned so far, in the order of their slots in a month's state. */
  readonly lets: Fixed[] = [];
  private readonly letSlots = new Map<string, number>();
  /** How many `let`s are being planned, each inside the one before: the depth of the recursion. */
  private planningLets = 0;
  /** `for each` items in scope while their block is planned: the item's name and its list's slot. */
  private readonly itemNames = new Map<string, number>();
  /** The money scale while `pay only if` is planned: the one time `total_credit` has a value. */
  private totalCreditScale: number | undefined = undefined;

  constructor(
    private readonly plan: Plan,
    private readonly inputs: readonly InputPlan[],
    private readonly slots: ReadonlyMap<string, number>,
    /** Scale of the monthly fee, as `fee` is read. */
    private readonly feeScale: number,
  ) {}

  /** Plans what `plan` plans with a `for each` block's item in scope, named `name`, from the list input in `slot`. */
  withItem(name: string, slot: number, plan: () => void): void {
    this.itemNames.set(name, slot);
    plan();
    this.itemNames.delete(name);
  }

  /** A `pay only if` condition, where `total_credit` is the period's credit as paid, at the money scale. */
  payment(condition: A.Expr, money: number): Test {
    this.totalCreditScale = money;
    const test = this.test(condition);
    this.totalCreditScale = undefined;
    return test;
  }

  fixed(expr: A.Expr): Fixed {
    if (expr.kind === 'boolean') {
      const test = this.test(expr);
      return fixedValue(0, (s) => (test(s) ? 1 : 0));
    }
    switch (expr.type) {
      case 'literal': {
        const { value, scale } = exactly(canonical(expr));
        return fixedValue(scale, () => value, value);
      }
      case 'name':
        return this.name(expr.name);
      case 'unary': {
        const operand = this.fixed(expr.operand);
        return fixedValue(operand.scale, (s) => -operand.at(s));
      }
      case 'binary': {
        const left = this.fixed(expr.left);
        const right = this.fixed(expr.right);
        switch (expr.op) {
          case '+':
          case '-': {
            const scale = sumScale(left.scale, right.scale);
            const [a, b] = [rescale(left, scale), rescale(right, scale)];
            return fixedValue(scale, expr.op === '+' ? (s) => safe(a.at(s) + b.at(s)) : (s) => safe(a.at(s) - b.at(s)));
          }
          case '*':
          case 'of': {
            const scale = productScale(left.scale, right.scale);
            if (scale > MAX_SCALE) throw UNPLANNED;
            return fixedValue(scale, (s) => safe(left.at(s) * right.at(s)));
          }
          case '/': {
            // The quotient at a few places more than the dividend; exact only if it divides.
            const scale = quotientScale(left.scale, right.scale, MAX_SCALE);
            const shift = quotientShift(left.scale, right.scale, scale);
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
      case 'if': {
        const condition = this.test(expr.condition);
        const [then, otherwise] = this.common([this.fixed(expr.then), this.fixed(expr.otherwise)]);
        // Only the branch taken is computed: the other may divide by zero.
        return fixedValue(then.scale, (s) => (condition(s) ? then.at(s) : otherwise.at(s)));
      }
      case 'call':
        return this.call(expr);
      default:
        throw UNPLANNED;
    }
  }

  /** Values at one scale, the largest of theirs. */
  private common(values: readonly Fixed[]): Fixed[] {
    const scale = Math.max(...values.map((v) => v.scale));
    return values.map((v) => rescale(v, scale));
  }

  private call(expr: A.Call): Fixed {
    const [only] = expr.args;
    const listSlot = expr.args.length === 1 && only.type === 'name' ? this.slots.get(only.name) : undefined;
    if (listSlot !== undefined && this.plan.inputs[listSlot].spec.list) return this.ofList(expr.name, listSlot);
    const args = this.common(expr.args.map((a) => this.fixed(a)));
    const scale = args[0].scale;
    switch (expr.name) {
      case 'min': return fixedValue(scale, (s) => args.reduce((m, a) => Math.min(m, a.at(s)), Infinity));
      case 'max': return fixedValue(scale, (s) => args.reduce((m, a) => Math.max(m, a.at(s)), -Infinity));
      case 'round':
      case 'floor':
      case 'ceil': {
        const [value, step] = args;
        const to = ROUND_TO[expr.name];
        return fixedValue(scale, (s) => {
          const by = step.at(s);
          // The checker allows only steps above zero; a damaged saved program's is for the reader to report.
          if (!(by > 0)) throw INEXACT;
          const v = value.at(s);
          // Whole steps below, and what is left (0 ≤ rest < by): exact in integers.
          const whole = Math.floor(v / by);
          const rest = v - whole * by;
          return safe((whole + to(rest, by, v)) * by);
        });
      }
      default:
        throw UNPLANNED;
    }
  }

  /** count, sum, max and min of a list input's items; `max`/`min` of none is for the exact interpreter to report. */
  private ofList(name: A.FunctionName, slot: number): Fixed {
    const scale = this.inputs[slot].scale;
    switch (name) {
      case 'count': return fixedValue(0, (s) => s.items[slot].length);
      case 'sum': return fixedValue(scale, (s) => s.items[slot].reduce((total, v) => safe(total + v), 0));
      case 'max':
      case 'min': {
        const pick = name === 'max' ? Math.max : Math.min;
        return fixedValue(scale, (s) => {
          const items = s.items[slot];
          if (items.length === 0) throw INEXACT;
          return pick(...items);
        });
      }
      default: throw UNPLANNED;
    }
  }

  test(expr: A.Expr): Test {
    switch (expr.type) {
      case 'literal': {
        const value = expr.value === 'true';
        return () => value;
      }
      case 'name': {
        const value = this.name(expr.name);
        return (s) => value.at(s) === 1;
      }
      case 'unary': {
        const operand = this.test(expr.operand);
        return (s) => !operand(s);
      }
      case 'binary': {
        const left = this.test(expr.left);
        const right = this.test(expr.right);
        if (expr.op === 'and') return (s) => left(s) && right(s);
        if (expr.op === 'or') return (s) => left(s) || right(s);
        throw UNPLANNED;
      }
      case 'compare': {
        const tests = expr.ops.map((op, i) => this.comparison(op, expr.operands[i], expr.operands[i + 1]));
        return tests.length === 1 ? tests[0] : (s) => tests.every((t) => t(s));
      }
      default:
        throw UNPLANNED;
    }
  }

  private comparison(op: A.CompareOp, left: A.Expr, right: A.Expr): Test {
    const given = (e: A.Expr) => (e.type === 'name' ? this.slots.get(e.name) : undefined);
    const [l, r] = [given(left), given(right)];
    // An input held as given against a constant: compared as doubles.
    if (l !== undefined && this.inputs[l].asGiven && right.type === 'literal') return comparison(op, fixedValue(0, (s) => s.inputs[l], undefined, l), constant(givenConstant(right)));
    if (r !== undefined && this.inputs[r].asGiven && left.type === 'literal') return comparison(op, constant(givenConstant(left)), fixedValue(0, (s) => s.inputs[r], undefined, r));
    const operands = [this.fixed(left), this.fixed(right)];
    const scale = Math.max(...operands.map((o) => o.scale));
    const [a, b] = operands.map((o) => rescale(o, scale));
    return comparison(op, a, b);
  }

  private name(name: string): Fixed {
    // `fee` is always the month's fee, also when the rules give it per year.
    if (name === 'fee') return fixedValue(this.feeScale, (s) => s.fee);
    const slot = this.slots.get(name);
    if (slot !== undefined) {
      // Held as given, it is only ever compared (`comparison`); never computed with.
      if (this.inputs[slot].asGiven) throw UNPLANNED;
      return fixedValue(this.inputs[slot].scale, (s) => s.inputs[slot], undefined, slot);
    }
    if (name === 'total_credit' && this.totalCreditScale !== undefined) return fixedValue(this.totalCreditScale, (s) => s.totalCredit);
    const itemOf = this.itemNames.get(name);
    if (itemOf !== undefined) return fixedValue(this.inputs[itemOf].scale, (s) => s.item);
    const value = this.plan.values.get(name);
    // Totals are known only after the credits; the credit needs them only in `pay only if`.
    if (!value || AFTER_CREDITS.has(name)) throw UNPLANNED;
    let letSlot = this.letSlots.get(name);
    if (letSlot === undefined) {
      // Planning and running a `let` recurse through the `let`s it names: long chains go the exact way.
      if (this.letSlots.size + this.planningLets >= MAX_LETS) throw UNPLANNED;
      // The `let`s it names first: they take their slots, then this one takes the next.
      this.planningLets++;
      const planned = this.fixed(value.value);
      this.planningLets--;
      letSlot = this.lets.length;
      this.letSlots.set(name, letSlot);
      this.lets.push(planned);
    }
    const index = letSlot;
    const planned = this.lets[index];
    return fixedValue(planned.scale, (s) => {
      let known = s.lets[index];
      // NaN: not computed yet this month.
      if (known !== known) known = s.lets[index] = planned.at(s);
      return known;
    });
  }
}

/**
 * Whether a value `rest` above a whole number of steps `by` rounds up a step:
 * `round` half away from zero (`v` is the value's sign), `floor` never (toward
 * −∞), `ceil` whenever something is left (toward +∞).
 */
const ROUND_TO = {
  round: (rest: number, by: number, v: number) => (rest * 2 > by || (rest * 2 === by && v > 0) ? 1 : 0),
  floor: () => 0,
  ceil: (rest: number) => (rest > 0 ? 1 : 0),
} as const;

/** A constant at a given scale, or no fast path. */
export function scaledAt(value: Decimal, scale: number): number {
  const { value: digits, scale: own } = exactly(value);
  if (own > scale) throw UNPLANNED;
  return safe(digits * POW[scale - own]);
}

/** Every `Fixed` has every field, so that the code reading them sees one shape, whatever the program. */
function fixedValue(scale: number, at: (s: MonthState) => number, constant?: number, slot?: number): Fixed {
  return { scale, at, constant, slot };
}

export function rescale(value: Fixed, scale: number): Fixed {
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

function constant(value: number): Fixed {
  return fixedValue(0, () => value, value);
}

