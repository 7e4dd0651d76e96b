/**
 * `example` lines are tests that live next to the clause (LANGUAGE.md §3,
 * src/language/evaluate/examples.ts): a pass or a fail with expected, actual
 * and the explanation of the actual. And every example of every shipped
 * `examples/*.credit` file passes — the folder is read when the tests run, so
 * a new file is covered without touching this one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compile } from '../../src/index.js';
import { expectDiagnostics, frame, programOf, rules } from '../helpers.js';

const SMALLEST = 'if availability < 99.5% then 10% capped 20% yearly\n';

describe('an example passes when the result is exactly what it expects', () => {
  const cases: [sentence: string, line: string][] = [
    ['credit as a share of the fee', 'example "Short outage": availability = 99.2%, fee = 1000 EUR => credit 10%'],
    ['credit in money, however many decimals are written', 'example "Short outage in money": availability = 99.2%, fee = 1000 EUR => credit 100 EUR'],
    ['credit in money with its minor digits', 'example: availability = 99.2%, fee = 1000 EUR => credit 100.00 EUR'],
    ['no credit above the threshold', 'example "Target met": availability = 99.5%, fee = 1000 EUR => credit 0%'],
    ['two expectations at once', 'example: availability = 99.2%, fee = 1000 EUR => credit 10%, credit 100 EUR'],
    ['a contract year: the year\'s total as a share of the yearly fee', 'example "Q1": availability = [99%, 99%, 99%], fee = 1000 EUR => credit 2.5%'],
    ['a contract year in money', 'example: availability = [99%, 99.9%, 99%], fee = 1000 EUR => credit 200 EUR'],
  ];
  for (const [sentence, line] of cases) {
    it(sentence, () => {
      const [result] = programOf(`${SMALLEST}${line}\n`).runExamples();
      assert.equal(result.passed, true, JSON.stringify(result.expectations));
      assert.deepEqual(result.diagnostics, []);
    });
  }

  it('the spec\'s "Cap over a year" example passes against the EC2 table', () => {
    const source = rules`
      input availability: percent
      credit "Uptime" capped 20% yearly:
        if availability < 99.99% then 10%
        if availability < 99.0% then 30%
        if availability < 95.0% then 100%
      example "Cap over a year": availability = [94%, 94%, 94%, 94%, 94%, 94%, 94%, 94%, 94%, 94%, 94%, 94%], fee = 1000 EUR => credit 20%
    `;
    const [result] = programOf(source).runExamples();
    assert.equal(result.passed, true, JSON.stringify(result.expectations));
  });

  it('an output and a `let` are compared by name, in their kinds', () => {
    const source = rules`
      fee 1000 EUR
      input tickets: number default 1200
      input availability: percent
      let cost = fee * 2
      output roi: percent "Return on investment" = (cost - fee) / fee
      output per_ticket: money = fee / tickets
      if availability < 99.5% then 10%
      example "ROI": availability = 99.9% => roi = 100%, cost = 2000 EUR
      example "Per ticket": tickets = 8, availability = 99.9% => per_ticket = 125 EUR
    `;
    const results = programOf(source).runExamples();
    assert.deepEqual(results.map((r) => [r.name, r.passed]), [['ROI', true], ['Per ticket', true]]);
  });

  it('an example without a name is named by its line', () => {
    const program = programOf(`${SMALLEST}\nexample: availability = 99.2%, fee = 1000 EUR => credit 10%\n`);
    assert.deepEqual(program.examples.map((e) => [e.name, e.line]), [['example at line 3', 3]]);
    assert.equal(program.runExamples()[0].name, 'example at line 3');
  });

  it('the program lists its examples with their inputs as written', () => {
    const program = programOf(`${SMALLEST}example "Q": availability = [94%, 99%], fee = 1000 EUR => credit 1%\n`);
    assert.deepEqual(program.examples, [{ name: 'Q', line: 2, inputs: { availability: ['94%', '99%'], fee: '1000 EUR' } }]);
  });
});

describe('a failing example says what was expected, what came out, and why', () => {
  it('expected and actual of each expectation that failed, and the explanation of the actual', () => {
    const source = `${SMALLEST}let x = fee * 2\noutput roi: percent = (x - fee) / fee\nexample "Wrong": availability = 99.2%, fee = 1000 EUR => credit 20%, roi = 50%\n`;
    const [result] = programOf(source).runExamples();
    assert.equal(result.passed, false);
    assert.equal(result.name, 'Wrong');
    assert.equal(result.line, 4);
    assert.deepEqual(result.expectations, [
      { target: 'credit', expected: '20%', actual: '10%', passed: false },
      { target: 'roi', expected: '50%', actual: '100%', passed: false },
    ]);
    const texts = result.explanation.map((s) => s.text.replaceAll('\u00A0', ' '));
    assert.ok(texts.includes('Credit: 10% of the monthly fee 1,000.00 EUR = 100.00 EUR.'), texts.join('\n'));
  });

  it('only the expectations that failed are marked failed', () => {
    const [result] = programOf(`${SMALLEST}example: availability = 99.2%, fee = 1000 EUR => credit 10%, credit 99 EUR\n`).runExamples();
    assert.deepEqual(result.expectations.map((e) => [e.expected, e.actual, e.passed]), [
      ['10%', '10%', true],
      ['99 EUR', '100.00 EUR', false],
    ]);
  });

  it('money compares exactly: 100.001 EUR is not 100.00 EUR', () => {
    const [result] = programOf(`${SMALLEST}example: availability = 99.2%, fee = 1000 EUR => credit 100.001 EUR\n`).runExamples();
    assert.equal(result.passed, false);
  });

  it('money in another currency is not the same money: 100 USD is not 100.00 EUR', () => {
    // The rules name no currency: the example's fee sets it, and the expected credit must be in it.
    const [usd, eur] = programOf(`${SMALLEST}example: availability = 99%, fee = 1000 EUR => credit 100 USD\nexample: availability = 99%, fee = 1000 EUR => credit 100 EUR\n`).runExamples();
    assert.deepEqual(usd.expectations.map((e) => [e.expected, e.actual, e.passed]), [['100 USD', '100.00 EUR', false]]);
    assert.equal(eur.passed, true);
  });

  it('an example whose values cannot be evaluated fails with the problem, not an exception', () => {
    const [result] = programOf(`${SMALLEST}example "Bad": availability = 101%, fee = 1000 EUR => credit 10%\n`).runExamples();
    assert.equal(result.passed, false);
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['input-out-of-range']);
    assert.deepEqual(result.expectations.map((e) => [e.expected, e.actual]), [['10%', 'no result']]);
  });
});

describe('mistakes in examples are compile errors', () => {
  const cases: [sentence: string, line: string, code: string, column: number][] = [
    ['an unknown input', 'example: availabilty = 99%, fee = 1000 EUR => credit 10%', 'bad-example', 10],
    ['a value of the wrong kind', 'example: availability = 4h, fee = 1000 EUR => credit 10%', 'bad-example', 25],
    ['an unknown output', 'example: availability = 99%, fee = 1000 EUR => roi = 10%', 'bad-example', 48],
    ['a credit expectation that is a duration', 'example: availability = 99%, fee = 1000 EUR => credit 4h', 'bad-example', 55],
    ['lists of different lengths', 'example: availability = [99%, 98%], fee = [1000 EUR] => credit 1%', 'bad-example', 1],
  ];
  for (const [sentence, line, code, column] of cases) {
    it(`${sentence} is ${code} at 2:${column}`, () => {
      expectDiagnostics(`${SMALLEST}${line}\n`, [[code, 2, column]]);
    });
  }
});

describe('every example in examples/*.credit passes', () => {
  const folder = fileURLToPath(new URL('../../examples/', import.meta.url));
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.credit')).sort();
  } catch {
    // No examples folder yet: nothing to run.
  }

  for (const file of files) {
    describe(file, () => {
      const source = readFileSync(join(folder, file), 'utf8');
      const { diagnostics, program } = compile(source);

      it('compiles without errors', () => {
        assert.ok(program, `\n${frame(source, diagnostics.filter((d) => d.severity === 'error'))}`);
      });

      for (const result of program?.runExamples() ?? []) {
        it(`line ${result.line}: ${result.name}`, () => {
          const failed = result.expectations.filter((e) => !e.passed).map((e) => `${e.target}: expected ${e.expected}, actual ${e.actual}`);
          const why = [...result.diagnostics.map((d) => d.message), ...result.explanation.map((s) => s.text)].join('\n  ');
          assert.ok(result.passed, `${file}:${result.line}: ${failed.join('; ')}\n  ${why}`);
        });
      }
    });
  }
});
