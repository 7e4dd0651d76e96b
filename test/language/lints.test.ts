/**
 * Drafting warnings (src/language/checker/lints.ts, LANGUAGE.md §5): legal to
 * write but not what a drafter means. Each is a warning with a stable code,
 * at the line it is about, with a `related` span where another line is
 * involved — and a clean published table gets none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile as compileForCalculators } from '../../src/compiler.js';
import { compile } from '../../src/index.js';
import { expectDiagnostics, frame, programOf, rules, theDiagnostic, type Triple } from '../helpers.js';

describe('each drafting warning, at its line, related to the line it is about', () => {
  const cases: [sentence: string, source: string, expected: Triple, related?: [line: number, column: number]][] = [
    [
      'a tier that pays less and matches only when a better-paying tier does can never win',
      'input a: percent\ncredit "U":\n  if a < 99% then 30%\n  if a < 95% then 10%\n',
      ['unreachable-tier', 4, 3], [3, 3],
    ],
    [
      'of two tiers paying the same, the one inside the other can never win',
      'input a: percent\ncredit "U":\n  if a < 99% then 30%\n  if a < 95% then 30%\n',
      ['unreachable-tier', 4, 3], [3, 3],
    ],
    [
      'a tier for worse availability that pays less is non-monotonic',
      'input a: percent\ncredit "U":\n  if 95% <= a < 99% then 30%\n  if a < 95% then 10%\n',
      ['non-monotonic-tiers', 4, 3], [3, 3],
    ],
    [
      'a rule cap at least as large as the rule\'s credit can never bind',
      'input a: percent\nif a < 99% then 10% capped 20% monthly\n',
      ['cap-never-binds', 2, 28],
    ],
    [
      '10% a month capped 20% yearly can never bind: twelve months pay 10% of the yearly fee',
      'input a: percent\nif a < 99.5% then 10% capped 20% yearly\n',
      ['cap-never-binds', 2, 30],
    ],
    [
      'a block cap at least as large as its best tier can never bind',
      'input a: percent\ncredit "U" capped 100% monthly:\n  if a < 99% then 10%\n  if a < 95% then 100%\n',
      ['cap-never-binds', 2, 19],
    ],
    [
      'a `cap` statement above everything the rules can pay can never bind',
      'input a: percent\ninput r: duration\nif a < 99% then 10%\nif r > 4h then 5%\ncap 15% monthly\n',
      ['cap-never-binds', 5, 5],
    ],
    [
      'a rule cap smaller than the rule\'s own credit cuts it every time',
      'input a: percent\nif a < 99% then 30% capped 20% monthly\n',
      ['cap-below-tier', 2, 28], [2, 1],
    ],
    [
      'a block cap smaller than one tier\'s credit points at that tier',
      'input a: percent\ncredit "U" capped 20% monthly:\n  if a < 99% then 10%\n  if a < 95% then 30%\n',
      ['cap-below-tier', 2, 19], [4, 3],
    ],
    [
      'a threshold above the declared range of its input',
      'input a: percent range 90%..100%\nif a < 101% then 10%\n',
      ['threshold-out-of-range', 2, 8],
    ],
    [
      'a threshold below the declared range of its input',
      'input a: percent range 90%..100%\nif a < 89% then 10%\n',
      ['threshold-out-of-range', 2, 8],
    ],
    [
      'a percentage threshold above 100% when no range is declared',
      'input a: percent\nif a < 101% then 10%\n',
      ['threshold-out-of-range', 2, 8],
    ],
    [
      'a duration threshold outside the declared range',
      'input r: duration range 0s..24h\nif r > 25h then 10%\n',
      ['threshold-out-of-range', 2, 8],
    ],
    [
      'two separate rules on one input whose conditions nest both pay',
      'input a: percent\nif a < 99% then 10%\nif a < 95% then 30%\n',
      ['overlapping-rules', 3, 1], [2, 1],
    ],
    [
      'a later separate rule whose condition holds around an earlier one also pays',
      'input a: percent\nif a < 95% then 30%\nif a < 99% then 10%\n',
      ['overlapping-rules', 3, 1], [2, 1],
    ],
    [
      'an input nothing uses',
      'input a: percent\ninput b: percent\nif a < 99% then 10%\n',
      ['unused-name', 2, 7],
    ],
    [
      'a `let` nothing uses',
      'input a: percent\nlet spare = 5\nif a < 99% then 10%\n',
      ['unused-name', 2, 5],
    ],
  ];
  for (const [sentence, source, expected, related] of cases) {
    it(`${sentence}: ${expected.join(' ')}`, () => {
      const { diagnostics, program } = compile(source);
      const warnings = diagnostics.filter((d) => d.severity !== 'info');
      assert.deepEqual(warnings.map((d) => [d.code, d.start.line, d.start.column]), [expected], frame(source, warnings));
      assert.equal(warnings[0].severity, 'warning');
      assert.ok(program, 'a warning does not stop the program');
      if (related) {
        assert.deepEqual(warnings[0].related?.map((r) => [r.start.line, r.start.column]), [related]);
      }
    });
  }

  it('a tier for a longer resolution time that pays less is non-monotonic', () => {
    const source = 'input r: duration\ncredit "R":\n  if 4h < r <= 8h then 30%\n  if r > 8h then 10%\n';
    expectDiagnostics(source, [['non-monotonic-tiers', 4, 3]]);
  });

  it('the unused-name message says what is unused', () => {
    assert.match(theDiagnostic('input a: percent\ninput b: percent\nif a < 99% then 10%\n', 'unused-name').message, /input `b` is never used/);
  });

  it('the overlapping-rules message suggests a tier block', () => {
    assert.match(theDiagnostic('input a: percent\nif a < 99% then 10%\nif a < 95% then 30%\n', 'overlapping-rules').message, /`credit` block/);
  });
});

describe('clean rules get no warnings', () => {
  it('the AWS EC2 three-tier table gets no warnings', () => {
    const source = rules`
      fee 1000 EUR monthly
      input availability: percent "Monthly uptime" default 99.99% range 90%..100% step 0.01%
      credit "EC2 region-level SLA":
        if availability < 99.99% then 10%
        if availability < 99.0% then 30%
        if availability < 95.0% then 100%
      example "Small dip": availability = 99.5% => credit 10%
    `;
    expectDiagnostics(source, [], ['warning', 'error']);
  });

  it('the same table as a quick sketch, and written as bands, gets no warnings', () => {
    expectDiagnostics('credit "EC2":\n  if availability < 99.99% then 10%\n  if availability < 99.0% then 30%\n  if availability < 95.0% then 100%\n', [], ['warning', 'error']);
    const bands = rules`
      input availability: percent
      credit "EC2":
        if 99.0% <= availability < 99.99% then 10%
        if 95.0% <= availability < 99.0% then 30%
        if availability < 95.0% then 100%
    `;
    expectDiagnostics(bands, [], ['warning', 'error']);
  });

  it('a yearly cap that a bad year can reach gets no warning', () => {
    const source = 'input a: percent\ncredit "U" capped 20% yearly:\n  if a < 99% then 10%\n  if a < 95% then 100%\n';
    expectDiagnostics(source, [], ['warning', 'error']);
  });

  it('separate rules on different inputs, or on disjoint ranges of one, get no warning', () => {
    expectDiagnostics('input a: percent\ninput r: duration\nif a < 99% then 10%\nif r > 4h then 5%\n', [], ['warning', 'error']);
    expectDiagnostics('input a: percent\nif a < 95% then 10%\nif a > 99.9% then 1%\n', [], ['warning', 'error']);
  });

  it('a money `cap` over a block whose tiers mix money and a share of the fee gets no cap warning', () => {
    // The 10 % tier pays 100 USD of a 1,000 USD fee: far above the cap, which binds.
    const source = 'fee 1_000 USD monthly\ninput a: percent\ncredit "A":\n  if a < 99.99% then 0.12 USD\n  if a < 99% then 10%\ncap 7.33 USD yearly\n';
    expectDiagnostics(source, [], ['warning', 'error']);
  });

  it('a money `cap` that two money rules together can exceed gets no cap warning', () => {
    const source = 'input a: percent\ninput r: duration\nif a < 99% then 50 EUR\nif r > 4h then 100 EUR\ncap 120 EUR monthly\n';
    expectDiagnostics(source, [], ['warning', 'error']);
  });

  it('warnings are only warnings: a program with warnings still evaluates', () => {
    const program = programOf('input a: percent\nif a < 99% then 10%\nif a < 95% then 30%\n');
    assert.equal(program.evaluate({ a: '94%', fee: '1000 EUR' }).ok, true);
  });
});

describe('which entries draft', () => {
  const unreachable = 'input a: percent\ncredit "U":\n  if a < 99% then 30%\n  if a < 95% then 10%\n';

  it("the calculators' compiler (credit-rules/compiler) gives the same program and errors, without the drafting warnings", () => {
    const drafted = compile(unreachable);
    const run = compileForCalculators(unreachable);
    assert.deepEqual(drafted.diagnostics.map((d) => d.code).filter((c) => c === 'unreachable-tier'), ['unreachable-tier']);
    assert.deepEqual(run.diagnostics.filter((d) => d.severity === 'warning'), []);
    assert.deepEqual(run.program?.evaluate({ a: '94%', fee: '1000 EUR' }), drafted.program?.evaluate({ a: '94%', fee: '1000 EUR' }));
    const broken = 'input a: percent\nif a < 99 EUR then 10%\n';
    assert.ok(compile(broken).diagnostics.some((d) => d.severity === 'error'));
    assert.deepEqual(compileForCalculators(broken).diagnostics, compile(broken).diagnostics);
  });
});
