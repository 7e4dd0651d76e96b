/**
 * Generated programs of language version 2 for the differential test: the
 * fuzz models (`test/fuzz/arbitraries.ts`) write version 1 only, so these
 * add what version 2 brings — `min`/`max`/`round`/`floor`/`ceil`,
 * conditional expressions, `pay only if`, quarterly and yearly periods and
 * fees of any period, programs without a fee, payouts, list inputs with
 * `count`/`sum`/`max`/`min` and `for each` blocks — each program with
 * runs of one period and contract years. A program the checker rejects (a
 * combination the language forbids) is left out by the test.
 */
import fc from 'fast-check';
import type { InputValues } from '../../src/index.js';

export interface V2Case {
  readonly text: string;
  readonly runs: readonly InputValues[];
}

type Period = 'monthly' | 'quarterly' | 'yearly';
const PERIODS_IN_YEAR: Record<Period, number> = { monthly: 12, quarterly: 4, yearly: 1 };
const LONGER: Record<Period, readonly Period[]> = { monthly: ['monthly', 'quarterly', 'yearly'], quarterly: ['quarterly', 'yearly'], yearly: ['yearly'] };

const INPUTS = [
  'input a: percent default 99.5% range 90%..100% step 0.01%',
  'input n: number default 3 range 0..20 step 1',
  'input d: duration default 2h range 0h..72h',
  'input r: list of duration default [] range 0h..72h',
];

/** Rules with a fee (percent credits) and without (money). */
const WITH_FEE = [
  'if a < 99.9% then max(5%, (99.9% - a) * 10)',
  'if a < 99% then min(25%, (99% - a) * 20)',
  'if n > 2 then round(n * 1.5%, 1%)',
  'if d > 4h then (if d > 24h then 30% else 10%)',
  'credit "Late" for each x in r capped 20% monthly:\n  if x > 1h then 2%\n  if x > 4h then 5%',
];
const MONEY = [
  'if n > 1 then round(n * 12.345 EUR, 0.5 EUR)',
  'if n >= 0 then floor(n * 7.7 EUR, 5 EUR)',
  'if d > 1h then ceil(d / 1h * 3.3 EUR, 1 EUR)',
  'if a < 99.95% then min(max(100 EUR - n * 10 EUR, 15 EUR), 80 EUR)',
  'if n = 0 or a < 95% then (if n > 10 then 5 EUR else 50.005 EUR)',
  'if count(r) > 2 then count(r) * 10 EUR',
  'if sum(r) > 10h then round(sum(r) / 1h * 1.25 EUR, 0.05 EUR)',
  'if count(r) > 0 and max(r) > 8h then 40 EUR',
  'if count(r) > 1 then (if min(r) < 1h then 3 EUR else 7 EUR)',
  'credit "Slow" for each x in r capped 60 EUR quarterly:\n  if x > 1h then 5 EUR\n  if x > 4h then 12.5 EUR',
];
const PAY_IF = ['pay only if total_credit >= 20 EUR', 'pay only if n >= 2', 'pay only if total_credit < 150 EUR and a > 90.5%'];
const PAY_IF_FEE = ['pay only if total_credit_percent >= 2%'];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

function inputValue(name: string): fc.Arbitrary<string> {
  if (name === 'a') return fc.integer({ min: 9000, max: 10000 }).map((v) => `${v / 100}%`);
  if (name === 'n') return fc.integer({ min: 0, max: 20 }).map(String);
  if (name === 'd') return fc.integer({ min: 0, max: 720 }).map((v) => `${v / 10}h`);
  if (name === 'r') return fc.array(fc.integer({ min: 0, max: 720 }).map((v) => `${v / 10}h`), { maxLength: 6 }) as unknown as fc.Arbitrary<string>;
  return fc.integer({ min: 1, max: 5_000_00 }).map((v) => `${v / 100} EUR`);
}

function runsArb(periods: number, names: readonly string[]): fc.Arbitrary<InputValues[]> {
  const run = fc.integer({ min: 0, max: periods }).chain((length) =>
    fc.tuple(...names.map((name) => fc.option(length === 0 ? inputValue(name) : fc.oneof(inputValue(name), fc.array(inputValue(name), { minLength: length, maxLength: length })), { nil: undefined, freq: 4 }))).map((values) => {
      const given: Record<string, string | string[]> = {};
      names.forEach((name, i) => {
        if (values[i] !== undefined) given[name] = values[i]!;
      });
      // A year needs one list at least.
      if (length > 0 && !Object.entries(given).some(([name, v]) => Array.isArray(v) && (name !== 'r' || v.some(Array.isArray)))) given.n = Array.from({ length }, (_, m) => String((m * 7) % 21));
      return given as InputValues;
    }),
  );
  return fc.array(run, { minLength: 3, maxLength: 8 });
}

export function v2CaseArb(): fc.Arbitrary<V2Case> {
  return fc
    .record({
      period: pick<Period>(['monthly', 'quarterly', 'yearly']),
      feePeriod: fc.option(pick<Period>(['monthly', 'quarterly', 'yearly']), { nil: undefined, freq: 4 }),
      payout: fc.boolean(),
      ruleIndexes: fc.uniqueArray(fc.nat(99), { minLength: 1, maxLength: 3 }),
      capIndex: fc.option(fc.nat(99), { nil: undefined }),
      payIndex: fc.option(fc.nat(99), { nil: undefined }),
    })
    .chain(({ period, feePeriod, payout, ruleIndexes, capIndex, payIndex }) => {
      const hasFee = feePeriod !== undefined;
      const rules = hasFee ? [...WITH_FEE, ...MONEY] : MONEY;
      const pays = hasFee ? [...PAY_IF, ...PAY_IF_FEE] : PAY_IF;
      const lines = [
        ...(period === 'monthly' ? [] : [`period ${period}`]),
        ...(hasFee ? [`fee 3_000 EUR ${feePeriod}`] : []),
        ...(payout && !hasFee ? ['payout "bonus" to "the agent"'] : []),
        ...INPUTS,
        ...[...new Set(ruleIndexes.map((i) => rules[i % rules.length]))],
      ];
      if (capIndex !== undefined) {
        const capPeriod = LONGER[period][capIndex % LONGER[period].length];
        lines.push(`cap ${hasFee && capIndex % 2 === 0 ? '20%' : '120.50 EUR'} ${capPeriod}`);
      }
      if (payIndex !== undefined) lines.push(pays[payIndex % pays.length]);
      if (!hasFee && !lines.some((l) => l.includes('EUR'))) lines.push('if n > 100 then 1 EUR');
      const names = hasFee ? ['a', 'n', 'd', 'r', 'fee'] : ['a', 'n', 'd', 'r'];
      return runsArb(PERIODS_IN_YEAR[period], names).map((runs) => ({ text: `${lines.join('\n')}\n`, runs }));
    });
}
