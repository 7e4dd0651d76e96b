/**
 * The sentences that say what changed between two versions of the terms, in
 * English and German. The terms inside them (credits, conditions, caps,
 * values) come worded from `words.ts`, which takes them from the clause's
 * own phrase table; only the frame of a change ("now … instead of …", "was
 * added") is written here. German puts the verb second after a fronted
 * place ("In der Stufentabelle … gilt die Stufe …"), so each sentence is a
 * function of its pieces rather than a template with holes.
 */
import type { Period } from '../ast.js';
import { enArticle } from '../render/clause/english.js';
import type { Lang } from '../render/format.js';
import type { Condition, Payee } from './words.js';

/** Where a tier, rule or cap belongs. `name` is a block's label (quoted) or its line. */
export type Table = { readonly label?: string; readonly line: number; readonly pool: 'credit' | 'points' };
export type Owner = { readonly type: 'tier'; readonly table: Table } | { readonly type: 'rule' };
export type Scope = { readonly type: 'program' } | { readonly type: 'table'; readonly table: Table } | { readonly type: 'rule'; readonly credit: string };

export interface Sentences {
  readonly same: string;
  conditionNow(owner: Owner, credit: string, now: Condition, before: Condition): string;
  creditNow(owner: Owner, condition: Condition, now: string, before: string): string;
  added(owner: Owner, condition: Condition, credit: string): string;
  removed(owner: Owner, condition: Condition, credit: string): string;
  tableAdded(table: Table, tiers: number): string;
  tableRemoved(table: Table): string;
  capAdded(scope: Scope, cap: string): string;
  capRemoved(scope: Scope, cap: string): string;
  capNow(scope: Scope, now: string, before: string): string;
  feeNow(now: { amount: string; period: Period }, before: { amount: string; period: Period }): string;
  pointRateNow(now: string | undefined, before: string | undefined): string;
  claimNow(now: string | undefined, before: string | undefined): string;
  inputAdded(term: string): string;
  inputRemoved(term: string): string;
  defaultNow(term: string, now: string, before: string): string;
  rangeNow(term: string, now: readonly [string, string], before: readonly [string, string]): string;
  definitionNow(term: string, now: string | undefined, before: string | undefined): string;
  /** `pay only if`: a condition of payment added (`first` when there was none before) or dropped. */
  payIfAdded(condition: Condition, first: boolean): string;
  payIfRemoved(condition: Condition): string;
  /** `payout`: what is paid and to whom, each as the rules (or, without a payout, the clause) name them. */
  payoutNow(now: Payee, before: Payee): string;
  /** A drafting note (`## …`), quoted as written. */
  noteAdded(text: string): string;
  noteRemoved(text: string): string;
  noteNow(now: string, before: string): string;
  statementAdded(text: string): string;
  statementRemoved(text: string): string;
  statementNow(now: string, before: string): string;
  /** A range of an input's values; ends are formatted values. */
  range(from: End | undefined, to: End | undefined): string;
}

/** One end of a range: a formatted value ("99.5%"), and whether the range includes it. */
export interface End {
  readonly text: string;
  readonly included: boolean;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** A sentence that ends in a quotation ends with the quotation's own full stop, if it has one. */
const stop = (quoted: string) => (/[.!?]$/.test(quoted) ? '' : '.');

const enTable = ({ label, line, pool }: Table) => `the ${pool === 'points' ? 'points' : 'tier'} table ${label !== undefined ? `“${label}”` : `at line ${line}`}`;
const enNoun = (owner: Owner) => (owner.type === 'tier' ? 'tier' : 'rule');
const enIn = (owner: Owner) => (owner.type === 'tier' ? `In ${enTable(owner.table)}, ` : '');
const enScope = (scope: Scope) =>
  scope.type === 'program' ? 'for all service credits together' : scope.type === 'table' ? `for ${enTable(scope.table)}` : `for the rule of ${scope.credit}`;
const enPeriod = { monthly: 'a month', quarterly: 'a quarter', yearly: 'a year' } as const;
const sentence = (text: string) => capitalize(text);

const english: Sentences = {
  same: 'The terms are the same.',
  conditionNow: (owner, credit, now, before) => {
    const start = `${enIn(owner)}the ${enNoun(owner)} of ${credit} now applies`;
    if (now.type === 'bounds' && before.type === 'bounds' && now.subject === before.subject && now.verb === before.verb) {
      return sentence(`${start} if ${now.subject} ${now.verb} ${now.rest} instead of ${before.rest}.`);
    }
    return sentence(`${start} if ${now.listed}, instead of if ${before.listed}.`);
  },
  creditNow: (owner, condition, now, before) =>
    sentence(`${enIn(owner)}the ${enNoun(owner)} that applies if ${condition.listed} now grants ${now} instead of ${before}.`),
  added: (owner, condition, credit) => sentence(`${enIn(owner)}a ${enNoun(owner)} was added: if ${condition.listed}, ${credit}.`),
  removed: (owner, condition, credit) => sentence(`${enIn(owner)}the ${enNoun(owner)} of ${credit} that applied if ${condition.listed} was removed.`),
  tableAdded: (table, tiers) => sentence(`${enTable(table).replace(/^the/, 'a')} with ${tiers} ${tiers === 1 ? 'tier' : 'tiers'} was added.`),
  tableRemoved: (table) => sentence(`${enTable(table)} was removed.`),
  capAdded: (scope, cap) => `A limit of ${cap} was added ${enScope(scope)}.`,
  capRemoved: (scope, cap) => `The limit of ${cap} ${enScope(scope)} was removed.`,
  capNow: (scope, now, before) => `The limit ${enScope(scope)} is now ${now} instead of ${before}.`,
  feeNow: (now, before) =>
    now.period === before.period
      ? `The ${now.period} fee is now ${now.amount} instead of ${before.amount}.`
      : `The fee is now ${now.amount} ${enPeriod[now.period]} instead of ${before.amount} ${enPeriod[before.period]}.`,
  pointRateNow: (now, before) =>
    now === undefined ? `Service credit points are no longer worth ${before}.`
      : before === undefined ? `Each service credit point is now worth ${now}.`
        : `Each service credit point is now worth ${now} instead of ${before}.`,
  claimNow: (now, before) =>
    now === undefined ? `The time limit of ${before} for claiming a service credit was removed.`
      : before === undefined ? `A service credit must now be claimed within ${now}.`
        : `A service credit must now be claimed within ${now} instead of ${before}.`,
  inputAdded: (term) => `The value “${term}” was added.`,
  inputRemoved: (term) => `The value “${term}” was removed.`,
  defaultNow: (term, now, before) => `The default of “${term}” is now ${now} instead of ${before}.`,
  rangeNow: (term, now, before) => `The range of “${term}” is now ${now[0]} to ${now[1]} instead of ${before[0]} to ${before[1]}.`,
  definitionNow: (term, now, before) =>
    now === undefined ? `The definition of “${term}” was removed.`
      : before === undefined ? `“${term}” is now defined as ${now}.`
        : `“${term}” is now defined as ${now} instead of ${before}.`,
  payIfAdded: (condition, first) => `Payment now ${first ? '' : 'also '}requires that ${condition.listed}.`,
  payIfRemoved: (condition) => `Payment no longer requires that ${condition.listed}.`,
  payoutNow: (now, before) =>
    now.what === before.what ? `The ${now.what} is now paid to ${now.recipient} instead of ${before.recipient}.`
      : now.recipient === before.recipient ? `${capitalize(now.recipient)} is now paid ${enArticle(now.what)} instead of ${enArticle(before.what)}.`
        : `${capitalize(enArticle(now.what))} is now paid to ${now.recipient}, instead of ${enArticle(before.what)} to ${before.recipient}.`,
  noteAdded: (text) => `A drafting note was added: “${text}”${stop(text)}`,
  noteRemoved: (text) => `The drafting note “${text}” was removed.`,
  noteNow: (now, before) => `The drafting note “${before}” now reads “${now}”${stop(now)}`,
  statementAdded: (text) => `The term “${text}” was added.`,
  statementRemoved: (text) => `The term “${text}” was removed.`,
  statementNow: (now, before) => `The term “${before}” now reads “${now}”.`,
  range: (from, to) => {
    if (from && to && from.text === to.text) return from.text;
    if (!from) return to ? `${to.included ? 'up to' : 'below'} ${to.text}` : 'any value';
    if (!to) return from.included ? `${from.text} or more` : `above ${from.text}`;
    return `${from.included ? 'from' : 'above'} ${from.text} ${to.included ? 'up to' : from.included ? 'to below' : 'and below'} ${to.text}`;
  },
};

/** "die Stufentabelle „Uptime“" (nom) or "der Stufentabelle …" (dat, after "in", "für" takes the accusative = nom). */
const deTable = ({ label, line, pool }: Table, c: 'nom' | 'dat') =>
  `${c === 'nom' ? 'die' : 'der'} ${pool === 'points' ? 'Punktetabelle' : 'Stufentabelle'} ${label !== undefined ? `„${label}“` : `in Zeile ${line}`}`;
const deNoun = (owner: Owner) => (owner.type === 'tier' ? 'Stufe' : 'Regel');
const deScope = (scope: Scope) =>
  scope.type === 'program' ? 'für die Summe aller Gutschriften' : scope.type === 'table' ? `für ${deTable(scope.table, 'nom')}` : `für die Regel mit ${scope.credit}`;
/** Verb second: "In der Stufentabelle … gilt die Stufe …", or "Die Regel … gilt …". */
const deMain = (owner: Owner, subject: string, verb: string, rest: string) =>
  owner.type === 'tier' ? `In ${deTable(owner.table, 'dat')} ${verb} ${subject} ${rest}` : `${capitalize(subject)} ${verb} ${rest}`;
const dePeriod = { monthly: 'monatlich', quarterly: 'vierteljährlich', yearly: 'jährlich' } as const;

const german: Sentences = {
  same: 'Die Bedingungen sind unverändert.',
  conditionNow: (owner, credit, now, before) => {
    const subject = `die ${deNoun(owner)} mit ${credit}`;
    if (now.type === 'bounds' && before.type === 'bounds' && now.subject === before.subject && now.verb === before.verb) {
      return `${deMain(owner, subject, 'gilt', `nun, wenn ${now.subject} ${now.rest} statt ${before.rest} ${now.verb}`)}.`;
    }
    return `${deMain(owner, subject, 'gilt', `nun, wenn ${now.listed}; bisher, wenn ${before.listed}`)}.`;
  },
  creditNow: (owner, condition, now, before) =>
    `${deMain(owner, `die ${deNoun(owner)}, die gilt, wenn ${condition.listed},`, 'gewährt', `nun ${now} statt ${before}`)}.`,
  added: (owner, condition, credit) =>
    owner.type === 'tier'
      ? `In ${deTable(owner.table, 'dat')} wurde eine Stufe hinzugefügt: wenn ${condition.listed}, ${credit}.`
      : `Eine Regel wurde hinzugefügt: wenn ${condition.listed}, ${credit}.`,
  removed: (owner, condition, credit) =>
    owner.type === 'tier'
      ? `In ${deTable(owner.table, 'dat')} wurde die Stufe mit ${credit}, die galt, wenn ${condition.listed}, gestrichen.`
      : `Die Regel mit ${credit}, die galt, wenn ${condition.listed}, wurde gestrichen.`,
  tableAdded: (table, tiers) => `${capitalize(deTable(table, 'nom').replace(/^die/, 'eine'))} mit ${tiers} ${tiers === 1 ? 'Stufe' : 'Stufen'} wurde hinzugefügt.`,
  tableRemoved: (table) => `${capitalize(deTable(table, 'nom'))} wurde gestrichen.`,
  capAdded: (scope, cap) => `${capitalize(deScope(scope))} wurde eine Höchstgrenze von ${cap} hinzugefügt.`,
  capRemoved: (scope, cap) => `Die Höchstgrenze von ${cap} ${deScope(scope)} wurde gestrichen.`,
  capNow: (scope, now, before) => `Die Höchstgrenze ${deScope(scope)} beträgt nun ${now} statt ${before}.`,
  feeNow: (now, before) =>
    now.period === before.period
      ? `Die ${dePeriod[now.period]}e Vergütung beträgt nun ${now.amount} statt ${before.amount}.`
      : `Die Vergütung beträgt nun ${now.amount} ${dePeriod[now.period]} statt ${before.amount} ${dePeriod[before.period]}.`,
  pointRateNow: (now, before) =>
    now === undefined ? `Service-Credit-Punkte entsprechen nicht mehr ${before}.`
      : before === undefined ? `Jeder Service-Credit-Punkt entspricht nun ${now}.`
        : `Jeder Service-Credit-Punkt entspricht nun ${now} statt ${before}.`,
  claimNow: (now, before) =>
    now === undefined ? `Die Frist von ${before} zur Geltendmachung einer Gutschrift wurde gestrichen.`
      : before === undefined ? `Eine Gutschrift muss nun innerhalb von ${now} geltend gemacht werden.`
        : `Eine Gutschrift muss nun innerhalb von ${now} statt ${before} geltend gemacht werden.`,
  inputAdded: (term) => `Der Wert „${term}“ wurde hinzugefügt.`,
  inputRemoved: (term) => `Der Wert „${term}“ wurde gestrichen.`,
  defaultNow: (term, now, before) => `Der Vorgabewert von „${term}“ beträgt nun ${now} statt ${before}.`,
  rangeNow: (term, now, before) => `Der Bereich von „${term}“ reicht nun von ${now[0]} bis ${now[1]} statt von ${before[0]} bis ${before[1]}.`,
  definitionNow: (term, now, before) =>
    now === undefined ? `Die Definition von „${term}“ wurde gestrichen.`
      : before === undefined ? `„${term}“ ist nun definiert als ${now}.`
        : `„${term}“ ist nun definiert als ${now} statt ${before}.`,
  payIfAdded: (condition, first) => `Ein Anspruch besteht nun ${first ? 'nur' : 'außerdem nur'}, wenn ${condition.listed}.`,
  payIfRemoved: (condition) => `Ein Anspruch setzt nicht mehr voraus, dass ${condition.listed}.`,
  // The payout's nouns come without a gender, so they stand quoted and without an article.
  payoutNow: (now, before) =>
    now.what === before.what ? `Empfänger von „${now.what}“ ist nun ${now.recipient} statt ${before.recipient}.`
      : now.recipient === before.recipient ? `${capitalize(now.recipient)} erhält nun „${now.what}“ statt „${before.what}“.`
        : `Nun erhält ${now.recipient} „${now.what}“; bisher erhielt ${before.recipient} „${before.what}“.`,
  noteAdded: (text) => `Ein Hinweis wurde hinzugefügt: „${text}“${stop(text)}`,
  noteRemoved: (text) => `Der Hinweis „${text}“ wurde gestrichen.`,
  noteNow: (now, before) => `Der Hinweis „${before}“ lautet nun „${now}“${stop(now)}`,
  statementAdded: (text) => `Die Bestimmung „${text}“ wurde hinzugefügt.`,
  statementRemoved: (text) => `Die Bestimmung „${text}“ wurde gestrichen.`,
  statementNow: (now, before) => `Die Bestimmung „${before}“ lautet nun „${now}“.`,
  range: (from, to) => {
    if (from && to && from.text === to.text) return from.text;
    if (!from) return to ? `${to.included ? 'bis' : 'unter'} ${to.text}` : 'jeder Wert';
    if (!to) return `${from.included ? 'ab' : 'über'} ${from.text}`;
    return `${from.included ? 'von' : 'über'} ${from.text} ${to.included ? 'bis' : from.included ? 'bis unter' : 'und unter'} ${to.text}`;
  },
};

export const sentences: Record<Lang, Sentences> = { en: english, de: german };
