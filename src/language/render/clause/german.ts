/**
 * The German phrase table, for rules evaluated per Monat, Quartal or Jahr.
 * German puts the verb first in a conditional ("Liegt … unter 99,5 %, erhält
 * …") and last in a subordinate clause, and declines articles.
 */
import type * as A from '../../ast.js';
import { formatDuration } from '../format.js';
import { capitalize, listWith, MONTHS_RATIO, type Phrases, type When } from './phrases.js';

export const deAnd = listWith('und');
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
export interface DeWords {
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

export const DE_WORDS: Record<A.Period, DeWords> = {
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

export function deWhen(when: When, u: DeWords): string {
  switch (when.type) {
    case 'always': return `In jedem ${u.noun} `;
    case 'never': return '';
    // Verb first for one condition ("Liegt … unter 99,5 %, erhält …"), "Wenn … liegt und …" for several.
    case 'atom': return `${capitalize(when.atom.verb)} ${when.atom.subject} ${u.inA} ${when.atom.rest}, `;
    case 'compound': return `Wenn ${u.inA} ${when.text}, `;
  }
}

/** The German phrases for rules evaluated per `u` (ein Monat, ein Quartal, ein Jahr). */
export function germanIn(u: DeWords): Phrases {
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
