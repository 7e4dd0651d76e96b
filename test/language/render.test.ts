/**
 * The clause text and locale formatting: what a lawyer reads in English and
 * German, checked as the sentences they would quote, plus the structure
 * (numbered clauses, one tier per line) and exact, float-free numbers.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Literal } from '../../src/language/ast.js';
import { analyze } from '../../src/language/analyze.js';
import { Decimal } from '../../src/language/decimal.js';
import { renderClause } from '../../src/language/render/clause.js';
import {
  formatDuration,
  formatLiteral,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuantity,
  type Lang,
} from '../../src/language/render/format.js';

const NBSP = '\u00A0';

function render(source: string, lang: Lang): string {
  const { problems, program } = analyze(source);
  assert.ok(program, `does not check:\n${problems.map((p) => `${p.code}: ${p.message}`).join('\n')}`);
  return renderClause(program, lang);
}

/**
 * The sentences as read: the no-break spaces in "99,5 %" and "1.200,00 EUR"
 * are checked once, on their own, so the sentence tables can be typed plainly.
 */
const read = (source: string, lang: Lang) => render(source, lang).replaceAll(NBSP, ' ');

const UPTIME = 'input availability: percent "Monthly uptime" default 99.95% range 90%..100%\n';

interface Case {
  readonly name: string;
  readonly source: string;
  readonly en: readonly string[];
  readonly de: readonly string[];
}

const cases: readonly Case[] = [
  {
    name: 'the one-line program',
    source: 'if availability < 99.5% then 10% capped 20% yearly',
    en: [
      'If the availability in a month is below 99.5%, the Customer receives a service credit of 10% of the monthly fee for that month, up to 20% of the yearly fee in any contract year.',
      'The yearly fee is twelve times the monthly fee.',
    ],
    de: [
      'Liegt der Wert „availability“ in einem Monat unter 99,5 %, erhält der Kunde eine Gutschrift in Höhe von 10 % der monatlichen Vergütung für diesen Monat, höchstens jedoch 20 % der jährlichen Vergütung je Vertragsjahr.',
      'Die jährliche Vergütung beträgt das Zwölffache der monatlichen Vergütung.',
    ],
  },
  {
    name: 'a monthly fee',
    source: 'fee 1200 EUR monthly\nif availability < 99.5% then 10%',
    en: ['1. The monthly fee is 1,200.00 EUR.'],
    de: ['1. Die monatliche Vergütung beträgt 1.200,00 EUR.'],
  },
  {
    name: 'a yearly fee with a label',
    source: 'fee 14_400 EUR yearly "Subscription"\nif availability < 99.5% then 10%',
    en: ['The yearly fee is 14,400.00 EUR (the “Subscription”). The monthly fee is one twelfth of the yearly fee.'],
    de: ['Die jährliche Vergütung beträgt 14.400,00 EUR („Subscription“). Die monatliche Vergütung beträgt ein Zwölftel der jährlichen Vergütung.'],
  },
  {
    name: 'a declared input with a label',
    source: `${UPTIME}if availability < 99.5% then 10%`,
    en: [
      '“Monthly uptime” (availability) means the percentage measured for the month concerned, within the range from 90% to 100%.',
      'If the Monthly uptime in a month is below 99.5%, the Customer receives a service credit of 10% of the monthly fee for that month.',
    ],
    de: [
      '„Monthly uptime“ (availability) bezeichnet den für den jeweiligen Monat gemessenen Prozentwert, im Bereich von 90 % bis 100 %.',
      'Liegt der Wert „Monthly uptime“ in einem Monat unter 99,5 %, erhält der Kunde eine Gutschrift in Höhe von 10 % der monatlichen Vergütung für diesen Monat.',
    ],
  },
  {
    name: 'an input without a label is named by its words',
    source: 'input first_response: duration default 30min\nif first_response > 4h then 50 EUR',
    en: [
      '“first response” means the duration measured for the month concerned.',
      'If the first response in a month exceeds 4 hours, the Customer receives a service credit of 50.00 EUR for that month.',
    ],
    de: [
      '„first response“ bezeichnet die für den jeweiligen Monat gemessene Dauer.',
      'Überschreitet der Wert „first response“ in einem Monat 4 Stunden, erhält der Kunde eine Gutschrift in Höhe von 50,00 EUR für diesen Monat.',
    ],
  },
  {
    name: 'a three-tier credit block with a block cap',
    source: `${UPTIME}credit "Uptime" capped 50% monthly:\n  if availability < 99.9% then 10%\n  if availability < 99% then 30%\n  if availability < 95% then 100%`,
    en: [
      'Uptime. For each month, the Customer receives a service credit according to the following tiers:',
      '(a) if the Monthly uptime is below 99.9%: 10% of the monthly fee;',
      '(c) if the Monthly uptime is below 95%: 100% of the monthly fee.',
      'If the conditions of more than one tier are met, only the highest service credit applies.',
      'The service credits under this clause are limited to 50% of the monthly fee in any month.',
    ],
    de: [
      'Uptime. Der Kunde erhält für jeden Monat eine Gutschrift nach den folgenden Stufen:',
      'a) wenn der Wert „Monthly uptime“ unter 99,9 % liegt: 10 % der monatlichen Vergütung;',
      'c) wenn der Wert „Monthly uptime“ unter 95 % liegt: 100 % der monatlichen Vergütung.',
      'Sind die Voraussetzungen mehrerer Stufen erfüllt, gilt nur die höchste Gutschrift.',
      'Die Gutschriften nach dieser Ziffer sind auf 50 % der monatlichen Vergütung je Monat begrenzt.',
    ],
  },
  {
    name: 'a proportional credit per full step below',
    source: `${UPTIME}if availability < 99.9% then 1% per 0.1% below`,
    en: ['If the Monthly uptime in a month is below 99.9%, the Customer receives, for that month, a service credit of 1% of the monthly fee for every full 0.1% by which the Monthly uptime falls below 99.9%.'],
    de: ['Liegt der Wert „Monthly uptime“ in einem Monat unter 99,9 %, erhält der Kunde für diesen Monat eine Gutschrift in Höhe von 1 % der monatlichen Vergütung je volle 0,1 %, um die der Wert „Monthly uptime“ 99,9 % unterschreitet.'],
  },
  {
    name: 'a proportional credit per started step above, capped',
    source: 'input resolution: duration "Resolution time"\nif resolution > 8h then 2% per started 1h above capped 200 EUR monthly',
    en: ['If the Resolution time in a month exceeds 8 hours, the Customer receives, for that month, a service credit of 2% of the monthly fee for every started hour by which the Resolution time exceeds 8 hours, up to 200.00 EUR in any month.'],
    de: ['Überschreitet der Wert „Resolution time“ in einem Monat 8 Stunden, erhält der Kunde für diesen Monat eine Gutschrift in Höhe von 2 % der monatlichen Vergütung je angefangene Stunde, um die der Wert „Resolution time“ 8 Stunden überschreitet, höchstens jedoch 200,00 EUR je Monat.'],
  },
  {
    name: 'a proportional credit per full days, and plain `per` meaning full',
    source: 'input outage: duration\nif outage > 1d then 5% per 2d above\nif outage > 4h then 1% per 1d above',
    en: ['for every full 2 days by which the outage exceeds 1 day', 'for every full day by which the outage exceeds 4 hours'],
    de: ['je volle 2 Tage, um die der Wert „outage“ 1 Tag überschreitet', 'je vollen Tag, um den der Wert „outage“ 4 Stunden überschreitet'],
  },
  {
    name: 'a points block, a points rule and a money point rate',
    source: 'input resolution: duration "Resolution time"\npoints "Resolution":\n  if resolution > 8h then 1 point\n  if resolution > 24h then 3 points\nif resolution > 48h then 2 points\npoint = 50 EUR',
    en: [
      'Resolution. For each month, the Customer receives service credit points according to the following tiers:',
      '(a) if the Resolution time exceeds 8 hours: 1 service credit point;',
      '(b) if the Resolution time exceeds 24 hours: 3 service credit points.',
      'only the highest number of service credit points applies.',
      'If the Resolution time in a month exceeds 48 hours, the Customer receives 2 service credit points for that month.',
      // No fee (§11 of the design: nothing is a share of one), so no fee clause: the credits are clauses 2 and 3.
      'Service credits and service credit points under clauses 2 and 3 are added together.',
      'Each service credit point is worth 50.00 EUR.',
    ],
    de: [
      'Resolution. Der Kunde erhält für jeden Monat Service-Credit-Punkte nach den folgenden Stufen:',
      'a) wenn der Wert „Resolution time“ 8 Stunden überschreitet: 1 Service-Credit-Punkt;',
      'b) wenn der Wert „Resolution time“ 24 Stunden überschreitet: 3 Service-Credit-Punkte.',
      'gilt nur die höchste Zahl von Service-Credit-Punkten.',
      'Überschreitet der Wert „Resolution time“ in einem Monat 48 Stunden, erhält der Kunde 2 Service-Credit-Punkte für diesen Monat.',
      'Gutschriften und Service-Credit-Punkte nach den Ziffern 2 und 3 werden zusammengerechnet.',
      'Jeder Service-Credit-Punkt entspricht einer Gutschrift von 50,00 EUR.',
    ],
  },
  {
    name: 'a point rate as a share of the fee',
    source: 'if csat < 80% then 1 point\npoint = 0.5%',
    en: ['Each service credit point is worth 0.5% of the monthly fee.'],
    de: ['Jeder Service-Credit-Punkt entspricht einer Gutschrift von 0,5 % der monatlichen Vergütung.'],
  },
  {
    name: 'global caps of a share and of money, and a quarterly rule cap',
    source: 'if availability < 99% then 10% capped 15% quarterly\ncap 20% yearly\ncap 5000 EUR yearly',
    en: [
      'up to 15% of the quarterly fee in any contract quarter.',
      'All service credits together are limited to 20% of the yearly fee in any contract year.',
      'All service credits together are limited to 5,000.00 EUR in any contract year.',
      'The quarterly fee is three times the monthly fee.',
    ],
    de: [
      'höchstens jedoch 15 % der vierteljährlichen Vergütung je Vertragsquartal.',
      'Die Summe aller Gutschriften ist auf 20 % der jährlichen Vergütung je Vertragsjahr begrenzt.',
      'Die Summe aller Gutschriften ist auf 5.000,00 EUR je Vertragsjahr begrenzt.',
      'Die vierteljährliche Vergütung beträgt das Dreifache der monatlichen Vergütung.',
    ],
  },
  {
    name: 'let and output as definitions',
    source: 'fee 1000 EUR monthly\nif availability < 99% then 10%\nlet yearly_fee = fee * 12\noutput net_fee: money "Net fee" = fee - total_credit\noutput roi: percent "Return" = (yearly_fee - total_credit) / yearly_fee',
    en: [
      '“yearly fee” means the monthly fee multiplied by 12.',
      '“Net fee” means the monthly fee less the total service credit.',
      '“Return” means (the yearly fee less the total service credit) divided by the yearly fee, expressed as a percentage.',
    ],
    de: [
      '„yearly fee“ bezeichnet die monatliche Vergütung multipliziert mit 12.',
      '„Net fee“ bezeichnet die monatliche Vergütung abzüglich der gesamten Gutschrift.',
      '„Return“ bezeichnet („yearly fee“ abzüglich der gesamten Gutschrift) geteilt durch „yearly fee“, ausgedrückt in Prozent.',
    ],
  },
  {
    name: 'a condition and a plain number as definitions, and an example expecting a condition',
    source: 'input announced: boolean "Maintenance announced"\ninput outage: duration\nlet breach = not announced and outage > 2d\nlet factor = 5\nif breach then 1% * factor\nexample: announced = true => breach = false',
    en: [
      'The condition “breach” is met if the condition “Maintenance announced” is not met and the outage exceeds 2 days.',
      '“factor” is 5.',
      'If the condition “breach” is met in a month, the Customer receives a service credit of (1% multiplied by the factor) of the monthly fee for that month.',
      '(a) the condition “Maintenance announced” is met. Result: the condition “breach” is not met.',
    ],
    de: [
      'Die Bedingung „breach“ ist erfüllt, wenn die Bedingung „Maintenance announced“ nicht erfüllt ist und der Wert „outage“ 2 Tage überschreitet.',
      '„factor“ beträgt 5.',
      'Ist die Bedingung „breach“ in einem Monat erfüllt, erhält der Kunde eine Gutschrift in Höhe von (1 % multipliziert mit „factor“) der monatlichen Vergütung für diesen Monat.',
      'a) die Bedingung „Maintenance announced“ ist erfüllt. Ergebnis: die Bedingung „breach“ ist nicht erfüllt.',
    ],
  },
  {
    name: 'the claim period',
    source: 'if availability < 99% then 10%\nclaim within 30 days',
    en: ['The Customer must claim a service credit within 30 days after the end of the month to which it relates.'],
    de: ['Der Kunde muss eine Gutschrift innerhalb von 30 Tagen nach Ablauf des Monats, auf den sie sich bezieht, geltend machen.'],
  },
  {
    name: 'worked examples, for a month and for a contract year',
    source: `${UPTIME}if availability < 99.5% then 10% capped 20% yearly\nexample "Short outage": availability = 99.2%, fee = 1000 EUR => credit 10%\nexample "In money": availability = 99.2%, fee = 1000 EUR => credit 100 EUR\nexample "Cap over a year": availability = [94%, 94%, 94%] => credit 20%\nexample "Mixed": availability = [94%, 99.9%] => credit 10 EUR`,
    en: [
      'Worked examples',
      '(a) “Short outage”: monthly fee 1,000.00 EUR; Monthly uptime 99.2%. Result: a service credit of 10% of the monthly fee for the month.',
      '(b) “In money”: monthly fee 1,000.00 EUR; Monthly uptime 99.2%. Result: a service credit of 100.00 EUR for the month.',
      '(c) “Cap over a year”: Monthly uptime 94% in each of months 1 to 3. Result: service credits of 20% of the yearly fee for the contract year.',
      '(d) “Mixed”: Monthly uptime 94% and 99.9% in months 1 and 2 respectively.',
    ],
    de: [
      'Berechnungsbeispiele',
      'a) „Short outage“: monatliche Vergütung 1.000,00 EUR; Monthly uptime 99,2 %. Ergebnis: eine Gutschrift in Höhe von 10 % der monatlichen Vergütung für den Monat.',
      'c) „Cap over a year“: Monthly uptime 94 % in jedem der Monate 1 bis 3. Ergebnis: Gutschriften in Höhe von 20 % der jährlichen Vergütung für das Vertragsjahr.',
    ],
  },
  {
    name: 'worked examples state the defaults they run with, one credit said two ways, and no credit',
    source: `fee 1000 EUR monthly\n${UPTIME}if availability < 99.5% then 10%\nexample "Below": availability = 99.2% => credit 100 EUR, credit 10%\nexample "Defaults": => credit 0 EUR`,
    en: [
      '(a) “Below”: monthly fee 1,000.00 EUR; Monthly uptime 99.2%. Result: a service credit of 100.00 EUR (10% of the monthly fee) for the month.',
      '(b) “Defaults”: monthly fee 1,000.00 EUR; Monthly uptime 99.95%. Result: no service credit for the month.',
    ],
    de: [
      'a) „Below“: monatliche Vergütung 1.000,00 EUR; Monthly uptime 99,2 %. Ergebnis: eine Gutschrift in Höhe von 100,00 EUR (10 % der monatlichen Vergütung) für den Monat.',
      'b) „Defaults“: monatliche Vergütung 1.000,00 EUR; Monthly uptime 99,95 %. Ergebnis: keine Gutschrift für den Monat.',
    ],
  },
  {
    name: 'an example checking an output',
    source: 'fee 1000 EUR monthly\nif availability < 99% then 10%\noutput net_fee: money "Net fee" = fee - total_credit\nexample: availability = 98% => net_fee = 900 EUR',
    en: ['(a) monthly fee 1,000.00 EUR; availability 98%. Result: the Net fee is 900.00 EUR.'],
    de: ['a) monatliche Vergütung 1.000,00 EUR; availability 98 %. Ergebnis: der Wert „Net fee“ beträgt 900,00 EUR.'],
  },
  {
    name: 'every comparison reads as words',
    source: 'if a < 1% then 1%\nif b <= 2% then 1%\nif c > 3% then 1%\nif d >= 4% then 1%\nif e = 5% then 1%\nif f != 6% then 1%',
    en: ['the a in a month is below 1%', 'the b in a month is at most 2%', 'the c in a month exceeds 3%', 'the d in a month is at least 4%', 'the e in a month is 5%', 'the f in a month is not 6%'],
    de: ['Liegt der Wert „a“ in einem Monat unter 1 %', 'Beträgt der Wert „b“ in einem Monat höchstens 2 %', 'Überschreitet der Wert „c“ in einem Monat 3 %', 'Beträgt der Wert „d“ in einem Monat mindestens 4 %', 'Beträgt der Wert „e“ in einem Monat 5 %', 'Beträgt der Wert „f“ in einem Monat nicht 6 %'],
  },
  {
    name: 'a chained range, and a threshold written first',
    source: `${UPTIME}if 95% <= availability < 99% then 30%\nif 99.9% > availability then 5%`,
    en: ['If the Monthly uptime in a month is at least 95% but below 99%,', 'If the Monthly uptime in a month is below 99.9%,'],
    de: ['Beträgt der Wert „Monthly uptime“ in einem Monat mindestens 95 %, aber weniger als 99 %,', 'Liegt der Wert „Monthly uptime“ in einem Monat unter 99,9 %,'],
  },
  {
    name: 'conditions that are met or not, joined with and/or',
    source: `${UPTIME}input announced: boolean "Maintenance announced"\nif availability < 99% and not announced then 10%\nif announced then 1%\nif announced = false or availability < 90% then 2%\nif not (availability >= 98%) then 3%`,
    en: [
      '“Maintenance announced” (announced) is a condition that is either met or not met in the month concerned.',
      'If, in a month, the Monthly uptime is below 99% and the condition “Maintenance announced” is not met, the Customer receives',
      'If the condition “Maintenance announced” is met in a month, the Customer receives',
      'If, in a month, the condition “Maintenance announced” is not met or the Monthly uptime is below 90%,',
      'If the Monthly uptime in a month is below 98%,',
    ],
    de: [
      'Wenn in einem Monat der Wert „Monthly uptime“ unter 99 % liegt und die Bedingung „Maintenance announced“ nicht erfüllt ist, erhält der Kunde',
      'Ist die Bedingung „Maintenance announced“ in einem Monat erfüllt, erhält der Kunde',
      'Wenn in einem Monat die Bedingung „Maintenance announced“ nicht erfüllt ist oder der Wert „Monthly uptime“ unter 90 % liegt,',
      'Liegt der Wert „Monthly uptime“ in einem Monat unter 98 %,',
    ],
  },
  {
    name: 'calculated credits read as words',
    source: 'if availability < 99% then 10% of fee\nif availability < 98% then 10% of fee - 20 EUR\nif availability < 97% then 5% + 2%',
    en: ['a service credit of 10% of the monthly fee for that month', 'a service credit of 10% of the monthly fee less 20.00 EUR for that month', 'a service credit of (5% plus 2%) of the monthly fee'],
    de: ['eine Gutschrift in Höhe von 10 % der monatlichen Vergütung für diesen Monat', 'eine Gutschrift in Höhe von 10 % der monatlichen Vergütung abzüglich 20,00 EUR', 'eine Gutschrift in Höhe von (5 % zuzüglich 2 %) der monatlichen Vergütung'],
  },
];

describe('clause text', () => {
  for (const { name, source, en, de } of cases) {
    for (const [lang, sentences] of [['en', en], ['de', de]] as const) {
      test(`${name} (${lang})`, () => {
        const text = read(source, lang);
        for (const sentence of sentences) assert.ok(text.includes(sentence), `missing:\n  ${sentence}\nin:\n${text}`);
      });
    }
  }

  test('has a heading in each language', () => {
    assert.match(render('if availability < 99.5% then 10%', 'en'), /^Service Credits\n/);
    assert.match(render('if availability < 99.5% then 10%', 'de'), /^Gutschriften bei Unterschreitung der Service Levels\n/);
  });

  test('numbers in the clause use the language format with no-break spaces', () => {
    const source = 'fee 1200 EUR monthly\nif availability < 99.5% then 10%';
    const en = render(source, 'en');
    const de = render(source, 'de');
    assert.ok(en.includes(`1,200.00${NBSP}EUR`) && en.includes('99.5%'));
    assert.ok(de.includes(`1.200,00${NBSP}EUR`) && de.includes(`99,5${NBSP}%`) && de.includes(`10${NBSP}%`));
  });

  const FULL = [
    'fee 1200 EUR monthly "Subscription"',
    UPTIME.trim(),
    'input resolution: duration "Resolution time"',
    'if availability < 99.5% then 10% capped 20% yearly',
    'credit "Uptime" capped 50% monthly:',
    '  if availability < 99.9% then 10%',
    '  if availability < 99% then 30%',
    '  if availability < 95% then 100%',
    'points "Resolution":',
    '  if resolution > 8h then 1 point',
    '  if resolution > 24h then 3 points',
    'point = 50 EUR',
    'cap 20% yearly',
    'output net_fee: money "Net fee" = fee - total_credit',
    'claim within 30 days',
    'example "Short outage": availability = 99.2% => credit 10%',
  ].join('\n');

  for (const lang of ['en', 'de'] as const) {
    test(`numbers its clauses 1., 2., … in order (${lang})`, () => {
      const numbers = [...render(FULL, lang).matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1));
      assert.ok(numbers.length >= 9, `only ${numbers.length} clauses`);
    });

    test(`puts each tier on its own lettered line (${lang})`, () => {
      const letter = (l: string) => (lang === 'en' ? `\\(${l}\\)` : `${l}\\)`);
      const lines = render(FULL, lang).split('\n');
      const tiers = lines.filter((line) => new RegExp(`^\\s+${letter('[a-c]')} (if|wenn) `).test(line));
      assert.equal(tiers.length, 5, tiers.join('\n'));
      for (const [i, threshold] of [[0, '99.9'], [1, '99'], [2, '95']] as const) {
        const written = lang === 'en' ? `${threshold}%` : `${threshold.replace('.', ',')}${NBSP}%`;
        assert.ok(tiers[i].includes(written), `tier ${i}: ${tiers[i]}`);
      }
    });

    test(`is plain text, no markup (${lang})`, () => {
      const text = render(FULL, lang);
      assert.doesNotMatch(text, /<[a-z/]|\*\*|^#|\|/m);
      assert.ok(text.endsWith('\n'));
    });
  }

  test('says once which clauses add up, after the last credit clause', () => {
    const text = read('if a < 99% then 10%\nif b < 99% then 5%\ncap 20% yearly', 'en');
    assert.match(text, /3\. If the a[^\n]*\n\n4\. If the b[^\n]*\n\n5\. Service credits under clauses 3 and 4 are added together\.\n\n6\. All service credits/);
    assert.doesNotMatch(read('if a < 99% then 10%', 'en'), /added together/);
  });
});

describe('formatNumber', () => {
  const numbers: readonly [string, string, string][] = [
    ['1234.5', '1,234.5', '1.234,5'],
    ['99.95', '99.95', '99,95'],
    ['0.1', '0.1', '0,1'],
    ['1200', '1,200', '1.200'],
    ['123', '123', '123'],
    ['1000000', '1,000,000', '1.000.000'],
    ['-1234.5', '-1,234.5', '-1.234,5'],
    ['-0', '0', '0'],
    ['1_000_000', '1,000,000', '1.000.000'],
    ['1.50', '1.50', '1,50'],
    // Beyond a double's 15–17 digits: any trip through a float would change these.
    ['9007199254740993', '9,007,199,254,740,993', '9.007.199.254.740.993'],
    ['12345678901234567890.123456789012345678901', '12,345,678,901,234,567,890.123456789012345678901', '12.345.678.901.234.567.890,123456789012345678901'],
    ['0.30000000000000000000000000001', '0.30000000000000000000000000001', '0,30000000000000000000000000001'],
  ];
  for (const [value, en, de] of numbers) {
    test(`${value} reads ${en} / ${de}`, () => {
      assert.equal(formatNumber(value, 'en'), en);
      assert.equal(formatNumber(value, 'de'), de);
    });
  }

  test('sums computed exactly print exactly: 0.1 + 0.2 is 0.3', () => {
    assert.notEqual(0.1 + 0.2, 0.3);
    assert.equal(formatNumber(new Decimal('0.1').plus('0.2').toFixed(), 'en'), '0.3');
    assert.equal(formatNumber(new Decimal('99.9').minus('0.05').toFixed(), 'de'), '99,85');
  });

  test('pads to minDecimals and never rounds', () => {
    assert.equal(formatNumber('99.95', 'en', { minDecimals: 4 }), '99.9500');
    assert.equal(formatNumber('99.955', 'en', { minDecimals: 2 }), '99.955');
    assert.equal(formatNumber('7', 'de', { minDecimals: 2 }), '7,00');
  });

  test('rejects what is not a decimal number', () => {
    assert.throws(() => formatNumber('NaN', 'en'), RangeError);
    assert.throws(() => formatNumber('', 'en'), RangeError);
  });
});

describe('formatPercent, formatMoney, formatDuration', () => {
  const cases: readonly [string, () => string, string][] = [
    ['percent en', () => formatPercent('99.5', 'en'), '99.5%'],
    ['percent de', () => formatPercent('99.5', 'de'), `99,5${NBSP}%`],
    ['percent keeps exact digits', () => formatPercent('99.95', 'en'), '99.95%'],
    ['money en', () => formatMoney('1200', 'EUR', 'en'), `1,200.00${NBSP}EUR`],
    ['money de', () => formatMoney('1200', 'EUR', 'de'), `1.200,00${NBSP}EUR`],
    ['money pads the minor unit', () => formatMoney('49.9', 'USD', 'en'), `49.90${NBSP}USD`],
    ['money without minor unit', () => formatMoney('1200', 'JPY', 'de'), `1.200${NBSP}JPY`],
    ['money drops only zeros beyond the minor unit', () => formatMoney('1200.000', 'EUR', 'en'), `1,200.00${NBSP}EUR`],
    ['money never rounds a written rate', () => formatMoney('0.005', 'EUR', 'en'), `0.005${NBSP}EUR`],
    ['money without currency', () => formatMoney('1200', undefined, 'en'), '1,200.00'],
    ['duration hours', () => formatDuration('4', 'h', 'en'), '4 hours'],
    ['duration one hour', () => formatDuration('1', 'h', 'en'), '1 hour'],
    ['duration minutes', () => formatDuration('30', 'min', 'en'), '30 minutes'],
    ['duration seconds', () => formatDuration('90', 's', 'en'), '90 seconds'],
    ['duration days', () => formatDuration('2', 'd', 'en'), '2 days'],
    ['duration Stunden', () => formatDuration('4', 'h', 'de'), '4 Stunden'],
    ['duration Stunde', () => formatDuration('1', 'h', 'de'), '1 Stunde'],
    ['duration Minuten', () => formatDuration('30', 'min', 'de'), '30 Minuten'],
    ['duration Tage', () => formatDuration('2', 'd', 'de'), '2 Tage'],
    ['duration 1.5 is plural', () => formatDuration('1.5', 'h', 'de'), '1,5 Stunden'],
  ];
  for (const [name, run, expected] of cases) test(name, () => assert.equal(run(), expected));
});

describe('formatQuantity and formatLiteral', () => {
  const cases: readonly [Parameters<typeof formatQuantity>[0], Lang, string][] = [
    [{ kind: 'points', value: '2' }, 'en', '2 points'],
    [{ kind: 'points', value: '1' }, 'en', '1 point'],
    [{ kind: 'points', value: '2' }, 'de', '2 Punkte'],
    [{ kind: 'points', value: '1' }, 'de', '1 Punkt'],
    [{ kind: 'boolean', value: 'true' }, 'en', 'yes'],
    [{ kind: 'boolean', value: 'false' }, 'en', 'no'],
    [{ kind: 'boolean', value: 'true' }, 'de', 'ja'],
    [{ kind: 'boolean', value: 'false' }, 'de', 'nein'],
    [{ kind: 'number', value: '1200' }, 'de', '1.200'],
    [{ kind: 'percent', value: '5', negative: true }, 'en', '-5%'],
    [{ kind: 'duration', value: '30', unit: 'min' }, 'de', '30 Minuten'],
    [{ kind: 'money', value: '50', currency: 'CHF' }, 'de', `50,00${NBSP}CHF`],
  ];
  for (const [quantity, lang, expected] of cases) {
    test(`${JSON.stringify(quantity)} in ${lang} is ${expected}`, () => assert.equal(formatQuantity(quantity, lang), expected));
  }

  test('money without its own currency takes the program currency', () => {
    assert.equal(formatQuantity({ kind: 'money', value: '50' }, 'en', 'USD'), `50.00${NBSP}USD`);
  });

  test('formats an AST literal', () => {
    const literal: Literal = { type: 'literal', kind: 'percent', value: '99.95', span: { start: 0, end: 6 } };
    assert.equal(formatLiteral(literal, 'de'), `99,95${NBSP}%`);
  });
});
