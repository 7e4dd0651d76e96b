/**
 * How the "why" names an input whatever its label (src/language/render/why.ts):
 * a label's number cannot be told from its text, so English says "your value
 * of 350 for “Tickets resolved”" as German says "Ihr Wert für „Gelöste
 * Tickets“ von 350" — every sentence shape stays grammatical for a singular,
 * a plural, a phrase, a label with quotes or a closing full stop. And the same
 * words say a rule's or tier's condition without values, for the breakdown
 * (`conditionsInWords`). Each case: rules, values, language, the words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, type InputValues, type Lang } from '../../src/index.js';
import { conditionsInWords, whyInWords } from '../../src/language/render/why.js';

function compiled(rules: string) {
  const result = compile(rules);
  assert.ok(result.program, result.diagnostics.map((d) => d.message).join('\n'));
  return result.program;
}

function why(rules: string, values: InputValues, lang: Lang = 'en'): string[] {
  const program = compiled(rules);
  const r = program.evaluate(values, { lang });
  assert.ok(r.ok, r.ok ? '' : r.diagnostics.map((d) => d.message).join('\n'));
  const context = { program: program.toJSON(), inputs: program.inputs, values, lang, ...(r.result.currency ? { currency: r.result.currency } : {}) };
  // Numbers keep their units with no-break spaces; the cases are written with plain ones.
  return whyInWords(r.result, context).map((s) => s.replaceAll('\u00a0', ' '));
}

/** The words of the rule or tier on each line (1-based, as the breakdown asks). */
function conditions(rules: string, lang: Lang, lines: readonly number[]): (string | undefined)[] {
  const program = compiled(rules);
  const words = conditionsInWords({ program: program.toJSON(), inputs: program.inputs, lang, currency: 'EUR' });
  return lines.map((line) => words(line)?.replaceAll('\u00a0', ' '));
}

describe('why names a label of any number or shape', () => {
  const LABELS: readonly [label: string, en: string, de: string][] = [
    ['Availability', '“Availability”', '„Availability“'],
    ['Tickets resolved', '“Tickets resolved”', '„Tickets resolved“'],
    ['P1 response time (hours)', '“P1 response time (hours)”', '„P1 response time (hours)“'],
    ['Tickets resolved.', '“Tickets resolved”', '„Tickets resolved“'],
    ['Use the “fast” lane', '“Use the ‘fast’ lane”', '„Use the ‘fast’ lane“'],
    ['Gelöste „Tickets“', '“Gelöste ‚Tickets‘”', '„Gelöste ‚Tickets‘“'],
    ['SLA uptime…', '“SLA uptime…”', '„SLA uptime…“'],
  ];
  for (const [label, en, de] of LABELS) {
    it(`${label}: the verb agrees with “value”, and the quote closes where the label ends`, () => {
      const rules = `fee 100 EUR monthly\ninput x: number "${label}" default 10\nif x > 100 then 5%\n`;
      assert.deepEqual(why(rules, {}), [`Your value of 10 for ${en} stays within 100, so no credit is due.`]);
      assert.deepEqual(why(rules, {}, 'de'), [`Ihr Wert für ${de} von 10 bleibt innerhalb von 100, daher ist keine Gutschrift fällig.`]);
    });
  }
});

describe('why: every sentence shape with a plural label', () => {
  const rules = (rule: string) => `fee 1000 EUR monthly
input tickets: number "Tickets resolved" de "Gelöste Tickets" default 350
input late: boolean "Late responses." de "Späte Antworten." default false
${rule}
`;
  const due = 'so a credit of 50.00 EUR (5% of the monthly fee) is due.';
  const SHAPES: readonly [rule: string, values: InputValues, sentences: string[]][] = [
    ['if tickets < 400 then 5%', { tickets: '350' }, [`Your value of 350 for “Tickets resolved” is below 400, ${due}`]],
    ['if tickets < 400 then 5%', { tickets: '450' }, ['Your value of 450 for “Tickets resolved” meets the 400 target, so no credit is due.']],
    ['if tickets <= 400 then 5%', { tickets: '400' }, [`Your value of 400 for “Tickets resolved” is at most 400, ${due}`]],
    ['if tickets <= 400 then 5%', { tickets: '450' }, ['Your value of 450 for “Tickets resolved” is above 400, so no credit is due.']],
    ['if tickets > 400 then 5%', { tickets: '350' }, ['Your value of 350 for “Tickets resolved” stays within 400, so no credit is due.']],
    ['if tickets >= 400 then 5%', { tickets: '400' }, [`Your value of 400 for “Tickets resolved” reaches 400, ${due}`]],
    ['if tickets >= 400 then 5%', { tickets: '350' }, ['Your value of 350 for “Tickets resolved” stays below 400, so no credit is due.']],
    ['if tickets = 400 then 5%', { tickets: '400' }, [`Your value of 400 for “Tickets resolved” equals 400, ${due}`]],
    ['if tickets != 400 then 5%', { tickets: '400' }, ['Your value of 400 for “Tickets resolved” equals 400, so no credit is due.']],
    ['if 300 <= tickets < 400 then 5%', { tickets: '450' }, ['Your value of 450 for “Tickets resolved” is at least 400, so no credit is due.']],
    ['if 300 <= tickets < 400 then 5%', { tickets: '250' }, ['Your value of 250 for “Tickets resolved” stays below 300, so no credit is due.']],
    ['if tickets > 400 and not late then 5%', { tickets: '450', late: 'true' }, ['“Late responses” applies, so no credit is due.']],
    // A switch compared with yes or no is said as the switch.
    ['if tickets > 400 and late = false then 5%', { tickets: '450', late: 'true' }, ['“Late responses” applies, so no credit is due.']],
    ['if tickets > 400 and late != false then 5%', { tickets: '450', late: 'false' }, ['“Late responses” does not apply, so no credit is due.']],
    ['if tickets > 400 or late then 5%', { tickets: '450', late: 'true' }, [`Your value of 450 for “Tickets resolved” is above 400 or “Late responses” applies, ${due}`]],
    // The `and` decided the `or`: both its parts are said, joined by "and".
    ['if (tickets > 400 and late) or tickets > 1000 then 5%', { tickets: '450', late: 'true' }, [`Your value of 450 for “Tickets resolved” is above 400 and “Late responses” applies, ${due}`]],
    ['if tickets > 400 then 2 points\npoint = 1%', { tickets: '450' }, ['Your value of 450 for “Tickets resolved” is above 400, so a credit of 20.00 EUR (2% of the monthly fee) is due.']],
    ['if tickets > 400 then 50 EUR\npay only if total_credit >= 100 EUR', { tickets: '450' }, [
      'Your value of 450 for “Tickets resolved” is above 400, so a credit of 50.00 EUR (5% of the monthly fee) is due.',
      'The terms pay only if the credit reaches 100.00 EUR — the credit of 50.00 EUR stays below 100.00 EUR, so nothing is paid.',
      'In total, no credit is due.',
    ]],
  ];
  for (const [rule, values, sentences] of SHAPES) {
    it(`${rule.split('\n')[0]} with ${JSON.stringify(values)}`, () => assert.deepEqual(why(rules(rule), values), sentences));
  }

  it('counts the entries for a list whose label ends with a full stop', () => {
    const list = `fee 1000 EUR monthly
input responses: list of duration "P1 responses." de "P1-Antworten." default []
credit "Late responses." for each response in responses:
  if response > 1h then 2%
if false then 1%
`;
    assert.deepEqual(why(list, { responses: ['2h', '3h'] })[0], '“Late responses”: 2 of your 2 entries for “P1 responses” qualify, so it adds 40.00 EUR.');
    assert.deepEqual(why(list, { responses: [] }, 'de')[0], '„Late responses“: Sie haben keine Einträge für „P1-Antworten“, das ergibt nichts.');
  });
});

describe('conditions in words, as written and without values: the breakdown', () => {
  const RULES = `fee 1000 EUR monthly
input availability: percent "Availability" de "Verfügbarkeit" default 99.95%
input announced: boolean "Announced maintenance" de "Angekündigte Wartung" default false
input emergency: boolean "Emergency." de "Notfall." default false
input spend: money "Cloud spend" de "Cloud-Ausgaben" default 100 EUR
input responses: list of duration "P1 response times" de "P1-Reaktionszeiten" default []
if availability < 99.9% and not announced then 10%
credit "Tiers":
  if 90% <= availability < 95% then 5%
  if not (availability >= 99%) then 5%
  if availability < 99% and (not announced or emergency) then 7%
  if availability < 95% or (announced and emergency) then 9%
  if spend > fee then 1%
  if availability * 2 < 190% then 1%
  if not (90% <= availability < 95%) then 1%
credit "Late" for each response in responses:
  if response > 1h then 2%
if availability < 99% and announced = false then 1%
if (not announced or emergency) and availability < 99% then 1%
if (availability < 95% or announced) and (emergency or spend > fee) then 1%
if (availability < 95% and (announced or emergency)) or spend > fee then 1%
`;
  const LINES = [7, 9, 10, 11, 12, 13, 14, 15, 17, 18, 8, 99];

  it('in English', () => {
    assert.deepEqual(conditions(RULES, 'en', LINES), [
      'Your value for “Availability” is below 99.9% and “Announced maintenance” does not apply',
      'Your value for “Availability” reaches 90% and is below 95%',
      'Your value for “Availability” stays below 99%',
      // Alternatives are inclusive, as `or` is: at least one holds, not "either … or".
      'Your value for “Availability” is below 99% and at least one of these holds: “Announced maintenance” does not apply or “Emergency” applies',
      'At least one of these holds: your value for “Availability” is below 95%, or “Announced maintenance” applies and “Emergency” applies',
      'Your value for “Cloud spend” is above the fee',
      // Arithmetic, and a band missed on either side: the rule text says it better than guessed words.
      undefined,
      undefined,
      // A `for each` item is one of the list's entries.
      'Your value for “P1 response times” is above 1 hour',
      'Your value for “Availability” is below 99% and “Announced maintenance” does not apply',
      // A block's own line, and a line without rules, have no condition.
      undefined,
      undefined,
    ]);
  });

  it('in German', () => {
    assert.deepEqual(conditions(RULES, 'de', LINES).slice(0, 6).concat(conditions(RULES, 'de', [17])), [
      'Ihr Wert für „Verfügbarkeit“ liegt unter 99,9 % und „Angekündigte Wartung“ trifft nicht zu',
      'Ihr Wert für „Verfügbarkeit“ erreicht 90 % und liegt unter 95 %',
      'Ihr Wert für „Verfügbarkeit“ bleibt unter 99 %',
      'Ihr Wert für „Verfügbarkeit“ liegt unter 99 % und mindestens eine dieser Bedingungen ist erfüllt: „Angekündigte Wartung“ trifft nicht zu oder „Notfall“ trifft zu',
      'Mindestens eine dieser Bedingungen ist erfüllt: Ihr Wert für „Verfügbarkeit“ liegt unter 95 %, oder „Angekündigte Wartung“ trifft zu und „Notfall“ trifft zu',
      'Ihr Wert für „Cloud-Ausgaben“ liegt über der Vergütung',
      'Ihr Wert für „P1-Reaktionszeiten“ liegt über 1 Stunde',
    ]);
  });
  it('says a group of alternatives after the other parts of an `and`, and closes each group, so no list runs into the next part', () => {
    assert.deepEqual(conditions(RULES, 'en', [19, 20]), [
      'Your value for “Availability” is below 99% and at least one of these holds: “Announced maintenance” does not apply or “Emergency” applies',
      'At least one of these holds: your value for “Availability” is below 95% or “Announced maintenance” applies; '
        + 'and at least one of these holds: “Emergency” applies or your value for “Cloud spend” is above the fee',
    ]);
    assert.deepEqual(conditions(RULES, 'de', [19, 20]), [
      'Ihr Wert für „Verfügbarkeit“ liegt unter 99 % und mindestens eine dieser Bedingungen ist erfüllt: „Angekündigte Wartung“ trifft nicht zu oder „Notfall“ trifft zu',
      'Mindestens eine dieser Bedingungen ist erfüllt: Ihr Wert für „Verfügbarkeit“ liegt unter 95 % oder „Angekündigte Wartung“ trifft zu; '
        + 'und mindestens eine dieser Bedingungen ist erfüllt: „Notfall“ trifft zu oder Ihr Wert für „Cloud-Ausgaben“ liegt über der Vergütung',
    ]);
  });

  it('keeps the rule text where a group would stand in another group’s list, with no end a reader can see', () => {
    assert.deepEqual(conditions(RULES, 'en', [21]), [undefined]);
    assert.deepEqual(conditions(RULES, 'de', [21]), [undefined]);
  });
});

describe('why: alternatives that both hold read as inclusive, and `pay only if` in words', () => {
  const RULES = `fee 1000 EUR monthly
input availability: percent "Availability" de "Verfügbarkeit" default 99.95%
input announced: boolean "Announced maintenance" de "Angekündigte Wartung" default false
input emergency: boolean "Emergency" de "Notfall" default false
if availability < 99% and (not announced or emergency) then 5%
`;
  const both = { availability: '98', announced: 'false', emergency: 'true' };

  it('says that at least one alternative holds where both do, never "either … or"', () => {
    assert.deepEqual(why(RULES, both), [
      'Your value of 98% for “Availability” is below 99% and at least one of these holds: “Announced maintenance” does not apply or “Emergency” applies, '
        + 'so a credit of 50.00 EUR (5% of the monthly fee) is due.',
    ]);
    assert.deepEqual(why(RULES, both, 'de'), [
      'Ihr Wert für „Verfügbarkeit“ von 98 % liegt unter 99 % und mindestens eine dieser Bedingungen ist erfüllt: „Angekündigte Wartung“ trifft nicht zu oder „Notfall“ trifft zu, '
        + 'daher ist eine Gutschrift von 50,00 EUR (5 % der monatlichen Vergütung) fällig.',
    ]);
  });

  const PAY_IF: readonly [condition: string, en: string, de: string][] = [
    // German puts the verb last after „wenn“, a separable verb joined: „nicht zutrifft“.
    ['total_credit >= 100 EUR and not announced',
      'The terms pay only if the credit reaches 100.00 EUR and “Announced maintenance” does not apply — the credit of 50.00 EUR stays below 100.00 EUR, so nothing is paid.',
      'Gezahlt wird nur, wenn die Gutschrift 100,00 EUR erreicht und „Angekündigte Wartung“ nicht zutrifft – die Gutschrift von 50,00 EUR bleibt unter 100,00 EUR, daher wird nichts gezahlt.'],
    ['availability >= 99% or total_credit > 60 EUR',
      'The terms pay only if your value for “Availability” reaches 99% or the credit is above 60.00 EUR — '
        + 'your value of 98% for “Availability” stays below 99% and the credit of 50.00 EUR stays within 60.00 EUR, so nothing is paid.',
      'Gezahlt wird nur, wenn Ihr Wert für „Verfügbarkeit“ 99 % erreicht oder die Gutschrift über 60,00 EUR liegt – '
        + 'Ihr Wert für „Verfügbarkeit“ von 98 % bleibt unter 99 % und die Gutschrift von 50,00 EUR bleibt innerhalb von 60,00 EUR, daher wird nichts gezahlt.'],
    // Where words fail (arithmetic), the rule as written, as the breakdown keeps it.
    ['total_credit * 2 >= 200 EUR',
      'The terms pay only if `total_credit * 2 >= 200 EUR` — `total_credit * 2 >= 200 EUR` does not hold, so nothing is paid.',
      'Gezahlt wird nur, wenn `total_credit * 2 >= 200 EUR` erfüllt ist – `total_credit * 2 >= 200 EUR` ist nicht erfüllt, daher wird nichts gezahlt.'],
    // A group of alternatives, in the condition and in the reasons: the dash ends its list.
    ['total_credit >= 100 EUR and (announced or availability > 99%)',
      'The terms pay only if the credit reaches 100.00 EUR and at least one of these holds: “Announced maintenance” applies or your value for “Availability” is above 99% — '
        + 'at least one of these holds: the credit of 50.00 EUR stays below 100.00 EUR, or “Announced maintenance” does not apply and your value of 98% for “Availability” stays within 99%, '
        + 'so nothing is paid.',
      'Gezahlt wird nur, wenn die Gutschrift 100,00 EUR erreicht und mindestens eine dieser Bedingungen erfüllt ist: „Angekündigte Wartung“ trifft zu oder Ihr Wert für „Verfügbarkeit“ liegt über 99 % – '
        + 'mindestens eine dieser Bedingungen ist erfüllt: die Gutschrift von 50,00 EUR bleibt unter 100,00 EUR, oder „Angekündigte Wartung“ trifft nicht zu und Ihr Wert für „Verfügbarkeit“ von 98 % bleibt innerhalb von 99 %, '
        + 'daher wird nichts gezahlt.'],
  ];
  for (const [condition, en, de] of PAY_IF) {
    it(`pay only if ${condition}: the condition in words where they can say it`, () => {
      const rules = `${RULES}pay only if ${condition}\n`;
      assert.equal(why(rules, both)[1], en);
      assert.equal(why(rules, both, 'de')[1], de);
    });
  }
});
