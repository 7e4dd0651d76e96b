/**
 * Random rules texts and input values for the fuzzer and the property tests.
 *
 * Three families of text: valid programs built from the grammar (each paired
 * with a model of what it says, so properties can recompute caps without
 * trusting the parser), mutations of the shipped examples (characters, tokens,
 * lines, indentation and tabs deleted, inserted or duplicated), and plain
 * hostile text (token soup, deep nesting, huge numbers). Values range from
 * sensible literals inside an input's range to NaN, Infinity, "1e1000",
 * wrong units, wrong currencies and lists of 0–14 months.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { InputValue, InputValues } from '../../src/index.js';

export type Period = 'monthly' | 'quarterly' | 'yearly';
export type CreditKind = 'percent' | 'money' | 'points';

// ---------------------------------------------------------------------------
// The model of a valid program
// ---------------------------------------------------------------------------

/** A cap as written: `value` is the number of the literal (percent points, currency units, points). */
export interface CapModel {
  readonly kind: CreditKind;
  readonly value: string;
  readonly period: Period;
}

export interface InputModel {
  readonly name: string;
  readonly kind: 'percent' | 'number' | 'duration' | 'boolean';
  /** Bounds and default in the literal's own unit (percent points, hours or minutes, plain numbers). */
  readonly lo: number;
  readonly hi: number;
  readonly def: number | boolean;
  /** For durations: the unit the declaration (and so every literal here) is written in. */
  readonly unit?: 'h' | 'min';
  /** Thresholds used in conditions: the interesting values to sample. */
  readonly thresholds: number[];
}

/** A condition on one input, kept structured so lints can be judged against evaluation. */
export interface ConditionModel {
  readonly text: string;
  readonly input: string;
  /** Set when the condition is comparisons of the input with constants, joined by `and`. */
  readonly simple: boolean;
  /** Which values are worse service, as the lints read the condition (any `<`: low values). */
  readonly worse?: 'low' | 'high';
  /** Only `input < c` / `input > c` style: one comparison. */
  readonly oneSided?: boolean;
}

export interface RuleModel {
  readonly condition: ConditionModel;
  readonly creditText: string;
  readonly creditKind: CreditKind;
  /** The credit is one literal and the rule has no proportional part. */
  readonly constantCredit: boolean;
  readonly proportional: boolean;
  readonly caps: readonly CapModel[];
}

export interface BlockModel {
  readonly pool: 'credit' | 'points';
  readonly label?: string;
  readonly caps: readonly CapModel[];
  readonly tiers: readonly RuleModel[];
}

export type CreditModel = { readonly type: 'rule'; readonly rule: RuleModel } | { readonly type: 'block'; readonly block: BlockModel };

export interface ProgramModel {
  readonly currency: string;
  readonly fee: { readonly amount: string; readonly period: 'monthly' | 'yearly' };
  readonly inputs: readonly InputModel[];
  readonly credits: readonly CreditModel[];
  readonly caps: readonly CapModel[];
  readonly pointRate?: { readonly kind: 'money' | 'percent'; readonly value: string };
  readonly text: string;
}

export const CURRENCIES = ['EUR', 'USD', 'CHF', 'JPY', 'KWD'] as const;

const PERIODS: readonly Period[] = ['monthly', 'quarterly', 'yearly'];

/** A decimal with up to `decimals` places, from a scaled integer: never a float artefact. */
export const decimalString = (scaled: number, decimals: number): string => {
  if (decimals === 0) return String(scaled);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
};

const amountArb = (maxInt: number, decimals: number) =>
  fc.integer({ min: 0, max: maxInt * 10 ** decimals }).map((n) => decimalString(n, decimals));

const periodArb = fc.constantFrom(...PERIODS);

function capArb(withPoints: boolean): fc.Arbitrary<CapModel> {
  const kinds: CreditKind[] = withPoints ? ['percent', 'money', 'points'] : ['percent', 'money'];
  return fc.record({
    kind: fc.constantFrom(...kinds),
    value: fc.oneof(amountArb(120, 1), amountArb(3000, 2), fc.constantFrom('0', '10', '20', '100')),
    period: periodArb,
  });
}

export function capText(cap: CapModel, currency: string): string {
  const amount = cap.kind === 'percent' ? `${cap.value}%` : cap.kind === 'money' ? `${cap.value} ${currency}` : `${cap.value} points`;
  return `${amount} ${cap.period}`;
}

const capsClause = (caps: readonly CapModel[], currency: string) =>
  caps.length === 0 ? '' : ` capped ${caps.map((c) => capText(c, currency)).join(' and ')}`;

/** A literal of an input's kind, in its declared unit. */
export function inputLiteral(input: InputModel, value: number): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  switch (input.kind) {
    case 'percent': return `${text}%`;
    case 'duration': return `${text}${input.unit}`;
    default: return text;
  }
}

const NAMES = ['availability', 'uptime', 'tickets', 'response', 'resolution', 'incidents', 'csat', 'announced', 'backlog', 'p1_resolution'];

function inputArb(name: string): fc.Arbitrary<InputModel> {
  const percent = fc
    .record({ lo: fc.constantFrom(0, 50, 90, 95), hi: fc.constantFrom(100, 99.99), t: fc.uniqueArray(fc.integer({ min: 9000, max: 10000 }), { minLength: 1, maxLength: 4 }) })
    .map(({ lo, hi, t }): InputModel => {
      const thresholds = t.map((n) => n / 100);
      return { name, kind: 'percent', lo, hi, def: hi, thresholds };
    });
  const number = fc
    .record({ hi: fc.constantFrom(10, 100, 100_000), t: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 4 }) })
    .map(({ hi, t }): InputModel => ({ name, kind: 'number', lo: 0, hi, def: 0, thresholds: t }));
  const duration = fc
    .record({ unit: fc.constantFrom('h' as const, 'min' as const), t: fc.uniqueArray(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 4 }) })
    .map(({ unit, t }): InputModel => {
      const hi = unit === 'h' ? 72 : 72 * 60;
      const thresholds = unit === 'h' ? t : t.map((n) => n * 30);
      return { name, kind: 'duration', unit, lo: 0, hi, def: 0, thresholds };
    });
  const boolean = fc.constant<InputModel>({ name, kind: 'boolean', lo: 0, hi: 1, def: false, thresholds: [] });
  return fc.oneof({ weight: 4, arbitrary: percent }, { weight: 2, arbitrary: number }, { weight: 2, arbitrary: duration }, { weight: 1, arbitrary: boolean });
}

export function inputText(input: InputModel): string {
  if (input.kind === 'boolean') return `input ${input.name}: boolean "${input.name}" default false`;
  const lit = (v: number) => inputLiteral(input, v);
  return `input ${input.name}: ${input.kind} "${input.name}" default ${lit(input.def as number)} range ${lit(input.lo)}..${lit(input.hi)}`;
}

const LESS = ['<', '<='] as const;
const MORE = ['>', '>='] as const;

/** A condition on one input: one-sided, a band, or (rarely) something the lints do not judge. */
function conditionArb(input: InputModel, forProportional?: 'below' | 'above'): fc.Arbitrary<ConditionModel> {
  if (input.kind === 'boolean') {
    return fc.constantFrom(
      { text: input.name, input: input.name, simple: false },
      { text: `not ${input.name}`, input: input.name, simple: false },
      { text: `${input.name} = true`, input: input.name, simple: false },
    );
  }
  const t = fc.constantFrom(...input.thresholds);
  const lit = (v: number) => inputLiteral(input, v);
  // Which side is worse service: availability-like inputs pay below a threshold, the rest above.
  const lowWorse = input.kind === 'percent';
  if (forProportional) {
    const ops = forProportional === 'below' ? LESS : MORE;
    return fc.tuple(t, fc.constantFrom(...ops)).map(([v, op]): ConditionModel => ({ text: `${input.name} ${op} ${lit(v)}`, input: input.name, simple: true, oneSided: true, worse: forProportional === 'below' ? 'low' : 'high' }));
  }
  const oneSided = fc.tuple(t, fc.constantFrom(...(lowWorse ? LESS : MORE))).map(([v, op]): ConditionModel => ({ text: `${input.name} ${op} ${lit(v)}`, input: input.name, simple: true, oneSided: true, worse: lowWorse ? 'low' : 'high' }));
  const band = fc.tuple(t, t, fc.constantFrom(...LESS), fc.constantFrom(...LESS)).map(([a, b, op1, op2]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return { text: `${lit(lo)} ${op1} ${input.name} ${op2} ${lit(hi)}`, input: input.name, simple: true, worse: 'low' as const };
  });
  const conj = fc.tuple(t, t).map(([a, b]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return { text: `${input.name} >= ${lit(lo)} and ${input.name} < ${lit(hi)}`, input: input.name, simple: true, worse: 'low' as const };
  });
  const other = fc.tuple(t, t).map(([a, b]) => ({ text: `(${input.name} < ${lit(a)} or ${input.name} > ${lit(b)})`, input: input.name, simple: false }));
  return fc.oneof({ weight: 6, arbitrary: oneSided }, { weight: 2, arbitrary: band }, { weight: 1, arbitrary: conj }, { weight: 1, arbitrary: other });
}

function creditArb(kind: CreditKind, currency: string): fc.Arbitrary<{ text: string; constant: boolean }> {
  const lit = (v: string) => (kind === 'percent' ? `${v}%` : kind === 'money' ? `${v} ${currency}` : `${v} points`);
  const value = fc.oneof(amountArb(100, 0), amountArb(100, 2), fc.constantFrom('0', '5', '10', '25', '30', '50', '100'));
  const constant = value.map((v) => ({ text: lit(v), constant: true }));
  const sum = fc.tuple(value, value).map(([a, b]) => ({ text: `${lit(a)} + ${lit(b)}`, constant: false }));
  const diff = fc.tuple(value, value).map(([a, b]) => ({ text: `${lit(a)} - ${lit(b)}`, constant: false }));
  const scaled = fc.tuple(value, amountArb(5, 1)).map(([a, f]) => ({ text: `${lit(a)} * ${f}`, constant: false }));
  return fc.oneof({ weight: 8, arbitrary: constant }, { weight: 1, arbitrary: sum }, { weight: 1, arbitrary: diff }, { weight: 1, arbitrary: scaled });
}

function ruleArb(inputs: readonly InputModel[], kinds: readonly CreditKind[], currency: string, withPoints: boolean, allowProportional: boolean): fc.Arbitrary<RuleModel> {
  const numeric = inputs.filter((i) => i.kind !== 'boolean');
  return fc
    .record({
      input: fc.constantFrom(...inputs),
      kind: fc.constantFrom(...kinds),
      proportional: allowProportional && numeric.length > 0 ? fc.boolean() : fc.constant(false),
      capCount: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 }) }),
    })
    .chain(({ input, kind, proportional, capCount }) => {
      const caps = fc.array(capArb(withPoints), { minLength: capCount, maxLength: capCount });
      if (proportional) {
        return fc
          .record({
            subject: fc.constantFrom(...numeric),
            direction: fc.constantFrom('below' as const, 'above' as const),
            rounding: fc.constantFrom('', 'full ', 'started '),
            stepIndex: fc.integer({ min: 0, max: 2 }),
            credit: creditArb(kind, currency),
            caps,
          })
          .chain((p) =>
            conditionArb(p.subject, p.direction).map((condition): RuleModel => {
              const steps = p.subject.kind === 'percent' ? [0.1, 0.5, 1] : p.subject.kind === 'duration' ? (p.subject.unit === 'h' ? [1, 2, 4] : [15, 30, 60]) : [1, 2, 5];
              const step = inputLiteral(p.subject, steps[p.stepIndex]);
              return {
                condition,
                creditText: `${p.credit.text.includes(' + ') || p.credit.text.includes(' - ') ? `(${p.credit.text})` : p.credit.text} per ${p.rounding}${step} ${p.direction}`,
                creditKind: kind,
                constantCredit: false,
                proportional: true,
                caps: p.caps,
              };
            }),
          );
      }
      return fc.record({ condition: conditionArb(input), credit: creditArb(kind, currency), caps }).map(
        ({ condition, credit, caps: cs }): RuleModel => ({ condition, creditText: credit.text, creditKind: kind, constantCredit: credit.constant, proportional: false, caps: cs }),
      );
    });
}

const ruleText = (rule: RuleModel, currency: string) => `if ${rule.condition.text} then ${rule.creditText}${capsClause(rule.caps, currency)}`;

/** The 1-based line of each credit (for a block, of each tier) in `renderProgram`'s text. */
export function creditLines(model: Omit<ProgramModel, 'text'>): { line: number; tiers: number[] }[] {
  let line = 2 + model.inputs.length + (model.pointRate ? 1 : 0);
  return model.credits.map((c) => {
    const at = line;
    if (c.type === 'rule') {
      line++;
      return { line: at, tiers: [] };
    }
    line += 1 + c.block.tiers.length;
    return { line: at, tiers: c.block.tiers.map((_, i) => at + 1 + i) };
  });
}

export function renderProgram(model: Omit<ProgramModel, 'text'>, extra: readonly string[] = []): string {
  const { currency } = model;
  const lines: string[] = [`fee ${model.fee.amount} ${currency} ${model.fee.period} "Fee"`];
  for (const input of model.inputs) lines.push(inputText(input));
  if (model.pointRate) lines.push(`point = ${model.pointRate.kind === 'money' ? `${model.pointRate.value} ${currency}` : `${model.pointRate.value}%`}`);
  model.credits.forEach((credit) => {
    if (credit.type === 'rule') {
      lines.push(ruleText(credit.rule, currency));
      return;
    }
    const b = credit.block;
    lines.push(`${b.pool}${b.label !== undefined ? ` "${b.label}"` : ''}${capsClause(b.caps, currency)}:`);
    for (const tier of b.tiers) lines.push(`  ${ruleText(tier, currency)}`);
  });
  for (const cap of model.caps) lines.push(`cap ${capText(cap, currency)}`);
  lines.push(...extra);
  return `${lines.join('\n')}\n`;
}

export interface ProgramOptions {
  /** Tier blocks only, without caps or proportional credits: for judging tier lints. */
  readonly tiersOnly?: boolean;
}

/** A valid program and its model. */
export function programArb(options: ProgramOptions = {}): fc.Arbitrary<ProgramModel> {
  return fc
    .record({
      currency: fc.constantFrom(...CURRENCIES),
      fee: fc.record({
        amount: fc.oneof(amountArb(50_000, 0), amountArb(5_000, 2), fc.constantFrom('1000', '1_200', '0.05', '1000.05')).filter((a) => Number(a.replace('_', '')) > 0),
        period: fc.constantFrom('monthly' as const, 'yearly' as const),
      }),
      names: fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 4 }),
      withPoints: fc.boolean(),
    })
    .chain(({ currency, fee, names, withPoints }) =>
      fc.tuple(...names.map(inputArb)).chain((inputs) => {
        const kinds: CreditKind[] = withPoints ? ['percent', 'money', 'points'] : ['percent', 'money'];
        const tiersOnly = options.tiersOnly === true;
        const block = fc
          .record({
            pool: withPoints ? fc.constantFrom('credit' as const, 'points' as const) : fc.constant('credit' as const),
            label: fc.option(fc.constantFrom('Uptime', 'Support', 'Tier "A"', 'Ä'), { nil: undefined }),
            caps: tiersOnly ? fc.constant([]) : fc.array(capArb(withPoints), { maxLength: 2 }),
            // One tier kind per block keeps the tiers comparable, as real tables are.
            kind: fc.constantFrom(...kinds),
          })
          .chain(({ pool, label, caps, kind }) =>
            fc
              .array(ruleArb(inputs, pool === 'points' ? ['points'] : [kind === 'points' ? 'percent' : kind], currency, withPoints, !tiersOnly), { minLength: 1, maxLength: 4 })
              .map((tiers): CreditModel => ({
                type: 'block',
                block: {
                  pool, caps,
                  ...(label !== undefined ? { label: label.replace(/"/g, '\\"') } : {}),
                  tiers: tiersOnly ? tiers.map((t) => ({ ...t, caps: [] })) : tiers,
                },
              })),
          );
        const rule = ruleArb(inputs, kinds, currency, withPoints, true).map((r): CreditModel => ({ type: 'rule', rule: r }));
        const credits = tiersOnly ? fc.array(block, { minLength: 1, maxLength: 2 }) : fc.array(fc.oneof(rule, block), { minLength: 0, maxLength: 5 });
        return fc.record({
          credits,
          caps: tiersOnly ? fc.constant([]) : fc.array(capArb(withPoints), { maxLength: 2 }),
          pointRate: withPoints
            ? fc.oneof(amountArb(100, 2).map((v) => ({ kind: 'money' as const, value: v })), amountArb(5, 2).map((v) => ({ kind: 'percent' as const, value: v })))
            : fc.constant(undefined),
        }).map(({ credits: cs, caps, pointRate }) => {
          const model = { currency, fee, inputs, credits: cs, caps, ...(pointRate ? { pointRate } : {}) };
          return { ...model, text: renderProgram(model) };
        });
      }),
    );
}

/** A value for an input: on a threshold, next to one, at the range's ends, or anywhere in the range. */
export function valueArb(input: InputModel): fc.Arbitrary<InputValue> {
  if (input.kind === 'boolean') return fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'));
  const eps = input.kind === 'percent' ? 0.01 : 1;
  const candidates = [input.lo, input.hi, ...input.thresholds.flatMap((t) => [t, t - eps, t + eps])].filter((v) => v >= input.lo && v <= input.hi);
  const within = fc.integer({ min: Math.round(input.lo * 100), max: Math.round(input.hi * 100) }).map((n) => n / 100);
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...candidates) }, { weight: 1, arbitrary: within }), fc.boolean())
    .map(([v, bare]) => {
      const text = inputLiteral(input, Number(v.toFixed(4)));
      if (!bare || input.kind === 'duration') return text;
      return input.kind === 'number' && Number.isInteger(v) && v < 1000 ? v : text.replace(/%$/, '');
    });
}

/** A fee in the program's currency, as a literal or a bare number. */
export function feeValueArb(currency: string): fc.Arbitrary<InputValue> {
  return fc
    .tuple(fc.oneof(amountArb(100_000, 2), amountArb(2_000, 3), fc.constantFrom('0.05', '1000.05', '0.01', '999999.995')), fc.boolean())
    .filter(([v]) => Number(v) > 0)
    .map(([v, bare]) => (bare ? v : `${v} ${currency}`));
}

/** Values for a model: one month, or a contract year of 1–12 months when `year`. */
export function valuesArb(model: ProgramModel, mode: 'month' | 'year' | 'any' = 'any'): fc.Arbitrary<InputValues> {
  const yearArb = mode === 'month' ? fc.constant(0) : mode === 'year' ? fc.integer({ min: 1, max: 12 }) : fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }));
  return yearArb.chain((months) => {
    const entries = [...model.inputs.map((i) => ({ name: i.name, arb: valueArb(i) })), { name: 'fee', arb: feeValueArb(model.currency) }];
    const parts = entries.map(({ name, arb }) => {
      // In a year some inputs are lists (one per month) and the others hold all year.
      const listed = months > 0 ? fc.oneof(arb, fc.array(arb, { minLength: months, maxLength: months })) : arb;
      return fc.option(listed, { nil: undefined, freq: 4 }).map((v) => [name, v] as const);
    });
    return fc.tuple(...parts).map((pairs) => {
      const values: Record<string, InputValue | InputValue[]> = {};
      for (const [name, v] of pairs) if (v !== undefined) values[name] = v as InputValue | InputValue[];
      // At least one list makes it a year run.
      if (months > 0 && !pairs.some(([, v]) => Array.isArray(v))) {
        const first = model.inputs[0];
        const fallback = values[first.name] ?? (first.kind === 'boolean' ? false : inputLiteral(first, first.def as number));
        values[first.name] = Array.from({ length: months }, () => fallback as InputValue);
      }
      return values as InputValues;
    });
  });
}

// ---------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));

/** Programs written out here, for when the shipped examples are missing or in flux. */
export const INLINE_PROGRAMS: readonly string[] = [
  'if availability < 99.5% then 10% capped 20% yearly\n',
  'fee 1200 EUR monthly "Monthly subscription fee"\ninput availability: percent "Monthly uptime" default 99.95% range 90%..100% step 0.01%\ncredit "Uptime" capped 100% monthly:\n  if availability < 99.99% then 10%\n  if availability < 99.0% then 30%\n  if availability < 95.0% then 100%\ncap 20% yearly\nexample "Short outage": availability = 99.2%, fee = 1000 EUR => credit 10%\n',
  'fee 8_000 EUR monthly\ninput resolution: duration default 2h range 0min..72h\ninput csat: percent default 90%\npoints "Resolution":\n  if resolution > 8h then 1 point\n  if resolution > 24h then 3 points\nif csat < 80% then 1 point\nif resolution > 8h then 2% per started 1h above capped 500 EUR quarterly\npoint = 0.5%\ncap 10 points monthly\nexample "Year": csat = [70%, 90%, 70%] => credit 80 EUR\n',
  'fee 4_000 USD monthly\ninput tickets: number default 1_200 range 0..1_000_000 step 1\ninput fcr: percent default 65% step 1%\nlet saved: number = tickets * (fcr - 50%)\noutput savings: money "Saved" = saved * 15 USD\noutput roi: percent = (savings - fee) / fee\noutput net: money = fee - total_credit\nclaim within 30 days\nexample "ROI": tickets = 1200 => roi = 250%\n',
  'input flag: boolean default false\ninput n: number default 3 range 0..10\nif flag and (n >= 2 or not n = 5) then 50 EUR capped 200 EUR monthly and 300 EUR yearly\nfee 100 EUR yearly\n',
];

/** The shipped examples, read now; the inline programs when the folder is missing. */
export function basePrograms(): string[] {
  const folder = join(here, '..', '..', 'examples');
  try {
    const files = readdirSync(folder).filter((f) => f.endsWith('.credit')).sort();
    const texts = files.map((f) => readFileSync(join(folder, f), 'utf8'));
    return [...texts, ...INLINE_PROGRAMS];
  } catch {
    return [...INLINE_PROGRAMS];
  }
}

/** Pieces of the language and of trouble, for insertion. */
export const TOKENS: readonly string[] = [
  'if', 'then', 'and', 'or', 'not', 'credit', 'points', 'point', 'input', 'let', 'output', 'fee', 'cap', 'capped', 'per',
  'full', 'started', 'below', 'above', 'of', 'monthly', 'quarterly', 'yearly', 'example', 'claim', 'within', 'days',
  'default', 'range', 'step', 'true', 'false', 'percent', 'money', 'duration', 'number', 'boolean', 'else', 'round',
  'availability', 'fee', 'total_credit', 'total_credit_percent', 'x', '_', 'A1',
  '99.5%', '10%', '0%', '100 %', '1200 EUR', '5 JPY', '1 XXX', '2 eur', '4h', '30min', '5m', '3q', '0', '1_000', '1__0', '1.', '.5',
  '99999999999999999999999999999999999999999', '0.0000000000000000000000000000001', '1e1000', '2 points', '1 point',
  '<', '<=', '>', '>=', '=', '!=', '=>', '+', '-', '*', '/', ':', ',', '..', '(', ')', '[', ']', '"', '"label"', '"a\\"b"', '"\\x"',
  '#', '# comment', '\n', '\n  ', '\n    ', '\t', '\r\n', '\r', ' ', '  ', '\u00a0', '\u200b', '\ufeff', 'é', '😀', '\ud800', '\u0000', '%', '$', '@', '\\',
];

export type Mutation =
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly op: 'delete-line'; readonly line: number }
  | { readonly op: 'duplicate-line'; readonly line: number }
  | { readonly op: 'swap-lines'; readonly line: number; readonly other: number }
  | { readonly op: 'indent'; readonly line: number; readonly by: number }
  | { readonly op: 'replace-token'; readonly at: number; readonly text: string };

const positions = fc.nat({ max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: positions, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('insert' as const), at: positions, text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4, unit: 'binary' }), fc.constantFrom(' ', '\t', '\n', '(', ':', '"')) }),
  fc.record({ op: fc.constant('duplicate' as const), at: positions, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('delete-line' as const), line: positions }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: positions }),
  fc.record({ op: fc.constant('swap-lines' as const), line: positions, other: positions }),
  fc.record({ op: fc.constant('indent' as const), line: positions, by: fc.integer({ min: -4, max: 6 }) }),
  fc.record({ op: fc.constant('replace-token' as const), at: positions, text: fc.constantFrom(...TOKENS) }),
);

export function mutate(text: string, mutation: Mutation): string {
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (mutation.op) {
    case 'delete': {
      const at = pos(mutation.at);
      return text.slice(0, at) + text.slice(at + mutation.length);
    }
    case 'insert': {
      const at = pos(mutation.at);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'duplicate': {
      const at = pos(mutation.at);
      return text.slice(0, at) + text.slice(at, at + mutation.length) + text.slice(at);
    }
    case 'delete-line':
      lines.splice(line(mutation.line), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = line(mutation.line);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const [i, j] = [line(mutation.line), line(mutation.other)];
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'indent': {
      const i = line(mutation.line);
      lines[i] = mutation.by >= 0 ? ' '.repeat(mutation.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-mutation.by}}`), '');
      return lines.join('\n');
    }
    case 'replace-token': {
      // The word or symbol run at a position is replaced whole.
      const at = pos(mutation.at);
      const word = /^[A-Za-z0-9_.%]+|^[^A-Za-z0-9_.%\s]/.exec(text.slice(at));
      return text.slice(0, at) + mutation.text + text.slice(at + (word?.[0].length ?? 0));
    }
  }
}

/** A shipped or generated program with 1–8 mutations. */
export function mutatedArb(bases: readonly string[]): fc.Arbitrary<string> {
  const base = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...bases) }, { weight: 1, arbitrary: programArb().map((p) => p.text) });
  return fc.tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: 8 })).map(([text, ms]) => ms.reduce(mutate, text));
}

/** Random sequences of the language's tokens, joined by spaces, newlines and indentation. */
export const tokenSoupArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', ' ', ' ', '', '\n', '\n  ', ':\n  ')), { maxLength: 60 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(''));

/** Texts that push on the structural limits: deep nesting, long chains, huge literals, many lines. */
export const pathologicalArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((n) => `if ${'('.repeat(n)}a < 1%${')'.repeat(n)} then 10%\n`),
  fc.integer({ min: 1, max: 400 }).map((n) => `if ${'not '.repeat(n)}a < 1% then 10%\n`),
  fc.integer({ min: 1, max: 400 }).map((n) => `if a < 1% then ${Array.from({ length: n }, () => '1%').join(' + ')}\n`),
  fc.integer({ min: 1, max: 400 }).map((n) => `let x = ${'-'.repeat(n)}1\noutput y = x\n`),
  fc.integer({ min: 1, max: 400 }).map((n) => `let x = ${Array.from({ length: n }, (_, i) => `${i + 1}`).join(' / ')}\noutput y = x\n`),
  fc.integer({ min: 1, max: 80 }).map((n) => `example "e": a = [${Array.from({ length: n }, () => '1%').join(', ')}] => credit 0%\nif a < 1% then 1%\n`),
  fc.integer({ min: 1, max: 80 }).map((n) => `if a < ${'9'.repeat(n)}% then ${'1'.repeat(n)}.${'5'.repeat(n)}%\n`),
  fc.integer({ min: 1, max: 40 }).map((n) => `credit:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(2 + (i % 5))}if a < ${i}% then ${i}%`).join('\n')}\n`),
  fc.integer({ min: 1, max: 20 }).map((n) => `${'credit:\n'.repeat(n)}${'  '.repeat(n)}if a < 1% then 1%\n`),
  fc.integer({ min: 1, max: 100 }).map((n) => `let a0 = 1\n${Array.from({ length: n }, (_, i) => `let a${i + 1} = a${i} * 2`).join('\n')}\noutput z = a${n}\n`),
  fc.integer({ min: 1, max: 50 }).map((n) => `let a = b\nlet b = a\n${'output c = a + b\n'.repeat(n)}`),
  fc.integer({ min: 0, max: 200 }).map((n) => `"${'\\'.repeat(n)}`),
  fc.integer({ min: 0, max: 200 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
);

/** Any text at all. */
export const garbageArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc.string({ maxLength: 200, unit: fc.constantFrom(...'if then<>=()[]:%\n\t "\\#.,-+*/0123456789aAEURhdmins_ ') }),
);

/** The mix the fuzzer runs. */
export function sourceArb(bases: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: programArb().map((p) => p.text) },
    { weight: 6, arbitrary: mutatedArb(bases) },
    { weight: 2, arbitrary: tokenSoupArb },
    { weight: 1, arbitrary: pathologicalArb },
    { weight: 1, arbitrary: garbageArb },
  );
}

// ---------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------

export const hostileValueArb: fc.Arbitrary<InputValue> = fc.oneof(
  fc.constantFrom<InputValue>(
    Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1, -1, 1e21, 1e-7, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE,
    'NaN', 'Infinity', '-Infinity', '1e1000', '1e3', '', ' ', 'abc', 'true', 'false', true, false, '-5 EUR', '-1', '-0', '0',
    '99.5%', '101%', '-1%', '1000 EUR', '1000 USD', '1000 XXX', '1000 eur', '1000EUR', '4h', '30min', '5m', '2d', '-4h',
    '2 points', '1_000', '1__000', '1.', '.5', '1.5.5', '0x10', '١٢٣', '９９%', '%', 'EUR', '1000 EURO', '12 345', '\u0000',
    '9'.repeat(31), '9'.repeat(400), `0.${'0'.repeat(300)}1`, `${'1'.repeat(30)}.5`, '99.999999999999999999999999999%',
  ),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.integer(),
  fc.stringMatching(/^-?\d{1,40}(\.\d{1,40})?( ?(%|EUR|USD|JPY|h|min|s|d|points))?$/),
);

/** Values for any program: its own input names, unknown names, and lists of 0–14 months. */
export function hostileValuesArb(names: readonly string[]): fc.Arbitrary<InputValues> {
  const name = fc.oneof({ weight: 4, arbitrary: names.length > 0 ? fc.constantFrom(...names, 'fee') : fc.constant('fee') }, { weight: 1, arbitrary: fc.constantFrom('fee', 'unknown', '__proto__', 'constructor', 'total_credit', 'toString') });
  const value = fc.oneof(
    { weight: 4, arbitrary: hostileValueArb },
    { weight: 2, arbitrary: fc.array(hostileValueArb, { maxLength: 14 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc.array(fc.tuple(name, value), { maxLength: 6 }).map((pairs) => {
    const values: Record<string, unknown> = {};
    // defineProperty, so `__proto__` is a real key as it would be from JSON.parse.
    for (const [k, v] of pairs) Object.defineProperty(values, k, { value: v, enumerable: true, configurable: true, writable: true });
    return values as InputValues;
  });
}
