/**
 * `credit-rules batch`: billing's run over a CSV of customer-months. Each row
 * holds one month's inputs; the rows of one customer, months 1, 2, 3 … in
 * order, form a contract-year run with caps accruing over them; a row without
 * a customer is a month on its own. The output CSV has one row per input row:
 * where it came from, the credit, its share of the fee and the cap cuts, or
 * what is wrong with it.
 *
 * Input and output stream: a contract year buffers at most its twelve rows,
 * the output is written once per input chunk and waits for `drain`, and the
 * customers remembered to find one whose rows are not together are bounded
 * (`Customers`), so memory stays flat however long the file.
 *
 * Policy for a bad row in a contract year (README, "Batch evaluation for
 * billing"): the year is not computed. The bad row says what is wrong; every
 * other row of that year says which line stopped it. Caps accrue from month to
 * month, so a year without one of its months would pay wrong amounts.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Writable } from 'node:stream';
import type { CreditOutcome, CreditSummary, CutSummary, Program, RunOptions } from '../index.js';
import { CsvReader, CsvWriter } from './csv.js';
import { Customers, REMEMBERED_CUSTOMERS } from './customers.js';

/** What a batch needs of a program. */
export type BatchProgram = Pick<Program, 'inputs' | 'credit' | 'evaluate'>;

export interface BatchOptions {
  /** Called for each row that failed: the line it starts on (the header is line 1) and what is wrong. */
  readonly onError?: (line: number, message: string) => void;
  /** Passed to `program.credit`. */
  readonly run?: RunOptions;
  /**
   * Whether the output's cells that echo the input (customer, month) are
   * guarded against spreadsheet formulas (`CsvWriter`); default true.
   */
  readonly formulaGuard?: boolean;
  /** Called as each contract year ends, with its customer and last line (a worker reports them). */
  readonly onYear?: (customer: string, line: number) => void;
}

export interface BatchCounts {
  /** Data rows read (the header and blank lines not counted). */
  readonly rows: number;
  /** Rows whose output holds an error instead of a credit. */
  readonly failed: number;
}

/** `ok: false` when the file as a whole cannot be used (its header): then nothing was written. */
export type BatchOutcome = ({ readonly ok: true } & BatchCounts) | { readonly ok: false; readonly message: string };

/** The output's columns, in order. */
export const OUTPUT_COLUMNS = ['line', 'customer', 'month', 'currency', 'credit', 'percent_of_fee', 'cuts', 'error'] as const;

/** The identifying columns of the input; every other column is an input of the rules. */
const CUSTOMER = 'customer';
const MONTH = 'month';

/**
 * Reads the CSV from `input` and writes one output row per input row to
 * `output` (which it does not end). Resolves with the counts; rejects only
 * when a stream fails.
 */
export async function runBatch(
  program: BatchProgram,
  input: AsyncIterable<string | Buffer>,
  output: Writable,
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  // Output goes out in pieces of about OUTPUT_PIECE bytes as it is made, and
  // before the next input chunk is read the output must have drained: at most
  // one chunk's output waits in memory.
  const out = outputTo(output);
  const batch = new Batch(program, options, out.write);
  const reader = batch.reader();
  const decoder = new StringDecoder('utf8');
  const flush = async () => {
    batch.flush();
    await out.drained();
  };
  for await (const chunk of input) {
    reader.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    if (batch.fatal) return { ok: false, message: batch.fatal };
    await flush();
  }
  reader.push(decoder.end());
  reader.end();
  batch.finish();
  if (batch.fatal) return { ok: false, message: batch.fatal };
  await flush();
  return { ok: true, rows: batch.rows, failed: batch.failed };
}

/**
 * Writes to `output` without waiting; `drained` waits, when the stream asked
 * for a pause, until it has drained. Once the stream has failed or closed,
 * `drained` throws: a stream that failed while the batch was reading would
 * never drain, and waiting for it would end the process as if all was done.
 */
export function outputTo(output: Writable): { readonly write: (bytes: Uint8Array) => void; readonly drained: () => Promise<void> } {
  let full = false;
  let failure: Error | undefined;
  output.on('error', (error: Error) => (failure ??= error));
  return {
    write: (bytes) => {
      if (!output.write(bytes)) full = true;
    },
    drained: async () => {
      if (full && !failure && !output.destroyed) {
        await new Promise<void>((resolve) => {
          const go = () => {
            for (const event of OUTPUT_ENDS) output.off(event, go);
            resolve();
          };
          for (const event of OUTPUT_ENDS) output.on(event, go);
        });
      }
      full = false;
      failure ??= output.errored ?? undefined;
      if (failure) throw failure;
      if (output.destroyed) throw Object.assign(new Error('the output was closed'), { code: 'ERR_STREAM_DESTROYED' });
    },
  };
}

/** What ends a wait for the output to drain. */
const OUTPUT_ENDS = ['drain', 'error', 'close'] as const;

const OUTPUT_PIECE = 1 << 16;
const COMMA = 44;
const LF = 10;

interface InputColumn {
  readonly index: number;
  readonly name: string;
  /** The declared default in the input's own unit, for an empty cell. */
  readonly fallback: string;
  /** A `list of …` input: its cell holds the items separated by `;` (`10min;2h`), an empty cell its default items. */
  readonly items?: readonly string[];
}

/**
 * The open contract year: one customer's rows so far, as the lists of values
 * `credit` takes (one per input column) and each row's line and month.
 */
interface Year {
  readonly customer: string;
  /** At most 12 rows wait for the year's end, as months only go up. */
  lines: number[];
  months: string[];
  lists: string[][];
  /** The last month number seen, 0 before the first. */
  last: number;
  lastLine: number;
  /** Once the year failed: what its rows without a problem of their own say. */
  failure?: string;
  /** The customer's rows came before, apart from these: every row says so. */
  apart?: boolean;
}

/** The batch's work on records in order, whoever reads them: `runBatch`, or a worker of `runInParallel` on its piece. */
export class Batch {
  rows = 0;
  failed = 0;
  fatal?: string;
  private readonly writer: CsvWriter;
  private header = true;
  private width = 0;
  /** The columns of the customer and the month; -1 when there is none. */
  customerAt = -1;
  monthAt = -1;
  private columns: InputColumn[] = [];
  private year?: Year;
  /** One values object for every month on its own, and one for every year: `credit` reads them and keeps nothing. */
  private readonly values: Record<string, string | readonly string[]> = {};
  private readonly yearValues: Record<string, string[]> = {};
  /** A year run needs a list: with no input columns, the first input's default for every month. */
  private defaultList?: { readonly name: string; readonly value: string };
  /** Passed to every `credit` call (a default argument would be a new object each call). */
  private readonly run: RunOptions;
  /** Customers whose year has ended: their rows must be together. */
  readonly customers = new Customers();

  constructor(
    private readonly program: BatchProgram,
    private readonly options: BatchOptions,
    private readonly write: (bytes: Uint8Array) => void,
  ) {
    this.run = options.run ?? {};
    this.writer = new CsvWriter(OUTPUT_PIECE + 4096, options.formulaGuard ?? true);
  }

  /** A CSV reader whose records go to this batch; `from` when it reads a part of a file (see `CsvReader`). */
  reader(from?: { readonly line: number }): CsvReader {
    return new CsvReader(
      (fields, line) => this.record(fields, line),
      (line, message) => this.broken(line, message),
      from,
    );
  }

  /** Writes out what is made so far. */
  flush(): void {
    if (this.writer.length > 0) this.write(this.writer.take());
  }

  record(fields: readonly string[], line: number): void {
    if (this.fatal) return;
    if (this.header) {
      this.header = false;
      this.readHeader(fields);
      return;
    }
    this.rows++;
    const count = fields.length;
    const customer = this.customerAt >= 0 && this.customerAt < count ? fields[this.customerAt].trim() : '';
    const month = this.monthAt >= 0 && this.monthAt < count ? fields[this.monthAt].trim() : '';
    const problem = count === this.width ? undefined : `expected ${this.width} fields, as the header has, but got ${count}`;
    if (this.monthAt < 0 || customer === '') {
      if (this.year) this.endYear();
      if (problem) this.error(line, customer, month, problem);
      else if (month !== '') this.error(line, customer, month, 'a month needs a customer: the months of one customer form its contract year');
      else this.month(fields, line, customer);
      return;
    }
    if (this.year?.customer !== customer) this.startYear(customer);
    this.add(line, month, problem ?? fields);
  }

  /** A record the CSV reader could not read: inside a customer's rows it may be one of its months, so it fails that year. */
  broken(line: number, message: string): void {
    if (this.fatal) return;
    if (this.header) {
      this.fatal = `line ${line}: the header cannot be read: ${message}`;
      return;
    }
    this.rows++;
    if (this.year) this.add(line, '', message);
    else this.error(line, '', '', message);
  }

  finish(): void {
    if (this.header && !this.fatal) this.fatal = 'the file is empty: it needs a header line naming the columns';
    this.endYear();
  }

  /** A piece of a file after its header, which another batch has checked and written: a worker's start. */
  continueAfter(header: readonly string[]): void {
    this.header = false;
    this.readHeader(header, false);
  }

  private readHeader(fields: readonly string[], write = true): void {
    const names = fields.map((f) => f.trim());
    const inputs = new Map(this.program.inputs.map((i) => [i.name, i]));
    const problems: string[] = [];
    const seen = new Set<string>();
    names.forEach((name, index) => {
      if (name === '' || seen.has(name)) {
        problems.push(name === '' ? `column ${index + 1} has no name` : `column "${name}" appears more than once`);
        return;
      }
      seen.add(name);
      const input = inputs.get(name);
      if (input) this.columns.push({ index, name, fallback: input.default ?? '', ...(input.list ? { items: input.defaultItems ?? [] } : {}) });
      else if (name === CUSTOMER) this.customerAt = index;
      else if (name === MONTH) this.monthAt = index;
      else problems.push(this.unknownColumn(name));
    });
    if (this.monthAt >= 0 && this.customerAt < 0) problems.push('a month column needs a customer column: the months of one customer form its contract year');
    const missing = this.program.inputs.filter((i) => i.default === undefined && !names.includes(i.name)).map((i) => `\`${i.name}\``);
    if (missing.length > 0) problems.push(`no column for ${missing.join(', ')}: the rules declare no default`);
    if (problems.length > 0) {
      this.fatal = `line 1: ${problems.join('; ')}`;
      return;
    }
    this.width = names.length;
    const first = this.program.inputs[0];
    if (this.columns.length === 0 && first) this.defaultList = { name: first.name, value: first.default ?? '' };
    if (write) this.writer.text(`${OUTPUT_COLUMNS.join(',')}\n`);
  }

  /** The language's own message for a name that is no input, with its "did you mean". */
  private unknownColumn(name: string): string {
    const evaluation = this.program.evaluate({ [name]: '' });
    const message = evaluation.ok ? undefined : evaluation.diagnostics.find((d) => d.code === 'unknown-input')?.message;
    return `column "${name}" is not an identifying column (customer, month) nor an input${message ? `: ${message}` : ''}`;
  }

  /** A month on its own. */
  private month(fields: readonly string[], line: number, customer: string): void {
    const values = this.values;
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k];
      values[column.name] = column.items ? itemsOf(fields[column.index], column.items) : cell(fields[column.index], column.fallback);
    }
    const outcome = this.program.credit(values, this.run);
    if (outcome.ok) this.credit(line, customer, '', outcome.credit.currency, outcome.credit);
    else this.error(line, customer, '', messages(outcome).join('; '));
  }

  private startYear(customer: string): void {
    this.endYear();
    const before = this.customers.check(customer);
    const lists = this.columns.map((): string[] => []);
    const year: Year = { customer, lines: [], months: [], lists, last: 0, lastLine: 0 };
    if (before !== undefined) {
      year.failure = before === 'cannot tell'
        ? `the rows of customer "${customer}" cannot be checked to be together: the file is not sorted by customer and has more than ${REMEMBERED_CUSTOMERS.toLocaleString('en')} customers, too many to remember; sort the file by customer`
        : `the rows of customer "${customer}" are not together: its rows before ended at line ${before}; sort the file by customer`;
      year.apart = true;
    }
    this.year = year;
  }

  /**
   * A row of the open year, its fields or what is wrong with it: checks its
   * month, then waits for the year's end (or fails the year).
   */
  private add(line: number, month: string, row: readonly string[] | string): void {
    const year = this.year as Year;
    // The month is checked even in a row that is bad anyway: the months after it are judged against it.
    const sequence = this.monthProblem(year, month);
    const problem = typeof row === 'string' ? row : sequence;
    year.lastLine = line;
    if (year.failure) {
      this.error(line, year.customer, month, year.apart ? year.failure : problem ?? year.failure);
      return;
    }
    if (problem !== undefined || typeof row === 'string') {
      // The year cannot be paid: its rows so far, this one and the rest of it are errors.
      year.failure = `not computed: line ${line} of this customer's contract year has an error`;
      for (let i = 0; i < year.lines.length; i++) this.error(year.lines[i], year.customer, year.months[i], year.failure);
      year.lines = [];
      year.months = [];
      year.lists = [];
      this.error(line, year.customer, month, problem as string);
      return;
    }
    const fields = row;
    year.lines.push(line);
    year.months.push(month);
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k];
      (year.lists[k] as unknown[]).push(column.items ? itemsOf(fields[column.index], column.items) : cell(fields[column.index], column.fallback));
    }
  }

  private monthProblem(year: Year, text: string): string | undefined {
    if (text === '') {
      // Counted as the next month, so that the rows after it are judged as they stand.
      year.last++;
      return 'no month given: each row of a customer is one month of its contract year, 1 to 12';
    }
    const month = monthNumber(text);
    if (month === 0) return `the month must be a whole number from 1 to 12, not "${text.slice(0, 40)}"`;
    const last = year.last;
    if (month === last) return `month ${month} is repeated (line ${year.lastLine})`;
    if (month < last) return `month ${month} comes after month ${last}: a customer's months must be in order, and a file holds one contract year per customer`;
    year.last = month;
    if (month === last + 1) return undefined;
    return last === 0
      ? `the customer's first row is month ${month}, but a contract year starts at month 1: caps accrue from month 1`
      : `month ${month} follows month ${last}: ${month === last + 2 ? `month ${last + 1} is` : `months ${last + 1} to ${month - 1} are`} missing`;
  }

  /** Ends the open year: runs it, unless it failed. */
  private endYear(): void {
    const year = this.year;
    if (!year) return;
    this.year = undefined;
    this.customers.add(year.customer, year.lastLine);
    this.options.onYear?.(year.customer, year.lastLine);
    const { lines, months } = year;
    if (year.failure || lines.length === 0) return;
    const values = this.yearValues;
    for (let k = 0; k < this.columns.length; k++) values[this.columns[k].name] = year.lists[k];
    const fallback = this.defaultList;
    if (fallback) values[fallback.name] = lines.map(() => fallback.value);
    const outcome = this.program.credit(values, this.run);
    if (outcome.ok) {
      const credits = outcome.credit.months ?? [outcome.credit];
      this.writer.keep(year.customer);
      for (let i = 0; i < lines.length; i++) this.credit(lines[i], year.customer, months[i], outcome.credit.currency, credits[i]);
      return;
    }
    const own = new Map<number, string[]>();
    const general: string[] = [];
    for (const d of outcome.diagnostics) {
      if (d.severity !== 'error') continue;
      if (d.month) own.set(d.month, [...(own.get(d.month) ?? []), d.message]);
      else general.push(d.message);
    }
    const bad = lines.filter((_, i) => own.has(i + 1));
    const failure = `not computed: ${bad.length === 1 ? `line ${bad[0]}` : bad.length > 1 ? `lines ${bad.join(', ')}` : 'a row'} of this customer's contract year ${bad.length > 1 ? 'have errors' : 'has an error'}`;
    lines.forEach((line, i) => {
      const found = [...(own.get(i + 1) ?? []), ...general];
      this.error(line, year.customer, months[i], found.length > 0 ? found.join('; ') : failure);
    });
  }

  /** An output row with a credit. */
  private credit(line: number, customer: string, month: string, currency: string | null, credit: Omit<CreditSummary, 'months' | 'currency'>): void {
    const w = this.writer;
    w.count(line);
    w.char(COMMA);
    w.cell(customer);
    w.char(COMMA);
    // Nothing to quote or guard in a month that was run (1 to 12), a currency code or a decimal.
    w.text(month);
    w.char(COMMA);
    if (currency !== null) w.text(currency);
    w.char(COMMA);
    w.text(credit.amount);
    w.char(COMMA);
    if (credit.percentOfFee !== null) w.text(credit.percentOfFee);
    w.char(COMMA);
    if (credit.cuts.length > 0) w.field(credit.cuts.map(cutText).join('; '));
    w.char(COMMA);
    w.char(LF);
    if (w.length > OUTPUT_PIECE) this.flush();
  }

  /** An output row with what is wrong instead of a credit. */
  private error(line: number, customer: string, month: string, message: string): void {
    this.failed++;
    const w = this.writer;
    w.count(line);
    w.char(COMMA);
    w.cell(customer);
    w.char(COMMA);
    w.cell(month);
    w.text(',,,,,');
    w.field(message);
    w.char(LF);
    this.options.onError?.(line, message);
    if (w.length > OUTPUT_PIECE) this.flush();
  }
}

/** The value of a cell: an empty cell (or one of spaces) takes the input's default. */
/** A list input's cell: items separated by `;` (`10min;2h`); an empty cell is the declared default items. */
function itemsOf(text: string, fallback: readonly string[]): readonly string[] {
  const trimmed = text.trim();
  return trimmed === '' ? fallback : trimmed.split(';').map((item) => item.trim());
}

function cell(text: string, fallback: string): string {
  if (text === '') return fallback;
  // Only a cell that starts with white space can be all white space: most are looked at once.
  const first = text.charCodeAt(0);
  return (first <= 32 || first >= 0x80) && text.trim() === '' ? fallback : text;
}

/** 1 to 12 from "1" to "12" (or "01"); 0 for anything else. Called for every row of a year, so no regex. */
function monthNumber(text: string): number {
  const tens = text.length === 2 ? text.charCodeAt(0) - 48 : 0;
  const ones = text.charCodeAt(text.length - 1) - 48;
  if (text.length > 2 || tens < 0 || tens > 1 || ones < 0 || ones > 9) return 0;
  const month = tens * 10 + ones;
  return month <= 12 ? month : 0;
}

/** A cap cut in the output's `cuts` column: `quarterly cap on all credits (line 35): -400.00`. */
export function cutText(cut: CutSummary): string {
  return `${cut.period} cap on ${cut.owner} (line ${cut.line}): -${cut.cut}`;
}

function messages(outcome: Extract<CreditOutcome, { ok: false }>): string[] {
  return outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}
