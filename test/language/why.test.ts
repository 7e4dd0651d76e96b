/**
 * The "why" a visitor reads (src/language/render/why.ts): the result in
 * sentences built from the labels, in English and German, for tiers, rules,
 * caps, `pay only if`, `for each`, payouts, programs without a fee and
 * contract years. Each case: rules, values, language, the sentences.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compile, labelIn, type InputValues, type Lang } from '../../src/index.js';
import { whyInWords } from '../../src/language/render/why.js';

function why(rules: string, values: InputValues, lang: Lang): string[] {
  const compiled = compile(rules);
  const program = compiled.program;
  assert.ok(program, compiled.diagnostics.map((d) => d.message).join('\n'));
  const r = program.evaluate(values, { lang });
  assert.ok(r.ok, r.ok ? '' : r.diagnostics.map((d) => d.message).join('\n'));
  const paid = program.payout && labelIn(program.payout.what, program.payout.whatTranslations, lang);
  const sentences = whyInWords(r.result, {
    program: program.toJSON(), inputs: program.inputs, values, lang,
    ...(r.result.currency ? { currency: r.result.currency } : {}), ...(paid ? { paid } : {}),
  });
  // Numbers keep their units with no-break spaces; the cases are written with plain ones.
  return sentences.map((s) => s.replaceAll('\u00a0', ' '));
}

const UPTIME = `fee 1000 EUR monthly
input uptime: percent "Uptime" de "Verfügbarkeit" default 99.95%
credit "Uptime credit" de "Gutschrift für Verfügbarkeit" capped 20% monthly:
  if uptime < 99.9% then 10%
  if uptime < 99% then 25%
`;

const ANNOUNCED = `fee 2000 EUR monthly
input availability: percent "Availability" de "Verfügbarkeit" default 99.95%
input announced: boolean "Announced maintenance" de "Angekündigte Wartung" default false
if availability < 99.9% and not announced then 10%
`;

describe('why in words: tiers', () => {
  const cases: [InputValues, Lang, string[]][] = [
    [{ uptime: '99.95' }, 'en', ['Your value of 99.95% for “Uptime” meets the 99.9% target, so no credit is due.']],
    [{ uptime: '99.95' }, 'de', ['Ihr Wert für „Verfügbarkeit“ von 99,95 % erreicht das Ziel von 99,9 %, daher ist keine Gutschrift fällig.']],
    [{ uptime: '99.5' }, 'en', ['Your value of 99.5% for “Uptime” is below 99.9%, so a credit of 100.00 EUR (10% of the monthly fee) is due.']],
    [{ uptime: '99.5' }, 'de', ['Ihr Wert für „Verfügbarkeit“ von 99,5 % liegt unter 99,9 %, daher ist eine Gutschrift von 100,00 EUR (10 % der monatlichen Vergütung) fällig.']],
  ];
  for (const [values, lang, expected] of cases) {
    it(`${lang} ${JSON.stringify(values)}`, () => assert.deepEqual(why(UPTIME, values, lang), expected));
  }

  it('says what the cap leaves: “capped at 20% of the fee”', () => {
    assert.deepEqual(why(UPTIME, { uptime: '98' }, 'en'), [
      'Your value of 98% for “Uptime” is below 99%, so a credit of 250.00 EUR (25% of the monthly fee) is due.',
      'This is capped at 20% of the fee: 200.00 EUR instead of 250.00 EUR.',
    ]);
    assert.deepEqual(why(UPTIME, { uptime: '98' }, 'de')[1], 'Das ist auf 20 % der Vergütung begrenzt: 200,00 EUR statt 250,00 EUR.');
  });
});

describe('why in words: rules with several conditions', () => {
  it('names the part that decides: the target met, or the maintenance announced', () => {
    assert.deepEqual(why(ANNOUNCED, { availability: '99.95', announced: false }, 'en'), ['Your value of 99.95% for “Availability” meets the 99.9% target, so no credit is due.']);
    assert.deepEqual(why(ANNOUNCED, { availability: '99.5', announced: true }, 'en'), ['“Announced maintenance” applies, so no credit is due.']);
    assert.deepEqual(why(ANNOUNCED, { availability: '99.5', announced: true }, 'de'), ['„Angekündigte Wartung“ trifft zu, daher ist keine Gutschrift fällig.']);
  });

  it('names every part when all of them hold', () => {
    assert.deepEqual(why(ANNOUNCED, { availability: '99.5', announced: false }, 'en'), [
      'Your value of 99.5% for “Availability” is below 99.9% and “Announced maintenance” does not apply, so a credit of 200.00 EUR (10% of the monthly fee) is due.',
    ]);
  });

  it('reads a chain as one subject: “reaches 90% and is below 95%”', () => {
    const rules = `fee 100 EUR monthly
input csat: percent "Customer satisfaction" default 92%
if 90% <= csat < 95% then 5%
`;
    assert.deepEqual(why(rules, { csat: '92' }, 'en'), ['Your value of 92% for “Customer satisfaction” reaches 90% and is below 95%, so a credit of 5.00 EUR (5% of the monthly fee) is due.']);
    assert.deepEqual(why(rules, { csat: '96' }, 'en'), ['Your value of 96% for “Customer satisfaction” is at least 95%, so no credit is due.']);
  });

  it('quotes as written what it cannot put in words', () => {
    const rules = `fee 100 EUR monthly
input a: number default 2
input b: number default 2
if a + b > 5 then 5%
`;
    assert.deepEqual(why(rules, { a: '2', b: '2' }, 'en'), ['`a + b > 5` does not hold, so no credit is due.']);
  });
});

describe('why in words: several credits, pay only if, payouts, lists, no fee, years', () => {
  const BONUS = `payout "bonus" de "Bonus"
input csat: percent "Customer satisfaction" de "Kundenzufriedenheit" default 92%
input resolved: number "Tickets resolved" de "Gelöste Tickets" default 350
if csat >= 90% then 100 EUR
if resolved > 400 then 50 EUR
pay only if total_credit >= 120 EUR
`;

  it('says what each credit adds, and why nothing is paid below the minimum', () => {
    assert.deepEqual(why(BONUS, { csat: '92', resolved: '350' }, 'en'), [
      'Your value of 92% for “Customer satisfaction” reaches 90%, so it adds 100.00 EUR.',
      'Your value of 350 for “Tickets resolved” stays within 400, so it adds nothing.',
      'The terms pay only if the credit reaches 120.00 EUR — the credit of 100.00 EUR stays below 120.00 EUR, so nothing is paid.',
      'In total, no bonus is due.',
    ]);
    assert.deepEqual(why(BONUS, { csat: '92', resolved: '450' }, 'de').at(-1), 'Insgesamt sind 150,00 EUR fällig (Bonus).');
  });

  it('counts the items of a list that qualify', () => {
    const rules = `fee 1000 EUR monthly
input responses: list of duration "P1 response times" de "P1-Reaktionszeiten" default []
credit "Late responses" for each response in responses:
  if response > 1h then 2%
`;
    assert.deepEqual(why(rules, { responses: ['30min', '2h', '3h'] }, 'en'), ['2 of your 3 entries for “P1 response times” qualify, so a credit of 40.00 EUR (4% of the monthly fee) is due.']);
    assert.deepEqual(why(rules, { responses: [] }, 'de'), ['Sie haben keine Einträge für „P1-Reaktionszeiten“, daher ist keine Gutschrift fällig.']);
  });

  it('gives an amount without a share where the program has no fee', () => {
    const rules = `input incidents: number "Incidents" default 3
if incidents > 2 then 50 EUR
`;
    assert.deepEqual(why(rules, { incidents: '3' }, 'en'), ['Your value of 3 for “Incidents” is above 2, so a credit of 50.00 EUR is due.']);
  });

  it('goes through a contract year quarter by quarter, with the yearly cap', () => {
    const rules = `period quarterly
fee 3000 USD monthly
input uptime: percent "Uptime this quarter" default 99.95%
credit "Quarterly uptime" capped 15% yearly:
  if uptime < 99.9% then 10%
  if uptime < 99% then 25%
`;
    assert.deepEqual(why(rules, { uptime: ['99.5', '99.95', '98', '97'] }, 'en'), [
      'Q1: Your value of 99.5% for “Uptime this quarter” is below 99.9%, so a credit of 900.00 USD (10% of the quarter’s fee) is due.',
      'Q2: Your value of 99.95% for “Uptime this quarter” meets the 99.9% target, so no credit is due.',
      'Q3: Your value of 98% for “Uptime this quarter” is below 99%, so a credit of 2,250.00 USD (25% of the quarter’s fee) is due.',
      'Q4: Your value of 97% for “Uptime this quarter” is below 99%, so a credit of 2,250.00 USD (25% of the quarter’s fee) is due.',
      'Over the contract year, a credit of 5,400.00 USD (15% of the yearly fee) is due.',
    ]);
  });

  it('leaves an ROI calculator without credits to its trace', () => {
    assert.deepEqual(why('input a: number default 1\noutput twice: number = a * 2\n', { a: '1' }, 'en'), []);
  });
});

describe('why in words: German labels of any gender and number', () => {
  // A German possessive agrees with its noun ("Ihre Verfügbarkeit", "Ihr Ergebnis", "Ihre gelösten Tickets"),
  // which a label's words do not reliably tell. "Ihr Wert für „…“" agrees with "Wert" alone.
  const REAL_LABELS: readonly [label: string, from: string][] = [
    ['Verfügbarkeit im Monat', 'demo/de/index.html (feminine)'],
    ['Verfügbarkeit in diesem Quartal', 'examples/quarterly-uptime.credit (feminine, a phrase after the noun)'],
    ['Kundenzufriedenheit (CSAT)', 'examples/support-bonus.credit (feminine, a parenthesis)'],
    ['Erstlösungsquote', 'examples/support-bonus.credit (feminine)'],
    ['Gelöste Tickets', 'examples/support-bonus.credit (plural, with an adjective)'],
    ['Ergebnis der Qualitätsprüfung', 'examples/support-bonus.credit (neuter)'],
    ['Längste Reaktion auf einen P1-Vorfall', 'demo/de/multi-metric.credit (feminine, with an adjective)'],
    ['API-Latenz (95. Perzentil)', 'demo/de/multi-metric.credit (feminine, an ending no rule knows)'],
    ['Kundenwert über die Laufzeit', 'demo/de/support-roi.credit (masculine)'],
  ];
  for (const [label, from] of REAL_LABELS) {
    it(`names “${label}” the same way whatever its gender: ${from}`, () => {
      const rules = `fee 100 EUR monthly\ninput x: number "x" de "${label}" default 10\nif x > 100 then 5%\n`;
      assert.deepEqual(why(rules, {}, 'de'), [`Ihr Wert für „${label}“ von 10 bleibt innerhalb von 100, daher ist keine Gutschrift fällig.`]);
    });
  }

  it('names every label of the shipped German rules that way', () => {
    for (const file of ['demo/de/multi-metric.credit', 'examples/support-bonus.credit', 'examples/quarterly-uptime.credit']) {
      const program = compile(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).program!;
      const labels = program.inputs.filter((i) => i.kind !== 'boolean').map((i) => labelIn(i.label, i.translations, 'de')!);
      const named = why(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), {}, 'de')
        .flatMap((sentence) => labels.filter((label) => sentence.includes(`„${label}“`)).map((label) => [label, sentence.includes(`Ihr Wert für „${label}“ von `)]));
      assert.ok(named.length > 0, `${file}: no sentence names a label`);
      assert.deepEqual(named.filter(([, well]) => !well), [], file);
    }
  });

  it('counts one entry of a list in the singular', () => {
    const rules = `fee 1000 EUR monthly
input responses: list of duration "P1 response times" de "P1-Reaktionszeiten" default []
credit "Late responses" for each response in responses:
  if response > 1h then 2%
`;
    assert.deepEqual(why(rules, { responses: ['2h'] }, 'en'), ['Your only entry for “P1 response times” qualifies, so a credit of 20.00 EUR (2% of the monthly fee) is due.']);
    assert.deepEqual(why(rules, { responses: ['30min'] }, 'en'), ['Your only entry for “P1 response times” does not qualify, so no credit is due.']);
    assert.deepEqual(why(rules, { responses: ['2h'] }, 'de'), ['Ihr einziger Eintrag für „P1-Reaktionszeiten“ erfüllt eine Stufe, daher ist eine Gutschrift von 20,00 EUR (2 % der monatlichen Vergütung) fällig.']);
    assert.deepEqual(why(rules, { responses: ['30min'] }, 'de'), ['Ihr einziger Eintrag für „P1-Reaktionszeiten“ erfüllt keine Stufe, daher ist keine Gutschrift fällig.']);
  });
});

describe('why in words: German durations after a preposition', () => {
  it('puts days in the dative: “von 3 Tagen”, “innerhalb von 2 Tagen”', () => {
    const rules = `fee 100 EUR monthly
input resolution: duration "Resolution time" de "Lösungszeit" default 1d
if resolution > 2d then 10%
`;
    assert.deepEqual(why(rules, { resolution: '1' }, 'de'), ['Ihr Wert für „Lösungszeit“ von 1 Tag bleibt innerhalb von 2 Tagen, daher ist keine Gutschrift fällig.']);
    assert.deepEqual(why(rules, { resolution: '3' }, 'de'), ['Ihr Wert für „Lösungszeit“ von 3 Tagen liegt über 2 Tagen, daher ist eine Gutschrift von 10,00 EUR (10 % der monatlichen Vergütung) fällig.']);
    assert.deepEqual(why(rules, { resolution: '3' }, 'en'), ['Your value of 3 days for “Resolution time” is above 2 days, so a credit of 10.00 EUR (10% of the monthly fee) is due.']);
  });
});
