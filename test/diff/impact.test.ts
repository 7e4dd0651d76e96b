/**
 * The money impact of a change (src/language/diff/impact.ts): for each
 * input, the ranges where the versions pay a month differently, found from
 * the breakpoints of both versions. The cases state the ranges; the property
 * checks them against evaluating both versions directly, at and around every
 * threshold and at random values, for random programs with a moved threshold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compile, type CreditOutcome, type Program } from '../../src/index.js';
import { Decimal } from '../../src/language/decimal.js';
import { diffPrograms, rangeText } from '../../src/language/diff/diff.js';
import type { ImpactRange, InputImpact, MoneyImpact } from '../../src/language/diff/impact.js';
import { moneyImpact } from '../../src/language/diff/impact.js';
import { lex } from '../../src/language/lexer.js';
import { programArb } from '../fuzz/arbitraries.js';
import { rules } from '../helpers.js';

const SEED = 20_261_207;

const UPTIME = rules`
  fee 1000 EUR monthly
  input availability: percent "Monthly uptime" default 99.95% range 90%..100%
  credit "Uptime":
    if availability < 99.9% then 10%
    if availability < 99% then 25%
`;

function program(source: string): Program {
  const { program: p, diagnostics } = compile(source);
  assert.ok(p, `${source}\n${JSON.stringify(diagnostics)}`);
  return p;
}

function impact(before: string, after: string): MoneyImpact {
  return diffPrograms(program(before), program(after)).impact;
}

/** An input's ranges as one line each: "from 99.5% to below 99.9%: 100 -> 0 (-100)". */
function ranges(input: InputImpact | undefined): string[] {
  assert.ok(input);
  return input.ranges.map((r) => `${rangeText(r, input, 'en')}: ${r.before.amount} -> ${r.after.amount} (${r.difference})`);
}

describe('the ranges where two versions pay differently', () => {
  it('moving the 10% tier from 99.9% to 99.5% costs nothing below 99.5% and 10% of the fee from there to below 99.9%', () => {
    const result = impact(UPTIME, UPTIME.replace('99.9% then', '99.5% then'));
    assert.deepEqual(ranges(result.inputs[0]), ['from 99.5% to below 99.9%: 100.00 -> 0.00 (-100)']);
  });

  it('a threshold that includes its value differs at that one value', () => {
    const result = impact(UPTIME, UPTIME.replace('< 99% then', '<= 99% then'));
    assert.deepEqual(ranges(result.inputs[0]), ['99%: 100.00 -> 250.00 (150)']);
  });

  it('ranges from both versions\' thresholds, neighbours that pay the same merged', () => {
    const after = UPTIME.replace('99.9% then 10%', '99.5% then 10%').replace('then 25%', 'then 30%').replace('  if availability < 99% then 30%\n', '  if availability < 99% then 30%\n  if availability < 95% then 50%\n');
    assert.deepEqual(ranges(impact(UPTIME, after).inputs[0]), [
      'from 90% to below 95%: 250.00 -> 500.00 (250)',
      'from 95% to below 99%: 250.00 -> 300.00 (50)',
      'from 99.5% to below 99.9%: 100.00 -> 0.00 (-100)',
    ]);
  });

  it('each version at its own fee: a changed fee shows in every range that pays', () => {
    const result = impact(UPTIME, UPTIME.replace('1000 EUR', '1200 EUR'));
    assert.deepEqual(result.held.fee, { before: '1000 EUR', after: '1200 EUR' });
    assert.deepEqual(ranges(result.inputs[0]), ['from 90% to below 99%: 250.00 -> 300.00 (50)', 'from 99% to below 99.9%: 100.00 -> 120.00 (20)']);
  });

  it('a proportional credit changes at every step from its threshold', () => {
    const before = 'fee 1000 EUR monthly\ninput r: duration default 1h range 0h..12h\nif r > 8h then 2% per started 1h above\n';
    const after = before.replace('2% per', '3% per');
    const result = impact(before, after);
    assert.equal(result.inputs[0].exact, true);
    assert.deepEqual(ranges(result.inputs[0]), [
      'above 8 hours up to 9 hours: 20.00 -> 30.00 (10)',
      'above 9 hours up to 10 hours: 40.00 -> 60.00 (20)',
      'above 10 hours up to 11 hours: 60.00 -> 90.00 (30)',
      'above 11 hours up to 12 hours: 80.00 -> 120.00 (40)',
    ]);
  });

  it('a condition: its two values', () => {
    const before = 'fee 100 EUR monthly\ninput announced: boolean default false\nif not announced then 10%\n';
    assert.deepEqual(ranges(impact(before, before.replace('10%', '20%')).inputs[0]), ['no: 10.00 -> 20.00 (10)']);
  });

  it('an input that is computed with is marked inexact: its differing neighbours are one range, its amounts shown at one value', () => {
    const before = 'fee 100 EUR monthly\ninput late: number default 0 range 0..10\nif late > 2 then late * 1%\n';
    const result = impact(before, before.replace('> 2', '> 3'));
    assert.equal(result.inputs[0].exact, false);
    assert.deepEqual(ranges(result.inputs[0]), ['above 2 up to 3: 2.03 -> 0.00 (-2.03)']);
    assert.equal(result.inputs[0].ranges[0].at, '2.03125');
  });

  it('an input that is computed with is tried between its breakpoints too', () => {
    const before = 'input resolved: number default 350 range 0..5_000\nif resolved > 300 then min((resolved - 300) * 0.50 EUR, 100 EUR)\n';
    const result = impact(before, before.replace('0.50 EUR', '0.60 EUR'));
    assert.deepEqual(ranges(result.inputs[0]), ['above 300 and below 593.75: 73.44 -> 88.13 (14.69)']);
  });

  it('holds the other inputs at their defaults, and says which had none', () => {
    const result = impact('if availability < 99.5% then 10%\n', 'if availability < 99.9% then 10%\n');
    assert.deepEqual(result.held, { fee: { before: '1000', after: '1000' }, availability: { before: '100%', after: '100%' } });
    assert.deepEqual(result.assumed, ['fee', 'availability']);
    assert.deepEqual(ranges(result.inputs[0]), ['from 99.5% to below 99.9%: 0.00 -> 100.00 (100)']);
  });

  it('a list input: the ranges of one item, compared through its `for each` block', () => {
    const before = 'fee 1000 EUR monthly\ninput r: list of duration default [] range 0h..24h\ncredit "Late" for each x in r:\n  if x > 4h then 5%\n';
    const result = impact(before, before.replace('x > 4h', 'x > 3h'));
    assert.deepEqual(result.held.r, { before: [], after: [] });
    assert.equal(result.inputs[0].list, true);
    assert.equal(result.inputs[0].exact, true);
    assert.deepEqual(ranges(result.inputs[0]), ['above 3 hours up to 4 hours: 0.00 -> 50.00 (50)']);
  });

  it('a quarterly program: the amounts are a quarter\'s', () => {
    const before = 'period quarterly\nfee 1000 EUR monthly\ninput availability: percent default 100%\nif availability < 99.9% then 10%\n';
    const result = impact(before, before.replace('99.9%', '99.5%'));
    assert.equal(result.period, 'quarterly');
    assert.deepEqual(ranges(result.inputs[0]), ['from 99.5% to below 99.9%: 300.00 -> 0.00 (-300)']);
  });

  it('words the ranges in German', () => {
    const result = impact(UPTIME, UPTIME.replace('99.9% then', '99.5% then'));
    assert.equal(rangeText(result.inputs[0].ranges[0], result.inputs[0], 'de').replaceAll('\u00A0', ' '), 'von 99,5 % bis unter 99,9 %');
  });
});

describe('the ranges are exact', () => {
  /** A program with one of its percentage thresholds moved, when that still compiles. */
  const moved = programArb().chain((model) =>
    fc.tuple(fc.constant(model), fc.nat(), fc.integer({ min: 0, max: 10_000 })).map(([m, pick, value]) => {
      const tokens = lex(m.text).tokens.filter((t, i, all) => t.tokenType.name === 'PercentLiteral' && ['<', '<=', '>', '>='].includes(all[i - 1]?.image ?? ''));
      if (tokens.length === 0) return undefined;
      const token = tokens[pick % tokens.length];
      const after = `${m.text.slice(0, token.startOffset)}${new Decimal(value).div(100).toFixed()}%${m.text.slice(token.startOffset + token.image.length)}`;
      return { before: m.text, after };
    }));

  it('evaluating both versions directly anywhere agrees with the range the value falls in', () => {
    fc.assert(
      fc.property(moved, (pair) => {
        if (!pair) return;
        const [before, after] = [compile(pair.before).program, compile(pair.after).program];
        if (!before || !after) return;
        const result = moneyImpact(before, after);
        for (const input of result.inputs) {
          if (!input.exact || input.kind !== 'percent') continue;
          const thresholds: string[] = [...new Set([...pair.before.matchAll(/(\d+(?:\.\d+)?)%/g), ...pair.after.matchAll(/(\d+(?:\.\d+)?)%/g)].map((m) => m[1]))];
          const samples: Decimal[] = thresholds.flatMap((t) => [new Decimal(t), new Decimal(t).minus('0.001'), new Decimal(t).plus('0.001')]);
          const values = (side: 'before' | 'after', value: Decimal) =>
            Object.fromEntries(Object.entries(result.held).map(([name, held]) => [name, name === input.name ? `${value.toFixed()}%` : held[side]]));
          for (const value of samples) {
            if (input.kind === 'percent' && (value.lt(0) || value.gt(100))) continue;
            const [b, a]: CreditOutcome[] = [before.credit(values('before', value)), after.credit(values('after', value))];
            if (!b.ok || !a.ok) continue;
            const actual: Decimal = new Decimal(a.credit.amount).minus(b.credit.amount);
            const range: ImpactRange | undefined = input.ranges.find((r) => inRange(value, r.from, r.to));
            assert.equal(range?.difference ?? '0', actual.toFixed(), `${input.name} = ${value}%\n--- before\n${pair.before}--- after\n${pair.after}${JSON.stringify(input.ranges)}`);
          }
        }
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});

function inRange(value: Decimal, from?: { value: string; included: boolean }, to?: { value: string; included: boolean }): boolean {
  const above = !from || (from.included ? value.gte(from.value) : value.gt(from.value));
  const below = !to || (to.included ? value.lte(to.value) : value.lt(to.value));
  return above && below;
}
