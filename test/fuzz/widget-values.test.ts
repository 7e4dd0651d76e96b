/**
 * Values of any length through the widget's readers, in Node: what a host's
 * `values`, a share link or a field hands over. A value longer than
 * MAX_VALUE_LENGTH is refused unread; a shorter one reads as a decimal string
 * that formats exactly; grouping digits stays linear however many there are;
 * a link gives back each value as written and at most twelve months. A
 * reader that went quadratic would miss the test's timeout.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { InputInfo } from '../../src/language/program.js';
import { formatNumber } from '../../src/language/render/format.js';
import { readScenario } from '../../src/widget/share.js';
import { fieldValue, MAX_VALUE_LENGTH, tooLong } from '../../src/widget/values.js';

const SEED = 4_242;
const options = { timeout: 120_000 };

/** Digits, sometimes with a fraction, a sign, grouping underscores, a unit or junk; from one to 200,000 characters. */
const valueArb = fc
  .record({
    digits: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 90, max: 110 }), fc.integer({ min: 1_000, max: 200_000 })),
    fraction: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    sign: fc.constantFrom('', '-', '+'),
    grouped: fc.boolean(),
    suffix: fc.constantFrom('', '%', ' EUR', 'h', 'min', '!', 'e5', '~', ' '),
    digit: fc.constantFrom('1', '9', '0'),
  })
  .map(({ digits, fraction, sign, grouped, suffix, digit }) => {
    const integer = grouped ? `1${'_000'.repeat(Math.ceil(digits / 4))}` : digit.repeat(digits);
    return `${sign}${integer}${fraction ? `.${'5'.repeat(fraction)}` : ''}${suffix}`;
  });

const inputs: InputInfo[] = [
  { name: 'availability', kind: 'percent' },
  { name: 'fee', kind: 'money', currency: 'EUR' },
  { name: 'response', kind: 'duration', unit: 'h' },
  { name: 'count', kind: 'number' },
] as InputInfo[];

test('a value of any length: refused unread when too long, else a decimal string that formats exactly', options, () => {
  fc.assert(
    fc.property(valueArb, fc.constantFrom(...inputs), (raw, input) => {
      const value = fieldValue(input, raw);
      if (tooLong(raw)) {
        assert.ok(raw.length > MAX_VALUE_LENGTH);
        assert.equal(value, undefined);
        return;
      }
      if (value === undefined) return;
      assert.match(value, /^-?\d+(\.\d+)?(e[+-]\d+)?$/);
      const shown = formatNumber(value, 'en');
      if (!/e/.test(value)) assert.equal(shown.replaceAll(',', ''), value.replace(/^(-?)0+(?=\d)/, '$1').replace(/^-(0(\.0+)?)$/, '$1'));
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('grouping digits: every group of three, whatever the length', options, () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 200_000 }), fc.constantFrom('en', 'de') as fc.Arbitrary<'en' | 'de'>, (count, lang) => {
      const digits = `1${'2'.repeat(count - 1)}`;
      const separator = lang === 'en' ? ',' : '.';
      const groups = formatNumber(digits, lang).split(separator);
      assert.equal(groups.join(''), digits);
      assert.ok(groups[0].length >= 1 && groups[0].length <= 3);
      assert.ok(groups.slice(1).every((g) => g.length === 3));
    }),
    { seed: SEED, numRuns: 60 },
  );
});

test('a share link with huge values: each value back as written, at most twelve months', options, () => {
  fc.assert(
    fc.property(valueArb.filter((v) => !v.includes('~')), fc.integer({ min: 1, max: 40 }), (value, months) => {
      const year = Array.from({ length: months }, () => value).join('~');
      const link = `https://example.com/page?calc.availability=${encodeURIComponent(value)}&calc.year.availability=${encodeURIComponent(year)}`;
      const scenario = readScenario(link, 'calc')!;
      assert.equal(scenario.values.availability, value);
      assert.equal(scenario.year!.availability.length, Math.min(months, 12));
      assert.ok(scenario.year!.availability.every((m) => m === value));
    }),
    { seed: SEED, numRuns: 100 },
  );
});
