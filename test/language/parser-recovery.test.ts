/**
 * Parser recovery and messages (src/language/parser.ts, analyze.ts): the
 * parser reports every mistake in a file, one diagnostic per mistake at its
 * line and column, in the reader's terms — never Chevrotain's default
 * "Expecting token of type …".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile } from '../../src/index.js';
import { expectDiagnostics, frame, rules, type Triple } from '../helpers.js';

const CHEVROTAIN_WORDING = /Expecting|token of type|-->|but found: '/;

describe('the parser reports every mistake, each once, where it is', () => {
  it('a file with three independent mistakes on different lines gives exactly three diagnostics', () => {
    const source = rules`
      fee 1000 EUR monthly
      input availability: percent
      if availability < 99.5% then
      let = 5
      credit "Uptime":
        if availability < 99% then 10%
      example "Outage": availability = 94% => credit
    `;
    expectDiagnostics(source, [
      ['syntax-error', 3, 29],
      ['syntax-error', 4, 5],
      ['syntax-error', 7, 47],
    ]);
  });

  it('mistakes in a tier, a rule and an example are all reported, and the valid lines between them are not', () => {
    const source = rules`
      input availability: percent
      credit "Uptime":
        if availability < 99.99% then
        if availability < 95% then 100%
      if availability < 90% 10%
      example "Outage": availability = 94% => credit
    `;
    expectDiagnostics(source, [
      ['syntax-error', 3, 32],
      ['syntax-error', 5, 23],
      ['syntax-error', 6, 47],
    ]);
  });

  it('a condition missing its operator is one syntax error, with no kind error about the half that parsed', () => {
    const source = rules`
      input availability: percent
      credit "Uptime":
        if availability 99% then 30%
        if availability < 95% then 100%
    `;
    expectDiagnostics(source, [['syntax-error', 3, 19]]);
  });

  it('a half-parsed declaration gets no drafting warnings about names it could not read', () => {
    const source = rules`
      input availability: percent
      if availability < 99.5% then
      input tickets number
      if availability < 99% then 10%
    `;
    expectDiagnostics(source, [['syntax-error', 2, 29], ['syntax-error', 3, 15]]);
  });

  it('no program comes out of a file that does not parse', () => {
    assert.equal(compile('if availability < 99.5% then\n').program, undefined);
  });
});

describe('one mistake, one diagnostic, in the reader\'s terms', () => {
  const cases: [source: string, expected: Triple, message: RegExp][] = [
    ['if availability < 99.5% then\n', ['syntax-error', 1, 29], /expected a percentage such as 10%.* after `then`/],
    ['if availability < 99.5% 10%\n', ['syntax-error', 1, 25], /expected `then` after `99\.5%`, but found `10%`/],
    ['if availability 99% then 10%\n', ['syntax-error', 1, 17], /expected `then` after `availability`/],
    ['if then 10%\n', ['syntax-error', 1, 4], /expected a condition such as `availability < 99\.5%` after `if`/],
    ['fee EUR\n', ['syntax-error', 1, 5], /expected an amount of money such as 50 EUR after `fee`/],
    ['input a: percentage\nif a < 1% then 1%\n', ['syntax-error', 1, 10], /expected a kind: `percent`, `money`, `duration`, `number` or `boolean`/],
    ['input a percent\nif a < 1% then 1%\n', ['syntax-error', 1, 9], /expected `:` after `a`/],
    ['if a < 1% then 1% capped\n', ['syntax-error', 1, 25], /expected a cap such as 20% or 500 EUR after `capped`/],
    ['point 50 EUR\nif a < 1% then 1 point\n', ['syntax-error', 1, 7], /expected `=` after `point`/],
    ['claim within soon\nif a < 1% then 1%\n', ['syntax-error', 1, 14], /expected a time limit such as `30 days`/],
    ['credit "Uptime" 10%:\n  if a < 1% then 1%\n', ['syntax-error', 1, 17], /expected `:` after `"Uptime"`, but found `10%`/],
    ['output o: percent 5\nif a < 1% then 1%\n', ['syntax-error', 1, 19], /expected `=`/],
  ];
  for (const [source, expected, message] of cases) {
    it(`\`${source.split('\n')[0]}\` → ${expected.join(' ')}: ${message.source}`, () => {
      const errors = compile(source).diagnostics.filter((d) => d.severity !== 'info');
      assert.deepEqual(errors.map((d) => [d.code, d.start.line, d.start.column]), [expected], frame(source, errors));
      assert.match(errors[0].message, message);
      assert.doesNotMatch(errors[0].message, CHEVROTAIN_WORDING);
    });
  }

  it('a missing step direction asks for `below` or `above`', () => {
    const [d] = compile('input a: percent\nif a < 99.9% then 1% per 0.1%\n').diagnostics.filter((x) => x.severity === 'error');
    assert.deepEqual([d.code, d.start.line, d.start.column], ['syntax-error', 2, 30]);
    assert.match(d.message, /`below` or `above`/);
  });

  it('a stray `)` is one diagnostic', () => {
    expectDiagnostics('input a: percent\nif a < 1% then 1%)\n', [['unmatched-bracket', 2, 18]]);
  });

  it('a rule with a syntax error gets no drafting warning guessed from the half that parsed', () => {
    expectDiagnostics('input a: percent\nif a < 1% then 1% capped 20% weekly\n', [['syntax-error', 2, 30]]);
  });

  it('no message of a broken file uses Chevrotain\'s wording', () => {
    const source = rules`
      if availability < then 10%
      fee EUR
      credit "x" 10%:
      input a: percentage
      example "x": a = 1% =>
      if a < 1% then 1% capped
    `;
    const errors = compile(source).diagnostics.filter((d) => d.severity === 'error');
    assert.ok(errors.length >= 5, frame(source, errors));
    for (const d of errors) assert.doesNotMatch(d.message, CHEVROTAIN_WORDING, frame(source, [d]));
  });
});
