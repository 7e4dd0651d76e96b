/**
 * The lexer (src/language/lexer.ts, tokens.ts): every literal of LANGUAGE.md §2
 * becomes one token with its exact value, and every lexical mistake is one
 * diagnostic at the character where it starts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lexer, type TokenType } from 'chevrotain';
import { lex, LEXER_OPTIONS } from '../../src/language/lexer.js';
import { allTokens } from '../../src/language/tokens.js';
import { compile } from '../../src/index.js';
import { evalMonth, expectDiagnostics, programOf, theDiagnostic } from '../helpers.js';

/** `Type(image)` for each token of the first line, without layout tokens. */
function tokensOf(source: string): string[] {
  return lex(source)
    .tokens.filter((t) => !['Newline', 'Indent', 'Dedent'].includes(t.tokenType.name))
    .map((t) => `${t.tokenType.name}(${t.image})`);
}

describe('literals are single tokens', () => {
  const cases: [text: string, token: string][] = [
    ['99.5%', 'PercentLiteral(99.5%)'],
    ['0.1%', 'PercentLiteral(0.1%)'],
    ['100%', 'PercentLiteral(100%)'],
    ['99.95%', 'PercentLiteral(99.95%)'],
    ['1200 EUR', 'MoneyLiteral(1200 EUR)'],
    ['49.90 USD', 'MoneyLiteral(49.90 USD)'],
    ['0.5 CHF', 'MoneyLiteral(0.5 CHF)'],
    ['90s', 'DurationLiteral(90s)'],
    ['30min', 'DurationLiteral(30min)'],
    ['4h', 'DurationLiteral(4h)'],
    ['2d', 'DurationLiteral(2d)'],
    ['12', 'NumberLiteral(12)'],
    ['0.25', 'NumberLiteral(0.25)'],
    ['1_000_000', 'NumberLiteral(1_000_000)'],
    ['true', 'True(true)'],
    ['false', 'False(false)'],
    ['"Monthly uptime"', 'StringLiteral("Monthly uptime")'],
  ];
  for (const [text, token] of cases) {
    it(`reads ${text} as ${token}`, () => {
      const { tokens, problems } = lex(`let x = ${text}\n`);
      assert.deepEqual(problems, []);
      assert.deepEqual(tokensOf(`let x = ${text}\n`).slice(3), [token], tokens.map((t) => t.image).join(' '));
    });
  }

  it('reads names with digits and underscores, and does not split `feed` into the keyword `fee`', () => {
    assert.deepEqual(tokensOf('if feed > 1 and p1_resolution > 2d then 1%'), [
      'If(if)', 'Identifier(feed)', 'Greater(>)', 'NumberLiteral(1)', 'And(and)', 'Identifier(p1_resolution)',
      'Greater(>)', 'DurationLiteral(2d)', 'Then(then)', 'PercentLiteral(1%)',
    ]);
  });

  it('drops comments to the end of the line but keeps `#` inside a string', () => {
    assert.deepEqual(tokensOf('input a: number "x # y" # a comment'), [
      'Input(input)', 'Identifier(a)', 'Colon(:)', 'NumberKind(number)', 'StringLiteral("x # y")',
    ]);
  });
});

describe('literal values are exact', () => {
  const defaults: [declaration: string, expected: Record<string, string>][] = [
    ['input x: percent default 99.95%', { default: '99.95' }],
    ['input x: percent default 0.1%', { default: '0.1' }],
    ['input x: number default 1_000_000', { default: '1000000' }],
    ['input x: money default 49.90 USD', { default: '49.90', currency: 'USD' }],
    ['input x: duration default 90s', { default: '90', unit: 's' }],
    ['input x: duration default 30min', { default: '30', unit: 'min' }],
    ['input x: duration default 4h', { default: '4', unit: 'h' }],
    ['input x: duration default 2d', { default: '2', unit: 'd' }],
    ['input x: boolean default true', { default: 'true' }],
  ];
  for (const [declaration, expected] of defaults) {
    it(`\`${declaration}\` gives the form ${JSON.stringify(expected)}`, () => {
      const program = programOf(`${declaration}\nif x = x then 1%\n`);
      const input = program.inputs.find((i) => i.name === 'x');
      assert.ok(input);
      for (const [key, value] of Object.entries(expected)) assert.equal(input[key as keyof typeof input], value, key);
    });
  }

  it('99.95% is exactly 99.95%: equal to the threshold pays nothing, 0.001% below pays', () => {
    const source = 'if availability < 99.95% then 10%\n';
    assert.equal(evalMonth(source, { availability: '99.95%', fee: '1000 EUR' }).credit.amount, '0.00');
    assert.equal(evalMonth(source, { availability: '99.949%', fee: '1000 EUR' }).credit.amount, '100.00');
  });

  it('1_000_000 is one million in a calculation', () => {
    const program = programOf('let big = 1_000_000 * 3\noutput o = big\nif a < 1% then 1%\n');
    assert.equal(evalMonth(program, { a: '50%', fee: '10 EUR' }).outputs.o, '3000000');
  });

  it('a money literal names its ISO currency, which becomes the program\'s currency', () => {
    assert.equal(programOf('fee 1200 CHF monthly\nif a < 1% then 1%\n').currency, 'CHF');
  });

  it('a label keeps its escaped quotes: "a \\"b\\"" is a "b"', () => {
    const program = programOf('input a: percent "a \\"b\\""\nif a < 1% then 1%\n');
    assert.equal(program.inputs.find((i) => i.name === 'a')?.label, 'a "b"');
  });

  it('a label keeps an escaped backslash followed by a space: "C:\\\\ drive" is C:\\ drive', () => {
    const program = programOf('input a: percent "C:\\\\ drive"\nif a < 1% then 1%\n');
    assert.equal(program.inputs.find((i) => i.name === 'a')?.label, 'C:\\ drive');
  });

  it('a label with quotes and backslashes: "a \\"b\\" \\\\ c" is a "b" \\ c', () => {
    const program = programOf('input a: percent "a \\"b\\" \\\\ c"\nif a < 1% then 1%\n');
    assert.equal(program.inputs.find((i) => i.name === 'a')?.label, 'a "b" \\ c');
  });
});

describe('lexical mistakes', () => {
  it('`5m` is an unknown unit, and the message says `m` is ambiguous and to write `min`', () => {
    const d = theDiagnostic('if response > 5m then 10%\n', 'unknown-unit');
    assert.deepEqual([d.start, d.end], [{ line: 1, column: 15 }, { line: 1, column: 17 }]);
    assert.match(d.message, /ambiguous/);
    assert.match(d.message, /`min`/);
  });

  it('`5mins` is an unknown unit that lists the units durations use', () => {
    const d = theDiagnostic('if response > 5mins then 10%\n', 'unknown-unit');
    assert.equal(d.start.column, 15);
    assert.doesNotMatch(d.message, /ambiguous/);
    assert.match(d.message, /s, min, h or d/);
  });

  it('an unknown unit is one diagnostic, not a cascade', () => {
    expectDiagnostics('if response > 5m then 10%\n', [['unknown-unit', 1, 15]]);
  });

  it('money written without its space, `1200EUR`, is an unknown unit that says money needs a space', () => {
    const d = theDiagnostic('input a: percent\nif a < 99% then 1200EUR\n', 'unknown-unit');
    assert.deepEqual(d.start, { line: 2, column: 17 });
    assert.match(d.message, /space before its ISO currency code/);
  });

  it('`fee 1200EUR` is one unknown-unit error, not also a syntax error', () => {
    expectDiagnostics('fee 1200EUR\n', [['unknown-unit', 1, 5]]);
  });

  it('an unknown currency code points at the code', () => {
    expectDiagnostics('fee 100 XYZ monthly\n', [['unknown-currency', 1, 9]]);
  });

  it('an unknown currency in a rule points at the code', () => {
    const d = theDiagnostic('input a: percent\nif a < 99% then 50 ABC\n', 'unknown-currency');
    assert.deepEqual([d.start, d.end], [{ line: 2, column: 20 }, { line: 2, column: 23 }]);
    assert.match(d.message, /ISO 4217/);
  });

  it('a string without its closing quote is reported where it starts, and the next line still reads', () => {
    expectDiagnostics('input a: percent "Uptime\nif a < 99% then 10%\n', [['unterminated-string', 1, 18]]);
  });

  it('an unknown escape in a string is reported at the backslash', () => {
    expectDiagnostics('input a: percent "line\\nbreak"\nif a < 99% then 10%\n', [['bad-escape', 1, 23]]);
  });

  const reserved: [source: string, word: string, column: number][] = [
    ['input if: number\nif 1 = 1 then 1%\n', 'if', 7],
    ['input credit: percent\nif 1 = 1 then 1%\n', 'credit', 7],
    ['input yearly: percent\nif 1 = 1 then 1%\n', 'yearly', 7],
    ['let points = 5\nif a < 1% then 1%\n', 'points', 5],
    ['output default = 5\nif a < 1% then 1%\n', 'default', 8],
    ['input min: number\nif 1 = 1 then 1%\n', 'min', 7],
  ];
  for (const [source, word, column] of reserved) {
    it(`\`${word}\` as a name is a reserved-word error that says it is reserved`, () => {
      const d = theDiagnostic(source, 'reserved-word');
      assert.deepEqual(d.start, { line: 1, column });
      assert.match(d.message, new RegExp(`\`${word}\` is a reserved word`));
    });
  }

  const characters: [char: string, column: number][] = [['@', 34], ['$', 34], [';', 34], ['&', 34]];
  for (const [char, column] of characters) {
    it(`an unexpected \`${char}\` is reported at its column`, () => {
      const d = theDiagnostic(`if availability < 99.5% then 10% ${char}\n`, 'unexpected-character');
      assert.deepEqual(d.start, { line: 1, column });
      assert.match(d.message, new RegExp(`\`\\${char}\``));
    });
  }

  it('a mistake in a literal produces no program', () => {
    assert.equal(compile('if response > 5m then 10%\n').program, undefined);
  });
});

describe('the token definitions', () => {
  it("pass Chevrotain's checks, which the lexer skips at start-up", () => {
    const checked = new Lexer(allTokens as TokenType[], { ...LEXER_OPTIONS, deferDefinitionErrorsHandling: true });
    assert.deepEqual(checked.lexerDefinitionErrors.map((e) => e.message), []);
  });
});
