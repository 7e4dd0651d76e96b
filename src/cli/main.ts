/**
 * The `credit-rules` command: a thin shell over the public API.
 * Exit codes: 0 success; 1 the rules have errors or an example failed;
 * 2 the command itself could not run (bad arguments, unreadable file, bad
 * input value). Every failure is one clear line on stderr, never a stack trace.
 */
import { createReadStream, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { compile, labelIn, loadProgram, type Diagnostic, type EvaluationResult, type Lang, type Program } from '../index.js';
import { PERIOD_NOUN } from '../language/ast.js';
import { OUTPUT_COLUMNS, runBatch } from './batch.js';
import { REMEMBERED_CUSTOMERS } from './customers.js';
import type { CommandContext } from './context.js';
import { diff } from './diff.js';
import { renderDocx } from './docx.js';
import { fmt } from './fmt.js';
import { openOutputFile, OutputFileError, type OutputFile } from './output-file.js';
import { runInParallel } from './parallel.js';
import { runDuckdbBatch, write as writeResult } from './duckdb-batch.js';
import { isParquet, ParquetError, parquetBatch, writeParquet } from './parquet-batch.js';
import { dialectOption, ENGINES, SQL_HELP, sqlOf, type Engine } from './sql-command.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** For `batch`, which streams: default process.stdin and process.stdout. */
  readonly stdin?: Readable;
  readonly stdout?: Writable;
}

class UsageError extends Error {}

/** The default is at most this many worker threads: one thread reads, cuts and writes for them all, so more gain little. */
const MAX_JOBS = 8;

const HELP: Record<string, string> = {
  main: `credit-rules — service-credit rules: check, evaluate, test and render them

Usage:
  credit-rules check FILE...                      report errors, warnings and infos
  credit-rules eval FILE [--set NAME=VALUE]... [--json] [--lang en|de]
                                                  evaluate a month, or a contract year
  credit-rules test FILE...                       run the examples
  credit-rules render FILE [--lang en|de] [--docx OUT.docx]
                                                  print the clause text, or write it as a Word document
  credit-rules compile FILE [--out FILE.json]     write the checked program as JSON
  credit-rules batch FILE --csv IN [--out OUT] [--jobs N] [--engine node|duckdb] [--no-formula-guard]
                                                  credits for a CSV of customer-months (billing)
  credit-rules batch FILE --parquet IN [--out OUT.csv|OUT.parquet]
                                                  the same for a Parquet file, in DuckDB
  credit-rules sql FILE [--dialect duckdb|postgres] [--table NAME]
                                                  the same credits as one SQL query (docs/billing.md)
  credit-rules fmt [--check | --write] FILE...   lay out rules files canonically
  credit-rules diff OLD NEW [--csv IN] [--json] [--lang en|de]
                                                  what changed between two versions, in words and money

Run \`credit-rules COMMAND --help\` for details. Exit codes: 0 ok, 1 errors in the
rules, failed examples or failed batch rows, 2 the command could not run.`,
  check: `Usage: credit-rules check FILE...

Checks each file and prints one line per problem:
  FILE:LINE:COL: error|warning|info CODE: message
Exits with 1 if any file has an error.`,
  eval: `Usage: credit-rules eval FILE [--set NAME=VALUE]... [--json] [--lang en|de]

Evaluates one month. Values use the language's literals: --set availability=99.2%
--set fee="1000 EUR" --set response=4h. A list of up to 12 values makes a
contract-year run, one value per month: --set availability=94%,99%,99.9%.
A comma always separates months: 99,5% is two months, 99 and 5% (a warning
says so); a decimal takes a point, 99.5%.
Inputs without --set take their declared defaults.
  --json        print the result as one JSON object
  --lang en|de  the language of the explanation (default en)`,
  test: `Usage: credit-rules test FILE...

Runs every \`example\` line as a test: one line per example, then
"N passed, N failed". A failure shows expected, actual and the explanation.
Exits with 1 if any example failed.`,
  render: `Usage: credit-rules render FILE [--lang en|de] [--docx OUT.docx]

Prints the clause text of the rules, in English (default) or German.
  --docx OUT.docx  writes the clause as a Word document instead: the heading,
                   the clauses numbered, each tier table as a table, the worked
                   examples (OUT is replaced whole or not at all)`,
  fmt: `Usage: credit-rules fmt [--check | --write] FILE...

Lays out rules files in the one canonical layout: two spaces per block level,
one space between tokens, a block's tiers aligned on \`then\`, comments kept,
at most one blank line in a row. Only layout changes, never what the rules mean.
Without an option, prints the formatted text of each FILE.
  --check  lists the files that are not formatted; exits 1 if there are any
  --write  rewrites the files that are not formatted (whole or not at all) and
           lists them
A file with syntax errors is not formatted: its errors are printed and the exit
code is 1.`,
  diff: `Usage: credit-rules diff OLD NEW [--csv IN] [--json] [--lang en|de]

Compares two versions of the rules (.credit or precompiled .json):
1. the terms that changed, in the words of the clause ("the tier of 10% of the
   monthly fee now applies if the Monthly uptime is below 99.5% instead of
   below 99.9%"), with their lines in OLD and NEW;
2. for each input, the ranges of its values where the two versions pay a month
   differently, and by how much: found from the thresholds of both versions
   (every value they compare the input with) and computed exactly at each
   threshold and between each two, not sampled. The other inputs are held at
   their defaults, each version's own (the other's where it has none), which
   the output names;
3. with --csv IN, a CSV of real months in the format of \`batch\`: what each
   version pays for them (contract years with their caps, as batch computes
   them), per customer and in all, and the difference.
  --json        print everything as one JSON object
  --lang en|de  the language of the terms and tables (default en)`,
  compile: `Usage: credit-rules compile FILE [--out FILE.json]

Writes the checked program as JSON (to stdout, or to --out). The widget loads
such a file without the parser.`,
  batch: `Usage: credit-rules batch FILE --csv IN [--out OUT] [--jobs N] [--engine node|duckdb] [--no-formula-guard]
       credit-rules batch FILE --parquet IN [--out OUT.csv|OUT.parquet]

Computes the credit of every row of a CSV file (IN, or - for stdin) and writes
a CSV with one row per input row (to stdout, or to OUT). FILE is a .credit file
or a precompiled .json (credit-rules compile).

Input: a header line, then one row per customer-month. The columns are the
rules' inputs (values as for eval --set: 99.5%, 99.5, 1200 EUR; an empty cell
takes the declared default) and optionally customer and month. The rows of one
customer, months 1, 2, 3 … in order and together, form one contract year with
its caps accruing; a row without a customer is a month on its own.
RFC 4180 quoting, LF or CRLF, a UTF-8 byte order mark and blank lines are fine.
Memory stays flat: a file sorted by customer (as text, or with numbers in
numeric order) needs no customer remembered; in another order up to
${REMEMBERED_CUSTOMERS.toLocaleString('en')} customers are remembered to check that each one's rows are
together, and past that a customer that sorts before an earlier one is an
error (sort the file).

Output columns: ${OUTPUT_COLUMNS.join(',')}
  line            the line of the input row (the header is line 1)
  credit          the month's credit in money; percent_of_fee its share of the month's fee
  cuts            each cap that cut it, "; "-separated:
                  quarterly cap on all credits (line 35): -400.00
  error           what is wrong with the row; then the credit columns are empty
A bad row of a contract year fails the whole year: each of its other rows names
the line that stopped it. Each failed row is also reported on stderr as
IN:LINE: error: message.
Exits with 1 if any row failed, 2 if the file cannot be used at all (a column
that is no input, a missing input without default, an unreadable file) or the
output cannot all be written (a full disk; a reader that went away, as
\`batch … | head\`: a broken pipe).

--out OUT writes to OUT, whole or not at all: to a new file beside it, renamed
          to OUT once complete (OUT's permissions kept). A run that fails or is
          stopped (SIGINT, SIGTERM, SIGHUP) leaves OUT as it was and no other
          file. A symbolic link is followed: its target is written and the link
          stays. A FIFO or a device (/dev/null) is written directly. A
          read-only OUT is an error.
--jobs N  worker threads sharing the rows of a large file (default: one per
          CPU core, at most ${MAX_JOBS}; 1 runs it all in one thread). The output is
          the same whatever N.
--engine duckdb
          computes the rows with the rules' SQL (credit-rules sql) in embedded
          DuckDB; the output is the same. A file DuckDB cannot answer exactly
          as the interpreter does (a bad row, values with units or currencies,
          a quotient without an exact decimal) is computed by the Node batch
          instead, as a whole, before anything is written. IN must be a file.
--parquet IN
          reads a Parquet file of customer-months in DuckDB (columns as for
          credit-rules sql: customer, month, one per input; a list input's a
          list). Rows DuckDB cannot compute exactly keep their error. line is
          the row's place in the file. A column missing or of the wrong type
          is one line naming it.
--out OUT.parquet
          writes the result as Parquet (with --engine duckdb or --parquet),
          whole or not at all.
--no-formula-guard
          copies the customer and month cells as they are. By default a cell
          from the input that a spreadsheet would run as a formula — it starts
          with =, +, -, @, a tab or a carriage return — is written after a
          single quote and quoted ("'=1+2"), which a spreadsheet shows as the
          text =1+2 (OWASP's advice against CSV injection).`,
  sql: SQL_HELP,
};

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw fileError(file, error);
  }
}

function fileError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'no such directory' : 'cannot be read';
  return new UsageError(`${file}: ${reason}`);
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.start.line}:${d.start.column}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Compiles a file, or loads a precompiled `.json`; prints its errors and returns undefined when it has any. */
function load(file: string, io: Io): Program | undefined {
  const { diagnostics, program } = file.endsWith('.json') ? loadProgram(read(file)) : compile(read(file));
  if (!program) {
    for (const d of diagnostics) if (d.severity === 'error') io.err(formatDiagnostic(file, d));
  }
  return program;
}

function lang(value: string | undefined): Lang {
  if (value === undefined || value === 'en' || value === 'de') return value ?? 'en';
  throw new UsageError(`--lang must be en or de, not "${value}"`);
}

function oneFile(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one FILE (see credit-rules ${command} --help)`);
  return positionals[0];
}

function parseSets(sets: readonly string[], io: Io): Record<string, string | string[] | string[][]> {
  const values: Record<string, string | string[] | string[][]> = {};
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set needs NAME=VALUE, not "${set}"`);
    const name = set.slice(0, eq).trim();
    const value = set.slice(eq + 1).trim();
    if (value.startsWith('[')) {
      values[name] = bracketed(name, value);
      continue;
    }
    if (!value.includes(',')) {
      values[name] = value;
      continue;
    }
    const items = value.split(',').map((v) => v.trim());
    warnDecimalComma(name, items, io);
    values[name] = items;
  }
  return values;
}

/**
 * `--set outages=[10min,2h]`: a list input's items (or a year of values);
 * `[[10min],[],[2h]]`: a year of a list input's items, one list a period.
 */
function bracketed(name: string, value: string): string[] | string[][] {
  const bad = (why: string) => new UsageError(`--set ${name}=${value}: ${why}; write items in brackets, such as [10min,2h], or a year of lists, such as [[10min],[],[2h]]`);
  if (!value.endsWith(']')) throw bad('a `[` without its closing `]`');
  const inner = value.slice(1, -1).trim();
  if (!inner.includes('[')) {
    if (inner.includes(']')) throw bad('a `]` without its opening `[`');
    return inner === '' ? [] : inner.split(',').map((v) => v.trim());
  }
  const lists: string[][] = [];
  const pattern = /\s*\[([^[\]]*)\]\s*(,|$)/y;
  let at = 0;
  while (at < inner.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(inner);
    if (!match) throw bad('lists nest one level deep, separated by commas');
    lists.push(match[1].trim() === '' ? [] : match[1].split(',').map((v) => v.trim()));
    at = pattern.lastIndex;
  }
  return lists;
}

/**
 * `--set availability=99,5%` is a year of two months, 99 and 5 %, though
 * whoever wrote it most likely meant 99.5 % with a German decimal comma: a
 * warning names the option, and what to write for the decimal.
 */
function warnDecimalComma(name: string, items: readonly string[], io: Io): void {
  for (let i = 0; i + 1 < items.length; i++) {
    if (!/^[0-9]+$/.test(items[i]) || !/^[0-9]+\s*[^0-9\s.]/.test(items[i + 1])) continue;
    const decimal = [...items.slice(0, i), `${items[i]}.${items[i + 1]}`, ...items.slice(i + 2)].join(',');
    io.err(`credit-rules: warning: --set ${name}=${items.join(',')} is a list of ${items.length} months (${items.join(', ')}), one value each; for a decimal, write a point: --set ${name}=${decimal}`);
    return;
  }
}

function check(files: string[], io: Io): number {
  if (files.length === 0) throw new UsageError('check needs at least one FILE (see credit-rules check --help)');
  let failed = false;
  for (const file of files) {
    const { diagnostics } = compile(read(file));
    for (const d of diagnostics) io.out(formatDiagnostic(file, d));
    if (diagnostics.some((d) => d.severity === 'error')) failed = true;
  }
  return failed ? 1 : 0;
}

function evaluate(file: string, sets: readonly string[], json: boolean, language: Lang, io: Io): number {
  const values = parseSets(sets, io);
  const program = load(file, io);
  if (!program) return 1;
  const evaluation = program.evaluate(values, { lang: language });
  if (!evaluation.ok) {
    for (const d of evaluation.diagnostics) {
      io.err(d.input || d.code === 'unknown-input' || d.code === 'bad-year-run'
        ? `${file}: ${d.month ? `month ${d.month}: ` : ''}${d.message}`
        : formatDiagnostic(file, d) + (d.month ? ` (month ${d.month})` : ''));
    }
    return 2;
  }
  if (json) io.out(JSON.stringify(evaluation.result, null, 2));
  else printResult(evaluation.result, program, language, io);
  return 0;
}

/** The result as text; labels, and what is paid (`payout`), in the language asked for. */
function printResult(result: EvaluationResult, program: Program, language: Lang, io: Io): void {
  const currency = result.currency ? ` ${result.currency}` : '';
  const period = result.mode === 'year' ? 'yearly' : program.period;
  // A year's rows and cuts are counted in the program's periods: "quarter 3".
  const unit = PERIOD_NOUN[program.period];
  const paid = program.payout ? labelIn(program.payout.what, program.payout.whatTranslations, language)! : 'credit';
  const share = result.credit.percentOfFee === null ? '' : ` (${result.credit.percentOfFee}% of the ${period} fee ${result.fee}${currency})`;
  io.out(`${paid.charAt(0).toUpperCase()}${paid.slice(1)}: ${result.credit.amount}${currency}${share}`);
  result.credits.forEach((credit, i) => {
    const info = program.credits[i];
    const name = info?.kind === 'block' ? labelIn(credit.name, info.translations, language) : credit.name;
    io.out(`  ${credit.matched ? '*' : ' '} ${name} (line ${credit.line}): ${credit.amount}${currency}`);
  });
  for (const [name, value] of Object.entries(result.outputs)) {
    const output = program.outputs.find((o) => o.name === name);
    const label = output && labelIn(output.label, output.translations, language);
    io.out(`  ${label && label !== name ? `${label} (${name})` : name} = ${value}`);
  }
  if (result.mode === 'year') {
    for (const month of result.periods) io.out(`  ${unit} ${month.month}: ${month.credit.amount}${currency}`);
  }
  io.out('Why:');
  for (const step of result.explanation) {
    const where = [step.kind !== 'month' && step.month ? `${unit} ${step.month}` : '', step.line ? `line ${step.line}` : ''].filter(Boolean).join(', ');
    io.out(`  ${where ? `${where}: ` : ''}${step.text}`);
  }
}

function test(files: string[], io: Io): number {
  if (files.length === 0) throw new UsageError('test needs at least one FILE (see credit-rules test --help)');
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const program = load(file, io);
    if (!program) {
      failed++;
      continue;
    }
    for (const result of program.runExamples()) {
      if (result.passed) {
        passed++;
        io.out(`PASS ${file}:${result.line}: ${result.name}`);
        continue;
      }
      failed++;
      const mismatches = result.expectations.filter((e) => !e.passed).map((e) => `${e.target}: expected ${e.expected}, actual ${e.actual}`);
      io.out(`FAIL ${file}:${result.line}: ${result.name}: ${mismatches.join('; ')}`);
      for (const d of result.diagnostics) io.out(`    ${d.message}`);
      for (const step of result.explanation) io.out(`    ${step.text}`);
    }
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

/** Opens IN for reading now, so that a missing file is one clear line rather than a stream error later. */
function openInput(file: string, io: Io): Readable {
  if (file === '-') return io.stdin ?? process.stdin;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    return createReadStream(file, { fd: openSync(file, 'r'), highWaterMark: 1 << 20 });
  } catch (error) {
    throw fileError(file, error);
  }
}

interface BatchSettings {
  readonly csv: string | undefined;
  readonly parquet?: string;
  readonly out: string | undefined;
  readonly jobs: number;
  readonly formulaGuard: boolean;
  readonly engine: Engine;
}

/**
 * Runs a batch. With --out, OUT is written whole or not at all (see
 * `openOutputFile`). Output that cannot all be written — a full disk, or a
 * reader that went away (`batch … | head`) — stops the batch with exit code
 * 2: billing must not take a cut-short output for a whole one.
 */
async function batch(file: string, { csv, parquet, out, jobs, formulaGuard, engine }: BatchSettings, io: Io): Promise<number> {
  if (csv !== undefined && parquet !== undefined) throw new UsageError('batch reads one file: --csv IN or --parquet IN, not both');
  if (csv === undefined && parquet === undefined) throw new UsageError('batch needs --csv IN, the CSV file of customer-months (see credit-rules batch --help)');
  if (engine === 'duckdb' && csv === '-') throw new UsageError('--engine duckdb reads IN as a file, not stdin');
  if (isParquet(out) && engine !== 'duckdb' && parquet === undefined) throw new UsageError('--out OUT.parquet is written by --engine duckdb (or from --parquet IN)');
  const program = load(file, io);
  if (!program) return 1;
  const name = parquet ?? (csv === '-' ? '<stdin>' : csv!);
  const input = csv === undefined ? undefined : openInput(csv, io);
  const parquetOut = isParquet(out) ? out : undefined;
  let outFile: OutputFile | undefined;
  try {
    outFile = out === undefined || parquetOut ? undefined : openOutputFile(out);
  } catch (error) {
    input?.destroy();
    throw error instanceof OutputFileError ? new UsageError(error.message) : error;
  }
  const output: Writable = outFile?.stream ?? io.stdout ?? process.stdout;
  // The output's own error, whatever error reaches the catch below (the batch may stop on its consequence);
  // a stream destroyed with an error holds it in `errored` before the event is emitted.
  let outputError: Error | undefined;
  output.on('error', (error: Error) => (outputError ??= error));
  try {
    const options = { formulaGuard, onError: (line: number, message: string) => io.err(`${name}:${line}: error: ${message}`) };
    if (parquet !== undefined) {
      const result = await parquetBatch(program, parquet, (connection) => (parquetOut ? writeParquet(connection, parquetOut) : writeResult(connection, output, formulaGuard)));
      for (const failed of result.failed) options.onError(failed.line, failed.error);
      if (outFile) await outFile.commit();
      else await written(output);
      if (result.failed.length > 0) io.err(`credit-rules: ${result.failed.length} of ${result.rows} rows failed`);
      return result.failed.length > 0 ? 1 : 0;
    }
    const inDuckdb = engine === 'duckdb' ? await runDuckdbBatch(program, csv!, output, formulaGuard, parquetOut) : undefined;
    if (parquetOut && inDuckdb && 'reason' in inDuckdb) throw new UsageError(`${out}: Parquet is written only when DuckDB computes every row, and ${name} is for the Node batch (${inDuckdb.reason})`);
    const outcome =
      inDuckdb && !('reason' in inDuckdb)
        ? inDuckdb
        : jobs > 1
        ? await runInParallel(program, input!, output, options, { jobs, program: JSON.stringify(program.toJSON()), worker: new URL('./batch-worker.js', import.meta.url) })
        : await runBatch(program, input!, output, options);
    if (!outcome.ok) throw new UsageError(`${name}: ${outcome.message}`);
    if (outFile) await outFile.commit();
    else await written(output);
    if (outcome.failed > 0) io.err(`credit-rules: ${outcome.failed} of ${outcome.rows} rows failed`);
    return outcome.failed > 0 ? 1 : 0;
  } catch (error) {
    input?.destroy();
    outFile?.discard();
    const failed = outputError ?? output.errored;
    if (failed) throw new UsageError(outputFailure(out ?? '<stdout>', failed));
    if (error instanceof UsageError) throw error;
    if (error instanceof ParquetError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UsageError(`${name}: the batch stopped: ${code}`);
    throw error;
  }
}

/** Resolves once everything written to `stream` is out; rejects if it could not be. */
function written(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => stream.write(new Uint8Array(0), (error) => (error ? reject(error) : resolve())));
}

function outputFailure(out: string, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EPIPE') return `${out}: the reader went away before the output was complete (broken pipe)`;
  return `${out}: cannot be written (${code ?? error.message})`;
}

function jobCount(value: string | undefined): number {
  if (value === undefined) return Math.min(availableParallelism(), MAX_JOBS);
  const jobs = /^[0-9]+$/.test(value) ? Number(value) : 0;
  if (jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${value}"`);
  return jobs;
}

/**
 * A stderr line as it can be shown: control characters — a line break or NUL
 * in a quoted CSV cell, a terminal's escape sequence, a bidirectional override
 * that reorders what is shown — are written as escapes (`\n`, `\x00`, `\x1b`,
 * `\u202e`), so that a message stays one line and shows what the cell holds.
 */
function visible(line: string): string {
  return line.replace(CONTROL, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const CONTROL = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function failure(error: unknown, io: Io): number {
  if (error instanceof UsageError) io.err(`credit-rules: ${error.message}`);
  else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) io.err(`credit-rules: ${error.message}`);
  else io.err(`credit-rules: internal error: ${(error as Error).message ?? error}`);
  return 2;
}

/** Runs a command: its exit code, or a promise of it for `batch`, which streams. */
export function main(argv: readonly string[], given: Io): number | Promise<number> {
  const io: Io = { ...given, err: (line) => given.err(visible(line)) };
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') return (io.out(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version), 0);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP.main);
      return command === undefined ? 2 : 0;
    }
    if (!(command in HELP) || command === 'main') {
      throw new UsageError(`unknown command "${command}"; the commands are check, eval, test, render, compile, batch, sql, fmt and diff`);
    }
    const { values: options, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        set: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        out: { type: 'string' },
        csv: { type: 'string' },
        parquet: { type: 'string' },
        jobs: { type: 'string' },
        'no-formula-guard': { type: 'boolean' },
        engine: { type: 'string' },
        dialect: { type: 'string' },
        table: { type: 'string' },
        check: { type: 'boolean' },
        write: { type: 'boolean' },
        docx: { type: 'string' },
      },
    });
    if (options.help) {
      io.out(HELP[command]);
      return 0;
    }
    const allowed: Record<string, string[]> = {
      check: [], test: [], eval: ['set', 'json', 'lang'], render: ['lang', 'docx'], compile: ['out'],
      batch: ['csv', 'parquet', 'out', 'jobs', 'engine', 'no-formula-guard'], sql: ['dialect', 'table'], fmt: ['check', 'write'], diff: ['csv', 'json', 'lang'],
    };
    for (const option of Object.keys(options)) {
      if (!allowed[command].includes(option)) throw new UsageError(`${command} has no --${option} option (see credit-rules ${command} --help)`);
    }
    switch (command) {
      case 'check': return check(positionals, io);
      case 'test': return test(positionals, io);
      case 'eval': return evaluate(oneFile(positionals, 'eval'), options.set ?? [], options.json ?? false, lang(options.lang), io);
      case 'render': {
        const program = load(oneFile(positionals, 'render'), io);
        if (!program) return 1;
        const examples = program.runExamples();
        // The clause states what the rules compute; an example that expects otherwise fails the command.
        const failed = examples.filter((e) => !e.passed);
        const report = () => {
          for (const e of failed) io.err(`example "${e.name}" (line ${e.line}) expects ${e.expectations.filter((x) => !x.passed).map((x) => `${x.target} ${x.expected}`).join(', ')}, but the rules compute ${e.expectations.filter((x) => !x.passed).map((x) => x.actual).join(', ')}; the clause states what the rules compute`);
          return failed.length > 0 ? 1 : 0;
        };
        if (options.docx !== undefined) return renderDocx(program, options.docx, lang(options.lang), examples, context(io)).then(report).catch((error: unknown) => failure(error, io));
        io.out(program.render(lang(options.lang), examples));
        return report();
      }
      case 'compile': {
        const program = load(oneFile(positionals, 'compile'), io);
        if (!program) return 1;
        const json = JSON.stringify(program.toJSON());
        if (options.out) writeFileSync(options.out, json);
        else io.out(json);
        return 0;
      }
      case 'batch': {
        const engine = options.engine ?? 'node';
        if (!(ENGINES as readonly string[]).includes(engine)) throw new UsageError(`--engine must be ${ENGINES.join(' or ')}, not "${engine}"`);
        const settings = { csv: options.csv, parquet: options.parquet, out: options.out, jobs: jobCount(options.jobs), formulaGuard: !options['no-formula-guard'], engine: engine as Engine };
        return batch(oneFile(positionals, 'batch'), settings, io).catch((error: unknown) => failure(error, io));
      }
      case 'sql': {
        const file = oneFile(positionals, 'sql');
        const dialect = dialectOption(options.dialect);
        if (dialect !== 'duckdb' && dialect !== 'postgres') throw new UsageError(dialect);
        const program = load(file, io);
        if (!program) return 1;
        const made = sqlOf(program, file, dialect, options.table ?? 'months');
        if ('error' in made) {
          io.err(made.error);
          return 1;
        }
        io.out(made.sql.trimEnd());
        return 0;
      }
      case 'fmt': {
        if (positionals.length === 0) throw new UsageError('fmt needs at least one FILE (see credit-rules fmt --help)');
        if (options.check && options.write) throw new UsageError('fmt takes --check or --write, not both');
        return fmt(positionals, { check: options.check ?? false, write: options.write ?? false }, context(io)).catch((error: unknown) => failure(error, io));
      }
      case 'diff': {
        const settings = { ...(options.csv !== undefined ? { csv: options.csv } : {}), json: options.json ?? false, lang: lang(options.lang) };
        return diff(positionals, settings, context(io)).catch((error: unknown) => failure(error, io));
      }
    }
    return 2;
  } catch (error) {
    return failure(error, io);
  }
}

/** What the commands in their own modules (fmt) use of this one. */
function context(io: Io): CommandContext {
  return { out: io.out, err: io.err, read, load: (file) => load(file, io), diagnostic: formatDiagnostic, fail: (message) => new UsageError(message) };
}
