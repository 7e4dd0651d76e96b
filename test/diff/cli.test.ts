/**
 * `credit-rules diff OLD NEW` through the real CLI process (README,
 * "Comparing two versions"): the changed terms with their lines, the money
 * table per input, the totals of a CSV of real months per customer, JSON,
 * German, and one clear line for a command that cannot run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));
const OLD = `fee 1000 EUR monthly
input availability: percent "Monthly uptime" default 99.95% range 90%..100%
credit "Uptime":
  if availability < 99.9% then 10%
  if availability < 99% then 25%
`;
const NEW = OLD.replace('99.9% then', '99.5% then') + 'cap 20% yearly\n';
const MONTHS = 'customer,month,availability\nacme,1,99.6%\nacme,2,94%\nbeta,1,99.95%\n';

let dir = '';
const path = (name: string) => join(dir, name);

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout.replaceAll('\u00A0', ' '), stderr: result.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'credit-diff-'));
  writeFileSync(path('old.credit'), OLD);
  writeFileSync(path('new.credit'), NEW);
  writeFileSync(path('months.csv'), MONTHS);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('credit-rules diff', () => {
  it('prints the terms that changed and, per input, the ranges that pay differently', () => {
    const run = cli('diff', 'old.credit', 'new.credit');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `Terms that changed:
  - In the tier table “Uptime”, the tier of 10% of the monthly fee now applies if the Monthly uptime is below 99.5% instead of below 99.9%. (old line 4, new line 4)
  - A limit of 20% of the yearly fee in any contract year was added for all service credits together. (new line 6)

What a month pays, input by input, the other inputs held at their defaults (fee = 1000 EUR, availability = 99.95%):
  (a month on its own: a yearly cap counts only its credits here; with --csv a year of months applies it)
  Monthly uptime (availability):
    values                             old        new    difference
    from 99.5% to below 99.9%   100.00 EUR   0.00 EUR   -100.00 EUR
`);
  });

  it('with --csv, what each version pays for the months, per customer and in all', () => {
    const run = cli('diff', 'old.credit', 'new.credit', '--csv', 'months.csv');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /What the months of months\.csv pay:\n  customer +old +new +difference\n  acme +350\.00 EUR +250\.00 EUR +-100\.00 EUR\n  beta +0\.00 EUR +0\.00 EUR +0\.00 EUR\n  total +350\.00 EUR +250\.00 EUR +-100\.00 EUR\n$/);
  });

  it('--json gives everything as one object, amounts as decimal strings', () => {
    const run = cli('diff', 'old.credit', 'new.credit', '--csv', 'months.csv', '--json');
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.terms.length, 2);
    assert.deepEqual(result.impact.inputs[0].ranges, [{
      from: { value: '99.5', included: true }, to: { value: '99.9', included: false },
      before: { amount: '100.00', percentOfFee: '10' }, after: { amount: '0.00', percentOfFee: '0' }, difference: '-100', at: '99.5',
    }]);
    assert.deepEqual(result.batch.total, { before: '350', after: '250', difference: '-100', failed: { before: 0, after: 0 } });
  });

  it('--lang de words the terms and the tables in German', () => {
    const run = cli('diff', 'old.credit', 'new.credit', '--lang', 'de');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Geänderte Bedingungen:\n  - In der Stufentabelle „Uptime“ gilt die Stufe mit 10 % der monatlichen Vergütung nun, wenn der Wert „Monthly uptime“ unter 99,5 % statt unter 99,9 % liegt\. \(bisher Zeile 4, neu Zeile 4\)/);
    assert.match(run.stdout, /von 99,5 % bis unter 99,9 % +100,00 EUR +0,00 EUR +-100,00 EUR/);
  });

  it('the same rules: no terms changed, and every input pays the same', () => {
    const run = cli('diff', 'old.credit', 'old.credit');
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^The terms are the same\.\n/);
    assert.match(run.stdout, /both versions pay the same at every value/);
  });

  it('rules with errors: their errors, exit 1', () => {
    writeFileSync(path('broken.credit'), 'if availability < then 10%\n');
    const run = cli('diff', 'old.credit', 'broken.credit');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^broken\.credit:1:19: error syntax-error: /);
  });

  it('says what is wrong with the command in one line, exit 2', () => {
    for (const [args, message] of [
      [['diff', 'old.credit'], 'credit-rules: diff takes two FILEs, OLD and NEW (see credit-rules diff --help)'],
      [['diff', 'old.credit', 'new.credit', '--csv', 'missing.csv'], 'credit-rules: missing.csv: no such file'],
      [['diff', 'old.credit', 'new.credit', '--lang', 'fr'], 'credit-rules: --lang must be en or de, not "fr"'],
      [['diff', 'old.credit', 'new.credit', '--write'], 'credit-rules: diff has no --write option (see credit-rules diff --help)'],
    ] as const) {
      const run = cli(...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stderr, `${message}\n`);
    }
  });

  it('a CSV whose columns are no inputs: one clear line, exit 2', () => {
    writeFileSync(path('bad.csv'), 'customer,month,uptime\nacme,1,99%\n');
    const run = cli('diff', 'old.credit', 'new.credit', '--csv', 'bad.csv');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^credit-rules: bad\.csv: .*uptime/);
  });

  it("a quarterly program: the amounts are a quarter's, and a yearly cap is said to count one quarter only; the CSV's rows are quarters", () => {
    const quarterly = `period quarterly\n${OLD}credit "Other" capped 15% yearly:\n  if availability < 95% then 50%\n`;
    writeFileSync(path('q-old.credit'), quarterly);
    writeFileSync(path('q-new.credit'), quarterly.replace('99.9% then', '99.5% then'));
    writeFileSync(path('quarters.csv'), 'customer,month,availability\nacme,1,99.6%\n');
    const run = cli('diff', 'q-old.credit', 'q-new.credit', '--csv', 'quarters.csv');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\nWhat a quarter pays, input by input/);
    assert.match(run.stdout, /\n {2}\(a quarter on its own: a yearly cap counts only its credits here; with --csv a year of quarters applies it\)\n/);
    assert.match(run.stdout, /from 99\.5% to below 99\.9% +300\.00 EUR +0\.00 EUR +-300\.00 EUR/);
    assert.match(run.stdout, /\nWhat the quarters of quarters\.csv pay:\n/);
    const de = cli('diff', 'q-old.credit', 'q-new.credit', '--lang', 'de');
    assert.match(de.stdout, /\nWas ein Quartal zahlt, je Eingabe/);
    assert.match(de.stdout, /\(ein Quartal für sich: eine jährliche Höchstgrenze zählt hier nur dessen Gutschriften; mit --csv wendet ein Jahr von Quartalen sie an\)/);
  });

  it('versions of different periods: the heading says which period each amount is for', () => {
    writeFileSync(path('m.credit'), OLD);
    writeFileSync(path('q.credit'), `period quarterly\n${OLD}`);
    const run = cli('diff', 'm.credit', 'q.credit');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\nWhat one period pays \(a month under the old version, a quarter under the new one\), input by input/);
    assert.doesNotMatch(run.stdout, /on its own/);
  });
});
