/**
 * The explanation of a result, in English or German: one sentence per step,
 * with the numbers a person needs to recompute the credit by hand. The
 * evaluator records steps as data; this file is the only place that words them.
 * A step is worded when its text is first read, not when the result is made:
 * a month of a 4,990-tier block has 4,993 steps, and a calculator that shows
 * the trace only on request reads none of them.
 */
import { formatMoney, formatNumber, formatPercent, formatQuantity, type Lang } from '../render/format.js';
import { settle } from '../settle.js';
import type { CapCut, Display, Step } from './results.js';

export type StepData =
  | { kind: 'condition'; line: number; rule: string; holds: boolean; values: { name: string; value: Display }[] }
  | { kind: 'credit'; line: number; rule: string; basis: string; amount: string; share?: string; fee?: string; points?: string; pointValue?: string; formula?: string; period?: 'quarterly' | 'yearly' }
  | { kind: 'proportional'; line: number; direction: 'below' | 'above'; rounding: 'full' | 'started'; distance: Display; step: Display; threshold: Display; steps: string }
  | { kind: 'tier'; line: number; block: string; winner?: { line: number; rule: string }; matched: number }
  | { kind: 'cap'; cut: CapCut }
  | { kind: 'let' | 'output'; line: number; name: string; value: Display; rounding?: { how: string; value: Display; step: Display } }
  | { kind: 'total'; amount: string; exact: string; rounded: boolean; percent: string | null }
  | { kind: 'month'; month: number; amount: string; percent: string | null; period?: 'quarterly' | 'yearly' }
  | { kind: 'not-paid'; line: number; condition: string; amount: string }
  | { kind: 'item'; line: number; block: string; item: string; index: number; count: number; value: Display; tier?: string; amount: string; points?: string };

interface Phrases {
  /** What is paid, as the heading of a credit step: "Credit", or the payout's word. */
  readonly credit: string;
  holds(rule: string, values: string, holds: boolean): string;
  /** The credit of a rule, after "Credit: ". */
  percentCredit(share: string, fee: string, amount: string, period?: 'quarterly' | 'yearly'): string;
  moneyCredit(amount: string): string;
  pointsCredit(points: string, value: string, amount: string): string;
  proportional(distance: string, direction: 'below' | 'above', threshold: string, steps: string, rounding: 'full' | 'started', step: string): string;
  tier(block: string, matched: number, winner?: { line: number; rule: string }): string;
  cap(cut: CapCut, cap: string, limit: string, already: string, before: string, after: string): string;
  value(role: 'let' | 'output', name: string, value: string): string;
  total(paid: string, amount: string, percent: string | undefined): string;
  rounded(exact: string, amount: string): string;
  month(paid: string, month: number, amount: string, percent: string | undefined, period?: 'quarterly' | 'yearly'): string;
  notPaid(condition: string, amount: string): string;
  item(item: string, index: number, count: number, value: string, tier: string | undefined, amount: string): string;
}

const periods = {
  en: { monthly: 'monthly', quarterly: 'quarterly', yearly: 'yearly' },
  de: { monthly: 'monatlich', quarterly: 'quartalsweise', yearly: 'jährlich' },
};
const sinceStart = {
  en: { monthly: '', quarterly: ' this quarter', yearly: ' this contract year' },
  de: { monthly: '', quarterly: ' in diesem Quartal', yearly: ' in diesem Vertragsjahr' },
};

const english: Phrases = {
  credit: 'Credit',
  holds: (rule, values, holds) => `${values ? `${values}: ` : ''}\`${rule}\` ${holds ? 'holds' : 'does not hold'}.`,
  percentCredit: (share, fee, amount, period) => `${share} of the ${period ?? 'monthly'} fee ${fee} = ${amount}.`,
  moneyCredit: (amount) => `${amount}.`,
  pointsCredit: (points, value, amount) => `${points} at ${value} per point = ${amount}.`,
  proportional: (distance, direction, threshold, steps, rounding, step) =>
    `${distance} ${direction} ${threshold} makes ${steps} ${rounding === 'full' ? 'full' : 'started'} step${steps === '1' ? '' : 's'} of ${step}.`,
  tier: (block, matched, winner) =>
    winner
      ? `“${block}”: ${matched} tier${matched === 1 ? '' : 's'} match${matched === 1 ? 'es' : ''}; the highest, \`${winner.rule}\` (line ${winner.line}), applies.`
      : `“${block}”: no tier matches.`,
  cap: (cut, cap, limit, already, before, after) =>
    `Cap ${cap} ${periods.en[cut.period]} on ${cut.scope === 'program' ? 'all credits' : `“${cut.owner}”`} (line ${cut.line}) allows ${limit}` +
    `${cut.period === 'monthly' ? '' : `, of which ${already} was already credited${sinceStart.en[cut.period]}`}: ${before} is cut to ${after}.`,
  value: (role, name, value) => `${role === 'let' ? 'Let' : 'Output'} ${name} = ${value}.`,
  total: (paid, amount, percent) => `Total ${paid === 'Credit' ? 'credit' : paid}: ${amount}${percent ? ` (${percent} of the fee)` : ''}.`,
  rounded: (exact, amount) => `The exact amount ${exact} is rounded half up to ${amount}.`,
  month: (paid, month, amount, percent, period) => {
    const [unit, fee] = period === 'quarterly' ? ['Quarter', "that quarter's fee"] : period === 'yearly' ? ['Year', "that year's fee"] : ['Month', "that month's fee"];
    return `${unit} ${month}: ${paid === 'Credit' ? 'credit' : paid} ${amount}${percent ? ` (${percent} of ${fee})` : ''}.`;
  },
  notPaid: (condition, amount) => `\`pay only if ${condition}\` does not hold for a credit of ${amount}, so nothing is paid for this period.`,
  item: (item, index, count, value, tier, amount) => `${item} ${index} of ${count}: ${value}${tier ? `: \`${tier}\` → ${amount}` : ': no tier applies'}.`,
};

const german: Phrases = {
  credit: 'Gutschrift',
  holds: (rule, values, holds) => `${values ? `${values}: ` : ''}\`${rule}\` ist ${holds ? 'erfüllt' : 'nicht erfüllt'}.`,
  percentCredit: (share, fee, amount, period) => `${share} der ${{ monthly: 'monatlichen', quarterly: 'vierteljährlichen', yearly: 'jährlichen' }[period ?? 'monthly']} Vergütung von ${fee} = ${amount}.`,
  moneyCredit: (amount) => `${amount}.`,
  pointsCredit: (points, value, amount) => `${points} zu je ${value} = ${amount}.`,
  proportional: (distance, direction, threshold, steps, rounding, step) =>
    `${distance} ${direction === 'below' ? 'unter' : 'über'} ${threshold} ergibt ${steps} ${rounding === 'full' ? 'volle' : 'angefangene'} Schritte zu ${step}.`,
  tier: (block, matched, winner) =>
    winner
      ? `„${block}“: ${matched} ${matched === 1 ? 'Stufe trifft' : 'Stufen treffen'} zu; die höchste, \`${winner.rule}\` (Zeile ${winner.line}), gilt.`
      : `„${block}“: keine Stufe trifft zu.`,
  cap: (cut, cap, limit, already, before, after) =>
    `Obergrenze ${cap} ${periods.de[cut.period]} für ${cut.scope === 'program' ? 'alle Gutschriften' : `„${cut.owner}“`} (Zeile ${cut.line}) erlaubt ${limit}` +
    `${cut.period === 'monthly' ? '' : `, davon bereits ${already} gutgeschrieben${sinceStart.de[cut.period]}`}: ${before} wird auf ${after} gekürzt.`,
  value: (role, name, value) => `${role === 'let' ? 'Wert' : 'Ergebnis'} ${name} = ${value}.`,
  total: (paid, amount, percent) => `${paid} insgesamt: ${amount}${percent ? ` (${percent} der Vergütung)` : ''}.`,
  rounded: (exact, amount) => `Der genaue Betrag ${exact} wird kaufmännisch auf ${amount} gerundet.`,
  month: (paid, month, amount, percent, period) => {
    const [unit, fee] = period === 'quarterly' ? ['Quartal', 'Quartalsvergütung'] : period === 'yearly' ? ['Jahr', 'Jahresvergütung'] : ['Monat', 'Monatsvergütung'];
    return `${unit} ${month}: ${paid} ${amount}${percent ? ` (${percent} der ${fee})` : ''}.`;
  },
  notPaid: (condition, amount) => `\`pay only if ${condition}\` ist bei einer Gutschrift von ${amount} nicht erfüllt; für diesen Zeitraum wird nichts gezahlt.`,
  item: (item, index, count, value, tier, amount) => `${item} ${index} von ${count}: ${value}${tier ? `: \`${tier}\` → ${amount}` : ': keine Stufe trifft zu'}.`,
};

const phrases: Record<Lang, Phrases> = { en: english, de: german };

/** How steps are worded: their language, the currency, and names in that language. */
export interface StepWording {
  readonly lang: Lang;
  readonly currency: string | undefined;
  /** What the program pays (`payout "bonus"`), in that language. */
  readonly paid: string | undefined;
  /** A block's or rule's name in that language (`credit "Uptime" de "Verfügbarkeit":`). */
  readonly owner: (name: string) => string;
}

/** Words one step. */
export function describeStep(step: StepData, { lang, currency, paid, owner }: StepWording): string {
  const p: Phrases = paid ? { ...phrases[lang], credit: paid.charAt(0).toUpperCase() + paid.slice(1) } : phrases[lang];
  const money = (amount: string) => formatMoney(amount, currency, lang);
  const show = (d: Display) => formatQuantity(d, lang, currency);
  switch (step.kind) {
    case 'condition':
      return p.holds(step.rule, step.values.map((v) => `${v.name} = ${show(v.value)}`).join(', '), step.holds);
    case 'credit': {
      // "Credit: …", and an expression credit's formula first: "Credit: `min(m * 1%, 20%)` = 0.68% of …".
      const text = (sentence: string) => `${p.credit}: ${step.formula ? `\`${step.formula}\` = ` : ''}${sentence}`;
      if (step.share !== undefined && step.fee !== undefined) return text(p.percentCredit(formatPercent(step.share, lang), money(step.fee), money(step.amount), step.period));
      if (step.points !== undefined && step.pointValue !== undefined) {
        return text(p.pointsCredit(formatQuantity({ kind: 'points', value: step.points }, lang), money(step.pointValue), money(step.amount)));
      }
      return text(p.moneyCredit(money(step.amount)));
    }
    case 'proportional':
      return p.proportional(show(step.distance), step.direction, show(step.threshold), formatNumber(step.steps, lang), step.rounding, show(step.step));
    case 'tier':
      return p.tier(owner(step.block), step.matched, step.winner);
    case 'cap':
      return p.cap({ ...step.cut, owner: owner(step.cut.owner) }, show(step.cut.cap), money(step.cut.limit), money(step.cut.alreadyCredited), money(step.cut.before), money(step.cut.after));
    case 'let':
    case 'output': {
      // "round(8.219…, 0.01) = 8.22": the value before rounding, as a person reads it.
      const r = step.rounding;
      return p.value(step.kind, step.name, `${r ? `${r.how}(${shortened(show(r.value))}, ${show(r.step)}) = ` : ''}${show(step.value)}`);
    }
    case 'total': {
      const total = p.total(p.credit, money(step.amount), step.percent === null ? undefined : formatPercent(step.percent, lang));
      return step.rounded ? `${p.rounded(`${formatNumber(step.exact, lang)}${currency ? ` ${currency}` : ''}`, money(step.amount))} ${total}` : total;
    }
    case 'month':
      return p.month(p.credit, step.month, money(step.amount), step.percent === null ? undefined : formatPercent(step.percent, lang), step.period);
    case 'not-paid':
      return p.notPaid(step.condition, money(step.amount));
    case 'item': {
      const amount = step.points !== undefined ? `${formatQuantity({ kind: 'points', value: step.points }, lang)} (${money(step.amount)})` : money(step.amount);
      return p.item(step.item, step.index, step.count, show(step.value), step.tier, amount);
    }
  }
}

/** A long decimal cut after three decimals, marked as cut: "8.219…". */
function shortened(text: string): string {
  return text.replace(/(\d[.,]\d{3})\d+/, '$1…');
}

export function stepLine(step: StepData): number | undefined {
  return step.kind === 'cap' ? step.cut.line : 'line' in step ? step.line : undefined;
}

/**
 * A step of a result: its kind, line and month at once, its sentence worded
 * when first read. Read or written once, `text` becomes an ordinary data
 * property, as it was before the wording was deferred (a frozen step keeps
 * the getter); `JSON.stringify`, a structured clone and object spread read it
 * like any other.
 */
export function explained(data: StepData, words: StepWording, month?: number): Step {
  const line = stepLine(data);
  const period = month ?? (data.kind === 'cap' ? data.cut.month : data.kind === 'month' ? data.month : undefined);
  let text: string | undefined;
  const step: { -readonly [K in keyof Step]: Step[K] } = {
    kind: data.kind,
    get text(): string {
      text ??= describeStep(data, words);
      settle(this, 'text', text);
      return text;
    },
    set text(value: string) {
      settle(this, 'text', value);
    },
  };
  // Set one by one rather than spread in: a month of a large block makes thousands of steps.
  if (line) step.line = line;
  if (period) step.month = period;
  return step;
}
