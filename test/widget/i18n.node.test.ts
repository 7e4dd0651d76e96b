/**
 * What a person types into a number field of <credit-calculator>, in English
 * and German (src/widget/i18n.ts): grouping, decimal marks, the units the
 * field itself shows. Plain functions, so they run in Node.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNumber } from '../../src/widget/i18n.js';

/** Each text, typed in its language, reads as the decimal string given. */
function reads(cases: readonly (readonly [text: string, lang: 'en' | 'de', expected: string])[]): void {
  for (const [text, lang, expected] of cases) assert.equal(parseNumber(text, lang), expected, `${lang} "${text}"`);
}

describe('parseNumber: a typed number as a decimal string', () => {
  it('reads German and English grouping and decimal marks', () => {
    reads([
      ['99,5', 'de', '99.5'],
      ['1.200,50', 'de', '1200.50'],
      ['1.200', 'de', '1200'],
      ['99.5', 'de', '99.5'],
      ['1,200.50', 'en', '1200.50'],
      ['99.', 'en', '99'],
      ['−3', 'en', '-3'],
    ]);
  });

  it('ignores the unit the field shows, also a German one ending in a dot', () => {
    reads([
      ['4 Std.', 'de', '4'],
      ['30 Min.', 'de', '30'],
      ['1,5 Std.', 'de', '1.5'],
      ['99,5 %', 'de', '99.5'],
      ['1200 EUR', 'en', '1200'],
      ['4h', 'en', '4'],
    ]);
  });

  it('does not read a leading zero as a thousands group: no silent ×1000', () => {
    assert.equal(parseNumber('0.500', 'de'), '0.500');
    assert.equal(parseNumber('0,500', 'en'), undefined);
    assert.equal(parseNumber('0,5', 'en'), undefined);
  });
});
