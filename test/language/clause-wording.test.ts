/**
 * The clause as a prospect reads it on the sales page (issue 20): worked
 * examples write shares as a person would, no list item after a semicolon
 * opens with a capital, German puts every unit in the dative after
 * "innerhalb von", "unter" and "mit", and a proposal's clause states the fee agreed
 * with that customer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/language/analyze.js';
import { renderClause, type ClauseOptions } from '../../src/language/render/clause.js';
import type { Lang } from '../../src/language/render/format.js';

function render(source: string, lang: Lang, options?: ClauseOptions): string {
  const { problems, program } = analyze(source);
  assert.ok(program, problems.map((p) => p.message).join('\n'));
  return renderClause(program, lang, options).replace(/\u00a0/g, ' ');
}

const YEAR = `fee 2500 EUR monthly
input availability: percent "Availability" default 99.95%
input announced: boolean "The downtime was announced maintenance" default false
if availability < 99% and not announced then 10%
example "Ten months": availability = [98%, 98%, 98%, 98%, 98%, 98%, 98%, 98%, 98%, 98%], announced = [false, true, false, false, false, false, false, false, false, false] => credit 2250 EUR, credit 7.5%
example "Four months": availability = [98%, 98%, 98%, 98%] => credit 1000 EUR, credit 3.3333333333%
example "Maintenance": availability = 98%, announced = true => credit 0 EUR
`;

describe('the clause on a sales page', () => {
  it('writes a share of the fee in a worked example to two decimals, saying "about" when it rounds', () => {
    assert.match(render(YEAR, 'en'), /service credits of 1,000\.00 EUR \(about 3\.33% of the yearly fee\)/);
    assert.match(render(YEAR, 'en'), /service credits of 2,250\.00 EUR \(7\.5% of the yearly fee\)/);
    assert.match(render(YEAR, 'de'), /Gutschriften in Höhe von 1\.000,00 EUR \(rund 3,33 % der jährlichen Vergütung\)/);
    assert.doesNotMatch(render(YEAR, 'en'), /3\.333/);
  });

  it('never opens an item after a semicolon with a capital: a condition reads as in the clauses', () => {
    const en = render(YEAR, 'en');
    assert.doesNotMatch(en, /; [A-Z][a-z]+ downtime/);
    assert.match(en, /; the condition “The downtime was announced maintenance” is met\. Result: no service credit/);
    assert.match(en, /; the condition “The downtime was announced maintenance” not met, met, not met, not met, not met, not met, not met, not met, not met and not met in months 1 to 10 respectively/);
    assert.match(render(YEAR, 'de'), /; die Bedingung „The downtime was announced maintenance“ ist erfüllt\. Ergebnis/);
  });

  it('puts every unit in the German dative after "innerhalb von", "unter" and "mit"', () => {
    const cases: [rule: string, dative: string][] = [
      ['claim within 30 days', 'innerhalb von 30 Tagen'],
      ['claim within 1 days', 'innerhalb von 1 Tag'],
      ['claim within 48h', 'innerhalb von 48 Stunden'],
      ['input outage: duration\nif outage < 2d then 10%', 'unter 2 Tagen'],
      ['input outage: duration\nif outage < 90min then 10%', 'unter 90 Minuten'],
      ['input outage: duration\nif outage < 30s then 10%', 'unter 30 Sekunden'],
      ['input outage: duration\nif outage < 4h then 10%', 'unter 4 Stunden'],
      ['point = 10 EUR\ninput n: number\nif n > 1 then n * 2 points', 'multipliziert mit 2 Service-Credit-Punkten'],
    ];
    for (const [rule, dative] of cases) assert.ok(render(`fee 100 EUR monthly\n${rule}\n`, 'de').includes(dative), `${rule}: ${dative}`);
  });

  it('states the fee agreed with the customer when one is given', () => {
    assert.match(render(YEAR, 'en', { fee: '4000' }), /^1\. The monthly fee is 4,000\.00 EUR\./m);
    assert.match(render(YEAR, 'de', { fee: '4000' }), /^1\. Die monatliche Vergütung beträgt 4\.000,00 EUR\./m);
    assert.match(render(YEAR, 'en'), /^1\. The monthly fee is 2,500\.00 EUR\./m);
  });
});
