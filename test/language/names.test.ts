/**
 * Names (src/language/checker/names.ts): what each name refers to, implicit
 * inputs in a quick sketch, definitions in reading order, cycles, and the
 * totals that are only known after the credits.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile } from '../../src/index.js';
import { diagnosticsOf, expectDiagnostics, programOf, rules, theDiagnostic } from '../helpers.js';

describe('undefined names', () => {
  it('a misspelt input is an error that suggests the declared name', () => {
    const source = 'input availability: percent\nif availabilty < 99% then 10%\n';
    expectDiagnostics(source, [['undefined-name', 2, 4]]);
    assert.match(theDiagnostic(source, 'undefined-name').message, /`availabilty` is not defined\. Did you mean `availability`\?/);
  });

  it('a name like no other gets no suggestion', () => {
    const d = theDiagnostic('input availability: percent\nif response > 4h then 10%\n', 'undefined-name');
    assert.deepEqual(d.start, { line: 2, column: 4 });
    assert.doesNotMatch(d.message, /Did you mean/);
  });

  it('a misspelt `let` in an output suggests the `let`', () => {
    const d = theDiagnostic('input a: percent\nlet yearly_fee = fee * 12\noutput o = yearly_fe\nif a < 1% then 1%\n', 'undefined-name');
    assert.deepEqual(d.start, { line: 3, column: 12 });
    assert.match(d.message, /Did you mean `yearly_fee`\?/);
  });

  it('an example that names an unknown input is an error that suggests the input', () => {
    const d = theDiagnostic('input availability: percent\nif availability < 99% then 10%\nexample: availabilty = 98% => credit 10%\n', 'bad-example');
    assert.deepEqual(d.start, { line: 3, column: 10 });
    assert.match(d.message, /did you mean `availability`\?/);
  });
});

describe('definitions', () => {
  it('a name defined twice is an error on the second, related to the first', () => {
    const source = 'input a: percent\ninput a: number\nif a < 1% then 1%\n';
    const d = theDiagnostic(source, 'duplicate-definition');
    assert.deepEqual(d.start, { line: 2, column: 7 });
    assert.equal(d.related?.length, 1);
    assert.deepEqual([d.related?.[0].start, d.related?.[0].end], [{ line: 1, column: 7 }, { line: 1, column: 8 }]);
  });

  it('names of JavaScript object properties are ordinary names, not built-ins', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      expectDiagnostics(`fee 1000 EUR monthly\ninput ${name}: number default 0\nif ${name} > 1 then 10 EUR\n`, []);
    }
  });

  it('a `let` with the name of an input is a duplicate definition', () => {
    expectDiagnostics('input a: percent\nlet a = 5\nif a < 1% then 1%\n', [['duplicate-definition', 2, 5]]);
  });

  it('a second `fee` statement is an error related to the first', () => {
    const d = theDiagnostic('fee 100 EUR\nfee 200 EUR\ninput a: percent\nif a < 1% then 1%\n', 'duplicate-statement');
    assert.deepEqual(d.start, { line: 2, column: 1 });
    assert.deepEqual(d.related?.[0].start, { line: 1, column: 1 });
  });

  it('a `let` used above its definition is an error on the use, related to the definition', () => {
    const source = rules`
      input a: percent
      let b = c * 2
      let c = 5
      output o = b
      if a < 1% then 1%
    `;
    const d = theDiagnostic(source, 'use-before-definition');
    assert.deepEqual(d.start, { line: 2, column: 9 });
    assert.deepEqual(d.related?.[0].start, { line: 3, column: 5 });
  });

  it('a rule may use a `let` defined above it', () => {
    expectDiagnostics('input a: percent\nlet limit = 99%\nif a < limit then 10%\n', []);
  });

  it('an input may be declared below its first use: the form is declared anywhere', () => {
    expectDiagnostics('if a < 1% then 1%\ninput a: percent\n', []);
  });

  const builtins: [source: string, column: number][] = [
    ['input a: percent\nlet total_credit = 5\nif a < 1% then 1%\n', 5],
    ['input a: percent\noutput total_credit_percent = 5%\nif a < 1% then 1%\n', 8],
    ['input total_credit: money\nif 1 = 1 then 1%\n', 7],
  ];
  for (const [source, column] of builtins) {
    it(`defining a built-in name is an error: ${source.split('\n').find((l) => l.includes('total'))}`, () => {
      const d = theDiagnostic(source, 'builtin-redefined');
      assert.equal(d.start.column, column);
    });
  }
});

describe('cycles', () => {
  it('two `let`s that depend on each other are one cycle error that names the path', () => {
    const source = 'input a: percent\nlet b = c\nlet c = b\noutput o = b\nif a < 1% then 1%\n';
    expectDiagnostics(source, [['cycle', 2, 5]]);
    assert.match(theDiagnostic(source, 'cycle').message, /`b` → `c` → `b`/);
  });

  it('a `let` that uses itself is a cycle', () => {
    const source = 'input a: percent\nif a < 1% then 1%\nlet b = b + 1\noutput o = b\n';
    expectDiagnostics(source, [['cycle', 3, 5]]);
    assert.match(theDiagnostic(source, 'cycle').message, /`b` → `b`/);
  });
});

describe('implicit inputs exist only in a quick sketch', () => {
  it('in a program without `input`, undeclared names become inputs and are reported as infos only', () => {
    const source = 'if availability < 99% and not announced then 10%\nif response > 4h then 5%\nif tickets > 100 then 1%\n';
    const { diagnostics, program } = compile(source);
    assert.ok(program);
    assert.ok(diagnostics.every((d) => d.severity === 'info'), JSON.stringify(diagnostics));
    assert.deepEqual(diagnosticsOf(source, ['info']), [
      ['implicit-input', 1, 1],
      ['implicit-input', 1, 4],
      ['implicit-input', 1, 31],
      ['implicit-input', 2, 4],
      ['implicit-input', 3, 4],
    ]);
  });

  it('implicit inputs take their kind from what they are compared with, and the fee is a monthly money input', () => {
    const program = programOf('if availability < 99% and not announced then 10%\nif response > 4h then 5%\nif tickets > 100 then 1%\n');
    assert.deepEqual(program.inputs.map((i) => [i.name, i.kind, i.implicit]), [
      ['fee', 'money', true],
      ['availability', 'percent', true],
      ['announced', 'boolean', true],
      ['response', 'duration', true],
      ['tickets', 'number', true],
    ]);
    assert.equal(program.inputs[0].period, 'monthly');
  });

  it('the info names the input and its kind', () => {
    const infos = compile('if availability < 99.5% then 10%\n').diagnostics.filter((d) => d.code === 'implicit-input');
    assert.ok(infos.some((d) => /`availability` is not declared, so it is an input of kind percent/.test(d.message)));
    assert.ok(infos.some((d) => /`fee`/.test(d.message)));
  });

  it('as soon as one input is declared, an undeclared name is an error, not a new input', () => {
    const source = 'input availability: percent\nif availability < 99% then 10%\nif response > 4h then 5%\n';
    expectDiagnostics(source, [['undefined-name', 3, 4]]);
    assert.ok(!compile(source).diagnostics.some((d) => d.code === 'implicit-input' && d.message.includes('response')));
  });
});

describe('totals are known only after the credits', () => {
  const errors: [what: string, source: string, line: number, column: number][] = [
    ['as a credit', 'input a: percent\nif a < 1% then total_credit\n', 2, 16],
    ['in a condition', 'input a: percent\nif a < 1% and total_credit > 5 EUR then 1%\n', 2, 15],
    ['in a rule cap', 'input a: percent\nif a < 1% then 1% capped total_credit monthly\n', 2, 26],
    ['in a `cap` statement', 'input a: percent\nif a < 1% then 1%\ncap total_credit_percent monthly\n', 3, 5],
    ['through a `let`', 'input a: percent\nlet t = total_credit * 2\nif a < 1% and t > 5 EUR then 1%\n', 3, 15],
  ];
  for (const [what, source, line, column] of errors) {
    it(`\`total_credit\` ${what} is an error at ${line}:${column}`, () => {
      expectDiagnostics(source, [['credit-uses-total', line, column]]);
    });
  }

  it('`total_credit` in an output is fine', () => {
    expectDiagnostics('input a: percent\nif a < 1% then 1%\noutput net: money = fee - total_credit\n', []);
  });
});
