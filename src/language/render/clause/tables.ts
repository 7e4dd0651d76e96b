/**
 * Which phrase table a program's clause is written with: the language's, for
 * the period the rules are evaluated per, and with the payout's words where a
 * `payout` names what is paid and to whom.
 */
import * as A from '../../ast.js';
import type { CheckedProgram } from '../../checker/program.js';
import type { Lang } from '../format.js';
import { EN_WORDS, enAnd, enArticle, englishIn, enWhen } from './english.js';
import { DE_WORDS, deAnd, deWhen, germanIn } from './german.js';
import { capitalize, type Phrases } from './phrases.js';

/** The phrases a program's clause is written with: the payout's words where it names one (also for `diff` and the Word export). */
export function phrasesFor(program: CheckedProgram, lang: Lang): Phrases {
  const payout = program.ast.statements.find((s): s is A.PayoutDecl => s.type === 'payout');
  const period = A.programPeriod(program.ast);
  return payout
    ? paidAs[lang](period, A.labelIn(payout.what, payout.whatTranslations, lang)!, A.labelIn(payout.recipient, payout.recipientTranslations, lang))
    : phrasesIn[lang](period);
}

/** The phrases of a language for rules evaluated per `period`. */
const phrasesIn: Record<Lang, (period: A.Period) => Phrases> = {
  en: (period) => englishIn(EN_WORDS[period]),
  de: (period) => germanIn(DE_WORDS[period]),
};

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
