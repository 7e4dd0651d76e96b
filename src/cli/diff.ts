/**
 * `credit-rules diff OLD NEW [--csv MEASUREMENTS] [--json] [--lang en|de]`:
 * two versions of the rules compared (`diffPrograms`, src/language/diff/):
 * the terms that changed, in clause words; for each input, the ranges where
 * the versions pay a month differently and by how much; and with `--csv`
 * (the `batch` format), what each version pays for those months, per
 * customer and in all — computed by `runBatch` itself, so caps accrue over a
 * customer's contract year exactly as billing's do.
 */
import { Writable } from 'node:stream';
import type { Lang, Program } from '../index.js';
import { PERIOD_NOUN, type Period } from '../language/ast.js';
import { Decimal } from '../language/decimal.js';
import { diffPrograms, rangeText, valueText, type ProgramDiff } from '../language/diff/diff.js';
import type { Held, Paid } from '../language/diff/impact.js';
import { formatMoney } from '../language/render/format.js';
import { runBatch } from './batch.js';
import type { CommandContext } from './context.js';
import { CsvReader } from './csv.js';

export interface DiffOptions {
  readonly csv?: string;
  readonly json: boolean;
  readonly lang: Lang;
}

/** What both versions pay for the months of a CSV file. */
export interface BatchComparison {
  readonly currency: string | null;
  readonly customers: readonly CustomerTotals[];
  readonly total: Omit<CustomerTotals, 'customer'>;
}

export interface CustomerTotals {
  /** Empty for the rows without a customer (months on their own), counted together. */
  readonly customer: string;
  readonly before: string;
  readonly after: string;
  readonly difference: string;
  /** Rows that could not be computed under each version (their credit counts as nothing). */
  readonly failed: { readonly before: number; readonly after: number };
}

const EN_A = (period: Period) => `a ${PERIOD_NOUN[period]}`;
const EN_PLURAL = (period: Period) => `${PERIOD_NOUN[period]}s`;
const DE_A: Record<Period, string> = { monthly: 'ein Monat', quarterly: 'ein Quartal', yearly: 'ein Jahr' };
const DE_PLURAL: Record<Period, string> = { monthly: 'Monaten', quarterly: 'Quartalen', yearly: 'Jahren' };
const DE_ADJECTIVE: Record<Period, string> = { monthly: 'monatliche', quarterly: 'vierteljährliche', yearly: 'jährliche' };

const WORDS = {
  en: {
    terms: 'Terms that changed:',
    none: 'The terms are the same.',
    impact: (period: Period, before?: Period) =>
      before ? `What one period pays (${EN_A(before)} under the old version, ${EN_A(period)} under the new one), input by input, the other inputs held at their defaults`
        : `What ${EN_A(period)} pays, input by input, the other inputs held at their defaults`,
    longerCaps: (period: Period, caps: readonly Period[]) =>
      `(${EN_A(period)} on its own: ${caps.map((c) => `a ${c} cap`).join(' or ')} counts only its credits here; with --csv a year of ${EN_PLURAL(period)} applies it)`,
    assumed: 'no default; assumed',
    inexact: 'this input is also computed with: amounts may vary inside a range, and are shown at one value of it',
    same: 'both versions pay the same at every value',
    at: 'at',
    oneItem: 'a period with one item',
    sameSeen: 'both versions pay the same at every value tried (as it is computed with, a difference between them is not ruled out)',
    columns: ['values', 'old', 'new', 'difference'],
    batch: (file: string, period: Period) => `What the ${EN_PLURAL(period)} of ${file} pay:`,
    customer: 'customer',
    noCustomer: '(rows without a customer)',
    total: 'total',
    failed: (old: number, now: number) => `rows that could not be computed: ${old} under the old version, ${now} under the new one (counted as nothing)`,
    line: (before?: number, after?: number) => `(${before !== undefined ? `old line ${before}` : ''}${before !== undefined && after !== undefined ? ', ' : ''}${after !== undefined ? `new line ${after}` : ''})`,
  },
  de: {
    terms: 'Geänderte Bedingungen:',
    none: 'Die Bedingungen sind unverändert.',
    impact: (period: Period, before?: Period) =>
      before ? `Was ein Zeitraum zahlt (${DE_A[before]} nach der bisherigen, ${DE_A[period]} nach der neuen Fassung), je Eingabe; die übrigen Eingaben auf ihren Vorgabewerten`
        : `Was ${DE_A[period]} zahlt, je Eingabe; die übrigen Eingaben auf ihren Vorgabewerten`,
    longerCaps: (period: Period, caps: readonly Period[]) =>
      `(${DE_A[period]} für sich: ${caps.map((c) => `eine ${DE_ADJECTIVE[c]} Höchstgrenze`).join(' oder ')} zählt hier nur dessen Gutschriften; mit --csv wendet ein Jahr von ${DE_PLURAL[period]} sie an)`,
    assumed: 'kein Vorgabewert; angenommen',
    inexact: 'mit dieser Eingabe wird auch gerechnet: Beträge können innerhalb eines Bereichs schwanken und sind für einen Wert daraus gezeigt',
    same: 'beide Fassungen zahlen bei jedem Wert dasselbe',
    at: 'bei',
    oneItem: 'ein Zeitraum mit einem Eintrag',
    sameSeen: 'beide Fassungen zahlen bei jedem geprüften Wert dasselbe (da mit dieser Eingabe gerechnet wird, ist ein Unterschied dazwischen nicht ausgeschlossen)',
    columns: ['Werte', 'bisher', 'neu', 'Differenz'],
    batch: (file: string, period: Period) => `Was die ${{ monthly: 'Monate', quarterly: 'Quartale', yearly: 'Jahre' }[period]} aus ${file} zahlen:`,
    customer: 'Kunde',
    noCustomer: '(Zeilen ohne Kunden)',
    total: 'gesamt',
    failed: (old: number, now: number) => `nicht berechenbare Zeilen: ${old} nach der bisherigen, ${now} nach der neuen Fassung (als null gezählt)`,
    line: (before?: number, after?: number) => `(${before !== undefined ? `bisher Zeile ${before}` : ''}${before !== undefined && after !== undefined ? ', ' : ''}${after !== undefined ? `neu Zeile ${after}` : ''})`,
  },
} as const;

export async function diff(files: readonly string[], options: DiffOptions, context: CommandContext): Promise<number> {
  if (files.length !== 2) throw context.fail('diff takes two FILEs, OLD and NEW (see credit-rules diff --help)');
  const csv = options.csv === undefined ? undefined : context.read(options.csv);
  const [before, after] = [context.load(files[0]), context.load(files[1])];
  if (!before || !after) return 1;
  const result = diffPrograms(before, after, options.lang);
  const batch = csv === undefined ? undefined : await compareBatch(before, after, csv, context.fail, options.csv!);
  if (options.json) {
    context.out(JSON.stringify({ ...result, ...(batch ? { batch } : {}) }, null, 2));
    return 0;
  }
  for (const line of describe(result, options.lang)) context.out(line);
  if (batch) for (const line of describeBatch(batch, options.csv!, result.impact.period, options.lang)) context.out(line);
  return 0;
}

function describe({ terms, impact }: ProgramDiff, lang: Lang): string[] {
  const w = WORDS[lang];
  const out: string[] = [terms.length ? w.terms : w.none];
  for (const change of terms) out.push(`  - ${change.text} ${w.line(change.before, change.after)}`);
  const shown = (value: Held) => (typeof value === 'string' ? value : `[${value.join(', ')}]`);
  const held = Object.entries(impact.held).map(([name, { before, after }]) =>
    `${name} = ${shown(before) === shown(after) ? shown(after) : `${shown(before)} → ${shown(after)}`}${impact.assumed.includes(name) ? ` (${w.assumed})` : ''}`);
  out.push('', `${w.impact(impact.period, impact.periodBefore)} (${held.join(', ')}):`);
  if (impact.longerCaps.length) out.push(`  ${w.longerCaps(impact.period, impact.longerCaps)}`);
  const money = (paid: Paid) => (paid.amount !== undefined ? formatMoney(paid.amount, impact.currency ?? undefined, lang) : `(${paid.error})`);
  for (const input of impact.inputs) {
    out.push(`  ${input.label !== undefined ? `${input.label} (${input.name})` : input.name}${input.list ? `, ${w.oneItem}` : ''}:`);
    if (input.ranges.length === 0) {
      out.push(`    ${input.exact ? w.same : w.sameSeen}`);
      continue;
    }
    if (!input.exact) out.push(`    (${w.inexact})`);
    const rows = input.ranges.map((r) => [
      rangeText(r, input, lang) + (input.exact || r.from?.value === r.to?.value ? '' : ` (${w.at} ${valueText(r.at, input, lang)})`),
      money(r.before),
      money(r.after),
      r.difference !== undefined ? signed(formatMoney(r.difference, impact.currency ?? undefined, lang), r.difference) : '',
    ]);
    out.push(...table([w.columns, ...rows], '    '));
  }
  return out;
}

function describeBatch(batch: BatchComparison, file: string, period: Period, lang: Lang): string[] {
  const w = WORDS[lang];
  const money = (amount: string) => formatMoney(amount, batch.currency ?? undefined, lang);
  const row = (name: string, t: Omit<CustomerTotals, 'customer'>) => [name, money(t.before), money(t.after), signed(money(t.difference), t.difference)];
  const rows = batch.customers.map((c) => row(c.customer === '' ? w.noCustomer : c.customer, c));
  const out = ['', w.batch(file, period), ...table([[w.customer, ...w.columns.slice(1)], ...rows, row(w.total, batch.total)], '  ')];
  const { before, after } = batch.total.failed;
  if (before || after) out.push(`  ${w.failed(before, after)}`);
  return out;
}

const signed = (text: string, amount: string) => (new Decimal(amount).gt(0) ? `+${text}` : text);

/** Rows as columns: the first left-aligned, the others right-aligned (amounts). */
function table(rows: readonly (readonly string[])[], indent: string): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ').trimEnd());
}

/** Runs both versions over the CSV as `batch` does, and adds up each customer's credits. */
async function compareBatch(before: Program, after: Program, csv: string, fail: (message: string) => Error, file: string): Promise<BatchComparison> {
  const [old, now] = [await credits(before, csv, fail, file), await credits(after, csv, fail, file)];
  const names = [...new Set([...old.totals.keys(), ...now.totals.keys()])];
  const zero = { amount: new Decimal(0), failed: 0 };
  const customers = names.map((customer): CustomerTotals => {
    const [b, a] = [old.totals.get(customer) ?? zero, now.totals.get(customer) ?? zero];
    return { customer, ...totals(b, a) };
  });
  const sum = (side: typeof old) => [...side.totals.values()].reduce((s, t) => ({ amount: s.amount.plus(t.amount), failed: s.failed + t.failed }), zero);
  return { currency: now.currency ?? old.currency ?? null, customers, total: totals(sum(old), sum(now)) };
}

function totals(b: { amount: Decimal; failed: number }, a: { amount: Decimal; failed: number }): Omit<CustomerTotals, 'customer'> {
  return { before: b.amount.toFixed(), after: a.amount.toFixed(), difference: a.amount.minus(b.amount).toFixed(), failed: { before: b.failed, after: a.failed } };
}

/** One version's credits for the CSV, per customer, read back from `runBatch`'s own output. */
async function credits(program: Program, csv: string, fail: (message: string) => Error, file: string) {
  const chunks: Buffer[] = [];
  const output = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
  const outcome = await runBatch(program, (async function* () { yield csv; })(), output);
  if (!outcome.ok) throw fail(`${file}: ${outcome.message}`);
  const totals = new Map<string, { amount: Decimal; failed: number }>();
  let currency: string | undefined;
  const reader = new CsvReader((fields, line) => {
    if (line === 1) return;
    const [, customer, , rowCurrency, credit, , , error] = fields;
    const total = totals.get(customer) ?? { amount: new Decimal(0), failed: 0 };
    if (error) total.failed++;
    else total.amount = total.amount.plus(credit || 0);
    currency ||= rowCurrency;
    totals.set(customer, total);
  }, () => undefined);
  reader.push(Buffer.concat(chunks).toString('utf8'));
  reader.end();
  return { totals, currency };
}
