/**
 * The `credit-rules` command: a thin shell over the public API.
 * Exit codes: 0 success; 1 the rules have errors or an example failed;
 * 2 the command itself could not run (bad arguments, unreadable file, bad
 * input value). Every failure is one clear line on stderr, never a stack trace.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compile, labelIn, loadProgram, type Diagnostic, type EvaluationResult, type Lang, type Program } from '../index.js';
import { PERIOD_NOUN } from '../language/ast.js';
import { batch, jobCount } from './batch-command.js';
import { fileError, UsageError, type CommandContext, type Io } from './context.js';
import { diff } from './diff.js';
import { renderDocx } from './docx.js';
import { fmt } from './fmt.js';
import { HELP } from './help.js';
import { valuesOf } from './set-values.js';
import { dialectOption, ENGINES, sqlOf, type Engine } from './sql-command.js';

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw fileError(file, error);
  }
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
  const values = valuesOf(sets, io.err);
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
        return batch(oneFile(positionals, 'batch'), settings, io, context(io)).catch((error: unknown) => failure(error, io));
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
