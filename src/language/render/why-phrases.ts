/**
 * The words of the "why" (`why.ts`), one table per language: what a
 * sentence says is decided there, how it reads in English or German here.
 * Where languages differ in more than words (German prepositions take the
 * dative), an entry is a function of the parts. German puts the verb second
 * in a main clause and last after „wenn“ (`pay only if`): its table is made
 * for either order.
 */
import type { CompareOp } from '../ast.js';
import type { Lang } from './format.js';

/** Where a clause stands: on its own, or after "if" / „wenn“ (German then puts the verb last). */
export type Order = 'main' | 'after-if';

export interface Phrases {
  /** `total_credit`, `fee`…: as a subject, and where it differs (German), after a preposition. */
  readonly builtins: Readonly<Record<string, readonly [string, string?]>>;
  readonly per: Readonly<Record<'monthly' | 'quarterly' | 'yearly', string>>;
  /** A label, a block's name, in quotes: as written, less a closing full stop, its own quotes made single. */
  quote(label: string): string;
  /** An input or value, by its quoted label: "your value of 99.5% for “Uptime”", "your value for “Uptime”". */
  your(quoted: string, value: string | undefined): string;
  /** A built-in: "the credit of 20.00 EUR". */
  the(builtin: string, value: string | undefined): string;
  /** "your value of 99.5% for “Uptime” is below 99.9%": one subject, one or more predicates. */
  compared(subject: string, predicates: readonly string[]): string;
  /** `band`: one bound of a chain (`90% <= csat < 95%`), where missing it is no target met. */
  predicate(op: CompareOp, threshold: { readonly shown: string; readonly dative: string }, holds: boolean, band: boolean): string;
  flag(label: string, holds: boolean): string;
  quoted(rule: string, holds: boolean): string;
  join(parts: readonly string[], how: 'and' | 'or'): string;
  /**
   * Alternatives, each a list of parts all needed: "A or B". A `group` (among
   * other parts, or holding a list of several) says that one or more hold, as
   * `or` means, never "either … or": "at least one of these holds: A and B, or C".
   */
  alternatives(items: readonly (readonly string[])[], group: boolean): string;
  /** Groups of alternatives, all needed: each list closed by a semicolon, "…: A or B; and at least one of these holds: C or D". */
  groups(groups: readonly string[]): string;
  /** One credit's sentence: its name (blocks), why, and what follows. */
  sentence(name: string | undefined, reasons: string, consequence: string): string;
  due(paid: string | undefined, amount: string, share: string | undefined, of: 'monthly' | 'quarterly' | 'yearly' | 'year'): string;
  none(paid: string | undefined): string;
  /** What one of several credits adds: an amount, or nothing. */
  adds(amount: string | undefined): string;
  items(count: number, label: string, qualifying: number | undefined): string;
  ofFee(share: string): string;
  capped(all: boolean, cap: string, after: string, before: string, already: string | undefined): string;
  /** The terms pay only if `condition` (in words after "if", else the rule as written); a dash, not a colon, before the reasons: a group of alternatives in either has a colon of its own. */
  notPaid(condition: { readonly words: string } | { readonly rule: string }, reasons: string): string;
  total(dueOrNone: string): string;
  /** The credits a period of many does not say one by one: `applying` more that apply, `notApplying` that do not; `others`: some were said. */
  rest(applying: number, notApplying: number, others: boolean): string;
  year(dueOrNone: string): string;
  periodName(period: 'monthly' | 'quarterly' | 'yearly', index: number, of: number): string;
}

export const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/**
 * A label in the language's quotes. A closing full stop ("Tickets resolved.") would end the sentence
 * inside it, and the label's own double quotes would close the quote early: they become single ones.
 */
const SINGLE: Record<string, string> = { '„': '‚', '“': '‘', '”': '’' };
const inQuotes = (label: string, open: string, close: string) =>
  `${open}${label.trim().replace(/(?<!\.)\.$/, '').replace(/[„“”]/g, (q) => SINGLE[q])}${close}`;
const joined = (parts: readonly string[], word: string, comma: boolean) =>
  parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')}${comma && parts.length > 2 ? ',' : ''} ${word} ${parts[parts.length - 1]}`;

const english: Phrases = {
  builtins: { total_credit: ['the credit'], total_credit_percent: ['the credit’s share of the fee'], fee: ['the fee'] },
  per: { monthly: '', quarterly: ' per quarter', yearly: ' per contract year' },
  quote: (label) => inQuotes(label, '“', '”'),
  your: (quoted, value) => `your value ${value ? `of ${value} ` : ''}for ${quoted}`,
  the: (builtin, value) => (value ? `${builtin} of ${value}` : builtin),
  compared: (subject, predicates) => `${subject} ${predicates.join(' and ')}`,
  predicate: (op, { shown: threshold }, holds, band) => {
    switch (op) {
      case '<': return holds ? `is below ${threshold}` : band ? `is at least ${threshold}` : `meets the ${threshold} target`;
      case '<=': return holds ? `is at most ${threshold}` : `is above ${threshold}`;
      case '>': return holds ? `is above ${threshold}` : band ? `is at most ${threshold}` : `stays within ${threshold}`;
      case '>=': return holds ? `reaches ${threshold}` : `stays below ${threshold}`;
      case '=': return holds ? `equals ${threshold}` : `is not ${threshold}`;
      case '!=': return holds ? `is not ${threshold}` : `equals ${threshold}`;
    }
  },
  flag: (label, holds) => `${english.quote(label)} ${holds ? 'applies' : 'does not apply'}`,
  quoted: (rule, holds) => `\`${rule}\` ${holds ? 'holds' : 'does not hold'}`,
  join: (parts, how) => joined(parts, how, false),
  alternatives: (items, group) => {
    const text = items.map((item) => joined(item, 'and', false)).join(items.some((item) => item.length > 1) ? ', or ' : ' or ');
    return group ? `at least one of these holds: ${text}` : text;
  },
  groups: (groups) => groups.join('; and '),
  sentence: (name, reasons, consequence) => `${name ? `${english.quote(name)}: ` : ''}${capital(reasons)}, ${consequence}.`,
  due: (paid, amount, share, of) => {
    const what = paid ?? 'credit';
    const fee = { monthly: 'the monthly fee', quarterly: 'the quarter’s fee', yearly: 'the year’s fee', year: 'the yearly fee' }[of];
    return `so ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what} of ${amount}${share ? ` (${share} of ${fee})` : ''} is due`;
  },
  none: (paid) => `so no ${paid ?? 'credit'} is due`,
  adds: (amount) => (amount ? `so it adds ${amount}` : 'so it adds nothing'),
  items: (count, label, qualifying) =>
    count === 0
      ? `you have no entries for ${english.quote(label)}`
      : count === 1
      ? `your only entry for ${english.quote(label)} ${qualifying === undefined ? 'goes through its tiers' : qualifying ? 'qualifies' : 'does not qualify'}`
      : qualifying === undefined
      ? `your ${count} entries for ${english.quote(label)} go through its tiers`
      : qualifying === 0
        ? `none of your ${count} entries for ${english.quote(label)} qualifies`
        : `${qualifying} of your ${count} entries for ${english.quote(label)} ${qualifying === 1 ? 'qualifies' : 'qualify'}`,
  ofFee: (share) => `${share} of the fee`,
  capped: (all, cap, after, before, already) =>
    `${all ? 'All credits together are' : 'This is'} capped at ${cap}${already ? ` (${already} already credited)` : ''}: ${after} instead of ${before}.`,
  notPaid: (condition, reasons) => `The terms pay only if ${'words' in condition ? condition.words : `\`${condition.rule}\``} — ${reasons}, so nothing is paid.`,
  total: (dueOrNone) => `In total, ${dueOrNone.replace(/^so /, '')}.`,
  rest: (applying, notApplying, others) => {
    const n = (count: number) => count.toLocaleString('en');
    const more = applying === 1 ? '1 more rule applies' : `${n(applying)} more rules apply`;
    if (!notApplying) return `${more}.`;
    if (!others) return `None of the ${n(notApplying)} rules applies.`;
    const not = notApplying === 1 ? 'the other rule does not apply' : `the other ${n(notApplying)} rules do not apply`;
    return applying ? `${more}; ${not}.` : `${capital(not)}.`;
  },
  year: (dueOrNone) => `Over the contract year, ${dueOrNone.replace(/^so /, '')}.`,
  periodName: (period, index, of) => (period === 'quarterly' ? `Q${index}` : period === 'yearly' || of === 1 ? 'Year' : `Month ${index}`),
};

function germanIn(order: Order): Phrases {
  /**
   * A German predicate: its finite verb second in a main clause ("liegt unter
   * 95 %", "trifft nicht zu"), last after „wenn“ ("unter 95 % liegt"), where a
   * separable particle joins it ("nicht zutrifft").
   */
  const v = (finite: string, rest: string, particle = '') =>
    (order === 'main' ? [finite, rest, particle] : [rest, particle + finite]).filter(Boolean).join(' ');
  const german: Phrases = {
    builtins: {
      total_credit: ['die Gutschrift', 'der Gutschrift'],
      total_credit_percent: ['der Anteil der Gutschrift an der Vergütung', 'dem Anteil der Gutschrift an der Vergütung'],
      fee: ['die Vergütung', 'der Vergütung'],
    },
    per: { monthly: '', quarterly: ' pro Quartal', yearly: ' pro Vertragsjahr' },
    quote: (label) => inQuotes(label, '„', '“'),
    // A possessive agrees with its noun ("Ihre Verfügbarkeit", "Ihr Ergebnis", "Ihre gelösten Tickets"), which a
    // label's words do not reliably tell: "Ihr Wert für „…“" agrees with "Wert", whatever the label is.
    your: (quoted, value) => `Ihr Wert für ${quoted}${value ? ` von ${value}` : ''}`,
    the: (builtin, value) => (value ? `${builtin} von ${value}` : builtin),
    compared: (subject, predicates) => `${subject} ${predicates.join(' und ')}`,
    // After a preposition the dative ("unter 2 Tagen"); after "erreicht" and "beträgt" the accusative, as the nominative.
    predicate: (op, { shown, dative }, holds, band) => {
      switch (op) {
        case '<': return holds ? v('liegt', `unter ${dative}`) : band ? v('liegt', `bei mindestens ${dative}`) : v('erreicht', `das Ziel von ${dative}`);
        case '<=': return holds ? v('liegt', `höchstens bei ${dative}`) : v('liegt', `über ${dative}`);
        case '>': return holds ? v('liegt', `über ${dative}`) : band ? v('liegt', `bei höchstens ${dative}`) : v('bleibt', `innerhalb von ${dative}`);
        case '>=': return holds ? v('erreicht', shown) : v('bleibt', `unter ${dative}`);
        case '=': return holds ? v('beträgt', shown) : v('beträgt', `nicht ${shown}`);
        case '!=': return holds ? v('beträgt', `nicht ${shown}`) : v('beträgt', shown);
      }
    },
    flag: (label, holds) => `${german.quote(label)} ${v('trifft', holds ? '' : 'nicht', 'zu')}`,
    quoted: (rule, holds) => `\`${rule}\` ${v('ist', holds ? 'erfüllt' : 'nicht erfüllt')}`,
    join: (parts, how) => joined(parts, how === 'and' ? 'und' : 'oder', false),
    // Between main clauses a comma before „oder“ is allowed: it closes a group of parts joined by „und“.
    alternatives: (items, group) => {
      const text = items.map((item) => joined(item, 'und', false)).join(items.some((item) => item.length > 1) ? ', oder ' : ' oder ');
      return group ? `mindestens eine dieser Bedingungen ${v('ist', 'erfüllt')}: ${text}` : text;
    },
    groups: (groups) => groups.join('; und '),
    sentence: (name, reasons, consequence) => `${name ? `${german.quote(name)}: ` : ''}${capital(reasons)}, ${consequence}.`,
    due: (paid, amount, share, of) => {
      const fee = { monthly: 'der monatlichen Vergütung', quarterly: 'der Quartalsvergütung', yearly: 'der Jahresvergütung', year: 'der Jahresvergütung' }[of];
      const percent = share ? ` (${share} ${fee})` : '';
      return paid ? `daher sind ${amount}${percent} fällig (${capital(paid)})` : `daher ist eine Gutschrift von ${amount}${percent} fällig`;
    },
    none: (paid) => (paid ? `daher ist nichts fällig (${capital(paid)})` : 'daher ist keine Gutschrift fällig'),
    adds: (amount) => (amount ? `das ergibt ${amount}` : 'das ergibt nichts'),
    items: (count, label, qualifying) =>
      count === 0
        ? `Sie haben keine Einträge für ${german.quote(label)}`
        : count === 1
        ? `Ihr einziger Eintrag für ${german.quote(label)} ${qualifying === undefined ? 'durchläuft die Stufen' : qualifying ? 'erfüllt eine Stufe' : 'erfüllt keine Stufe'}`
        : qualifying === undefined
        ? `Ihre ${count} Einträge für ${german.quote(label)} durchlaufen die Stufen`
        : qualifying === 0
          ? `keiner Ihrer ${count} Einträge für ${german.quote(label)} erfüllt eine Stufe`
          : `${qualifying} Ihrer ${count} Einträge für ${german.quote(label)} ${qualifying === 1 ? 'erfüllt' : 'erfüllen'} eine Stufe`,
    ofFee: (share) => `${share} der Vergütung`,
    capped: (all, cap, after, before, already) =>
      `${all ? 'Alle Gutschriften zusammen sind' : 'Das ist'} auf ${cap} begrenzt${already ? ` (bereits ${already} gutgeschrieben)` : ''}: ${after} statt ${before}.`,
    notPaid: (condition, reasons) =>
      `Gezahlt wird nur, wenn ${'words' in condition ? condition.words : `\`${condition.rule}\` erfüllt ist`} – ${reasons}, daher wird nichts gezahlt.`,
    total: (dueOrNone) => `Insgesamt ${dueOrNone.replace(/^daher /, '')}.`,
    rest: (applying, notApplying, others) => {
      const n = (count: number) => count.toLocaleString('de');
      const more = applying === 1 ? 'Eine weitere Regel greift' : `Weitere ${n(applying)} Regeln greifen`;
      if (!notApplying) return `${more}.`;
      if (!others) return `Keine der ${n(notApplying)} Regeln greift.`;
      const not = notApplying === 1 ? 'die übrige Regel greift nicht' : `die übrigen ${n(notApplying)} Regeln greifen nicht`;
      return applying ? `${more}, ${not}.` : `${capital(not)}.`;
    },
    year: (dueOrNone) => `Im Vertragsjahr ${dueOrNone.replace(/^daher /, '')}.`,
    periodName: (period, index, of) => (period === 'quarterly' ? `${index}. Quartal` : period === 'yearly' || of === 1 ? 'Jahr' : `Monat ${index}`),
  };
  return german;
}

const german = germanIn('main');
const PHRASES: Record<Lang, Record<Order, Phrases>> = {
  en: { main: english, 'after-if': english },
  de: { main: german, 'after-if': germanIn('after-if') },
};

/** The words of a language, for clauses in the given order. */
export function phrasesIn(lang: Lang, order: Order = 'main'): Phrases {
  return PHRASES[lang][order];
}
