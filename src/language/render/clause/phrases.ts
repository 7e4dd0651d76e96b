/**
 * What a language's phrase table must say, and the small helpers the tables
 * share. The writer speaks only through a `Phrases`; where languages differ in
 * more than words (German verb order, declension), an entry is a function.
 */
import type * as A from '../../ast.js';

/** German declines; English ignores the case. Feminine nouns make accusative = nominative. */
export type Case = 'nom' | 'gen' | 'dat';

/** One simple statement: subject, finite verb, the rest ("the Monthly uptime" "is" "below 99.5%"). */
export interface Atom {
  readonly subject: string;
  readonly verb: string;
  readonly rest: string;
  /** A condition met or not (not a measurement): "in a month" goes after it, not after the subject. */
  readonly flag: boolean;
}

/** A rule's condition, shaped for the sentence it opens. */
export type When =
  | { readonly type: 'always' | 'never' }
  | { readonly type: 'atom'; readonly atom: Atom }
  | { readonly type: 'compound'; readonly text: string };

/** What `per full 1h` counts, ready for wording. */
export type Step =
  | { readonly type: 'unit'; readonly unit: A.DurationUnit }
  | { readonly type: 'amount'; readonly text: string }
  | { readonly type: 'expression'; readonly text: string };

export type Operand = (c: Case) => string;

/** An example's `credit 240 EUR, credit 10%`, said once: "240.00 EUR (10% of the monthly fee)". */
export type ExpectedCredit = { readonly money: string; readonly percent?: string } | { readonly money?: string; readonly percent: string };

export interface Phrases {
  readonly heading: string;
  quote(text: string): string;
  item(letter: string): string;
  join(items: readonly string[], conjunction: 'and' | 'or'): string;
  /** A group inside a list of the other conjunction: "either A or B", "both A and B". */
  nested(items: readonly string[], conjunction: 'and' | 'or'): string;
  clauseRefs(numbers: string): string;
  readonly through: string;

  fee(period: A.Period, c: Case): string;
  /** Bare, for the values of a worked example: "monthly fee". */
  feeTerm(period: A.Period): string;
  feeIs(period: A.Period, amount: string, label?: string): string;
  readonly feeImplicit: string;
  /** "The yearly fee is twelve times the monthly fee." */
  derivedFee(to: A.Period, from: A.Period): string;
  readonly totals: Record<'total_credit' | 'total_credit_percent', Record<Case, string>>;

  readonly definitionsIntro: string;
  inputMeans(term: string, name: string | undefined, kind: A.InputKind, range?: { min: string; max: string }): string;
  /** A `list of …` input: the items recorded for the period. */
  listMeans(term: string, name: string | undefined, kind: A.InputKind): string;
  valueMeans(term: string, value: string, asPercent: boolean): string;
  /** A `let` that is only a number: "“step size” is 5" rather than "means 5". */
  valueIs(term: string, value: string): string;
  conditionMeans(term: string, when: When, listed: string): string;

  /** A name inside a calculation. */
  name(term: string): string;
  /** A name as what a comparison measures. */
  subject(term: string): string;
  arithmetic: Record<'+' | '-' | '*' | '/', readonly [word: string, right: Case]>;
  /** `10% of fee`: German needs a genitive for the fee but "von" for anything else. */
  of(rightIsBuiltin: boolean): readonly [word: string, right: Case];
  minus(operand: string): string;
  /** `min`/`max`: "the lower of A and B", "der höchste Wert von A, B und C". */
  extreme(which: 'min' | 'max', items: readonly string[], c: Case): string;
  /** `round`/`floor`/`ceil`: "A, rounded to the nearest multiple of 0.01". */
  rounded(how: 'round' | 'floor' | 'ceil', value: string, step: string): string;
  /** `if C then A else B` as a value. */
  choice(condition: string, then: string, otherwise: string): string;
  points(count: string, one: boolean, c: Case): string;
  pointsOf(expression: string): string;
  /** German dative plural: "innerhalb von 30 Tagen", "unter 2 Tagen". */
  duration(value: string, unit: A.DurationUnit, c: Case): string;

  compare(subject: string, bounds: readonly { op: A.CompareOp; other: Operand }[]): Atom;
  flag(term: string, met: boolean): Atom;
  /** An atom inside a list or after "if"/"wenn". */
  listed(atom: Atom): string;
  /** An atom as a sentence of its own (German main-clause order). */
  stated(atom: Atom): string;

  credit(kind: A.Kind, amount: Operand): string;
  tierCredit(kind: A.Kind, amount: Operand): string;
  proportional(rounding: 'full' | 'started', step: Step, direction: 'below' | 'above', subject: string, threshold: Operand): string;
  rule(when: When, credit: string, proportional: string | undefined, caps: string): string;
  readonly neverCredits: string;
  tier(when: When, listed: string, credit: string, proportional: string | undefined, caps: string): string;
  blockIntro(pool: 'credit' | 'points'): string;
  /** `for each outage in outages`: the tiers apply to every item of the list. */
  eachIntro(item: string, list: string, pool: 'credit' | 'points'): string;
  eachHighest(item: string, pool: 'credit' | 'points'): string;
  highestTier(pool: 'credit' | 'points'): string;

  cap(amount: string, percentOfFee: boolean, period: A.Period): string;
  ruleCaps(caps: readonly string[]): string;
  blockCaps(caps: readonly string[]): string;
  globalCaps(caps: readonly string[]): string;
  pointRate(rate: string): string;
  claim(within: string, afterIncident: boolean): string;
  /** `pay only if …`: the conditions, listed. */
  payOnlyIf(listed: string): string;
  cumulative(refs: string, withPoints: boolean): string;

  readonly examplesHeading: string;
  readonly examplesIntro: string;
  given(term: string, value: string): string;
  /** An empty list of items. */
  readonly none: string;
  /** A rounded figure: "about 13.33%". */
  about(value: string): string;
  givenMonths(term: string, values: readonly string[]): string;
  /** The expected credit in money, as a share of the fee, or both; none when it is zero. */
  expectedCredit(credit: ExpectedCredit | undefined, year: boolean): string;
  /** An output's or `let`'s expected value: "the Net fee is 900.00 EUR". */
  expectedValue(subject: string, value: string): string;
  example(label: string | undefined, givens: readonly string[], expectations: readonly string[]): string;
}

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function listWith(conjunction: string) {
  return (items: readonly string[]) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "Monthly uptime." — a block's label as the title of its clause. */
export function title(label: string | undefined): string {
  if (!label) return '';
  return /[.!?:]$/.test(label) ? `${label} ` : `${label}. `;
}

/** How many of one fee period make another: "yearly/monthly" is 12, "monthly/quarterly" a third. */
export const MONTHS_RATIO: Record<string, 12 | 3 | 4 | '1/12' | '1/3' | '1/4'> = {
  'yearly/monthly': 12, 'quarterly/monthly': 3, 'yearly/quarterly': 4,
  'monthly/yearly': '1/12', 'monthly/quarterly': '1/3', 'quarterly/yearly': '1/4',
};
/** a, b, …, z, aa, ab, … */
export function letter(index: number): string {
  const base = String.fromCharCode(97 + (index % 26));
  return index < 26 ? base : letter(Math.floor(index / 26) - 1) + base;
}
