/**
 * The "why" reads values and decides conditions with the language's own
 * meaning (src/language/render/why.ts): a value as `evaluate()` reads it —
 * any unit, `_` separators, a lowercase currency, a list per period of a
 * year — and a condition, or one bound of a chain, as the evaluator decides
 * it. Each case checks the words against the result `evaluate()` gives for
 * the same values. And `whyInWords` is public: the runtime entry exports it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, type InputValues, type Lang } from '../../src/index.js';
import { loadProgram, whyInWords, type WhyContext } from '../../src/runtime.js';

/** The sentences, and whether `evaluate()` found a credit due, for the same values. */
function why(rules: string, values: InputValues, lang: Lang = 'en'): { sentences: string[]; due: boolean } {
  const compiled = compile(rules);
  const program = compiled.program;
  assert.ok(program, compiled.diagnostics.map((d) => d.message).join('\n'));
  const r = program.evaluate(values, { lang });
  assert.ok(r.ok, r.ok ? '' : r.diagnostics.map((d) => d.message).join('\n'));
  const context: WhyContext = { program: program.toJSON(), inputs: program.inputs, values, lang, ...(r.result.currency ? { currency: r.result.currency } : {}) };
  const sentences = whyInWords(r.result, context).map((s) => s.replaceAll('\u00a0', ' '));
  return { sentences, due: Number(r.result.credit.amount) > 0 };
}

describe('why reads a value as evaluate() does', () => {
  const RESPONSE = `fee 1000 EUR monthly
input response: duration "Response time" default 30min
if response > 30min then 5%
`;

  it('a duration in another unit, a bare number in the input’s unit, `_` separators: the same 30 minutes', () => {
    for (const given of ['0.5h', '1800s', '30', '30min', ' 30 min ', '3_0', 30]) {
      const { sentences, due } = why(RESPONSE, { response: given });
      assert.equal(due, false, `${given}`);
      assert.deepEqual(sentences, ['Your value of 30 minutes for “Response time” stays within 30 minutes, so no credit is due.'], `${given}`);
    }
    const { sentences, due } = why(RESPONSE, { response: '0.51h' });
    assert.equal(due, true);
    assert.deepEqual(sentences, ['Your value of 30.6 minutes for “Response time” is above 30 minutes, so a credit of 50.00 EUR (5% of the monthly fee) is due.']);
  });

  it('money with a lowercase currency and `_` separators, as `--set spend=1_500eur` gives it', () => {
    const rules = `fee 1000 EUR monthly
input spend: money "Cloud spend" de "Cloud-Ausgaben" default 1000 EUR
if spend > 1200 EUR then 5%
`;
    const { sentences, due } = why(rules, { spend: '1_500 eur' });
    assert.equal(due, true);
    assert.deepEqual(sentences, ['Your value of 1,500.00 EUR for “Cloud spend” is above 1,200.00 EUR, so a credit of 50.00 EUR (5% of the monthly fee) is due.']);
  });

  it('a value evaluate() reads (a German-looking decimal among them) gets the decision evaluate() gives', () => {
    for (const given of ['99,5', '99.5', '99_5', '99.5 %', '1.000', 99.95]) {
      const compiled = compile(`fee 1000 EUR monthly\ninput uptime: percent "Uptime" default 99.95%\nif uptime < 99.9% then 10%\n`);
      const read = compiled.program!.evaluate({ uptime: given });
      // Refused values never reach the why: evaluate() says what is wrong with them.
      if (!read.ok) continue;
      const { sentences, due } = why(`fee 1000 EUR monthly\ninput uptime: percent "Uptime" default 99.95%\nif uptime < 99.9% then 10%\n`, { uptime: given });
      assert.equal(sentences.length, 1, `${given}`);
      assert.equal(/is below 99\.9%/.test(sentences[0]), due, `${given}: ${sentences[0]}`);
      assert.equal(/meets the 99\.9% target/.test(sentences[0]), !due, `${given}: ${sentences[0]}`);
    }
  });

  it('a year of lists: each quarter counts its own items', () => {
    const rules = `period quarterly
fee 1000 EUR monthly
input responses: list of duration "P1 response times" default []
credit "Late responses" for each response in responses:
  if response > 1h then 2%
`;
    const { sentences } = why(rules, { responses: [['30min', '2h'], ['3h', '90min', '1_20min'], [], ['0.5h']] });
    assert.deepEqual(sentences, [
      'Q1: 1 of your 2 entries for “P1 response times” qualifies, so a credit of 60.00 EUR (2% of the quarter’s fee) is due.',
      'Q2: 3 of your 3 entries for “P1 response times” qualify, so a credit of 180.00 EUR (6% of the quarter’s fee) is due.',
      'Q3: You have no entries for “P1 response times”, so no credit is due.',
      'Q4: Your only entry for “P1 response times” does not qualify, so no credit is due.',
      'Over the contract year, a credit of 240.00 EUR (2% of the yearly fee) is due.',
    ]);
  });
});

describe('why decides a condition as the evaluator does', () => {
  const CSAT = `fee 100 EUR monthly
input csat: percent "Customer satisfaction" de "Kundenzufriedenheit" default 92%
if 90% <= csat < 95% then 5%
`;

  it('a chain `90% <= csat < 95%`: at both bounds and between, in the words of the bound that decides', () => {
    const cases: [string, boolean, string][] = [
      ['90', true, 'Your value of 90% for “Customer satisfaction” reaches 90% and is below 95%, so a credit of 5.00 EUR (5% of the monthly fee) is due.'],
      ['0_94.99', true, 'Your value of 94.99% for “Customer satisfaction” reaches 90% and is below 95%, so a credit of 5.00 EUR (5% of the monthly fee) is due.'],
      ['95 %', false, 'Your value of 95% for “Customer satisfaction” is at least 95%, so no credit is due.'],
      ['89.999', false, 'Your value of 89.999% for “Customer satisfaction” stays below 90%, so no credit is due.'],
    ];
    for (const [given, due, sentence] of cases) {
      const words = why(CSAT, { csat: given });
      assert.equal(words.due, due, given);
      assert.deepEqual(words.sentences, [sentence], given);
    }
    assert.deepEqual(why(CSAT, { csat: '89.999' }, 'de').sentences, ['Ihr Wert für „Kundenzufriedenheit“ von 89,999 % bleibt unter 90 %, daher ist keine Gutschrift fällig.']);
  });

  it('a threshold that is a `let` computed by the evaluation', () => {
    const rules = `fee 1000 EUR monthly
input uptime: percent "Uptime" default 99.95%
input planned: boolean "Planned maintenance" default false
let target = 99.9% - 0.4%
if uptime < target and not planned then 10%
`;
    assert.deepEqual(why(rules, { uptime: '99.6' }).sentences, ['Your value of 99.6% for “Uptime” meets the 99.5% target, so no credit is due.']);
    assert.deepEqual(why(rules, { uptime: '99.4', planned: 'true' }).sentences, ['“Planned maintenance” applies, so no credit is due.']);
    assert.deepEqual(why(rules, { uptime: '99.4', planned: false }).sentences, [
      'Your value of 99.4% for “Uptime” is below 99.5% and “Planned maintenance” does not apply, so a credit of 100.00 EUR (10% of the monthly fee) is due.',
    ]);
  });
});

describe('whyInWords from the runtime entry', () => {
  it('words the result of a precompiled program loaded without the parser', () => {
    const source = compile(`fee 1000 EUR monthly\ninput uptime: percent "Uptime" de "Verfügbarkeit" default 99.95%\nif uptime < 99.9% then 10%\n`).program!;
    const loaded = loadProgram(JSON.parse(JSON.stringify(source.toJSON())));
    const program = loaded.program!;
    const r = program.evaluate({ uptime: '99.5' }, { lang: 'de' });
    assert.ok(r.ok);
    const sentences = whyInWords(r.result, { program: program.toJSON(), inputs: program.inputs, values: { uptime: '99.5' }, lang: 'de', currency: 'EUR' });
    assert.deepEqual(sentences.map((s) => s.replaceAll('\u00a0', ' ')), ['Ihr Wert für „Verfügbarkeit“ von 99,5 % liegt unter 99,9 %, daher ist eine Gutschrift von 100,00 EUR (10 % der monatlichen Vergütung) fällig.']);
  });
});
