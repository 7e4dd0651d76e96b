/**
 * The values of one input for which a tier's condition holds, as an interval
 * of exact decimals, and an input's range the same way: what the drafting
 * lints (`lints.ts`, `blocks.ts`) compare to find tiers that never win, gaps
 * between tiers, and thresholds outside a range.
 */
import type * as A from '../ast.js';
import { canonical as toDecimal, type Decimal } from '../decimal.js';
import { effectiveRange, type InputRange } from './implied.js';
import type { InputSpec } from './program.js';

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
 * times (a tier's interval, its credit, its threshold against the range), a
 * table repeats its thresholds and credits, and a Decimal costs far more to
 * make than to look up. Keyed by what the value depends on; Decimals are
 * immutable, so sharing one is safe. Bounded, for a long-lived page.
 */
const values = new Map<string, Decimal>();

export function canonical(literal: A.Literal): Decimal {
  const key = `${literal.negative ? '-' : ''}${literal.value} ${literal.kind} ${literal.unit ?? ''}`;
  let value = values.get(key);
  if (value === undefined) {
    if (values.size >= 10_000) values.clear();
    values.set(key, (value = toDecimal(literal)));
  }
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
export function clip(interval: Interval, range: { readonly min: Decimal; readonly max: Decimal } | undefined): Interval | undefined {
  if (!range) return interval;
  const lo = !interval.lo || interval.lo.value.lt(range.min) ? { value: range.min, inclusive: true } : interval.lo;
  const hi = !interval.hi || interval.hi.value.gt(range.max) ? { value: range.max, inclusive: true } : interval.hi;
  if (lo.value.gt(hi.value) || (lo.value.eq(hi.value) && !(lo.inclusive && hi.inclusive))) return undefined;
  return { name: interval.name, lo, hi, worse: interval.worse, oneSided: interval.oneSided };
}

/** An input's range as written, and its ends as Decimals. */
export interface Range {
  readonly written: InputRange;
  readonly min: Decimal;
  readonly max: Decimal;
}

/**
 * Each input's range, made once per compile and read per tier or threshold:
 * an implicit range is new literals at every call of effectiveRange, so
 * reading it per tier made two Decimals per tier.
 */
export function rangesOf(specs: ReadonlyMap<string, InputSpec>): (name: string) => Range | undefined {
  const made = new Map<string, Range | undefined>();
  return (name) => {
    if (made.has(name)) return made.get(name);
    const spec = specs.get(name);
    const written = spec && effectiveRange(spec);
    const range = written && { written, min: canonical(written.min), max: canonical(written.max) };
    made.set(name, range);
    return range;
  };
}

/** An input's range as Decimals. */
export function rangeOf(spec: InputSpec | undefined): { min: Decimal; max: Decimal } | undefined {
  const range = spec && effectiveRange(spec);
  return range && { min: canonical(range.min), max: canonical(range.max) };
}
