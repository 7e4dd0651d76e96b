/**
 * Language version 2, part 1 (LANGUAGE.md §7–11, 14, 15): functions,
 * conditional expressions, `pay only if`, claims, labels in several
 * languages, programs without a fee, payouts, year shares and the two new
 * drafting warnings — each through compile, evaluation (every backend, via
 * `evaluate`), the saved format and the clause text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compile, loadProgram } from '../../src/index.js';
import { evalMonth, evalProblems, evalYear, evaluate, expectDiagnostics, explanationOf, months, programOf, rules, theDiagnostic } from '../helpers.js';

describe('functions: min, max, round, floor, ceil (§7)', () => {
  const program = rules`
    fee 1000 EUR
    input downtime: duration default 0h
    input p1: duration default 0h
    input p2: duration default 0h
    let multiplier: number = round(downtime / 730h * 50, 0.01)
    if downtime > 0h then min(multiplier * 1%, 20%)
    output worst: duration = max(p1, p2)
    output down: number = floor(downtime / 1h, 1)
    output up: number = ceil(downtime / 1h, 1)
  `;
  const table: [downtime: string, multiplier: string, credit: string][] = [
    ['10h', '0.68', '6.80'], // 10/730*50 = 0.6849… → 0.68
    ['120h', '8.22', '82.20'], // 8.2191… → 8.22: the published 8.10 came from an unrounded multiplier
    ['500h', '34.25', '200.00'], // 34.2465… → 34.25, min(34.25%, 20%) = 20%
  ];
  for (const [downtime, multiplier, credit] of table) {
    it(`downtime ${downtime}: multiplier ${multiplier}, credit ${credit} EUR`, () => {
      const result = evalMonth(program, { downtime });
      assert.equal(result.values.multiplier, multiplier);
      assert.equal(result.credit.amount, credit);
    });
  }

  it('max of durations, floor and ceil to a step', () => {
    const result = evalMonth(program, { downtime: '90min', p1: '3h', p2: '200min' });
    assert.equal(result.outputs.worst, '200min');
    assert.equal(result.outputs.down, '1');
    assert.equal(result.outputs.up, '2');
  });

  it('round is half away from zero; floor and ceil go toward −∞ and +∞', () => {
    const source = rules`
      input x: number
      output r: number = round(x, 0.1)
      output f: number = floor(x, 0.1)
      output c: number = ceil(x, 0.1)
    `;
    const at = (x: string) => evalMonth(source, { x }).outputs;
    assert.deepEqual(at('0.25'), { r: '0.3', f: '0.2', c: '0.3' });
    assert.deepEqual(at('-0.25'), { r: '-0.3', f: '-0.3', c: '-0.2' });
    assert.deepEqual(at('0.2'), { r: '0.2', f: '0.2', c: '0.2' });
  });

  it('rounds money to a step of money and a share to a step of percent', () => {
    const source = rules`
      input price: money default 10.005 CHF
      input share: percent default 12.345%
      output p: money = round(price, 0.05 CHF)
      output s: percent = round(share, 0.1%)
    `;
    assert.deepEqual(evalMonth(source).outputs, { p: '10.00', s: '12.3' });
  });

  it('the explanation shows the value before rounding as a person writes it', () => {
    const steps = explanationOf(evalMonth(program, { downtime: '120h' }));
    assert.ok(steps.includes('Let multiplier = round(8.219…, 0.01) = 8.22.'), steps.join('\n'));
    assert.ok(steps.some((s) => s.startsWith('Credit: `min(multiplier * 1%, 20%)` = 8.22% of the monthly fee')), steps.join('\n'));
  });

  const errors: [sentence: string, body: string, code: string, message: RegExp][] = [
    ['min with one value', 'output o: number = min(1)', 'bad-call', /two or more values/],
    ['max of a percentage and money', 'output o: percent = max(5%, 5 EUR)', 'bad-call', /of one kind/],
    ['round without a step', 'output o: number = round(1.234)', 'bad-call', /a value and a step/],
    ['round of a duration to a number', 'input d: duration\noutput o: duration = round(d, 0.01)', 'bad-call', /step of `round` must be a duration/],
    ['a step of zero', 'output o: number = floor(1.5, 0)', 'bad-step', /more than zero/],
    ['a step that needs an input', 'input s: number\noutput o: number = ceil(1.5, s)', 'bad-call', /must be a constant/],
    ['a name that is no function', 'output o: number = square(2)', 'unknown-function', /min, max, round, floor, ceil, count and sum/],
    ['count of something that is no list', 'input n: number\noutput o: number = count(n)', 'bad-call', /list input/],
  ];
  for (const [sentence, body, code, message] of errors) {
    it(`${sentence} is ${code}`, () => assert.match(theDiagnostic(`${body}\n`, code).message, message));
  }

  it('a step may be a `let` that needs no input', () => {
    assert.equal(evalMonth('let cent = 0.01\ninput x: number\noutput o: number = round(x, cent)\n', { x: '1.005' }).outputs.o, '1.01');
  });

  it('min, max and round stay reserved words: they cannot name anything', () => {
    expectDiagnostics('let round = 5\noutput o: number = round\n', [['reserved-word', 1, 5], ['syntax-error', 2, 25]]);
  });

  it('floor, ceil, count and sum are names wherever no call follows', () => {
    assert.equal(evalMonth('input floor: number\noutput o: number = floor(floor, 1)\n', { floor: '2.5' }).outputs.o, '2');
  });
});

describe('conditional expressions (§8)', () => {
  const roi = rules`
    input kept: money default 0 EUR
    input credit_cost: money default 0 EUR
    output roi: percent = if credit_cost = 0 EUR then 0% else (kept - credit_cost) / credit_cost
  `;
  it('only the branch taken is evaluated: it guards a division by zero', () => {
    assert.equal(evalMonth(roi).outputs.roi, '0');
    assert.equal(evalMonth(roi, { kept: '1500 EUR', credit_cost: '1000 EUR' }).outputs.roi, '50');
  });

  it('as a rule credit it stands in parentheses', () => {
    const source = 'fee 100 EUR\ninput a: percent\ninput b: boolean\nif a < 99% then (if b then 10% else 5%)\n';
    assert.equal(evalMonth(source, { a: '98%', b: 'true' }).credit.amount, '10.00');
    assert.equal(evalMonth(source, { a: '98%', b: 'false' }).credit.amount, '5.00');
    assert.match(theDiagnostic('fee 100 EUR\ninput a: percent\nif a < 99% then if a < 98% then 10% else 5%\n', 'syntax-error').message, /in parentheses/);
  });

  it('percent and number branches are one kind; money and a percentage are not', () => {
    assert.equal(evalMonth('input x: number\ninput y: number\noutput r: percent = if y = 0 then 0% else x / y\n', { x: '1', y: '4' }).outputs.r, '25');
    assert.match(theDiagnostic('output o: money = if true then 5 EUR else 5%\n', 'kind-mismatch').message, /both branches/);
    assert.equal(theDiagnostic('input a: percent\noutput o: percent = if a then 1% else 2%\n', 'not-a-condition').start.column, 24);
  });
});

describe('percent ± number (§14)', () => {
  it('a number is a ratio beside a percentage: 100% - downtime / 43_200min', () => {
    const result = evalMonth('input downtime: duration\noutput availability: percent = 100% - downtime / 43_200min\n', { downtime: '432min' });
    assert.equal(result.outputs.availability, '99');
  });

  it('a money input may have more decimals than its currency; results are rounded', () => {
    const result = evalMonth('input tickets: number\ninput rate: money default 2.345 EUR\nif tickets > 0 then tickets * rate\n', { tickets: '3' });
    assert.equal(result.credit.amount, '7.04');
  });
});

describe('pay only if (§9, §15a)', () => {
  const aws = rules`
    fee 100 USD
    input availability: percent
    if availability < 99.99% then 1.004%
    if availability < 99% then 10%
    pay only if total_credit > 1 USD
  `;
  it('a period whose rounded credit is not above 1 USD pays nothing, and the explanation says which condition failed', () => {
    // 1.004% of 100 USD = 1.004 USD, paid as 1.00 USD: `total_credit` is the rounded amount.
    const result = evalMonth(aws, { availability: '99.5%' });
    assert.equal(result.credit.amount, '0.00');
    assert.ok(explanationOf(result).some((s) => s.includes('`pay only if total_credit > 1 USD` does not hold for a credit of 1.00 USD')));
    assert.equal(evalMonth(aws, { availability: '98%' }).credit.amount, '11.00');
  });

  it('a period that is not paid counts toward no cap', () => {
    const source = rules`
      fee 100 EUR
      input a: percent
      if a < 99% then 30% capped 50% yearly
      pay only if a > 90%
    `;
    // Month 1 is not paid (a ≤ 90%): the yearly cap still has all of its 600 EUR… of 50% of 1,200 EUR.
    const year = evalYear(source, { a: ['85%', '98%', '98%'] });
    assert.deepEqual(year.periods.map((m) => m.credit.amount), ['0.00', '30.00', '30.00']);
    const capped = evalYear(source, { a: ['85%', ...months(11, '98%')] });
    assert.equal(capped.credit.amount, '330.00');
  });

  it('several lines must all hold; a condition that is no condition is an error', () => {
    const source = 'fee 100 EUR\ninput a: percent\ninput claimed: boolean\nif a < 99% then 10%\npay only if total_credit >= 5 EUR\npay only if claimed\n';
    assert.equal(evalMonth(source, { a: '98%', claimed: 'true' }).credit.amount, '10.00');
    assert.equal(evalMonth(source, { a: '98%', claimed: 'false' }).credit.amount, '0.00');
    assert.equal(theDiagnostic('fee 100 EUR\nif fee > 0 EUR then 1%\npay only if total_credit\n', 'not-a-condition').start.line, 3);
    assert.equal(theDiagnostic('fee 100 EUR\nif fee > 0 EUR then 1%\npay only if missing > 0\ninput a: percent\n', 'undefined-name').start.line, 3);
  });
});

describe('claims (§10)', () => {
  const clause = (claim: string, lang: 'en' | 'de') => programOf(`fee 100 EUR\ninput a: percent\nif a < 99% then 10%\n${claim}\n`).render(lang);
  const table: [claim: string, en: string, de: string][] = [
    ['claim within 30 days', 'within 30 days after the end of the month', 'innerhalb von 30 Tagen nach Ablauf des Monats'],
    ['claim within 5 business days', 'within 5 business days after the end of the month', 'innerhalb von 5 Arbeitstagen nach Ablauf des Monats'],
    ['claim within 2 months', 'within 2 calendar months after the end of the month', 'innerhalb von 2 Kalendermonaten nach Ablauf des Monats'],
    ['claim within 1 months', 'within 1 calendar month after', 'innerhalb von 1 Kalendermonat nach'],
    ['claim within 10 days after incident', 'within 10 days after the incident to which it relates', 'innerhalb von 10 Tagen nach dem Vorfall, auf den sie sich bezieht'],
  ];
  for (const [claim, en, de] of table) {
    it(`${claim}: stated exactly in English and German`, () => {
      assert.ok(clause(claim, 'en').includes(en), clause(claim, 'en'));
      assert.ok(clause(claim, 'de').includes(de), clause(claim, 'de'));
    });
  }

  it('the program tells a form its claim period', () => {
    assert.deepEqual(programOf('fee 1 EUR\nif fee > 0 EUR then 1%\nclaim within 5 business days\n').claim, { value: '5', measure: 'business-days', afterIncident: false });
    assert.deepEqual(programOf('fee 1 EUR\nif fee > 0 EUR then 1%\nclaim within 2d after incident\n').claim, { value: '2', unit: 'd', afterIncident: true });
  });

  it('a claim period in business days is a whole number above zero', () => {
    assert.match(theDiagnostic('fee 1 EUR\nif fee > 0 EUR then 1%\nclaim within 2.5 business days\n', 'bad-declaration').message, /whole number/);
  });

  it('`business`, `months`, `after` and `incident` stay names elsewhere', () => {
    assert.equal(evalMonth('input months: number\ninput business: number\noutput o: number = months + business\n', { months: '2', business: '3' }).outputs.o, '5');
  });
});

describe('labels in several languages; programs without a fee; payouts (§11)', () => {
  const bonus = rules`
    payout "bonus" de "Bonus" to "the agent" de "die Mitarbeiterin"
    input csat: percent "Customer satisfaction" de "Kundenzufriedenheit" default 90%
    credit "Quality bonus" de "Qualitätsbonus":
      if csat >= 95% then 300 EUR
      if csat >= 90% then 150 EUR
    output per_point: money "Bonus per point" de "Bonus je Punkt" = total_credit / 100
    example "Great month" de "Sehr guter Monat": csat = 96% => credit 300 EUR
  `;

  it('a program that pays no share of a fee has no fee input, and its fee and shares are null', () => {
    const program = programOf(bonus);
    assert.deepEqual(program.inputs.map((i) => i.name), ['csat']);
    assert.equal(program.hasFee, false);
    const result = evalMonth(program, { csat: '96%' });
    assert.equal(result.fee, null);
    assert.deepEqual([result.credit.amount, result.credit.percentOfFee], ['300.00', null]);
    const year = evalYear(program, { csat: ['96%', '91%'] });
    assert.deepEqual([year.fee, year.credit.amount, year.credit.percentOfFee], [null, '450.00', null]);
    assert.equal(compile(bonus).diagnostics.filter((d) => d.code === 'implicit-input').length, 0, 'no note that the fee is an input');
  });

  it('a percent credit, a `fee` in an expression or total_credit_percent give the program its fee', () => {
    for (const rule of ['if a < 99% then 10%', 'if a < 99% then 1 EUR\noutput x: money = fee', 'if a < 99% then 1 EUR\noutput x: percent = total_credit_percent']) {
      assert.ok(programOf(`input a: percent\n${rule}\n`).hasFee, rule);
    }
  });

  it('`credit P%` in an example of a program without a fee is a bad example', () => {
    assert.match(theDiagnostic('input a: percent\nif a < 99% then 5 EUR\nexample: a = 98% => credit 10%\n', 'bad-example').message, /no fee/);
  });

  it('labels carry their translations to the form, and a form picks the reader\'s language', () => {
    const program = programOf(bonus);
    assert.deepEqual(program.inputs[0].translations, { de: 'Kundenzufriedenheit' });
    assert.deepEqual(program.outputs[0].translations, { de: 'Bonus je Punkt' });
    assert.deepEqual(program.payout, { what: 'bonus', whatTranslations: { de: 'Bonus' }, recipient: 'the agent', recipientTranslations: { de: 'die Mitarbeiterin' } });
  });

  it('a language tag is two lowercase letters, once per label', () => {
    assert.equal(theDiagnostic('input a: percent "Uptime" DE "Verfügbarkeit"\nif a < 99% then 1%\n', 'bad-language-tag').start.column, 27);
    assert.match(theDiagnostic('input a: percent "Uptime" de "A" de "B"\nif a < 99% then 1%\n', 'bad-language-tag').message, /already has a translation/);
  });

  it('the clause reads as a bonus to the agent, grammatical in German, with labels in its language', () => {
    const program = programOf(bonus);
    const en = program.render('en').replaceAll('\u00a0', ' ');
    assert.ok(en.startsWith('Bonus\n'), en);
    assert.ok(en.includes('Quality bonus. For each month, the agent receives a bonus according to the following tiers:'), en);
    assert.ok(en.includes('“Great month”: Customer satisfaction 96%. Result: a bonus of 300.00 EUR for the month.'), en);
    assert.ok(!/fee|Customer receives|service credit/i.test(en.replaceAll('Customer satisfaction', '')), en);
    const de = program.render('de').replaceAll('\u00a0', ' ');
    assert.ok(de.includes('Qualitätsbonus. Die Mitarbeiterin erhält für jeden Monat einen Betrag als Bonus nach den folgenden Stufen:'), de);
    assert.ok(de.includes('„Kundenzufriedenheit“ (csat) bezeichnet'), de);
    assert.ok(de.includes('„Sehr guter Monat“: Kundenzufriedenheit 96 %. Ergebnis: 300,00 EUR als Bonus für den Monat.'), de);
    assert.ok(!/Vergütung|Kunde /.test(de), de);
  });

  it('the explanation names what is paid', () => {
    const steps = explanationOf(evalMonth(bonus, { csat: '96%' }, { lang: 'de' }));
    assert.ok(steps.includes('Bonus: 300,00 EUR.'), steps.join('\n'));
    assert.ok(steps.includes('Bonus insgesamt: 300,00 EUR.'), steps.join('\n'));
  });

  it('a saved program keeps translations, payout and the absence of a fee', () => {
    const saved = JSON.parse(JSON.stringify(programOf(bonus).toJSON()));
    const loaded = loadProgram(saved);
    assert.ok(loaded.program, JSON.stringify(loaded.diagnostics));
    assert.equal(loaded.program.hasFee, false);
    assert.deepEqual(loaded.program.inputs[0].translations, { de: 'Kundenzufriedenheit' });
    assert.equal(loaded.program.render('de'), programOf(bonus).render('de'));
  });
});

describe('year shares (§14)', () => {
  it('a year\'s share is its paid total divided by the yearly fee', () => {
    // 12 × 8.33 EUR paid (8.333 each) of a 999.96 EUR fee: 99.96 / 999.96 = 9.9963998560%.
    const year = evalYear('fee 83.33 EUR\ninput a: percent\nif a < 99% then 10%\n', { a: months(12, '98%') });
    assert.equal(year.credit.amount, '99.96');
    assert.equal(year.credit.percentOfFee, '9.996399856');
  });
});

describe('drafting warnings (§15)', () => {
  it('a value between two tiers that pays nothing', () => {
    const source = rules`
      fee 1000 EUR
      input a: percent
      credit:
        if 99.0% < a <= 99.9% then 10%
        if a < 99.0% then 25%
    `;
    const warning = theDiagnostic(source, 'tier-gap');
    assert.equal(warning.start.line, 5);
    assert.match(warning.message, /exactly 99%/);
    assert.equal(evalMonth(source, { a: '99%' }).credit.amount, '0.00', 'the gap is real');
  });

  it('no gap where tiers meet, or only outside the values an input takes on its step', () => {
    expectDiagnostics('fee 1 EUR\ninput a: percent\ncredit:\n  if 99.0% <= a < 99.9% then 10%\n  if a < 99.0% then 25%\n', []);
    expectDiagnostics('fee 1 EUR\ninput a: percent step 0.1%\ncredit:\n  if 99.5% <= a < 99.9% then 10%\n  if a < 99.45% then 25%\n', []);
  });

  it('a rule right after a block on the same input is probably a tier typed at column 1', () => {
    const source = 'fee 1000 EUR\ninput a: percent\ncredit:\n  if a < 99.9% then 10%\n\n# more\nif a < 99% then 14%\n';
    const warning = theDiagnostic(source, 'rule-after-block');
    assert.equal(warning.start.line, 7);
    assert.match(warning.message, /indent it to make it a tier/);
    assert.equal(evalMonth(source, { a: '98%' }).credit.amount, '240.00', 'it adds to the block');
  });
});

describe('render never states a failing example as fact (§15)', () => {
  it('the clause shows what the rules compute for an example that expects otherwise', () => {
    const program = programOf('fee 1000 EUR\ninput a: percent\nif a < 99% then 10%\nexample "Wrong": a = 98% => credit 999 EUR\n');
    const text = program.render('en').replaceAll('\u00a0', ' ');
    assert.ok(text.includes('“Wrong”: monthly fee 1,000.00 EUR; a 98%. Result: a service credit of 100.00 EUR for the month.'), text);
    assert.ok(!text.includes('999'), text);
  });
});

describe('bad input never crashes', () => {
  it('an unknown function, wrong counts and kinds give diagnostics, never NaN', () => {
    for (const body of ['round(', 'max()', 'min(1, true)', 'round(1, -0.1)', 'floor(1 EUR, 1)', 'if then else', 'pay only if', 'payout', 'claim within 3 weeks']) {
      const { program, diagnostics } = compile(`fee 1 EUR\noutput o: number = ${body}\n`);
      assert.equal(program, undefined, body);
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => !/NaN|undefined/.test(d.message)), body);
    }
    assert.deepEqual(evalProblems('input x: number\noutput o: number = if x > 0 then 1 / x else 1 / (x - x)\n', { x: '0' }).map((d) => d.code), ['division-by-zero']);
  });
});

describe('evaluation periods other than the month (§13)', () => {
  const quarterly = rules`
    period quarterly
    fee 3_000 USD monthly
    input availability: percent "Quarterly uptime"
    if availability < 99.9% then 10% capped 25% yearly
  `;

  it('a quarter\'s credit is a share of the quarter\'s fee: three monthly fees', () => {
    const result = evalMonth2(quarterly, { availability: '99%' });
    assert.equal(result.mode, 'period');
    assert.deepEqual([result.fee, result.credit.amount, result.credit.percentOfFee], ['9000.00', '900.00', '10']);
  });

  it('a year run has four quarters, caps accrue over them, and the result lists its periods', () => {
    const year = evalYear(quarterly, { availability: ['99%', '98%', '97%', '96%'] });
    // 25% of the yearly fee (36,000 USD) is 9,000 USD: four quarters of 900 USD stay below it.
    assert.deepEqual(year.periods.map((p) => p.credit.amount), ['900.00', '900.00', '900.00', '900.00']);
    assert.equal(year.months, undefined, 'only monthly programs name their periods months');
    assert.equal(year.fee, '36000.00');
    assert.ok(explanationOf(year).includes("Quarter 2: credit 900.00 USD (10% of that quarter's fee)."), explanationOf(year).join('\n'));
    assert.deepEqual(evalProblems(quarterly, { availability: months(5, '99%') }).map((d) => d.message), ['a contract year has 4 quarters, but 5 values were given']);
  });

  it('a cap without a period has the program\'s; one shorter than the period is an error', () => {
    const capped = 'period quarterly\nfee 1000 EUR\ninput a: percent\nif a < 99% then 10% capped 5%\n';
    assert.equal(evalMonth2(capped, { a: '98%' }).credit.amount, '150.00');
    assert.match(theDiagnostic('period quarterly\nfee 1000 EUR\ninput a: percent\nif a < 99% then 10% capped 5% monthly\n', 'bad-cap').message, /cannot be shorter than the period/);
    assert.equal(theDiagnostic('period quarterly\nperiod yearly\nfee 1 EUR\nif fee > 0 EUR then 1%\n', 'duplicate-statement').start.line, 2);
  });

  it('a fee given per quarter or year gives the period its share; a yearly program runs one period', () => {
    assert.equal(evalMonth2('period quarterly\nfee 9000 USD quarterly\ninput a: percent\nif a < 99% then 10%\n', { a: '98%' }).credit.amount, '900.00');
    const yearly = evalMonth2('period yearly\nfee 36000 USD yearly\ninput a: percent\nif a < 99% then 10%\n', { a: '98%' });
    assert.deepEqual([yearly.mode, yearly.credit.amount], ['period', '3600.00']);
    assert.match(theDiagnostic('period yearly\nfee 1 EUR\ninput a: percent\nif a < 99% then 1%\nexample: a = [98%, 98%] => credit 2%\n', 'bad-example').message, /at most 1 year/);
  });

  it('the clause speaks of quarters and the quarterly fee, in English and German', () => {
    const program = programOf(quarterly);
    const en = program.render('en');
    assert.ok(en.includes('The quarterly fee is three times the monthly fee.'), en);
    assert.ok(en.includes('If the Quarterly uptime in a quarter is below 99.9%, the Customer receives a service credit of 10% of the quarterly fee for that quarter'), en);
    const de = program.render('de');
    assert.ok(de.includes('in einem Quartal unter 99,9\u00a0%, erhält der Kunde eine Gutschrift in Höhe von 10\u00a0% der vierteljährlichen Vergütung für dieses Quartal'), de);
  });

  it('`period` stays a name elsewhere', () => {
    assert.equal(evalMonth('input period: number\noutput o: number = period * 2\n', { period: '3' }).outputs.o, '6');
  });
});

/** One period of a program evaluated per quarter or year (mode `period`), through every backend. */
function evalMonth2(source: string, values: Record<string, string>) {
  const result = evaluate(source, values);
  assert.notEqual(result.mode, 'year');
  return result as Exclude<typeof result, { mode: 'year' }>;
}
