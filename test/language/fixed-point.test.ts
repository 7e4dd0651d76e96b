/**
 * The fixed-point fast path of `credit()` against the decimal evaluator, the
 * reference: identical results on the shipped programs, on random programs and
 * inputs (fast-check, fixed seed), and on the values it must hand over.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { compile, type InputValues, type Program } from '../../src/index.js';
import { compile as compileDecimalOnly } from '../../src/compiler.js';
import { planFixed } from '../../src/language/evaluate/fixed.js';
import type { CheckedProgram } from '../../src/language/checker/program.js';
import type { FastPath } from '../../src/language/program.js';
import type { Program as RuntimeProgram } from '../../src/runtime.js';
import { programArb, valuesArb } from '../fuzz/arbitraries.js';

const SEED = 20_261_123;
const examples = new URL('../../examples/', import.meta.url);
const shipped = readdirSync(examples).filter((f) => f.endsWith('.credit')).map((f) => ({ file: f, source: readFileSync(new URL(f, examples), 'utf8') }));

interface Pair {
  readonly fast: Program;
  /** The runtime's program: the exact interpreter alone. */
  readonly reference: RuntimeProgram;
  readonly path: FastPath;
}

function pair(source: string): Pair {
  const fast = compile(source).program;
  const reference = compileDecimalOnly(source).program;
  assert.ok(fast && reference, source);
  const path = planFixed(fast.toJSON() as CheckedProgram);
  assert.ok(path, `no fast path for:\n${source}`);
  return { fast, reference, path };
}

/** Plain data with sorted keys, so results compare by content. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

/** Compares both paths on `values`; returns whether the fast path answered itself. */
function agree({ fast, reference, path }: Pair, values: InputValues): boolean {
  const expected = canonical(reference.credit(values));
  assert.deepEqual(canonical(fast.credit(values)), expected, `values: ${JSON.stringify(values)}`);
  const own = path(values, {});
  if (own) assert.deepEqual(canonical(own), expected, `fast path, values: ${JSON.stringify(values)}`);
  return own !== undefined;
}

/** Billing's form of a value: literals as bare JS numbers where the unit allows (`99.5%` → 99.5, `1000 EUR` → 1000). */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bare(v)]));
  if (typeof value !== 'string') return value;
  const m = /^(-?[\d.]+)(%| [A-Z]{3})?$/.exec(value);
  return m ? Number(m[1]) : value;
}

test('the shipped programs: the fast path answers their examples\' values and defaults exactly as the decimal evaluator', () => {
  for (const { file, source } of shipped) {
    const programs = pair(source);
    let answered = 0;
    const runs: InputValues[] = [{}, ...programs.fast.examples.map((e) => e.inputs), ...programs.fast.examples.map((e) => bare(e.inputs) as InputValues)];
    for (const values of runs) if (agree(programs, values)) answered++;
    // The one-liner's fee has no default: its runs without a fee are errors, which the reader reports.
    assert.ok(answered >= runs.length / 3, `${file}: the fast path answered only ${answered} of ${runs.length} runs`);
  }
});

test('random programs and inputs: the fast path and the decimal evaluator agree (month and year)', () => {
  let answered = 0;
  let total = 0;
  fc.assert(
    fc.property(
      programArb().chain((model) => fc.tuple(fc.constant(model), fc.array(valuesArb(model), { minLength: 1, maxLength: 4 }))),
      ([model, runs]) => {
        const programs = pair(model.text);
        for (const values of runs) {
          for (const form of [values, bare(values) as InputValues]) {
            total++;
            if (agree(programs, form)) answered++;
          }
        }
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
  // Not a vacuous comparison: most bare-number runs take the fast path.
  assert.ok(answered > total / 4, `the fast path answered ${answered} of ${total} runs`);
});

test('values it cannot prove exact go to the decimal evaluator, with the same results and errors', () => {
  const source = 'fee 1000 EUR monthly\ninput availability: percent default 99.99% range 90%..100%\ninput outage: duration default 0h\n'
    + 'credit:\n  if availability < 99.9% then 10%\n  if availability < 99% then 25% capped 200 EUR\nif outage > 4h then 1% per started 1h above\ncap 30% yearly\n';
  const programs = pair(source);
  const handedOver: InputValues[] = [
    { availability: '99.5 %' }, // a literal the reader parses
    { fee: '1000 USD' }, // the wrong currency
    { outage: '4 hours' },
    { fee: 1e15 }, // beyond 2^53 at the money scale
    { fee: 0.001 },
    { availability: Number.NaN },
    { availability: Number.POSITIVE_INFINITY },
    { availability: 1e-7 },
    { availability: 89 }, // out of range
    { fee: -5 },
    { outage: -1 },
    { avail: 99 }, // unknown input
    { availability: [99, 98], outage: [1, 2, 3] }, // lists of different lengths
    { availability: Array.from({ length: 13 }, () => 99) },
    { availability: [] },
    { availability: true },
    ...['', ' 99', '+99', '99.', '.5', '99.5%%', '1e2', '0x10', '99,5', '99.5 EUR', '4x'].map((text) => ({ availability: text })),
    { outage: '4h ' },
    { fee: '1000 eur' },
  ];
  for (const values of handedOver) {
    assert.equal(programs.path(values, {}), undefined, `the fast path answered ${JSON.stringify(values)}`);
    agree(programs, values);
  }
  const answered: InputValues[] = [
    { availability: 99.5 },
    // Only compared with thresholds: held as given, whatever its decimals.
    { availability: 99.00000000000001 },
    { availability: '99.5' },
    { availability: '99.5%', fee: '1250.55' },
    { fee: '1000 EUR', outage: '270min' },
    { availability: 98.9999, outage: 7.25 },
    { availability: [99.95, 98, 97, 95, 99, 99, 90, 90, 90, 90, 90, 90], fee: 2000.05 },
    { outage: [5, 6, 30, 0], fee: [1000, 1200, 900.5, 1000] },
    // A large account's year: the share's long division must keep to exact steps.
    { availability: [97.95, 96.37, 99.97, 99.46, 99.82, 99.99, 96.64, 99.56, 99.95, 99.95, 99.12, 99.99], fee: 5015 },
  ];
  for (const values of answered) assert.ok(agree(programs, values), `the fast path did not answer ${JSON.stringify(values)}`);
});

test('the fast path rounds money half up and keeps the yearly cap to what is paid', () => {
  const programs = pair('fee 1000.05 EUR monthly\ninput availability: percent default 100% range 0%..100%\nif availability < 99% then 10%\ncap 10% yearly\n');
  const year = programs.fast.credit({ availability: Array.from({ length: 12 }, () => 98) });
  assert.ok(year.ok);
  assert.equal(year.credit.amount, '1200.06');
  assert.equal(year.credit.months?.[0].amount, '100.01');
  assert.equal(year.credit.cuts.length, 1);
  assert.ok(agree(programs, { availability: Array.from({ length: 12 }, () => 98) }));
});

test('programs whose constants do not fit in fixed point have no fast path, and still evaluate', () => {
  const source = 'fee 1000 EUR monthly\ninput availability: percent default 99%\nif availability < 99.000000000000001% then 10%\n';
  const program = compile(source).program!;
  assert.equal(planFixed(program.toJSON() as CheckedProgram), undefined);
  const result = program.credit({ availability: 98 });
  assert.ok(result.ok);
  assert.equal(result.credit.amount, '100.00');
});

/** The double next to `x` towards `to`: the nearest value a threshold test can be fooled by. */
function nextDouble(x: number, to: number): number {
  if (x === to) return x;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, (x < to) === (x >= 0) ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

test('an input only compared with thresholds is answered as given, whatever its decimals, exactly as the decimal evaluator (no cliff)', () => {
  // Billing computes availability from downtime: doubles with 14 decimals.
  const programs = pair('fee 1000 EUR monthly\ninput availability: percent default 100%\ncredit "Uptime":\n  if availability < 99.95% then 10%\n  if availability < 99.5% then 25%\n  if 95% <= availability < 99% then 50%\n  if availability < 95% then 100%\n');
  const thresholds = [99.95, 99.5, 99, 95, 100];
  const billed: number[] = [0];
  for (const t of thresholds) billed.push(t, nextDouble(t, -Infinity), nextDouble(nextDouble(t, -Infinity), -Infinity), ...(t < 100 ? [nextDouble(t, Infinity)] : []));
  for (let down = 0; down <= 43_200; down += 7.3) billed.push(100 * (1 - down / 43_200));
  for (const availability of billed) {
    assert.ok(agree(programs, { availability }), `the fast path did not answer ${availability}`);
    // A CSV cell holds the same figure as text: answered when it has at most 15 significant digits.
    agree(programs, { availability: String(availability) });
    agree(programs, { availability: availability.toPrecision(15) });
  }
  // Any double at all, also those the reader refuses (below 1e-6 their shortest form has an exponent).
  for (const availability of fc.sample(fc.double({ min: 0, max: 100, noNaN: true }), { numRuns: 2000, seed: SEED })) agree(programs, { availability });
  assert.ok(agree(programs, { availability: [99.99999999999, 98.765432109876, 94.99999999999999] }));
  assert.ok(agree(programs, { availability: '99.4999999999999%' }));
});

test('an input that is computed with keeps the planned decimals, and hands longer ones over', () => {
  const programs = pair('fee 1000 EUR monthly\ninput availability: percent default 100%\nif availability < 99.5% then 1% per started 0.1% below\n');
  assert.equal(programs.path({ availability: 99.00000000000001 }, {}), undefined);
  agree(programs, { availability: 99.00000000000001 });
  assert.ok(agree(programs, { availability: 99.25 }));
});

test('rules that name no currency: the fast path takes the fee\'s, as the reader does, and hands over anything else', () => {
  const programs = pair('input a: percent default 100%\nif a < 99.5% then 10%\n');
  assert.ok(agree(programs, { a: 98, fee: '1000 EUR' }));
  assert.ok(agree(programs, { a: [98, 99], fee: ['2.05 JPY', '3 JPY'] }));
  // A bare fee: no currency, in both paths.
  assert.ok(agree(programs, { a: 98, fee: 1000 }));
  for (const values of [{ a: 98, fee: '1000 eur' }, { a: [98, 99], fee: ['1000 EUR', '1000 USD'] }, { a: 98, fee: '1000 XYZ' }]) {
    assert.equal(programs.path(values, {}), undefined, JSON.stringify(values));
    agree(programs, values);
  }
});
