/**
 * The terms that changed between two versions, in clause words, English and
 * German (src/language/diff/terms.ts). Each case: the old rules, the new
 * rules, the sentences a drafter reads. Spelling alone (`10.0 %` for `10%`,
 * other spaces) is no change.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile } from '../../src/index.js';
import type * as A from '../../src/language/ast.js';
import type { CheckedProgram } from '../../src/language/checker/program.js';
import { diffPrograms } from '../../src/language/diff/diff.js';
import { termChanges } from '../../src/language/diff/terms.js';
import { rules } from '../helpers.js';

const BASE = rules`
  fee 1000 EUR monthly
  input availability: percent "Monthly uptime" default 99.95% range 90%..100%
  credit "Uptime":
    if availability < 99.9% then 10%
    if availability < 99% then 25%
  claim within 30 days
`;

function changes(before: string, after: string, lang: 'en' | 'de' = 'en'): string[] {
  const [b, a] = [compile(before), compile(after)];
  assert.ok(b.program && a.program, JSON.stringify([b.diagnostics, a.diagnostics]));
  // Values keep their number and unit together with a no-break space (render/format.ts); written here as spaces.
  return diffPrograms(b.program, a.program, lang).terms.map((c) => c.text.replaceAll('\u00A0', ' '));
}

const edit = (from: string, to: string) => BASE.replace(from, to);

describe('the terms that changed, in English and German', () => {
  const cases: [sentence: string, after: string, en: string[], de: string[]][] = [
    ['a tier that starts at another threshold', edit('99.9% then 10%', '99.5% then 10%'),
      ['In the tier table “Uptime”, the tier of 10% of the monthly fee now applies if the Monthly uptime is below 99.5% instead of below 99.9%.'],
      ['In der Stufentabelle „Uptime“ gilt die Stufe mit 10 % der monatlichen Vergütung nun, wenn der Wert „Monthly uptime“ unter 99,5 % statt unter 99,9 % liegt.']],
    ['a tier that pays another credit', edit('then 25%', 'then 30%'),
      ['In the tier table “Uptime”, the tier that applies if the Monthly uptime is below 99% now grants 30% of the monthly fee instead of 25% of the monthly fee.'],
      ['In der Stufentabelle „Uptime“ gewährt die Stufe, die gilt, wenn der Wert „Monthly uptime“ unter 99 % liegt, nun 30 % der monatlichen Vergütung statt 25 % der monatlichen Vergütung.']],
    ['a tier added', edit('then 25%\n', 'then 25%\n  if availability < 95% then 50%\n'),
      ['In the tier table “Uptime”, a tier was added: if the Monthly uptime is below 95%, 50% of the monthly fee.'],
      ['In der Stufentabelle „Uptime“ wurde eine Stufe hinzugefügt: wenn der Wert „Monthly uptime“ unter 95 % liegt, 50 % der monatlichen Vergütung.']],
    ['a tier removed', edit('  if availability < 99% then 25%\n', ''),
      ['In the tier table “Uptime”, the tier of 25% of the monthly fee that applied if the Monthly uptime is below 99% was removed.'],
      ['In der Stufentabelle „Uptime“ wurde die Stufe mit 25 % der monatlichen Vergütung, die galt, wenn der Wert „Monthly uptime“ unter 99 % liegt, gestrichen.']],
    ['a yearly cap added on all credits', `${BASE}cap 20% yearly\n`,
      ['A limit of 20% of the yearly fee in any contract year was added for all service credits together.'],
      ['Für die Summe aller Gutschriften wurde eine Höchstgrenze von 20 % der jährlichen Vergütung je Vertragsjahr hinzugefügt.']],
    ['a cap on the table changed', edit('credit "Uptime":', 'credit "Uptime" capped 50% monthly:').replace('x', 'x'),
      ['A limit of 50% of the monthly fee in any month was added for the tier table “Uptime”.'],
      ['Für die Stufentabelle „Uptime“ wurde eine Höchstgrenze von 50 % der monatlichen Vergütung je Monat hinzugefügt.']],
    ['the fee and the claim period', edit('1000 EUR', '1200 EUR').replace('30 days', '60 days'),
      ['The monthly fee is now 1,200.00 EUR instead of 1,000.00 EUR.', 'A service credit must now be claimed within 60 days instead of 30 days.'],
      ['Die monatliche Vergütung beträgt nun 1.200,00 EUR statt 1.000,00 EUR.', 'Eine Gutschrift muss nun innerhalb von 60 Tagen statt 30 Tagen geltend gemacht werden.']],
    ['a separate rule added', `${BASE}if availability < 90% then 200 EUR\n`,
      ['A rule was added: if the Monthly uptime is below 90%, 200.00 EUR.'],
      ['Eine Regel wurde hinzugefügt: wenn der Wert „Monthly uptime“ unter 90 % liegt, 200,00 EUR.']],
    ['an input\'s default', edit('default 99.95%', 'default 99.99%'),
      ['The default of “Monthly uptime” is now 99.99% instead of 99.95%.'],
      ['Der Vorgabewert von „Monthly uptime“ beträgt nun 99,99 % statt 99,95 %.']],
    ['a claim period counted from the incident, in business days', edit('claim within 30 days', 'claim within 10 business days after incident'),
      ['A service credit must now be claimed within 10 business days after the incident instead of 30 days.'],
      ['Eine Gutschrift muss nun innerhalb von 10 Arbeitstagen nach dem Vorfall statt 30 Tagen geltend gemacht werden.']],
    ['a condition for paying (language version 2)', `${BASE}pay only if total_credit > 1 EUR\n`,
      ['Payment now requires that the total service credit exceeds 1.00 EUR.'],
      ['Ein Anspruch besteht nun nur, wenn die gesamte Gutschrift 1,00 EUR überschreitet.']],
    ['a drafting note added', edit('credit "Uptime":', '## Maintenance is not downtime.\ncredit "Uptime":'),
      ['A drafting note was added: “Maintenance is not downtime.”'],
      ['Ein Hinweis wurde hinzugefügt: „Maintenance is not downtime.“']],
    ['nothing but spelling', edit('99.9% then 10%', '99.90 %  then  10.0%'), [], []],
  ];
  for (const [sentence, after, en, de] of cases) {
    it(sentence, () => {
      assert.deepEqual(changes(BASE, after, 'en'), en);
      assert.deepEqual(changes(BASE, after, 'de'), de);
    });
  }
});

describe('each change names its lines in both versions', () => {
  it('the old line and the new line of a moved threshold; only the new line of an addition', () => {
    const after = `# a note\n${edit('99.9% then 10%', '99.5% then 10%')}cap 20% yearly\n`;
    const [b, a] = [compile(BASE).program!, compile(after).program!];
    assert.deepEqual(diffPrograms(b, a).terms.map(({ before, after: now }) => [before, now]), [[4, 5], [undefined, 8]]);
  });
});

describe('definitions and statements of a kind the comparison does not know', () => {
  it('a changed `let` is a changed definition', () => {
    assert.deepEqual(changes(`${BASE}let margin = 5%\n`, `${BASE}let margin = 7%\n`), ['“margin” is now defined as “7%” instead of “5%”.']);
  });

  it('a statement of a newer kind is compared as text, so its change is never silent', () => {
    // As language version 2 adds statements (`pay only if …`), a checked program may hold kinds this module predates.
    const withStatement = (text: string): CheckedProgram => {
      const program = compile(BASE).program!.toJSON();
      const source = `${program.source}${text}\n`;
      const statement = { type: 'a-later-kind', span: { start: program.source.length, end: source.length - 1 } } as unknown as A.Statement;
      return { ...program, source, ast: { statements: [...program.ast.statements, statement] } };
    };
    assert.deepEqual(termChanges(withStatement('later syntax 1'), withStatement('later syntax 2'), 'en').map((c) => c.text), [
      'The term “later syntax 1” now reads “later syntax 2”.',
    ]);
    assert.deepEqual(termChanges(withStatement('later syntax 1'), compile(BASE).program!.toJSON(), 'de').map((c) => c.text), [
      'Die Bestimmung „later syntax 1“ wurde gestrichen.',
    ]);
  });
});

describe('conditions of payment, the payout and drafting notes, in words', () => {
  const PAID = `${BASE}pay only if total_credit > 1 EUR\n`;
  const BONUS = rules`
    payout "bonus" de "Bonus" to "the agent" de "die Mitarbeiterin"
    input csat: percent
    if csat > 90% then 100 EUR
  `;
  const NOTED = edit('credit "Uptime":', '## Maintenance is not downtime.\ncredit "Uptime":');
  const cases: [sentence: string, before: string, after: string, en: string[], de: string[]][] = [
    ['a further condition of payment', PAID, `${PAID}pay only if availability > 50%\n`,
      ['Payment now also requires that the Monthly uptime exceeds 50%.'],
      ['Ein Anspruch besteht nun außerdem nur, wenn der Wert „Monthly uptime“ 50 % überschreitet.']],
    ['a condition of payment dropped', PAID, BASE,
      ['Payment no longer requires that the total service credit exceeds 1.00 EUR.'],
      ['Ein Anspruch setzt nicht mehr voraus, dass die gesamte Gutschrift 1,00 EUR überschreitet.']],
    ['a condition of payment written differently, the same meaning', PAID, `${BASE}pay only if 1 EUR < total_credit\n`.replace('1 EUR < total_credit', 'total_credit  >  1.00 EUR'), [], []],
    ['the payout to someone else', BONUS, BONUS.replace('"the agent" de "die Mitarbeiterin"', '"the team lead" de "die Teamleitung"'),
      ['The bonus is now paid to the team lead instead of the agent.'],
      ['Empfänger von „Bonus“ ist nun die Teamleitung statt die Mitarbeiterin.']],
    ['something else paid', BONUS, BONUS.replace('"bonus" de "Bonus"', '"incentive" de "Prämie"'),
      ['The agent is now paid an incentive instead of a bonus.'],
      ['Die Mitarbeiterin erhält nun „Prämie“ statt „Bonus“.']],
    ['a payout where there was a service credit', BONUS.replace(/^payout.*\n/, ''), BONUS,
      ['A bonus is now paid to the agent, instead of a service credit to the Customer.'],
      ['Nun erhält die Mitarbeiterin „Bonus“; bisher erhielt der Kunde „Gutschrift“.']],
    ['a drafting note reworded', NOTED, NOTED.replace('## Maintenance', '## Announced maintenance'),
      ['The drafting note “Maintenance is not downtime.” now reads “Announced maintenance is not downtime.”'],
      ['Der Hinweis „Maintenance is not downtime.“ lautet nun „Announced maintenance is not downtime.“']],
    ['a drafting note made a private comment', NOTED, NOTED.replace('## Maintenance', '# Maintenance'),
      ['The drafting note “Maintenance is not downtime.” was removed.'],
      ['Der Hinweis „Maintenance is not downtime.“ wurde gestrichen.']],
    ['a private comment changed: no change of terms', `# one\n${BASE}`, `# two\n${BASE}`, [], []],
  ];
  for (const [sentence, before, after, en, de] of cases) {
    it(sentence, () => {
      assert.deepEqual(changes(before, after, 'en'), en);
      assert.deepEqual(changes(before, after, 'de'), de);
    });
  }
});
