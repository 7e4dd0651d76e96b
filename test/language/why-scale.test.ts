/**
 * The "why" of a large program is worded in work that grows with the program,
 * not with its square: each rule's sentence once looked up its statement, and
 * every name in it its label, by searching all the statements, so the why of
 * the 3,000 separate rules the limits allow took over a second in Chromium and
 * froze the calculator's page. Time depends on the machine, so what is counted
 * here is how often the statements are read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../src/index.js';
import { conditionsInWords, whyInWords } from '../../src/language/render/why.js';
import { separateRules } from '../fuzz/worst-case.js';

/** Words every rule's why and breakdown line of `separateRules(n)`; how many times a statement was read. */
function statementReads(n: number): number {
  const program = compile(separateRules(n)).program;
  assert.ok(program, 'the rules compile');
  const values = { a: '50%' };
  const r = program.evaluate(values);
  assert.ok(r.ok);
  let reads = 0;
  const saved = program.toJSON();
  const statements = new Proxy([...saved.ast.statements], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const context = { program: { ...saved, ast: { ...saved.ast, statements } }, inputs: program.inputs, values, lang: 'en' as const, currency: 'EUR' };
  const sentences = whyInWords(r.result, context);
  // Said: the rules that apply, at most fifty, and a count of the rest.
  assert.ok(sentences.length > 2, `${sentences.length} sentences`);
  const words = conditionsInWords(context);
  for (const line of r.result.credits.map((c) => c.line)) assert.ok(words(line));
  return reads;
}

test('the why and the breakdown words of a large program read each statement a few times, not once per rule', () => {
  const [small, large] = [1_500, 3_000].map(statementReads);
  assert.ok(large <= 10 * 3_000, `${large} statement reads for 3,000 rules`);
  // Doubling the rules doubles the reads; a search per rule would quadruple them.
  assert.ok(large < 2.5 * small, `${small} → ${large} reads`);
});

const manyRules = (count: number) => `fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\n${Array.from({ length: count }, (_, i) => `if a < ${99 - i}% then 1%`).join('\n')}\n`;

test('of more than fifty credits, the why says those that apply, at most fifty, and counts the rest', () => {
  const why = (a: string, lang: 'en' | 'de' = 'en', program = compile(manyRules(60)).program!) => {
    const r = program.evaluate({ a }, { lang });
    assert.ok(r.ok);
    return whyInWords(r.result, { program: program.toJSON(), inputs: program.inputs, values: { a }, lang, currency: 'EUR' }).map((s) => s.replaceAll('\u00a0', ' '));
  };
  const all = why('1%');
  assert.equal(all.filter((s) => s.includes('is below')).length, 50);
  assert.deepEqual(all.slice(-2), ['10 more rules apply.', 'In total, a credit of 600.00 EUR (60% of the monthly fee) is due.']);
  assert.ok(why('1%', 'de').includes('Weitere 10 Regeln greifen.'));
  assert.ok(why('98.5%').includes('The other 59 rules do not apply.'), 'the one rule that applies is said, the others counted');
  assert.deepEqual(why('1%', 'en', compile(manyRules(51)).program!).slice(-2, -1), ['1 more rule applies.']);
  assert.ok(why('1%', 'de', compile(manyRules(51)).program!).includes('Eine weitere Regel greift.'));
  assert.ok(why('99%', 'de').includes('Keine der 60 Regeln greift.'));
});
