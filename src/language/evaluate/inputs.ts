/**
 * Reading input values, whoever types them: `--set availability=99.2%` on the
 * command line, a form field in the widget, a value in an `example`. Values
 * arrive as decimal strings — a literal (`99.2%`, `1000 EUR`, `4h`) or a bare
 * number in the input's own unit (percent points, currency units, the
 * duration unit of its declaration) — and leave as exact Decimals in the
 * evaluator's units, or as one clear problem that names the input.
 */
import { periodsInYear, yearInPeriods, type ExampleDecl, type InputKind, type Literal, type Period } from '../ast.js';
import type { InputSpec } from '../checker/program.js';
import { canonical, Decimal } from '../decimal.js';
import { evaluationProblems as problems, type Problem } from '../diagnostics.js';
import { isCurrency, MAX_LITERAL_DIGITS, parseQuantity, significantDigits } from '../literals.js';
import { suggest } from '../suggest.js';
import { effectiveRange } from '../checker/implied.js';
import { LIMITS } from '../limits.js';
import { finish } from '../plan/steps.js';

export type InputValue = string | number | boolean;
/**
 * Per input: a value; a list of values, one per period of a contract year;
 * for a `list of …` input, a list of items, or a year of such lists.
 */
export type InputValues = Readonly<Record<string, InputValue | readonly InputValue[] | readonly (readonly InputValue[])[] | undefined>>;
/** A value as the evaluator holds it; a list input's is the period's items. */
export type Value = Decimal | boolean | readonly Decimal[];

/** A list input's items (`Array.isArray` does not narrow a readonly array). */
export const isList = (value: Value): value is readonly Decimal[] => Array.isArray(value);

export { durationUnit } from '../plan/lower.js';
import { durationUnit } from '../plan/lower.js';

const kindWords: Record<InputKind, string> = {
  percent: 'a percentage such as 99.5%',
  money: 'an amount of money such as 1000 EUR',
  duration: 'a duration such as 4h or 30min',
  number: 'a number such as 12',
  boolean: 'true or false',
};


export interface ReadContext {
  /** The program's currency; for a program without one, the first currency given wins. */
  currency?: string;
  readonly month?: number;
}

/** One value for one input: a Decimal (or boolean) in evaluator units, or a problem. */
export function readValue(spec: InputSpec, raw: InputValue, context: ReadContext): Value | Problem {
  const fail = (message: string) => problems.invalidInput(spec.name, message, spec.span, context.month);
  if (typeof raw === 'boolean') {
    return spec.kind === 'boolean' ? raw : fail(`expected ${kindWords[spec.kind]}, but got ${raw}`);
  }
  if (typeof raw === 'number' && !Number.isFinite(raw)) return fail(`expected ${kindWords[spec.kind]}, but got ${raw}`);
  // A number is the decimal it prints as, also in exponent form (1e-7 is 0.0000001).
  const text = typeof raw === 'number' ? new Decimal(raw).toFixed() : String(raw).trim();
  let known = remembered.get(spec);
  const seen = known?.get(text);
  // A text read before reads the same, but for its currency, which depends on the run.
  if (seen && (!seen.currency || !context.currency || seen.currency === context.currency)) {
    if (seen.currency) context.currency ??= seen.currency;
    return seen.value;
  }
  const read = readText(spec, text, context, fail);
  if (isProblem(read)) return read;
  if (!known || known.size >= REMEMBERED) remembered.set(spec, (known = new Map()));
  known.set(text, read);
  if (read.currency) context.currency ??= read.currency;
  return read.value;
}

/**
 * The values texts read as, per input: the same texts are read again and
 * again (each of a form's thousands of fields on every key press, and the
 * other inputs in each of the chart's hundred runs). A Decimal never changes,
 * so one may serve every run. At most `REMEMBERED` texts an input.
 */
const remembered = new WeakMap<InputSpec, Map<string, { readonly value: Value; readonly currency?: string }>>();
const REMEMBERED = 64;

/** `readValue` for a text: its value and the currency it names, or a problem. */
function readText(spec: InputSpec, text: string, context: ReadContext, fail: (message: string) => Problem): { value: Value; currency?: string } | Problem {
  if (text === '') return fail('no value given');
  if (spec.kind === 'boolean') {
    if (text === 'true' || text === 'false') return { value: text === 'true' };
    return fail(`expected true or false, but got "${text.slice(0, 40)}"`);
  }
  const quantity = parseQuantity(text);
  if (!quantity || quantity.kind === 'boolean' || quantity.kind === 'points') {
    return fail(`expected ${kindWords[spec.kind]}, but got "${text.slice(0, 40)}"`);
  }
  if (significantDigits(quantity.value) > MAX_LITERAL_DIGITS) return fail(`"${text.slice(0, 40)}…" has too many digits`);
  // A bare number is in the input's own unit.
  const literal: Pick<Literal, 'kind' | 'value' | 'unit' | 'negative'> =
    quantity.kind === 'number' && spec.kind !== 'number'
      ? { ...quantity, kind: spec.kind, ...(spec.kind === 'duration' ? { unit: durationUnit(spec) } : {}) }
      : quantity;
  if (literal.kind !== spec.kind) return fail(`expected ${kindWords[spec.kind]}, but got "${text}"`);
  if (quantity.currency) {
    if (!isCurrency(quantity.currency)) return fail(`"${quantity.currency}" is not an ISO 4217 currency code`);
    if (context.currency && quantity.currency !== context.currency) {
      return fail(`the rules are in ${context.currency}, but ${text} is in ${quantity.currency}`);
    }
  }
  const value = canonical(literal);
  if (spec.name === 'fee' && !value.gt(0)) return fail('the fee must be more than zero');
  if (spec.kind === 'duration' && value.lt(0)) return fail('a duration cannot be negative');
  const range = rangeOf(spec);
  if (range && (value.lt(range.min) || value.gt(range.max))) {
    return problems.inputOutOfRange(spec.name, text, range.text, spec.span, context.month);
  }
  return { value, ...(quantity.currency ? { currency: quantity.currency } : {}) };
}

/** An input's range as values, made once per input: a form of thousands of inputs reads them all on each change. */
function rangeOf(spec: InputSpec): { readonly min: Decimal; readonly max: Decimal; readonly text: string } | undefined {
  if (!ranges.has(spec)) {
    const bounds = effectiveRange(spec);
    ranges.set(spec, bounds && { min: canonical(bounds.min), max: canonical(bounds.max), text: `${literalText(bounds.min)}..${literalText(bounds.max)}` });
  }
  return ranges.get(spec);
}
const ranges = new WeakMap<InputSpec, { readonly min: Decimal; readonly max: Decimal; readonly text: string } | undefined>();

/** A literal as it would be typed: `99.5%`, `30min`, `1200 EUR`. */
export function literalText(literal: Literal): string {
  const sign = literal.negative ? '-' : '';
  switch (literal.kind) {
    case 'percent': return `${sign}${literal.value}%`;
    case 'duration': return `${sign}${literal.value}${literal.unit}`;
    case 'money': return `${sign}${literal.value} ${literal.currency}`;
    default: return `${sign}${literal.value}`;
  }
}

export function isProblem<T>(value: T | Problem): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'severity' in value;
}

export interface MonthInputs {
  readonly values: ReadonlyMap<string, Value>;
}

/**
 * All inputs for a run: a month (every value single) or a contract year (some
 * values are lists of up to 12, one per month; the others hold every month).
 */
export function readInputs(
  specs: readonly InputSpec[],
  given: InputValues,
  currency: string | undefined,
  /** The evaluation period: a year holds 12 months, 4 quarters or 1 year. */
  period: Period = 'monthly',
): InputsRead {
  return finish(readInputsInSteps(specs, given, currency, period));
}

export interface InputsRead {
  months: Map<string, Value>[];
  year: boolean;
  currency?: string;
  problems: Problem[];
}

/** Inputs read in one step of a run in steps: a form of thousands of inputs is read in several. */
export const INPUTS_PER_STEP = 500;

/** `readInputs` in steps: it yields after each `perStep` inputs read. */
export function* readInputsInSteps(
  specs: readonly InputSpec[],
  given: InputValues,
  currency: string | undefined,
  period: Period = 'monthly',
  perStep = Infinity,
): Generator<void, InputsRead, void> {
  const found: Problem[] = [];
  const known = new Set(specs.map((s) => s.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name) && given[name] !== undefined) {
      found.push(problems.unknownInput(name, { start: 0, end: 0 }, suggest(name, [...known])));
    }
  }
  // A year run: a list for an input, a list of lists for a list input.
  const lists = specs.filter((s) => Array.isArray(given[s.name]) && (!s.list || (given[s.name] as readonly unknown[]).some(Array.isArray)));
  const lengths = new Set(lists.map((s) => (given[s.name] as readonly unknown[]).length));
  const year = lists.length > 0;
  const count = year ? Math.max(...lengths) : 1;
  if (lengths.size > 1) {
    found.push(problems.badYearRun(`every list is the months of one year, so all lists need the same length; got ${[...lists].map((s) => `${s.name}: ${(given[s.name] as readonly InputValue[]).length}`).join(', ')}`, { start: 0, end: 0 }));
  }
  const most = periodsInYear(period);
  if (count > most) {
    found.push(problems.badYearRun(`a contract year has ${yearInPeriods(period)}, but ${count} values were given`, { start: 0, end: 0 }));
  }
  if (year && count === 0) found.push(problems.badYearRun('a list needs at least one value', { start: 0, end: 0 }));
  if (found.length > 0) return { months: [], year, problems: found };

  const context: ReadContext = { ...(currency ? { currency } : {}) };
  const months = Array.from({ length: count }, () => new Map<string, Value>());
  // The fee first: its currency is the program's when the rules name none.
  const ordered = [...specs].sort((a, b) => Number(b.name === 'fee') - Number(a.name === 'fee'));
  let read = 0;
  for (const spec of ordered) {
    if (++read % perStep === 0) yield;
    const raw = given[spec.name];
    if (spec.list) {
      readItems(spec, raw, count, lists.includes(spec), context, months, found);
      continue;
    }
    const perMonth = Array.isArray(raw) ? (raw as readonly InputValue[]) : undefined;
    for (let m = 0; m < count; m++) {
      // A month left out of a list (`[98, undefined]`, or a hole) takes the default, as an input left out does.
      const value = (perMonth ? perMonth[m] : (raw as InputValue | undefined)) ?? defaultOf(spec);
      if (value === undefined) {
        if (m === 0 || perMonth) found.push(problems.invalidInput(spec.name, 'no value given, and the rules declare no default', spec.span, perMonth ? m + 1 : undefined));
        continue;
      }
      const read = readValue(spec, value, { ...context, ...(year ? { month: m + 1 } : {}) });
      if (isProblem(read)) found.push(read);
      else months[m].set(spec.name, read);
      if (spec.name === 'fee' && !context.currency && typeof value === 'string') {
        const q = parseQuantity(value);
        if (q?.currency) context.currency = q.currency;
      }
    }
  }
  return { months, year, ...(context.currency ? { currency: context.currency } : {}), problems: found };
}

/**
 * A list input's items in every period: one list for all, or one per period
 * of a year; each item read as a value of the input (its kind, range, step),
 * at most `LIMITS.listItems` a period. Left out: the declared default, else empty.
 */
function readItems(spec: InputSpec, raw: unknown, count: number, perPeriod: boolean, context: ReadContext, months: Map<string, Value>[], found: Problem[]): void {
  for (let m = 0; m < count; m++) {
    const given = perPeriod ? (raw as readonly unknown[])[m] : raw;
    const items = given ?? spec.defaultItems?.map(literalText) ?? [];
    const period = perPeriod ? m + 1 : undefined;
    if (!Array.isArray(items) || items.some(Array.isArray)) {
      found.push(problems.invalidInput(spec.name, 'a list of items is expected, such as ["10min", "2h"]', spec.span, period));
      continue;
    }
    if (items.length > LIMITS.listItems) {
      found.push(problems.invalidInput(spec.name, `at most ${LIMITS.listItems} items a period, but ${items.length} were given`, spec.span, period));
      continue;
    }
    const read: Decimal[] = [];
    for (const item of items as readonly InputValue[]) {
      const value = readValue(spec, item, { ...context, ...(period ? { month: period } : {}) });
      if (isProblem(value)) {
        found.push(value);
        break;
      }
      read.push(value as Decimal);
    }
    months[m].set(spec.name, read);
  }
}

/** The declared default, as the text a user would type. */
export function defaultOf(spec: InputSpec): string | undefined {
  return spec.default ? literalText(spec.default) : undefined;
}

/** An `example`'s values as the literals it writes: lists for a year. */
export function exampleInputs(example: ExampleDecl): Record<string, InputValue | InputValue[] | InputValue[][]> {
  return Object.fromEntries(
    example.givens.map((g) => [g.name, g.lists ? g.lists.map((list) => list.map(literalText)) : g.list ? g.values.map(literalText) : literalText(g.values[0])]),
  );
}
