/**
 * `format(source)` (src/language/format/): one canonical layout, idempotent,
 * comments kept, meaning unchanged; text with syntax errors is refused with
 * the errors. Layout cases are one line each: what was written, what comes
 * out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createToken, createTokenInstance, type IToken } from 'chevrotain';
import { format } from '../../src/language/format/format.js';
import { layout } from '../../src/language/format/layout.js';
import { lex } from '../../src/language/lexer.js';
import { rules } from '../helpers.js';

function formatted(source: string): string {
  const result = format(source);
  assert.ok(result.text !== undefined, `refused: ${JSON.stringify(result.diagnostics)}`);
  return result.text;
}

describe('format writes one canonical layout', () => {
  const cases: [sentence: string, written: string, canonical: string][] = [
    ['one space between tokens', 'if  availability<99.5%   then 10%', 'if availability < 99.5% then 10%'],
    ['no space before a colon or a comma, none inside brackets', 'input a : percent\nlet b = ( a + 1% )\nexample "x" : a = [ 1% , 2% ] => b = 3%', 'input a: percent\nlet b = (a + 1%)\nexample "x": a = [1%, 2%] => b = 3%'],
    ['a range without spaces around `..`', 'input a: percent range 0% .. 100%', 'input a: percent range 0%..100%'],
    ['a sign sticks to its number, a subtraction does not', 'let x = - 5% - -2%\ninput a: percent range - 10%..10%', 'let x = -5% - -2%\ninput a: percent range -10%..10%'],
    ['a percent literal without a space, money with one', 'fee 1200   EUR monthly\nif a < 99.5 % then 10 %', 'fee 1200 EUR monthly\nif a < 99.5% then 10%'],
    ['two spaces per block level, whatever was written', 'credit "U":\n      if a < 99% then 10%', 'credit "U":\n  if a < 99% then 10%'],
    ['a block\'s tiers aligned on `then`', 'credit "U":\n  if a < 99.99% then 10%\n  if a < 99% then 30%\n  if 95% <= a < 99% then 50%',
      'credit "U":\n  if a < 99.99%     then 10%\n  if a < 99%        then 30%\n  if 95% <= a < 99% then 50%'],
    ['a blank line starts a new column of tiers', 'credit "U":\n  if a < 99.99% then 10%\n\n  if a < 99% then 30%', 'credit "U":\n  if a < 99.99% then 10%\n\n  if a < 99% then 30%'],
    ['separate rules are not aligned', 'if a < 99.99% then 10%\nif a < 99% then 30%', 'if a < 99.99% then 10%\nif a < 99% then 30%'],
    ['at most one blank line, none at the start, the end or after a block header', '\n\nfee 1 EUR monthly\n\n\n\ncredit "U":\n\n  if a < 99% then 10%\n\n\n', 'fee 1 EUR monthly\n\ncredit "U":\n  if a < 99% then 10%'],
    ['trailing comments kept, neighbours in one column', 'fee 1 EUR monthly # the fee\ninput a: percent  # uptime', 'fee 1 EUR monthly  # the fee\ninput a: percent   # uptime'],
    ['a comment line keeps its block', 'credit "U":\n    # why\n    if a < 99% then 10%\n    # end of the table\n# after\ncap 5% monthly', 'credit "U":\n  # why\n  if a < 99% then 10%\n  # end of the table\n# after\ncap 5% monthly'],
    ['a comment directly above a tier joins its block', 'credit "U":\n# the first tier\n  if a < 99% then 10%', 'credit "U":\n  # the first tier\n  if a < 99% then 10%'],
    ['a tier\'s comment lines do not break its column', 'credit "U":\n  if a < 99.99% then 10%\n  # worse\n  if a < 99% then 30%', 'credit "U":\n  if a < 99.99% then 10%\n  # worse\n  if a < 99%    then 30%'],
    ['comment text is kept as written', '#no space\n## a drafting note   \nif a < 99% then 10%', '#no space\n## a drafting note\nif a < 99% then 10%'],
    ['line breaks inside brackets are kept, indented by depth', 'example "y": a = [99%,\n        98%,\n           97%\n   ] => credit 0%', 'example "y": a = [99%,\n  98%,\n  97%\n] => credit 0%'],
    ['CRLF line ends become LF', 'fee 1 EUR monthly\r\nif a < 99% then 10%\r\n', 'fee 1 EUR monthly\nif a < 99% then 10%'],
  ];
  for (const [sentence, written, canonical] of cases) {
    it(sentence, () => {
      const text = formatted(`${written}\n`);
      assert.equal(text, `${canonical}\n`);
      assert.equal(formatted(text), text, 'formatting the result again changes nothing');
    });
  }

  it('an empty text stays empty, and a text of comments keeps them', () => {
    assert.equal(formatted(''), '');
    assert.equal(formatted('\n\n'), '');
    assert.equal(formatted('  # only a note'), '# only a note\n');
  });

  it('says whether the text changed', () => {
    assert.equal(format('if a < 99% then 10%\n').changed, false);
    assert.equal(format('if a < 99%  then 10%\n').changed, true);
  });
});

describe('format refuses a text with syntax errors', () => {
  const cases: [sentence: string, source: string, code: string, line: number, column: number][] = [
    ['a statement that does not parse', 'fee 1 EUR monthly\nif a < then 10%\n', 'syntax-error', 2, 8],
    ['an unterminated string', 'input a: percent "Uptime\n', 'unterminated-string', 1, 18],
    ['a tab in the indentation', 'credit "U":\n\tif a < 99% then 10%\n', 'tab-indent', 2, 1],
    ['an unexpected indentation', 'fee 1 EUR monthly\n  if a < 99% then 10%\n', 'unexpected-indent', 2, 1],
    ['an unclosed bracket', 'let x = (1 + 2\n', 'unclosed-bracket', 1, 9],
  ];
  for (const [sentence, source, code, line, column] of cases) {
    it(sentence, () => {
      const result = format(source);
      assert.equal(result.text, undefined);
      assert.equal(result.changed, false);
      // The first error is the mistake; the parser's recovery may report what follows from it.
      assert.deepEqual(result.diagnostics.map((d) => [d.code, d.start.line, d.start.column])[0], [code, line, column]);
      assert.ok(result.diagnostics.every((d) => d.severity === 'error'));
    });
  }

  it('but formats rules whose names or kinds are wrong: that is the checker\'s to say', () => {
    const source = 'input a: percent\nif b  < 99% then 10%\n';
    const result = format(source);
    assert.equal(result.text, 'input a: percent\nif b < 99% then 10%\n');
  });
});

describe('syntax the formatter has no rule for', () => {
  // Language version 2 (LANGUAGE.md §7–12), laid out from its tokens alone.
  const cases: [sentence: string, written: string, canonical: string][] = [
    ['calls', 'let m: number = round( downtime / 730h * 50 ,0.01 )', 'let m: number = round(downtime / 730h * 50, 0.01)'],
    ['conditional expressions', 'output roi: percent = if c = 0 EUR  then 0%  else (kept-c)/c', 'output roi: percent = if c = 0 EUR then 0% else (kept - c) / c'],
    ['pay only if', 'pay  only if total_credit>1 USD', 'pay only if total_credit > 1 USD'],
    ['label translations and payout', 'payout "bonus"  de "Bonus" to "the agent"  de "die Mitarbeiterin"', 'payout "bonus" de "Bonus" to "the agent" de "die Mitarbeiterin"'],
    ['lists and for each', 'credit "Per outage" for each outage in outages capped 30% monthly:\n    if outage>1h then 1 point\n    if outage > 4h then 3 points\noutput n: number = count( outages )',
      'credit "Per outage" for each outage in outages capped 30% monthly:\n  if outage > 1h then 1 point\n  if outage > 4h then 3 points\noutput n: number = count(outages)'],
    ['period and claims', 'period   quarterly\nclaim within 5 business  days', 'period quarterly\nclaim within 5 business days'],
    ['a conditional credit of a tier, in brackets', 'credit "U":\n  if a < 99% then (if b then 10% else 5%)\n  if a < 95% then 20%', 'credit "U":\n  if a < 99% then (if b then 10% else 5%)\n  if a < 95% then 20%'],
  ];
  for (const [sentence, written, canonical] of cases) {
    it(`lays out ${sentence} sensibly`, () => {
      const source = `${written}\n`;
      const text = layout(source, lex(source).tokens);
      assert.equal(text, `${canonical}\n`);
      assert.equal(layout(text, lex(text).tokens), text);
    });
  }

  it('keeps a token type it does not know with the spaces it was written with', () => {
    // A token added to the language later: here `<` made into a type of its own.
    const Squiggle = createToken({ name: 'Squiggle', pattern: /~>/ });
    const source = 'if  a <   99% then  10%\n';
    const tokens = lex(source).tokens.map((token): IToken =>
      token.image === '<'
        ? createTokenInstance(Squiggle, token.image, token.startOffset, token.endOffset ?? 0, token.startLine ?? 1, token.endLine ?? 1, token.startColumn ?? 1, token.endColumn ?? 1)
        : token);
    assert.equal(layout(source, tokens), 'if a <   99% then 10%\n');
  });
});

describe('formatting never changes what the rules mean', () => {
  it('keeps every token and its order (a sample full of comments)', () => {
    const source = rules`
      # The fee
      fee 1_000 EUR monthly # per month
      input availability: percent "Uptime" default 99.9% range 0%..100% step 0.01%
      credit "Uptime" capped 50% monthly: # the table
          if availability < 99.9% then 10% # small
          if availability < 99% then 1% per 0.1% below capped 40% monthly
      cap 20% yearly
      example "bad": availability = 98% => credit 200 EUR
    `;
    const text = formatted(source);
    const images = (s: string) => lex(s).tokens.filter((t) => t.image.trim() !== '').map((t) => t.image);
    assert.deepEqual(images(text), images(source));
    assert.equal((text.match(/#/g) ?? []).length, 4);
  });
});
