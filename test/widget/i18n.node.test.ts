/**
 * What a person types into a number field of <credit-calculator>, in English
 * and German (src/widget/i18n.ts): grouping, decimal marks, the units the
 * field itself shows. Plain functions, so they run in Node.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNumber } from '../../src/widget/i18n.js';

describe('parseNumber: a typed number as a decimal string', () => {
  it('reads German and English grouping and decimal marks', () => {
    for (const [text, lang, expected] of [
      ['99,5', 'de', '99.5'],
      ['1.200,50', 'de', '1200.50'],
      ['1.200', 'de', '1200'],
      ['99.5', 'de', '99.5'],
      ['1,200.50', 'en', '1200.50'],
      ['99.', 'en', '99'],
      ['−3', 'en', '-3'],
    ] as const) {
      assert.equal(parseNumber(text, lang), expected, `${lang} "${text}"`);
    }
  });

  it('ignores the unit the field shows, also a German one ending in a dot', () => {
    for (const [text, lang, expected] of [
      ['4 Std.', 'de', '4'],
      ['30 Min.', 'de', '30'],
      ['1,5 Std.', 'de', '1.5'],
      ['99,5 %', 'de', '99.5'],
      ['1200 EUR', 'en', '1200'],
      ['4h', 'en', '4'],
    ] as const) {
      assert.equal(parseNumber(text, lang), expected, `${lang} "${text}"`);
    }
  });

  it('does not read a leading zero as a thousands group: no silent ×1000', () => {
    assert.equal(parseNumber('0.500', 'de'), '0.500');
    assert.equal(parseNumber('0,500', 'en'), undefined);
    assert.equal(parseNumber('0,5', 'en'), undefined);
  });
});
