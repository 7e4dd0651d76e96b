/**
 * The English phrase table, for rules evaluated per month, quarter or year.
 */
import type * as A from '../../ast.js';
import { formatDuration } from '../format.js';
import { listWith, MONTHS_RATIO, type Operand, type Phrases, type When } from './phrases.js';

export const enAnd = listWith('and');
const enOr = listWith('or');
export const enPeriodFee: Record<A.Period, string> = { monthly: 'monthly fee', quarterly: 'quarterly fee', yearly: 'yearly fee' };
const enPer: Record<A.Period, string> = { monthly: 'in any month', quarterly: 'in any contract quarter', yearly: 'in any contract year' };
const enUnit: Record<A.DurationUnit, string> = { s: 'second', min: 'minute', h: 'hour', d: 'day' };

/** The words for the period rules are evaluated per, in English. */
export interface EnWords {
  readonly month: string;
  readonly months: string;
  readonly monthly: string;
}

export const EN_WORDS: Record<A.Period, EnWords> = {
  monthly: { month: 'month', months: 'months', monthly: 'monthly' },
  quarterly: { month: 'quarter', months: 'quarters', monthly: 'quarterly' },
  yearly: { month: 'year', months: 'years', monthly: 'yearly' },
};

export function enWhen(when: When, u: EnWords): string {
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
export function englishIn(u: EnWords): Phrases {
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

/** "a bonus", "an incentive". */
export const enArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
