/**
 * The `credit-rules` command (LANGUAGE.md §6), run as a real child process
 * from bin/credit-rules.js over the compiled lib/ (the test script runs
 * `npm run build:lib` first). Stdout lines, stderr and exit codes are what a
 * user and a CI job see: 0 ok, 1 errors in the rules or a failed example,
 * 2 the command could not run — with one clear line and no stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadProgram } from '../../src/index.js';

const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));
const LIB = fileURLToPath(new URL('../../lib/cli/main.js', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly lines: string[];
}

function cli(...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter((l) => l !== '') };
}

/** One clear line on stderr: no stack trace, no internal error. */
function assertOneClearLine(run: Run): void {
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `expected one line on stderr, got:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /^\s+at |Error:|internal error|node:internal/m, run.stderr);
}

let dir = '';
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

before(() => {
  assert.ok(existsSync(LIB), 'lib/ is not built: run `npm run build:lib` first (the test script does)');
  dir = mkdtempSync(join(tmpdir(), 'credit-rules-cli-'));
  file('smallest.credit', 'if availability < 99.5% then 10%\n');
  file('capped.credit', 'if availability < 99.5% then 10% capped 20% yearly\n');
  file('broken.credit', 'fee 1000 EUR monthly\ninput availability: percent\nif availability < 99.5% then\nlet = 5\nif availability < 95% then 4h\n');
  file('examples.credit', [
    'if availability < 99.5% then 10%',
    'example "Short outage": availability = 99.2%, fee = 1000 EUR => credit 10%',
    'example "In money": availability = 99.2%, fee = 1000 EUR => credit 100 EUR',
    '',
  ].join('\n'));
  file('failing.credit', [
    'if availability < 99.5% then 10%',
    'example "Short outage": availability = 99.2%, fee = 1000 EUR => credit 10%',
    'example "Wrong": availability = 99.2%, fee = 1000 EUR => credit 20%',
    '',
  ].join('\n'));
  file('roi.credit', [
    'fee 1000 EUR',
    'input tickets: number default 1200',
    'input availability: percent default 99.95%',
    'if availability < 99.5% then 10%',
    'output per_ticket: money "Cost per ticket" = fee / tickets',
    '',
  ].join('\n'));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('credit-rules check', () => {
  it('prints FILE:LINE:COL: error CODE: message for each error and exits 1', () => {
    const run = cli('check', 'broken.credit');
    assert.equal(run.code, 1);
    const errors = run.lines.filter((l) => / error /.test(l));
    assert.deepEqual(errors.map((l) => /^([^:]+):(\d+):(\d+): error ([a-z-]+): /.exec(l)?.slice(1)), [
      ['broken.credit', '3', '29', 'syntax-error'],
      ['broken.credit', '4', '5', 'syntax-error'],
      ['broken.credit', '5', '28', 'not-a-credit'],
    ]);
    assert.match(errors[0], /: expected a percentage such as 10%.* after `then`/);
  });

  it('prints infos and warnings in the same form and exits 0 when there is no error', () => {
    const run = cli('check', 'capped.credit');
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.lines.includes('capped.credit:1:4: info implicit-input: `availability` is not declared, so it is an input of kind percent'), run.stdout);
    assert.ok(run.lines.some((l) => /^capped\.credit:1:41: warning cap-never-binds: /.test(l)), run.stdout);
  });

  it('checks several files and exits 1 if any has an error', () => {
    const run = cli('check', 'smallest.credit', 'broken.credit');
    assert.equal(run.code, 1);
    assert.ok(run.lines.some((l) => l.startsWith('smallest.credit:')));
    assert.ok(run.lines.some((l) => l.startsWith('broken.credit:')));
  });
});

describe('credit-rules eval', () => {
  it('the one-liner at 99.2% of 1000 EUR credits 100.00', () => {
    const run = cli('eval', 'smallest.credit', '--set', 'availability=99.2%', '--set', 'fee=1000 EUR');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.lines[0], /100\.00 EUR/);
  });

  it('--json prints one object with credit.amount "100.00" and percentOfFee "10"', () => {
    const run = cli('eval', 'smallest.credit', '--set', 'availability=99.2%', '--set', 'fee=1000 EUR', '--json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.mode, 'month');
    assert.equal(json.currency, 'EUR');
    assert.equal(json.fee, '1000.00');
    assert.deepEqual(json.credit, { amount: '100.00', percentOfFee: '10' });
    assert.deepEqual(json.credits.map((c: Record<string, string>) => [c.name, c.amount, c.percentOfFee]), [['availability < 99.5%', '100.00', '10']]);
    assert.deepEqual(json.outputs, {});
    assert.ok(json.explanation.length > 0);
  });

  it('at 99.5% the credit is 0', () => {
    const run = cli('eval', 'smallest.credit', '--set', 'availability=99.5%', '--set', 'fee=1000 EUR', '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).credit, { amount: '0.00', percentOfFee: '0' });
  });

  it('a list value makes a contract-year run: mode "year" and one month each', () => {
    const run = cli('eval', 'smallest.credit', '--set', 'availability=94%,99%,99.9%', '--set', 'fee=1000 EUR', '--json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.equal(json.mode, 'year');
    assert.equal(json.fee, '12000.00');
    assert.deepEqual(json.months.map((m: { month: number; credit: { amount: string } }) => [m.month, m.credit.amount]), [[1, '100.00'], [2, '100.00'], [3, '0.00']]);
    assert.equal(json.credit.amount, '200.00');
  });

  it('a list that reads as a German decimal (99,5%) runs as the two months it is, with a warning on stderr naming the option', () => {
    const run = cli('eval', 'smallest.credit', '--set', 'availability=99,5%', '--set', 'fee=1000 EUR', '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).months.length, 2);
    assert.equal(run.stderr, 'credit-rules: warning: --set availability=99,5% is a list of 2 months (99, 5%), one value each; for a decimal, write a point: --set availability=99.5%\n');
  });

  it('a list of months that are not split decimals gives no warning', () => {
    for (const value of ['94%,99%,99.9%', '99,98', '99.5%,5%']) {
      const run = cli('eval', 'smallest.credit', '--set', `availability=${value}`, '--set', 'fee=1000 EUR');
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '', value);
    }
  });

  it('outputs and declared defaults: no --set needed', () => {
    const run = cli('eval', 'roi.credit', '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout).outputs, { per_ticket: '0.83' });
  });

  it('--lang de explains in German', () => {
    const run = cli('eval', 'smallest.credit', '--set', 'availability=99.2%', '--set', 'fee=1000 EUR', '--lang', 'de');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /ist erfüllt/);
  });

  it('a quarterly program speaks of quarters: its fee, its year\'s rows, the cuts; German names its block in German', () => {
    const quarterly = fileURLToPath(new URL('../../examples/quarterly-uptime.credit', import.meta.url));
    const one = cli('eval', quarterly, '--set', 'uptime=95%');
    assert.equal(one.lines[0], 'Credit: 2250.00 USD (25% of the quarterly fee 9000.00 USD)');
    const year = cli('eval', quarterly, '--set', 'uptime=[95%,95%,95%,95%]', '--lang', 'de');
    assert.equal(year.code, 0, year.stderr);
    assert.deepEqual(year.lines.filter((l) => /^ {2}quarter \d:/.test(l)), ['  quarter 1: 2250.00 USD', '  quarter 2: 2250.00 USD', '  quarter 3: 900.00 USD', '  quarter 4: 0.00 USD']);
    assert.match(year.stdout, /^ {2}quarter 3, line 14: Obergrenze 15\s%\sjährlich für „Verfügbarkeit im Quartal“/m);
    assert.doesNotMatch(year.stdout, /month|Quarterly uptime/);
  });

  it('rules with errors are reported on stderr as FILE:LINE:COL and exit 1', () => {
    const run = cli('eval', 'broken.credit');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^broken\.credit:3:29: error syntax-error: /m);
  });
});

describe('credit-rules test', () => {
  it('one line per example, a closing `N passed, N failed`, exit 0 when all pass', () => {
    const run = cli('test', 'examples.credit');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.lines.at(-1), '2 passed, 0 failed');
    assert.equal(run.lines.filter((l) => l.startsWith('PASS ')).length, 2);
  });

  it('a failed example exits 1 and shows expected and actual', () => {
    const run = cli('test', 'failing.credit');
    assert.equal(run.code, 1);
    assert.equal(run.lines.at(-1), '1 passed, 1 failed');
    const fail = run.lines.find((l) => l.startsWith('FAIL '));
    assert.ok(fail, run.stdout);
    assert.match(fail, /failing\.credit:3: Wrong: .*expected 20%, actual 10%/);
  });

  it('counts over several files', () => {
    const run = cli('test', 'examples.credit', 'failing.credit');
    assert.equal(run.code, 1);
    assert.equal(run.lines.at(-1), '3 passed, 1 failed');
  });
});

describe('credit-rules render', () => {
  it('--lang de writes 99,5 % (with a no-break space)', () => {
    const run = cli('render', 'smallest.credit', '--lang', 'de');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /99,5[ \u00A0]%/);
  });

  it('--lang en (the default) writes 99.5%', () => {
    const run = cli('render', 'smallest.credit');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /99\.5%/);
  });
});

describe('credit-rules compile', () => {
  it('writes a precompiled program that loadProgram evaluates like the rules', () => {
    const run = cli('compile', 'smallest.credit');
    assert.equal(run.code, 0, run.stderr);
    const { program } = loadProgram(JSON.parse(run.stdout));
    assert.ok(program);
    const evaluation = program.evaluate({ availability: '99.2%', fee: '1000 EUR' });
    assert.ok(evaluation.ok);
    assert.equal(evaluation.result.credit.amount, '100.00');
  });
});

describe('--help', () => {
  for (const command of ['check', 'eval', 'test', 'render', 'compile']) {
    it(`\`${command} --help\` prints its usage and exits 0`, () => {
      const run = cli(command, '--help');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.lines[0], new RegExp(`^Usage: credit-rules ${command}`));
      assert.equal(run.stderr, '');
    });
  }

  it('`--help` alone lists every command and exits 0', () => {
    const run = cli('--help');
    assert.equal(run.code, 0);
    for (const command of ['check', 'eval', 'test', 'render', 'compile']) assert.match(run.stdout, new RegExp(`credit-rules ${command}`));
  });
});

describe('a command that cannot run exits 2 with one clear line on stderr', () => {
  const cases: [sentence: string, args: string[], message: RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['a missing file', ['eval', 'nope.credit'], /nope\.credit: no such file/],
    ['a missing file for check', ['check', 'nope.credit'], /nope\.credit: no such file/],
    ['a directory for a file', ['render', '.'], /is a directory/],
    ['eval without a file', ['eval'], /eval takes one FILE/],
    ['check without a file', ['check'], /at least one FILE/],
    ['--set without =', ['eval', 'smallest.credit', '--set', 'availability'], /--set needs NAME=VALUE/],
    ['a bad --set value', ['eval', 'smallest.credit', '--set', 'availability=banana', '--set', 'fee=1000 EUR'], /availability.*banana/],
    ['a --set value out of range', ['eval', 'smallest.credit', '--set', 'availability=101%', '--set', 'fee=1000 EUR'], /101%.*0%\.\.100%/],
    ['a --set of an unknown input', ['eval', 'smallest.credit', '--set', 'availabilty=99%', '--set', 'fee=1000 EUR'], /Did you mean `availability`/],
    ['a --set in a foreign currency', ['eval', 'roi.credit', '--set', 'fee=1000 USD'], /EUR.*USD/],
    ['an unknown option', ['eval', 'smallest.credit', '--bogus'], /bogus/],
    ['an option of another command', ['check', 'smallest.credit', '--json'], /--json/],
    ['an unknown --lang', ['render', 'smallest.credit', '--lang', 'fr'], /--lang must be en or de/],
  ];
  for (const [sentence, args, message] of cases) {
    it(`${sentence}: credit-rules ${args.join(' ')}`, () => {
      const run = cli(...args);
      assert.equal(run.code, 2, `exit code; stderr: ${run.stderr}`);
      assertOneClearLine(run);
      assert.match(run.stderr, message);
    });
  }

  it('no arguments at all prints the usage and exits 2', () => {
    const run = cli();
    assert.equal(run.code, 2);
    assert.match(run.stdout, /Usage:/);
  });
});

describe('version 2 on the command line', () => {
  const bonus = () => file('bonus.credit', [
    'payout "bonus" de "Bonus" to "the agent" de "die Mitarbeiterin"',
    'input csat: percent "Customer satisfaction" de "Kundenzufriedenheit" default 90%',
    'credit "Quality bonus" de "Qualitätsbonus":',
    '  if csat >= 95% then 300 EUR',
    '  if 90% <= csat < 95% then 150 EUR',
    'output per_point: money "Bonus per point" de "Bonus je Punkt" = total_credit / 100',
    'example "Great month": csat = 96% => credit 300 EUR',
    '',
  ].join('\n'));

  it('eval --lang de prints labels and what is paid in German', () => {
    const run = cli('eval', bonus(), '--set', 'csat=96%', '--lang', 'de');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.lines[0], 'Bonus: 300.00 EUR');
    assert.ok(run.lines.includes('  * Qualitätsbonus (line 3): 300.00 EUR'), run.stdout);
    assert.ok(run.lines.includes('  Bonus je Punkt (per_point) = 3.00'), run.stdout);
  });

  it('eval --json gives null for the fee and every share of a program without a fee', () => {
    const result = JSON.parse(cli('eval', bonus(), '--set', 'csat=96%', '--json').stdout);
    assert.equal(result.fee, null);
    assert.deepEqual(result.credit, { amount: '300.00', percentOfFee: null });
    assert.equal(result.credits[0].percentOfFee, null);
  });

  it('batch leaves percent_of_fee empty for a program without a fee', () => {
    const csv = file('bonus.csv', 'customer,month,csat\nana,1,96%\nben,1,91%\n');
    const run = cli('batch', bonus(), '--csv', csv);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.lines.slice(1).map((l) => l.split(',').slice(0, 6).join(',')), ['2,ana,1,EUR,300.00,', '3,ben,1,EUR,150.00,']);
  });

  it('render states what a failing example computes and exits 1 naming it', () => {
    const wrong = file('wrong.credit', 'fee 1000 EUR\ninput a: percent\nif a < 99% then 10%\nexample "Wrong": a = 98% => credit 999 EUR\n');
    const run = cli('render', wrong);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /“Wrong”: .*Result: a service credit of 100\.00\u00a0EUR for the month\./);
    assert.doesNotMatch(run.stdout, /999/);
    assertOneClearLine(run);
    assert.match(run.stderr, /example "Wrong" \(line 4\) expects credit 999 EUR, but the rules compute 100\.00 EUR/);
  });
});
