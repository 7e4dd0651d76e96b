/**
 * The clause text: a checked program written out as the service-credit
 * section of a contract, in English or German. Legal reads the result, so
 * every statement becomes a sentence a drafter would write — defined terms,
 * numbered clauses, tiers as a lettered list — not a paraphrase of tokens.
 *
 * The writer walks the program once and is the same for both languages; all
 * wording lives in one phrase table per language (`english`, `german`).
 * Where the languages differ in more than words — German puts the verb first
 * in a conditional ("Liegt … unter 99,5 %, erhält …") and last in a
 * subordinate clause ("wenn … unter 99,5 % liegt") and declines articles —
 * the table holds a function rather than a string, so the writer never asks
 * which language it is writing.
 */
import * as A from '../ast.js';
import type { CheckedProgram } from '../checker/program.js';
import { Decimal } from '../decimal.js';
import { parseQuantity } from '../literals.js';
import { formatClaimPeriod, formatDuration, formatLiteral, formatNumber, type Lang } from './format.js';

/** What an example computes, for an example whose expectation differs from it. */
export interface ComputedExample {
  readonly passed: boolean;
  /** Per expectation, in order: what the rules compute ("240.00 EUR", "10%"), or undefined without a result. */
  readonly actual: readonly (string | undefined)[];
}

/**
 * What a clause may say differently from the rules: the fee agreed with this
 * customer (a decimal string); and what each example computes (in the order
 * of the examples), so that a failing example is never stated as fact.
 */
export interface ClauseOptions {
  readonly fee?: string;
  readonly examples?: readonly ComputedExample[];
}

/** The service-credit section of a contract, as plain text ending in a newline. */
export function renderClause(program: CheckedProgram, lang: Lang, options: ClauseOptions = {}): string {
  const payout = program.ast.statements.find((s): s is A.PayoutDecl => s.type === 'payout');
  const period = A.programPeriod(program.ast);
  const p = payout
    ? paidAs[lang](period, A.labelIn(payout.what, payout.whatTranslations, lang)!, A.labelIn(payout.recipient, payout.recipientTranslations, lang))
    : phrasesIn[lang](period);
  return new ClauseWriter(program, p, lang, options).render();
}

// ---------------------------------------------------------------------------
// Conditions, language-neutral: `not` is pushed down to the comparisons
// (`not (a < 5)` reads "a is at least 5"), chains become one subject with
// several bounds, and boolean equalities become plain and/or.

type Cond =
  | { readonly type: 'const'; readonly value: boolean }
  | { readonly type: 'compare'; readonly subject: A.Expr; readonly parts: readonly Bound[] }
  | { readonly type: 'flag'; readonly name: string; readonly met: boolean }
  | { readonly type: 'all' | 'any'; readonly items: readonly Cond[] };

interface Bound {
  readonly op: A.CompareOp;
  readonly other: A.Expr;
}

const inverse: Record<A.CompareOp, A.CompareOp> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' };
const mirrored: Record<A.CompareOp, A.CompareOp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

function condition(expr: A.Expr, negated = false): Cond {
  switch (expr.type) {
    case 'literal': return { type: 'const', value: (expr.value === 'true') !== negated };
    case 'name': return { type: 'flag', name: expr.name, met: !negated };
    case 'unary': return condition(expr.operand, expr.op === 'not' ? !negated : negated);
    case 'binary': {
      const all = (expr.op === 'and') !== negated;
      return combine(all ? 'all' : 'any', [condition(expr.left, negated), condition(expr.right, negated)]);
    }
    case 'compare': return comparison(expr, negated);
    // `if C then A else B` as a condition: A when C holds, B when it does not.
    case 'if': return combine('any', [
      combine('all', [condition(expr.condition), condition(expr.then, negated)]),
      combine('all', [condition(expr.condition, true), condition(expr.otherwise, negated)]),
    ]);
    // Functions are never conditions; the checker rejects them there.
    case 'call':
    // Checked programs have no invalid nodes; a constant keeps the text readable if one slips through.
    case 'invalid': return { type: 'const', value: !negated };
  }
}

function comparison(expr: A.Comparison, negated: boolean): Cond {
  const pairs = expr.ops.map((op, i) => ({ left: expr.operands[i], op, right: expr.operands[i + 1] }));
  if (expr.operands[0].kind === 'boolean') {
    // `a = b` on conditions: both met or both not; `announced = false` is simply "not announced".
    const pieces = pairs.map(({ left, op, right }): Cond => {
      const differ = (op === '!=') !== negated;
      if (right.type === 'literal') return condition(left, differ === (right.value === 'true'));
      if (left.type === 'literal') return condition(right, differ === (left.value === 'true'));
      return combine('any', [
        combine('all', [condition(left), condition(right, differ)]),
        combine('all', [condition(left, true), condition(right, !differ)]),
      ]);
    });
    return combine(negated ? 'any' : 'all', pieces);
  }
  // The subject is what is measured: `99.5% > availability` reads "availability is below 99.5%".
  const bounds = pairs.map(({ left, op, right }) =>
    left.type === 'literal' && right.type !== 'literal'
      ? { subject: right, op: mirrored[op], other: left }
      : { subject: left, op, other: right });
  if (negated) {
    return combine('any', bounds.map((b) => ({ type: 'compare', subject: b.subject, parts: [{ op: inverse[b.op], other: b.other }] })));
  }
  const atoms: { subject: A.Expr; parts: Bound[] }[] = [];
  for (const b of bounds) {
    const last = atoms[atoms.length - 1];
    if (last && last.subject === b.subject) last.parts.push({ op: b.op, other: b.other });
    else atoms.push({ subject: b.subject, parts: [{ op: b.op, other: b.other }] });
  }
  return combine('all', atoms.map((a) => ({ type: 'compare', ...a })));
}

/** Flattens `a and (b and c)` and drops constants, so the text never says "and true". */
function combine(type: 'all' | 'any', items: readonly Cond[]): Cond {
  const flat: Cond[] = [];
  for (const item of items) {
    if (item.type === 'const') {
      if (item.value === (type === 'any')) return item;
      continue;
    }
    if (item.type === type) flat.push(...item.items);
    else flat.push(item);
  }
  if (flat.length === 0) return { type: 'const', value: type === 'all' };
  return flat.length === 1 ? flat[0] : { type, items: flat };
}

// ---------------------------------------------------------------------------
// The phrase tables.

/** German declines; English ignores the case. Feminine nouns make accusative = nominative. */
type Case = 'nom' | 'gen' | 'dat';

/** One simple statement: subject, finite verb, the rest ("the Monthly uptime" "is" "below 99.5%"). */
interface Atom {
  readonly subject: string;
  readonly verb: string;
  readonly rest: string;
  /** A condition met or not (not a measurement): "in a month" goes after it, not after the subject. */
  readonly flag: boolean;
}

/** A rule's condition, shaped for the sentence it opens. */
type When =
  | { readonly type: 'always' | 'never' }
  | { readonly type: 'atom'; readonly atom: Atom }
  | { readonly type: 'compound'; readonly text: string };

/** What `per full 1h` counts, ready for wording. */
type Step =
  | { readonly type: 'unit'; readonly unit: A.DurationUnit }
  | { readonly type: 'amount'; readonly text: string }
  | { readonly type: 'expression'; readonly text: string };

type Operand = (c: Case) => string;

/** An example's `credit 240 EUR, credit 10%`, said once: "240.00 EUR (10% of the monthly fee)". */
type ExpectedCredit = { readonly money: string; readonly percent?: string } | { readonly money?: string; readonly percent: string };

interface Phrases {
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

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function listWith(conjunction: string) {
  return (items: readonly string[]) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "Monthly uptime." — a block's label as the title of its clause. */
function title(label: string | undefined): string {
  if (!label) return '';
  return /[.!?:]$/.test(label) ? `${label} ` : `${label}. `;
}

const enAnd = listWith('and');
const enOr = listWith('or');
const enPeriodFee: Record<A.Period, string> = { monthly: 'monthly fee', quarterly: 'quarterly fee', yearly: 'yearly fee' };
const enPer: Record<A.Period, string> = { monthly: 'in any month', quarterly: 'in any contract quarter', yearly: 'in any contract year' };
const enUnit: Record<A.DurationUnit, string> = { s: 'second', min: 'minute', h: 'hour', d: 'day' };

/** The words for the period rules are evaluated per, in English. */
interface EnWords {
  readonly month: string;
  readonly months: string;
  readonly monthly: string;
}

const EN_WORDS: Record<A.Period, EnWords> = {
  monthly: { month: 'month', months: 'months', monthly: 'monthly' },
  quarterly: { month: 'quarter', months: 'quarters', monthly: 'quarterly' },
  yearly: { month: 'year', months: 'years', monthly: 'yearly' },
};

function enWhen(when: When, u: EnWords): string {
  switch (when.type) {
    case 'always': return `In every ${u.month}`;
    case 'never': return '';
    // "If the Monthly uptime in a month is below 99.5%" — but "is met in a month" for a condition.
    case 'atom': {
      const { subject, verb, rest, flag } = when.atom;
      return flag ? `If ${subject} ${verb} ${rest} in a ${u.month}` : `If ${subject} in a ${u.month} ${verb} ${rest}`;
    }
    case 'compound': return `If, in a ${u.month}, ${when.text}`;
  }
}

/** The English phrases for rules evaluated per `u` (a month, a quarter, a year). */
function englishIn(u: EnWords): Phrases {
  const english: Phrases = {
  heading: 'Service Credits',
  quote: (text) => `“${text}”`,
  item: (letter) => `(${letter})`,
  join: (items, conjunction) => (conjunction === 'and' ? enAnd : enOr)(items),
  nested: (items, conjunction) =>
    items.length === 2 ? `${conjunction === 'and' ? 'both' : 'either'} ${items[0]} ${conjunction} ${items[1]}` : `(${(conjunction === 'and' ? enAnd : enOr)(items)})`,
  clauseRefs: (numbers) => `clauses ${numbers}`,
  through: 'to',

  fee: (period) => `the ${enPeriodFee[period]}`,
  feeTerm: (period) => enPeriodFee[period],
  feeIs: (period, amount, label) => `The ${enPeriodFee[period]} is ${amount}${label ? ` (the “${label}”)` : ''}.`,
  feeImplicit: `The ${u.monthly} fee is the fee payable for the ${u.month} concerned.`,
  derivedFee: (to, from) => {
    const ratio = MONTHS_RATIO[`${to}/${from}`];
    return `The ${enPeriodFee[to]} is ${{ 12: 'twelve times', 3: 'three times', 4: 'four times', '1/12': 'one twelfth of', '1/3': 'one third of', '1/4': 'one quarter of' }[ratio]} the ${enPeriodFee[from]}.`;
  },
  totals: {
    total_credit: { nom: 'the total service credit', gen: 'the total service credit', dat: 'the total service credit' },
    total_credit_percent: {
      nom: `the total service credit as a percentage of the ${u.monthly} fee`,
      gen: `the total service credit as a percentage of the ${u.monthly} fee`,
      dat: `the total service credit as a percentage of the ${u.monthly} fee`,
    },
  },

  definitionsIntro: 'In this section:',
  inputMeans: (term, name, kind, range) => {
    const named = `“${term}”${name ? ` (${name})` : ''}`;
    if (kind === 'boolean') return `${named} is a condition that is either met or not met in the ${u.month} concerned.`;
    const what = { percent: 'percentage measured', duration: 'duration measured', money: 'amount determined', number: 'number determined' }[kind];
    return `${named} means the ${what} for the ${u.month} concerned${range ? `, within the range from ${range.min} to ${range.max}` : ''}.`;
  },
  listMeans: (term, name, kind) =>
    `“${term}”${name ? ` (${name})` : ''} means the ${{ percent: 'percentages', duration: 'durations', money: 'amounts', number: 'numbers', boolean: 'conditions' }[kind]} recorded for the ${u.month} concerned, one for each item.`,
  valueMeans: (term, value, asPercent) => `“${term}” means ${value}${asPercent ? ', expressed as a percentage' : ''}.`,
  valueIs: (term, value) => `“${term}” is ${value}.`,
  conditionMeans: (term, when, listed) =>
    when.type === 'always' ? `The condition “${term}” is always met.`
      : when.type === 'never' ? `The condition “${term}” is never met.`
        : `The condition “${term}” is met if ${listed}.`,

  name: (term) => `the ${term}`,
  subject: (term) => `the ${term}`,
  arithmetic: { '+': [' plus ', 'nom'], '-': [' less ', 'nom'], '*': [' multiplied by ', 'nom'], '/': [' divided by ', 'nom'] },
  of: () => [' of ', 'nom'],
  minus: (operand) => `minus ${operand}`,
  extreme: (which, items) =>
    `the ${items.length === 2 ? (which === 'min' ? 'lower' : 'greater') : which === 'min' ? 'lowest' : 'greatest'} of ${enAnd(items)}`,
  rounded: (how, value, step) =>
    how === 'round' ? `${value}, rounded to the nearest multiple of ${step} (halves rounded away from zero)`
      : `${value}, rounded ${how === 'floor' ? 'down' : 'up'} to a multiple of ${step}`,
  choice: (condition, then, otherwise) => `${then} if ${condition}, and otherwise ${otherwise}`,
  points: (count, one) => `${count} service credit ${one ? 'point' : 'points'}`,
  pointsOf: (expression) => `a number of service credit points equal to ${expression}`,
  duration: (value, unit) => formatDuration(value, unit, 'en'),

  compare: (subject, bounds) => {
    const wording = ({ op, other }: { op: A.CompareOp; other: Operand }): [string, string] => {
      const o = other('nom');
      switch (op) {
        case '<': return ['is', `below ${o}`];
        case '<=': return ['is', `at most ${o}`];
        case '>': return ['exceeds', o];
        case '>=': return ['is', `at least ${o}`];
        case '=': return ['is', o];
        case '!=': return ['is', `not ${o}`];
      }
    };
    const [[verb, rest], ...more] = bounds.map(wording);
    // "is at least 95% but below 99%": a repeated "is" is dropped.
    const tail = more.map(([v, r]) => (v === 'is' && verb === 'is' ? r : `${v} ${r}`));
    return { subject, verb, rest: [rest, ...tail].join(' but '), flag: false };
  },
  flag: (term, met) => ({ subject: `the condition “${term}”`, verb: 'is', rest: met ? 'met' : 'not met', flag: true }),
  listed: ({ subject, verb, rest }) => `${subject} ${verb} ${rest}`,
  stated: ({ subject, verb, rest }) => `${subject} ${verb} ${rest}`,

  credit: (kind, amount) =>
    kind === 'percent' ? `a service credit of ${amount('nom')} of the ${u.monthly} fee`
      : kind === 'points' ? amount('nom')
        : `a service credit of ${amount('nom')}`,
  tierCredit: (kind, amount) => (kind === 'percent' ? `${amount('nom')} of the ${u.monthly} fee` : amount('nom')),
  proportional: (rounding, step, direction, subject, threshold) => {
    const counted = step.type === 'unit' ? enUnit[step.unit] : step.type === 'amount' ? step.text : `multiple of ${step.text}`;
    return `for every ${rounding} ${counted} by which ${subject} ${direction === 'below' ? 'falls below' : 'exceeds'} ${threshold('nom')}`;
  },
  rule: (when, credit, proportional, caps) => {
    if (when.type === 'never') return english.neverCredits;
    const grant = proportional ? `, for that ${u.month}, ${credit} ${proportional}` : ` ${credit} for that ${u.month}`;
    return `${enWhen(when, u)}, the Customer receives${grant}${caps}.`;
  },
  neverCredits: 'This clause grants no service credit, as its condition can never be met.',
  tier: (when, listed, credit, proportional, caps) => {
    const condition = when.type === 'always' ? 'in any case' : when.type === 'never' ? 'never' : `if ${listed}`;
    return `${condition}: ${credit}${proportional ? ` ${proportional}` : ''}${caps}`;
  },
  blockIntro: (pool) => `For each ${u.month}, the Customer receives ${pool === 'points' ? 'service credit points' : 'a service credit'} according to the following tiers:`,
  eachIntro: (item, list, pool) => `For each ${item} listed in the ${list}, the Customer receives ${pool === 'points' ? 'service credit points' : 'a service credit'} according to the following tiers:`,
  eachHighest: (item, pool) => `If the conditions of more than one tier are met for ${enArticle(item)}, only the highest ${pool === 'points' ? 'number of service credit points' : 'service credit'} applies to it; those of all ${item}s are added together.`,
  highestTier: (pool) => `If the conditions of more than one tier are met, only the highest ${pool === 'points' ? 'number of service credit points' : 'service credit'} applies.`,

  cap: (amount, percentOfFee, period) => `${amount}${percentOfFee ? ` of the ${enPeriodFee[period]}` : ''} ${enPer[period]}`,
  ruleCaps: (caps) => (caps.length ? `, up to ${caps.join(' and up to ')}` : ''),
  blockCaps: (caps) => `The service credits under this clause are limited to ${enAnd(caps)}.`,
  globalCaps: (caps) => `All service credits together are limited to ${enAnd(caps)}.`,
  pointRate: (rate) => `Each service credit point is worth ${rate}. The service credit points of a ${u.month} are converted into a service credit at this rate before any limits are applied.`,
  claim: (within, afterIncident) => `The Customer must claim a service credit within ${within} after ${afterIncident ? 'the incident' : `the end of the ${u.month}`} to which it relates.`,
  payOnlyIf: (listed) => `A service credit for a ${u.month} is paid only if ${listed}; otherwise no service credit is paid for that ${u.month}, and nothing counts toward any limit.`,
  cumulative: (refs, withPoints) => `Service credits${withPoints ? ' and service credit points' : ''} under ${refs} are added together.`,

  examplesHeading: 'Worked examples',
  examplesIntro: 'The following examples illustrate the clauses above.',
  given: (term, value) => `${term} ${value}`,
  about: (value) => `about ${value}`,
  none: 'none',
  givenMonths: (term, values) =>
    values.every((v) => v === values[0])
      ? `${term} ${values[0]} in ${values.length === 1 ? `${u.month} 1` : `each of ${u.months} 1 ${values.length === 2 ? 'and' : 'to'} ${values.length}`}`
      : `${term} ${enAnd(values)} in ${u.months} 1 ${values.length === 2 ? 'and' : 'to'} ${values.length} respectively`,
  expectedCredit: (credit, year) => {
    if (!credit) return year ? 'no service credits for the contract year' : `no service credit for the ${u.month}`;
    const share = credit.percent && `${credit.percent} of the ${year ? 'yearly' : u.monthly} fee`;
    const amount = credit.money ? `${credit.money}${share ? ` (${share})` : ''}` : share;
    return year ? `service credits of ${amount} for the contract year` : `a service credit of ${amount} for the ${u.month}`;
  },
  expectedValue: (subject, value) => `${subject} is ${value}`,
  example: (label, givens, expectations) =>
    `${label ? `“${label}”: ` : ''}${givens.length ? `${givens.join('; ')}. ` : ''}${expectations.length ? `Result: ${expectations.join('; ')}.` : 'The rules give no result for these values.'}`,
  };
  return english;
}

const deAnd = listWith('und');
const deOr = listWith('oder');
const dePeriodAdjective: Record<A.Period, string> = { monthly: 'monatliche', quarterly: 'vierteljährliche', yearly: 'jährliche' };
const dePer: Record<A.Period, string> = { monthly: 'je Monat', quarterly: 'je Vertragsquartal', yearly: 'je Vertragsjahr' };
/** "je angefangene Stunde", but "je angefangenen Tag": the adjective follows the unit's gender. */
const deUnit: Record<A.DurationUnit, { noun: string; masculine: boolean }> = {
  s: { noun: 'Sekunde', masculine: false },
  min: { noun: 'Minute', masculine: false },
  h: { noun: 'Stunde', masculine: false },
  d: { noun: 'Tag', masculine: true },
};
const deRounding = { full: 'volle', started: 'angefangene' } as const;

/** The words for the period rules are evaluated per, in German: Monat is masculine, Quartal and Jahr neuter. */
interface DeWords {
  readonly noun: string;
  readonly plural: string;
  readonly dativePlural: string;
  readonly adjective: string;
  /** "den jeweiligen Monat" (accusative, after "für"). */
  readonly theEach: string;
  readonly inTheEach: string;
  /** "diesen Monat", "jeden Monat", "einen Monat", "den Monat" (accusative). */
  readonly this: string;
  readonly every: string;
  readonly forA: string;
  readonly the: string;
  readonly inA: string;
  readonly ofA: string;
  /** After "Ablauf": "des Monats, auf den sie sich bezieht". */
  readonly endOf: string;
}

const DE_WORDS: Record<A.Period, DeWords> = {
  monthly: {
    noun: 'Monat', plural: 'Monate', dativePlural: 'Monaten', adjective: 'monatliche',
    theEach: 'den jeweiligen Monat', inTheEach: 'im jeweiligen Monat', this: 'diesen Monat', every: 'jeden Monat',
    forA: 'einen Monat', the: 'den Monat', inA: 'in einem Monat', ofA: 'eines Monats', endOf: 'des Monats, auf den sie sich bezieht',
  },
  quarterly: {
    noun: 'Quartal', plural: 'Quartale', dativePlural: 'Quartalen', adjective: 'vierteljährliche',
    theEach: 'das jeweilige Quartal', inTheEach: 'im jeweiligen Quartal', this: 'dieses Quartal', every: 'jedes Quartal',
    forA: 'ein Quartal', the: 'das Quartal', inA: 'in einem Quartal', ofA: 'eines Quartals', endOf: 'des Quartals, auf das sie sich bezieht',
  },
  yearly: {
    noun: 'Jahr', plural: 'Jahre', dativePlural: 'Jahren', adjective: 'jährliche',
    theEach: 'das jeweilige Jahr', inTheEach: 'im jeweiligen Jahr', this: 'dieses Jahr', every: 'jedes Jahr',
    forA: 'ein Jahr', the: 'das Jahr', inA: 'in einem Jahr', ofA: 'eines Jahres', endOf: 'des Jahres, auf das sie sich bezieht',
  },
};

function deWhen(when: When, u: DeWords): string {
  switch (when.type) {
    case 'always': return `In jedem ${u.noun} `;
    case 'never': return '';
    // Verb first for one condition ("Liegt … unter 99,5 %, erhält …"), "Wenn … liegt und …" for several.
    case 'atom': return `${capitalize(when.atom.verb)} ${when.atom.subject} ${u.inA} ${when.atom.rest}, `;
    case 'compound': return `Wenn ${u.inA} ${when.text}, `;
  }
}

/** The German phrases for rules evaluated per `u` (ein Monat, ein Quartal, ein Jahr). */
function germanIn(u: DeWords): Phrases {
  const german: Phrases = {
  heading: 'Gutschriften bei Unterschreitung der Service Levels',
  quote: (text) => `„${text}“`,
  item: (letter) => `${letter})`,
  join: (items, conjunction) => (conjunction === 'and' ? deAnd : deOr)(items),
  nested: (items, conjunction) =>
    items.length === 2
      ? conjunction === 'and' ? `sowohl ${items[0]} als auch ${items[1]}` : `entweder ${items[0]} oder ${items[1]}`
      : `(${(conjunction === 'and' ? deAnd : deOr)(items)})`,
  clauseRefs: (numbers) => `den Ziffern ${numbers}`,
  through: 'bis',

  fee: (period, c) => (c === 'nom' ? `die ${dePeriodAdjective[period]} Vergütung` : `der ${dePeriodAdjective[period]}n Vergütung`),
  feeTerm: (period) => `${dePeriodAdjective[period]} Vergütung`,
  feeIs: (period, amount, label) => `Die ${dePeriodAdjective[period]} Vergütung beträgt ${amount}${label ? ` („${label}“)` : ''}.`,
  feeImplicit: `Die ${u.adjective} Vergütung ist die für ${u.theEach} geschuldete Vergütung.`,
  derivedFee: (to, from) => {
    const ratio = MONTHS_RATIO[`${to}/${from}`];
    const part = { 12: 'das Zwölffache', 3: 'das Dreifache', 4: 'das Vierfache', '1/12': 'ein Zwölftel', '1/3': 'ein Drittel', '1/4': 'ein Viertel' }[ratio];
    return `Die ${dePeriodAdjective[to]} Vergütung beträgt ${part} der ${dePeriodAdjective[from]}n Vergütung.`;
  },
  totals: {
    total_credit: { nom: 'die gesamte Gutschrift', gen: 'der gesamten Gutschrift', dat: 'der gesamten Gutschrift' },
    total_credit_percent: {
      nom: `die gesamte Gutschrift in Prozent der ${u.adjective}n Vergütung`,
      gen: `der gesamten Gutschrift in Prozent der ${u.adjective}n Vergütung`,
      dat: `der gesamten Gutschrift in Prozent der ${u.adjective}n Vergütung`,
    },
  },

  definitionsIntro: 'In diesem Abschnitt gilt Folgendes:',
  inputMeans: (term, name, kind, range) => {
    const named = `„${term}“${name ? ` (${name})` : ''}`;
    if (kind === 'boolean') return `${named} ist eine Bedingung, die ${u.inTheEach} entweder erfüllt oder nicht erfüllt ist.`;
    const what = {
      percent: `den für ${u.theEach} gemessenen Prozentwert`,
      duration: `die für ${u.theEach} gemessene Dauer`,
      money: `den für ${u.theEach} ermittelten Geldbetrag`,
      number: `die für ${u.theEach} ermittelte Anzahl`,
    }[kind];
    return `${named} bezeichnet ${what}${range ? `, im Bereich von ${range.min} bis ${range.max}` : ''}.`;
  },
  listMeans: (term, name, kind) =>
    `„${term}“${name ? ` (${name})` : ''} bezeichnet die für ${u.theEach} erfassten ${{ percent: 'Prozentwerte', duration: 'Dauern', money: 'Geldbeträge', number: 'Anzahlen', boolean: 'Bedingungen' }[kind]}, je Eintrag einen Wert.`,
  valueMeans: (term, value, asPercent) => `„${term}“ bezeichnet ${value}${asPercent ? ', ausgedrückt in Prozent' : ''}.`,
  valueIs: (term, value) => `„${term}“ beträgt ${value}.`,
  conditionMeans: (term, when, listed) =>
    when.type === 'always' ? `Die Bedingung „${term}“ ist stets erfüllt.`
      : when.type === 'never' ? `Die Bedingung „${term}“ ist nie erfüllt.`
        : `Die Bedingung „${term}“ ist erfüllt, wenn ${listed}.`,

  // A quoted term has no article, so it needs no declension inside a calculation.
  name: (term) => `„${term}“`,
  subject: (term) => `der Wert „${term}“`,
  arithmetic: { '+': [' zuzüglich ', 'gen'], '-': [' abzüglich ', 'gen'], '*': [' multipliziert mit ', 'dat'], '/': [' geteilt durch ', 'nom'] },
  of: (rightIsBuiltin) => (rightIsBuiltin ? [' ', 'gen'] : [' von ', 'dat']),
  minus: (operand) => `minus ${operand}`,
  extreme: (which, items, c) => {
    const adjective = items.length === 2 ? (which === 'min' ? 'niedrigere' : 'höhere') : which === 'min' ? 'niedrigste' : 'höchste';
    const article = c === 'nom' ? `der ${adjective} Wert` : c === 'gen' ? `des ${adjective}n Werts` : `dem ${adjective}n Wert`;
    return `${article} von ${deAnd(items)}`;
  },
  rounded: (how, value, step) =>
    how === 'round' ? `${value}, kaufmännisch gerundet auf ein Vielfaches von ${step}`
      : `${value}, ${how === 'floor' ? 'abgerundet' : 'aufgerundet'} auf ein Vielfaches von ${step}`,
  choice: (condition, then, otherwise) => `${then}, wenn ${condition}, andernfalls ${otherwise}`,
  // Dative plural after "unter", "von": "unter 5 Service-Credit-Punkten".
  points: (count, one, c) => `${count} Service-Credit-${one ? 'Punkt' : c === 'dat' ? 'Punkten' : 'Punkte'}`,
  pointsOf: (expression) => `Service-Credit-Punkte in Höhe von ${expression}`,
  duration: (value, unit, c) => formatDuration(value, unit, 'de', c === 'dat' ? 'dat' : 'nom'),

  compare: (subject, bounds) => {
    if (bounds.length === 1) {
      const { op, other } = bounds[0];
      const [verb, rest] = {
        '<': ['liegt', `unter ${other('dat')}`],
        '<=': ['beträgt', `höchstens ${other('nom')}`],
        '>': ['überschreitet', other('nom')],
        '>=': ['beträgt', `mindestens ${other('nom')}`],
        '=': ['beträgt', other('nom')],
        '!=': ['beträgt', `nicht ${other('nom')}`],
      }[op];
      return { subject, verb, rest, flag: false };
    }
    // A range reads with one verb: "mindestens 95 %, aber weniger als 99 % beträgt".
    const bound = { '<': 'weniger als', '<=': 'höchstens', '>': 'mehr als', '>=': 'mindestens', '=': 'genau', '!=': 'nicht' };
    return { subject, verb: 'beträgt', rest: bounds.map(({ op, other }) => `${bound[op]} ${other('nom')}`).join(', aber '), flag: false };
  },
  flag: (term, met) => ({ subject: `die Bedingung „${term}“`, verb: 'ist', rest: met ? 'erfüllt' : 'nicht erfüllt', flag: true }),
  listed: ({ subject, verb, rest }) => `${subject} ${rest} ${verb}`,
  stated: ({ subject, verb, rest }) => `${subject} ${verb} ${rest}`,

  credit: (kind, amount) =>
    kind === 'percent' ? `eine Gutschrift in Höhe von ${amount('nom')} der ${u.adjective}n Vergütung`
      : kind === 'points' ? amount('nom')
        : `eine Gutschrift in Höhe von ${amount('dat')}`,
  tierCredit: (kind, amount) => (kind === 'percent' ? `${amount('nom')} der ${u.adjective}n Vergütung` : amount('nom')),
  proportional: (rounding, step, direction, subject, threshold) => {
    const adjective = deRounding[rounding];
    // Adjective and relative pronoun agree with what is counted: "je vollen Tag, um den …".
    const [counted, pronoun] = step.type === 'unit'
      ? deUnit[step.unit].masculine ? [`${adjective}n ${deUnit[step.unit].noun}`, 'den'] : [`${adjective} ${deUnit[step.unit].noun}`, 'die']
      : step.type === 'amount' ? [`${adjective} ${step.text}`, 'die'] : [`${adjective}s Vielfaches von ${step.text}`, 'das'];
    return `je ${counted}, um ${pronoun} ${subject} ${threshold('nom')} ${direction === 'below' ? 'unterschreitet' : 'überschreitet'}`;
  },
  rule: (when, credit, proportional, caps) => {
    if (when.type === 'never') return german.neverCredits;
    const grant = proportional ? `für ${u.this} ${credit} ${proportional}` : `${credit} für ${u.this}`;
    return `${deWhen(when, u)}erhält der Kunde ${grant}${caps}.`;
  },
  neverCredits: 'Nach dieser Ziffer wird keine Gutschrift gewährt, da ihre Voraussetzung nie erfüllt sein kann.',
  tier: (when, listed, credit, proportional, caps) => {
    const condition = when.type === 'always' ? 'in jedem Fall' : when.type === 'never' ? 'nie' : `wenn ${listed}`;
    return `${condition}: ${credit}${proportional ? ` ${proportional}` : ''}${caps}`;
  },
  blockIntro: (pool) => `Der Kunde erhält für ${u.every} ${pool === 'points' ? 'Service-Credit-Punkte' : 'eine Gutschrift'} nach den folgenden Stufen:`,
  eachIntro: (item, list, pool) => `Für jeden Eintrag „${item}“ in „${list}“ erhält der Kunde ${pool === 'points' ? 'Service-Credit-Punkte' : 'eine Gutschrift'} nach den folgenden Stufen:`,
  eachHighest: (item, pool) => `Sind für einen Eintrag „${item}“ die Voraussetzungen mehrerer Stufen erfüllt, gilt für ihn nur ${pool === 'points' ? 'die höchste Zahl von Service-Credit-Punkten' : 'die höchste Gutschrift'}; die Beträge aller Einträge werden zusammengerechnet.`,
  highestTier: (pool) => `Sind die Voraussetzungen mehrerer Stufen erfüllt, gilt nur ${pool === 'points' ? 'die höchste Zahl von Service-Credit-Punkten' : 'die höchste Gutschrift'}.`,

  cap: (amount, percentOfFee, period) => `${amount}${percentOfFee ? ` der ${dePeriodAdjective[period]}n Vergütung` : ''} ${dePer[period]}`,
  ruleCaps: (caps) => (caps.length ? `, höchstens jedoch ${deAnd(caps)}` : ''),
  blockCaps: (caps) => `Die Gutschriften nach dieser Ziffer sind auf ${deAnd(caps)} begrenzt.`,
  globalCaps: (caps) => `Die Summe aller Gutschriften ist auf ${deAnd(caps)} begrenzt.`,
  pointRate: (rate) => `Jeder Service-Credit-Punkt entspricht einer Gutschrift von ${rate}. Die Service-Credit-Punkte ${u.ofA} werden zu diesem Satz in eine Gutschrift umgerechnet, bevor Höchstgrenzen angewendet werden.`,
  claim: (within, afterIncident) => `Der Kunde muss eine Gutschrift innerhalb von ${within} nach ${afterIncident ? 'dem Vorfall, auf den sie sich bezieht' : `Ablauf ${u.endOf}`}, geltend machen.`,
  payOnlyIf: (listed) => `Eine Gutschrift für ${u.forA} wird nur gewährt, wenn ${listed}; andernfalls wird für ${u.this} keine Gutschrift gewährt, und nichts wird auf eine Höchstgrenze angerechnet.`,
  cumulative: (refs, withPoints) => `Gutschriften${withPoints ? ' und Service-Credit-Punkte' : ''} nach ${refs} werden zusammengerechnet.`,

  examplesHeading: 'Berechnungsbeispiele',
  examplesIntro: 'Die folgenden Beispiele veranschaulichen die vorstehenden Ziffern.',
  given: (term, value) => `${term} ${value}`,
  about: (value) => `rund ${value}`,
  none: 'keine',
  givenMonths: (term, values) =>
    values.every((v) => v === values[0])
      ? `${term} ${values[0]} ${values.length === 1 ? `im ${u.noun} 1` : `in jedem der ${u.plural} 1 ${values.length === 2 ? 'und' : 'bis'} ${values.length}`}`
      : `${term} ${deAnd(values)} in den ${u.dativePlural} 1 ${values.length === 2 ? 'und' : 'bis'} ${values.length}`,
  expectedCredit: (credit, year) => {
    if (!credit) return year ? 'keine Gutschriften für das Vertragsjahr' : `keine Gutschrift für ${u.the}`;
    const share = credit.percent && `${credit.percent} der ${year ? 'jährlichen' : `${u.adjective}n`} Vergütung`;
    const amount = credit.money ? `${credit.money}${share ? ` (${share})` : ''}` : share;
    return year ? `Gutschriften in Höhe von ${amount} für das Vertragsjahr` : `eine Gutschrift in Höhe von ${amount} für ${u.the}`;
  },
  expectedValue: (subject, value) => `${subject} beträgt ${value}`,
  example: (label, givens, expectations) =>
    `${label ? `„${label}“: ` : ''}${givens.length ? `${givens.join('; ')}. ` : ''}${expectations.length ? `Ergebnis: ${expectations.join('; ')}.` : 'Für diese Werte ergeben die Regeln kein Ergebnis.'}`,
  };
  return german;
}

/** The phrases of a language for rules evaluated per `period`. */
const phrasesIn: Record<Lang, (period: A.Period) => Phrases> = {
  en: (period) => englishIn(EN_WORDS[period]),
  de: (period) => germanIn(DE_WORDS[period]),
};

/** How many of one fee period make another: "yearly/monthly" is 12, "monthly/quarterly" a third. */
const MONTHS_RATIO: Record<string, 12 | 3 | 4 | '1/12' | '1/3' | '1/4'> = {
  'yearly/monthly': 12, 'quarterly/monthly': 3, 'yearly/quarterly': 4,
  'monthly/yearly': '1/12', 'monthly/quarterly': '1/3', 'quarterly/yearly': '1/4',
};

/** "a bonus", "an incentive". */
const enArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * The phrases for a `payout` other than a service credit to the customer:
 * what is paid and to whom, as the rules name them. Only the sentences that
 * name them change. German avoids articles of the payout's noun, whose
 * gender the rules do not tell ("erhält die Mitarbeiterin 50,00 EUR als Bonus").
 */
const paidAs: Record<Lang, (period: A.Period, what: string, recipient: string | undefined) => Phrases> = {
  en: (period, what, recipient = 'the recipient') => {
  const english = phrasesIn.en(period);
  const u = EN_WORDS[period];
  return {
    ...english,
    heading: capitalize(what),
    totals: {
      total_credit: { nom: `the total ${what}`, gen: `the total ${what}`, dat: `the total ${what}` },
      total_credit_percent: english.totals.total_credit_percent,
    },
    credit: (kind, amount) =>
      kind === 'percent' ? `${enArticle(what)} of ${amount('nom')} of the ${u.monthly} fee`
        : kind === 'points' ? amount('nom')
          : `${enArticle(what)} of ${amount('nom')}`,
    rule: (when, credit, proportional, caps) => {
      if (when.type === 'never') return `This clause grants no ${what}, as its condition can never be met.`;
      const grant = proportional ? `, for that ${u.month}, ${credit} ${proportional}` : ` ${credit} for that ${u.month}`;
      return `${enWhen(when, u)}, ${recipient} receives${grant}${caps}.`;
    },
    neverCredits: `This clause grants no ${what}, as its condition can never be met.`,
    blockIntro: (pool) => `For each ${u.month}, ${recipient} receives ${pool === 'points' ? 'points' : enArticle(what)} according to the following tiers:`,
    highestTier: (pool) => `If the conditions of more than one tier are met, only the highest ${pool === 'points' ? 'number of points' : what} applies.`,
    blockCaps: (caps) => `The ${what} amounts under this clause are limited to ${enAnd(caps)}.`,
    globalCaps: (caps) => `All ${what} amounts together are limited to ${enAnd(caps)}.`,
    claim: (within, afterIncident) => `${capitalize(recipient)} must claim ${enArticle(what)} within ${within} after ${afterIncident ? 'the incident' : `the end of the ${u.month}`} to which it relates.`,
    payOnlyIf: (listed) => `${capitalize(enArticle(what))} for a ${u.month} is paid only if ${listed}; otherwise nothing is paid for that ${u.month}, and nothing counts toward any limit.`,
    cumulative: (refs) => `The ${what} amounts under ${refs} are added together.`,
    expectedCredit: (credit, year) => {
      if (!credit) return year ? `no ${what} for the contract year` : `no ${what} for the ${u.month}`;
      const share = credit.percent && `${credit.percent} of the ${year ? 'yearly' : u.monthly} fee`;
      const amount = credit.money ? `${credit.money}${share ? ` (${share})` : ''}` : share;
      return `${enArticle(what)} of ${amount} for the ${year ? 'contract year' : u.month}`;
    },
  };
  },
  de: (period, what, recipient = 'der Empfänger') => {
  const german = phrasesIn.de(period);
  const u = DE_WORDS[period];
  return {
    ...german,
    heading: what,
    totals: {
      total_credit: { nom: 'der Gesamtbetrag', gen: 'des Gesamtbetrags', dat: 'dem Gesamtbetrag' },
      total_credit_percent: german.totals.total_credit_percent,
    },
    credit: (kind, amount) =>
      kind === 'percent' ? `einen Betrag in Höhe von ${amount('nom')} der ${u.adjective}n Vergütung als ${what}`
        : kind === 'points' ? amount('nom')
          : `einen Betrag in Höhe von ${amount('dat')} als ${what}`,
    rule: (when, credit, proportional, caps) => {
      if (when.type === 'never') return `Nach dieser Ziffer wird nichts gezahlt, da ihre Voraussetzung nie erfüllt sein kann.`;
      const grant = proportional ? `für ${u.this} ${credit} ${proportional}` : `${credit} für ${u.this}`;
      return `${deWhen(when, u)}erhält ${recipient} ${grant}${caps}.`;
    },
    neverCredits: 'Nach dieser Ziffer wird nichts gezahlt, da ihre Voraussetzung nie erfüllt sein kann.',
    blockIntro: (pool) => `${capitalize(recipient)} erhält für ${u.every} ${pool === 'points' ? 'Punkte' : `einen Betrag als ${what}`} nach den folgenden Stufen:`,
    highestTier: () => 'Sind die Voraussetzungen mehrerer Stufen erfüllt, gilt nur der höchste Betrag.',
    blockCaps: (caps) => `Die Beträge nach dieser Ziffer sind auf ${deAnd(caps)} begrenzt.`,
    globalCaps: (caps) => `Die Summe aller Beträge ist auf ${deAnd(caps)} begrenzt.`,
    claim: (within, afterIncident) => `Ansprüche nach diesem Abschnitt sind innerhalb von ${within} nach ${afterIncident ? 'dem Vorfall, auf den sie sich beziehen' : `Ablauf ${u.endOf.replace('bezieht', 'beziehen')}`}, geltend zu machen.`,
    payOnlyIf: (listed) => `Ein Anspruch für ${u.forA} besteht nur, wenn ${listed}; andernfalls wird für ${u.this} nichts gezahlt, und nichts wird auf eine Höchstgrenze angerechnet.`,
    cumulative: (refs) => `Die Beträge nach ${refs} werden zusammengerechnet.`,
    expectedCredit: (credit, year) => {
      if (!credit) return year ? 'kein Betrag für das Vertragsjahr' : `kein Betrag für ${u.the}`;
      const share = credit.percent && `${credit.percent} der ${year ? 'jährlichen' : `${u.adjective}n`} Vergütung`;
      const amount = credit.money ? `${credit.money}${share ? ` (${share})` : ''}` : share;
      return `${amount} als ${what} für ${year ? 'das Vertragsjahr' : u.the}`;
    },
  };
  },
};

// ---------------------------------------------------------------------------
// The writer.

/** Binding strength, for parentheses: `(a + b) * c` must not read "a plus b multiplied by c". */
const precedence: Record<A.ArithmeticOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2, of: 2 };

/** A clause: its first line follows the number, the rest are indented under it. */
type Clause = readonly string[];

const INDENT = '   ';

class ClauseWriter {
  private readonly clauses: Clause[] = [];
  /** Each name's defined term: the label if declared, else the name with spaces. */
  private readonly terms = new Map<string, string>();
  private readonly feePeriod: A.Period;
  /** The period the rules are evaluated for (`period quarterly`). */
  private readonly period: A.Period;

  constructor(
    private readonly program: CheckedProgram,
    private readonly p: Phrases,
    private readonly lang: Lang,
    private readonly options: ClauseOptions = {},
  ) {
    for (const spec of [...program.inputs, ...program.values]) this.terms.set(spec.name, A.labelIn(spec.label, spec.translations, lang) ?? spec.name.replaceAll('_', ' '));
    this.feePeriod = program.inputs.find((i) => i.name === 'fee')?.period ?? 'monthly';
    this.period = A.programPeriod(program.ast);
  }

  render(): string {
    this.feeClause();
    this.definitions();
    const statements = this.program.ast.statements;
    let lastCredit = -1;
    statements.forEach((s, i) => {
      if (s.type === 'rule' || s.type === 'block') lastCredit = i;
    });
    const creditClauses: number[] = [];
    let withPoints = false;
    statements.forEach((statement, index) => {
      switch (statement.type) {
        case 'rule':
          creditClauses.push(this.add([this.rule(statement)]));
          withPoints ||= statement.credit.kind === 'points';
          break;
        case 'block':
          creditClauses.push(this.add(this.block(statement)));
          withPoints ||= statement.pool === 'points';
          break;
        case 'cap':
          this.add([this.p.globalCaps([this.cap(statement.cap)])]);
          break;
        case 'point-rate':
          this.add([this.p.pointRate(this.shareOfFee(statement.rate, 'dat'))]);
          break;
        case 'let':
        case 'output':
          this.add([this.definition(statement)]);
          break;
        case 'claim': {
          const { within, measure } = statement;
          const period = measure ? formatClaimPeriod({ value: within.value, measure }, this.lang) : this.p.duration(within.value, within.unit ?? 'd', 'dat');
          this.add([this.p.claim(period, statement.afterIncident === true)]);
          break;
        }
        case 'pay-if': {
          // Every `pay only if` is one condition of payment: said together, where the first stands.
          const all = statements.filter((s): s is A.PayCondition => s.type === 'pay-if');
          if (all[0] !== statement) break;
          this.add([this.p.payOnlyIf(this.p.join(all.map((s) => this.listedWhen(this.when(s.condition)) || this.expr(s.condition, 'nom')), 'and'))]);
          break;
        }
        case 'fee':
        case 'input':
        case 'example':
        case 'payout':
          break;
      }
      if (index === lastCredit && creditClauses.length > 1) {
        this.add([this.p.cumulative(this.p.clauseRefs(this.numbers(creditClauses)), withPoints)]);
      }
    });

    const text = [this.p.heading, ''];
    this.clauses.forEach((clause, i) => {
      const [first, ...rest] = clause;
      text.push(`${i + 1}. ${first}`, ...rest.map((line) => INDENT + line), '');
    });
    const examples = statements.filter((s): s is A.ExampleDecl => s.type === 'example');
    if (examples.length) {
      text.push(this.p.examplesHeading, '', this.p.examplesIntro, '');
      examples.forEach((example, i) => text.push(`${this.p.item(letter(i))} ${this.example(example, this.options.examples?.[i])}`));
      text.push('');
    }
    return text.join('\n');
  }

  /** Adds a clause and returns its number. */
  private add(clause: Clause): number {
    this.clauses.push(clause);
    return this.clauses.length;
  }

  /** "3 and 4", "3 to 6", "3, 5 and 7". */
  private numbers(clauses: readonly number[]): string {
    const consecutive = clauses.every((n, i) => i === 0 || n === clauses[i - 1] + 1);
    if (consecutive && clauses.length > 2) return `${clauses[0]} ${this.p.through} ${clauses[clauses.length - 1]}`;
    return this.p.join(clauses.map(String), 'and');
  }

  // Fee and definitions

  private feeClause(): void {
    // A program without a fee (a bonus scheme, a KPI calculator) has no fee clause.
    if (!this.program.inputs.some((i) => i.name === 'fee')) return;
    const statement = this.program.ast.statements.find((s): s is A.FeeDecl => s.type === 'fee');
    const amount = statement && (this.options.fee === undefined ? statement.amount : { ...statement.amount, value: this.options.fee, negative: false });
    const sentences = statement && amount
      ? [this.p.feeIs(statement.period, this.literal(amount, 'nom'), A.labelIn(statement.label, statement.translations, this.lang))]
      : [this.p.feeImplicit];
    // Every fee the text speaks of — the period's own (credits are shares of it), and caps' — defined from the one agreed.
    const periods = this.feePeriods();
    periods.add(this.period);
    for (const period of ['monthly', 'quarterly', 'yearly'] as const) {
      if (period !== this.feePeriod && periods.has(period)) sentences.push(this.p.derivedFee(period, this.feePeriod));
    }
    this.add([sentences.join(' ')]);
  }

  /** The fee periods the text speaks of, so the fee clause defines each of them. */
  private feePeriods(): Set<A.Period> {
    const periods = new Set<A.Period>();
    for (const statement of this.program.ast.statements) {
      const caps = statement.type === 'rule' ? statement.caps
        : statement.type === 'block' ? [...statement.caps, ...statement.rules.flatMap((r) => r.caps)]
          : statement.type === 'cap' ? [statement.cap] : [];
      for (const cap of caps) if (cap.amount.kind === 'percent') periods.add(cap.period);
      if (statement.type === 'example' && statement.givens.some((g) => g.list)) periods.add('yearly');
    }
    return periods;
  }

  private definitions(): void {
    const items = this.program.inputs
      .filter((input) => input.name !== 'fee')
      .map((input) => {
        const range = input.range && { min: this.literal(input.range.min, 'nom'), max: this.literal(input.range.max, 'nom') };
        // The name in brackets ties a labelled term to the field of the calculator.
        const name = input.label !== undefined && input.label !== input.name ? input.name : undefined;
        return input.list ? this.p.listMeans(this.term(input.name), name, input.kind) : this.p.inputMeans(this.term(input.name), name, input.kind, range);
      });
    if (items.length) this.add([this.p.definitionsIntro, ...items.map((item, i) => `${this.p.item(letter(i))} ${item}`)]);
  }

  private definition(decl: A.LetDecl | A.OutputDecl): string {
    const term = this.term(decl.name);
    if (decl.value.kind === 'boolean') {
      const when = this.when(decl.value);
      return this.p.conditionMeans(term, when, this.listedWhen(when));
    }
    const asPercent = decl.declaredKind === 'percent' && decl.value.kind === 'number';
    if (decl.value.type === 'literal' && !asPercent) return this.p.valueIs(term, this.literal(decl.value, 'nom'));
    return this.p.valueMeans(term, this.expr(decl.value, 'nom'), asPercent);
  }

  // Rules and blocks

  private rule(rule: A.Rule): string {
    const when = this.when(rule.condition);
    const credit = this.p.credit(rule.credit.kind ?? 'money', (c) => this.amount(rule.credit, c));
    return this.p.rule(when, credit, this.proportional(rule), this.ruleCaps(rule));
  }

  private block(block: A.Block): string[] {
    const tiers = block.rules.map((rule, i, all) => {
      const when = this.when(rule.condition);
      const credit = this.p.tierCredit(rule.credit.kind ?? 'money', (c) => this.amount(rule.credit, c));
      const text = this.p.tier(when, this.listedWhen(when), credit, this.proportional(rule), this.ruleCaps(rule));
      return `${this.p.item(letter(i))} ${text}${i === all.length - 1 ? '.' : ';'}`;
    });
    const after: string[] = [];
    const each = block.each;
    if (each) after.push(this.p.eachHighest(this.term(each.name), block.pool));
    else if (block.rules.length > 1) after.push(this.p.highestTier(block.pool));
    if (block.caps.length) after.push(this.p.blockCaps(block.caps.map((cap) => this.cap(cap))));
    const intro = each ? this.p.eachIntro(this.term(each.name), this.term(each.list), block.pool) : this.p.blockIntro(block.pool);
    return [title(A.labelIn(block.label, block.translations, this.lang)) + intro, ...tiers, ...(after.length ? [after.join(' ')] : [])];
  }

  private proportional(rule: A.Rule): string | undefined {
    const p = rule.proportional;
    // The checker sets `measure` on every proportional credit of a program without errors.
    if (!p?.measure) return undefined;
    const { step } = p;
    const counted: Step =
      step.type === 'literal' && step.kind === 'duration' && !step.negative && new Decimal(step.value).eq(1)
        ? { type: 'unit', unit: step.unit ?? 's' }
        : step.type === 'literal' ? { type: 'amount', text: this.literal(step, 'nom') }
          : { type: 'expression', text: this.expr(step, 'dat') };
    const { subject, threshold } = p.measure;
    return this.p.proportional(p.rounding, counted, p.direction, this.subject(subject), (c) => this.expr(threshold, c));
  }

  private ruleCaps(rule: A.Rule): string {
    return this.p.ruleCaps(rule.caps.map((cap) => this.cap(cap)));
  }

  private cap(cap: A.Cap): string {
    const percent = cap.amount.kind === 'percent';
    return this.p.cap(percent ? this.percentAmount(cap.amount) : this.amount(cap.amount, 'nom'), percent, cap.period);
  }

  /** A rate or credit that is a share of the monthly fee when it is a percentage. */
  private shareOfFee(expr: A.Expr, c: Case): string {
    return expr.kind === 'percent' ? this.p.tierCredit('percent', () => this.percentAmount(expr)) : this.amount(expr, c);
  }

  /** "10%" or "(10% plus 5%)": a percentage that "of the … fee" follows must be one piece. */
  private percentAmount(expr: A.Expr): string {
    const text = this.expr(expr, 'nom');
    return expr.type === 'binary' ? `(${text})` : text;
  }

  private amount(expr: A.Expr, c: Case): string {
    if (expr.kind === 'percent') return this.percentAmount(expr);
    if (expr.kind === 'points' && expr.type !== 'literal') return this.p.pointsOf(this.expr(expr, 'dat'));
    return this.expr(expr, c);
  }

  // Conditions

  private when(expr: A.Expr): When {
    const cond = condition(expr);
    if (cond.type === 'const') return { type: cond.value ? 'always' : 'never' };
    if (cond.type === 'compare' || cond.type === 'flag') return { type: 'atom', atom: this.atom(cond) };
    return { type: 'compound', text: this.listed(cond) };
  }

  private listedWhen(when: When): string {
    return when.type === 'atom' ? this.p.listed(when.atom) : when.type === 'compound' ? when.text : '';
  }

  private listed(cond: Cond): string {
    switch (cond.type) {
      case 'const': return '';
      case 'compare':
      case 'flag': return this.p.listed(this.atom(cond));
      case 'all':
      case 'any': return this.p.join(cond.items.map((item) => this.part(item)), cond.type === 'all' ? 'and' : 'or');
    }
  }

  /** A member of an and/or list; a group of the other kind is marked ("either … or …") at every depth. */
  private part(cond: Cond): string {
    if (cond.type !== 'all' && cond.type !== 'any') return this.listed(cond);
    return this.p.nested(cond.items.map((item) => this.part(item)), cond.type === 'all' ? 'and' : 'or');
  }

  private atom(cond: Extract<Cond, { type: 'compare' | 'flag' }>): Atom {
    if (cond.type === 'flag') return this.p.flag(this.term(cond.name), cond.met);
    return this.p.compare(this.subject(cond.subject), cond.parts.map(({ op, other }) => ({ op, other: (c: Case) => this.expr(other, c) })));
  }

  /** What a comparison measures: "the Monthly uptime" / "der Wert „Monthly uptime“". */
  private subject(expr: A.Expr): string {
    return expr.type === 'name' ? this.subjectName(expr.name) : this.expr(expr, 'nom');
  }

  private subjectName(name: string): string {
    return this.builtin(name) ?? this.p.subject(this.term(name));
  }

  // Expressions

  private expr(expr: A.Expr, c: Case): string {
    switch (expr.type) {
      case 'literal': return this.literal(expr, c);
      case 'name': return this.builtin(expr.name, c) ?? this.p.name(this.term(expr.name));
      case 'unary':
        if (expr.op === 'not') return this.listed(condition(expr));
        if (expr.operand.type === 'literal') return this.literal({ ...expr.operand, negative: !expr.operand.negative }, c);
        return this.p.minus(this.operand(expr.operand, 3, false, c));
      case 'binary': {
        if (expr.op === 'and' || expr.op === 'or') return this.listed(condition(expr));
        const [word, right] = expr.op === 'of'
          ? this.p.of(expr.right.type === 'name' && this.builtin(expr.right.name) !== undefined)
          : this.p.arithmetic[expr.op];
        const level = precedence[expr.op];
        return `${this.operand(expr.left, level, false, c)}${word}${this.operand(expr.right, level, true, right)}`;
      }
      case 'compare': return this.listed(condition(expr));
      case 'call': {
        if (expr.name === 'min' || expr.name === 'max') return this.p.extreme(expr.name, expr.args.map((a) => this.expr(a, 'nom')), c);
        if (expr.name === 'round' || expr.name === 'floor' || expr.name === 'ceil') {
          return this.p.rounded(expr.name, this.expr(expr.args[0], c), this.expr(expr.args[1], 'nom'));
        }
        return '…';
      }
      case 'if': {
        const cond = condition(expr.condition);
        const when = cond.type === 'const' ? '' : this.listed(cond);
        return `(${this.p.choice(when, this.expr(expr.then, 'nom'), this.expr(expr.otherwise, 'nom'))})`;
      }
      case 'invalid': return '…';
    }
  }

  /** Brackets where the reading order would change the value: `a - (b - c)`, `(a + b) * c`. */
  private operand(expr: A.Expr, parent: number, right: boolean, c: Case): string {
    const text = this.expr(expr, c);
    if (expr.type !== 'binary' || expr.op === 'and' || expr.op === 'or') return text;
    const level = precedence[expr.op];
    return level < parent || (right && level === parent) ? `(${text})` : text;
  }

  private literal(literal: A.Literal, c: Case): string {
    if (literal.kind === 'points') {
      const count = formatNumber(literal.negative ? `-${literal.value}` : literal.value, this.lang);
      return this.p.points(count, new Decimal(literal.value).eq(1), c);
    }
    if (literal.kind === 'duration') return this.p.duration(literal.negative ? `-${literal.value}` : literal.value, literal.unit ?? 's', c);
    return formatLiteral(literal, this.lang, this.program.currency);
  }

  /** The built-in names' phrases; undefined for any other name. */
  private builtin(name: string, c: Case = 'nom'): string | undefined {
    if (name === 'fee') return this.p.fee(this.period, c);
    if (name === 'total_credit' || name === 'total_credit_percent') return this.p.totals[name][c];
    return undefined;
  }

  private term(name: string): string {
    return this.terms.get(name) ?? name.replaceAll('_', ' ');
  }

  // Examples

  /**
   * Every value the example runs with — those it gives and the declared
   * defaults of the rest — so a reader can recompute it from the text alone.
   */
  private example(example: A.ExampleDecl, computed: ComputedExample | undefined): string {
    const listInput = (name: string) => this.program.inputs.some((i) => i.name === name && i.list);
    const year = example.givens.some((g) => (listInput(g.name) ? g.lists : g.list));
    const givens = this.program.inputs.flatMap((input) => {
      const given = example.givens.find((g) => g.name === input.name);
      if (input.list) {
        // A list's items in one period, or a year of them: "10 minutes, 2 hours and 5 hours"; "none".
        const items = (list: readonly A.Literal[]) => (list.length ? this.p.join(list.map((v) => this.literal(v, 'nom')), 'and') : this.p.none);
        const term = this.term(input.name);
        if (given?.lists) return [this.p.givenMonths(term, given.lists.map((list) => `(${items(list)})`))];
        const list = given ? given.values : input.defaultItems ?? [];
        return [this.p.given(term, items(list))];
      }
      const values = given ? given.values : input.default ? [input.default] : [];
      if (values.length === 0) return [];
      const term = input.name === 'fee' ? this.p.feeTerm(this.feePeriod) : this.term(input.name);
      if (input.kind === 'boolean') {
        // As the clauses say it, "the condition “…” is not met": a label never opens a list item, capitalised or not.
        const met = values.map((v) => this.p.flag(term, v.value === 'true'));
        return [given?.list ? this.p.givenMonths(met[0].subject, met.map((m) => m.rest)) : this.p.stated(met[0])];
      }
      const written = values.map((v) => this.literal(v, 'nom'));
      return [given?.list ? this.p.givenMonths(term, written) : this.p.given(term, written[0])];
    });
    // A failing example states what the rules compute, never the expectation that is wrong.
    const stated = example.expectations.flatMap((e, i): A.ExampleExpectation[] => {
      if (!computed || computed.passed) return [e];
      const actual = computed.actual[i];
      const quantity = actual === undefined ? undefined : actual === 'true' || actual === 'false' ? { kind: 'boolean' as const, value: actual } : parseQuantity(actual.replace(/^(-?)([\d.]+) ?%$/, '$1$2%'));
      return quantity ? [{ ...e, value: { ...e.value, ...quantity, type: 'literal', span: e.value.span } as A.Literal }] : [];
    });
    const expectations: string[] = [];
    const credits = stated.filter((e) => e.target === 'credit');
    if (credits.length) expectations.push(this.p.expectedCredit(this.expectedCredit(credits.map((e) => e.value)), year));
    for (const e of stated) {
      if (e.target === 'credit') continue;
      if (e.value.kind === 'boolean') expectations.push(this.p.stated(this.p.flag(this.term(e.name), e.value.value === 'true')));
      else expectations.push(this.p.expectedValue(this.subjectName(e.name), this.literal(e.value, 'nom')));
    }
    return this.p.example(A.labelIn(example.label, example.translations, this.lang), givens, expectations);
  }

  /** `credit 240 EUR, credit 10%` are one credit said two ways; zero is "no service credit". */
  private expectedCredit(values: readonly A.Literal[]): ExpectedCredit | undefined {
    if (values.every((v) => new Decimal(v.value).isZero())) return undefined;
    const money = values.find((v) => v.kind === 'money');
    const percent = values.find((v) => v.kind === 'percent');
    if (money) return { money: this.literal(money, 'nom'), ...(percent ? { percent: this.share(percent) } : {}) };
    return { percent: percent ? this.share(percent) : this.literal(values[0], 'nom') };
  }

  /**
   * A share of the fee as a person writes it: at most two decimals, "about"
   * when that rounds — an example checks 13.3333333333%, a reader wants
   * "about 13.33%". The money beside it stays exact.
   */
  private share(literal: A.Literal): string {
    const exact = new Decimal(literal.value);
    const rounded = exact.toDecimalPlaces(2);
    return rounded.eq(exact) ? this.literal(literal, 'nom') : this.p.about(this.literal({ ...literal, value: rounded.toFixed() }, 'nom'));
  }
}

/** a, b, …, z, aa, ab, … */
function letter(index: number): string {
  const base = String.fromCharCode(97 + (index % 26));
  return index < 26 ? base : letter(Math.floor(index / 26) - 1) + base;
}
