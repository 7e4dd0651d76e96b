/**
 * Indentation (the layout pass of src/language/lexer.ts): a line ending in `:`
 * opens a block of the lines indented deeper; INDENT and DEDENT tokens carry
 * real positions; tabs, stray indents and dedents to no level are reported;
 * line breaks inside `(…)` and `[…]` do not end a statement.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lex } from '../../src/language/lexer.js';
import { compile } from '../../src/index.js';
import { evalMonth, expectDiagnostics, frame, programOf } from '../helpers.js';

/** The layout tokens with their positions: `Indent@2:3`. */
function layoutOf(source: string): string[] {
  return lex(source)
    .tokens.filter((t) => t.tokenType.name === 'Indent' || t.tokenType.name === 'Dedent')
    .map((t) => `${t.tokenType.name}@${t.startLine}:${t.startColumn}`);
}

const UPTIME = [
  'input availability: percent',
  'input response: duration',
  'credit "Uptime":',
  '  if availability < 99% then 10%',
  '  if availability < 95% then 30%',
  'if response > 4h then 5%',
  '',
].join('\n');

describe('blocks are the lines indented deeper than their header', () => {
  it('an INDENT stands at the first tier and a DEDENT at the first line back at the outer level', () => {
    assert.deepEqual(layoutOf(UPTIME), ['Indent@4:3', 'Dedent@6:1']);
  });

  it('the indented lines are tiers of the block (highest wins) and the dedented line is a separate rule (adds up)', () => {
    const result = evalMonth(UPTIME, { availability: '94%', response: '5h', fee: '1000 EUR' });
    assert.deepEqual(result.credits.map((c) => [c.kind, c.name, c.amount]), [
      ['block', 'Uptime', '300.00'],
      ['rule', 'response > 4h', '50.00'],
    ]);
    assert.equal(result.credit.amount, '350.00');
  });

  it('two dedents close two levels at once, at the position of the line that closes them', () => {
    assert.deepEqual(layoutOf('credit:\n  credit:\n    if a < 1% then 1%\nif a < 2% then 2%\n'), [
      'Indent@2:3', 'Indent@3:5', 'Dedent@4:1', 'Dedent@4:1',
    ]);
  });

  it('the end of the file closes an open block, with or without a trailing newline', () => {
    const withNewline = 'credit "U":\n  if a < 99% then 10%\n';
    const without = 'credit "U":\n  if a < 99% then 10%';
    assert.deepEqual(layoutOf(withNewline), ['Indent@2:3', 'Dedent@3:1']);
    assert.deepEqual(layoutOf(without), ['Indent@2:3', 'Dedent@2:22']);
    for (const source of [withNewline, without]) {
      assert.equal(evalMonth(source, { a: '50%', fee: '1000 EUR' }).credit.amount, '100.00');
    }
  });

  it('a file whose last statement has no trailing newline compiles', () => {
    assert.equal(evalMonth('if availability < 99.5% then 10%', { availability: '99%', fee: '1000 EUR' }).credit.amount, '100.00');
  });

  it('blank lines and comment lines inside a block, at any indentation, do not end it', () => {
    const source = [
      'input a: percent',
      'credit "U":',
      '  if a < 99% then 10%',
      '',
      '  # the next tier',
      '# a comment at the margin',
      '',
      '  if a < 95% then 30%',
      '',
    ].join('\n');
    assert.deepEqual(layoutOf(source), ['Indent@3:3', 'Dedent@9:1']);
    const result = evalMonth(source, { a: '94%', fee: '1000 EUR' });
    assert.equal(result.credits.length, 1);
    assert.equal(result.credits[0].tiers?.length, 2);
    assert.equal(result.credit.amount, '300.00');
  });

  it('Windows line endings read like Unix ones', () => {
    const crlf = UPTIME.replaceAll('\n', '\r\n');
    const values = { availability: '94%', response: '5h', fee: '1000 EUR' };
    assert.equal(evalMonth(crlf, values).credit.amount, evalMonth(UPTIME, values).credit.amount);
  });
});

describe('line breaks inside brackets do not end a statement', () => {
  it('an expression wrapped inside ( ) is one statement', () => {
    const source = 'input a: percent\nlet x = (1 +\n   2 +\n   3)\noutput o = x\nif a < 1% then 1%\n';
    assert.deepEqual(layoutOf(source), []);
    assert.equal(evalMonth(source, { a: '50%', fee: '10 EUR' }).outputs.o, '6');
  });

  it('a condition wrapped inside ( ) in a tier stays in its block', () => {
    const source = 'input a: percent\ncredit "U":\n  if (a < 99%\n      and a >= 95%) then 10%\n  if a < 95% then 30%\n';
    const result = evalMonth(source, { a: '96%', fee: '1000 EUR' });
    assert.equal(result.credits[0].tiers?.length, 2);
    assert.equal(result.credit.amount, '100.00');
  });

  it('a list of monthly values wrapped inside [ ] is one example', () => {
    const source = 'if availability < 99% then 10%\nexample "Q1": availability = [94%,\n    94%,\n    94%], fee = 1000 EUR => credit 2.5%\n';
    const [example] = programOf(source).runExamples();
    assert.equal(example.passed, true, JSON.stringify(example.expectations));
  });
});

describe('indentation mistakes', () => {
  it('a tab used for indentation is a tab-indent error at its line and column', () => {
    expectDiagnostics('credit "U":\n\tif a < 99% then 10%\n', [['tab-indent', 2, 1]]);
  });

  it('a tab after some spaces is reported at its own column', () => {
    expectDiagnostics('credit "U":\n  \tif a < 99% then 10%\n', [['tab-indent', 2, 3]]);
  });

  it('the tab-indent message says to indent with spaces', () => {
    const [d] = compile('credit "U":\n\tif a < 99% then 10%\n').diagnostics.filter((x) => x.code === 'tab-indent');
    assert.match(d.message, /spaces/);
  });

  it('a line indented under a line that does not open a block is an unexpected indent', () => {
    expectDiagnostics('input a: percent\ninput b: duration\nif a < 99% then 10%\n  if b > 4h then 5%\n', [['unexpected-indent', 4, 1]], ['error']);
  });

  it('a dedent to a level that no enclosing line has is an inconsistent dedent', () => {
    expectDiagnostics('credit "U":\n    if a < 99% then 10%\n  if a < 95% then 30%\n', [['inconsistent-dedent', 3, 1]], ['error']);
  });

  it('a block header followed by an unindented line is one empty-block error on the header', () => {
    const source = 'input a: percent\ncredit "U":\nif a < 95% then 30%\n';
    const errors = compile(source).diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => [d.code, d.start.line]), [['empty-block', 2]], frame(source, errors));
  });

  it('a block header on the last line is reported on that line, not at 1:1', () => {
    const source = 'fee 100 EUR\n\ncredit "U":\n';
    const errors = compile(source).diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, frame(source, errors));
    assert.ok(errors[0].start.line >= 3, frame(source, errors));
  });
});
