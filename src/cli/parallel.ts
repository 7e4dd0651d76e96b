/**
 * `credit-rules batch --jobs N`: the batch on N worker threads. The output is
 * byte for byte what `runBatch` writes, stderr lines included, in the same
 * order; only the work is shared out.
 *
 * This thread reads the input and cuts it into pieces of about a megabyte.
 * A cut falls between two rows that cannot belong to one contract year: at a
 * line break whose lines on either side are rows without a quote, of
 * different customers (or months on their own). Each piece goes to a worker
 * (`batch-worker.ts`), which runs it through its own `Batch` — the code
 * `runBatch` runs — and answers with the piece's output, the errors for
 * stderr, and the customers it saw. Answers are taken in piece order.
 *
 * A cut can be wrong only where the rows around it do not show everything: a
 * quoted field running over four lines or more, or a customer whose rows are
 * not together across pieces. Both are seen when the answer comes — the
 * worker's reader ended its piece inside a record, or a customer of the piece
 * is not new as this thread's `Customers` tells (it had a year in an earlier
 * piece, or that cannot be told) — and from that piece on, this thread runs
 * the rest of the file itself, with everything the workers reported, exactly
 * as `runBatch` would; so it does when a worker fails. This thread also runs
 * a file too small to be worth the workers' start (under four pieces), one
 * whose header line holds a quote or whose lines do not end in LF, and the
 * rest of one with no cut in sight (every row quoted, or a record of many
 * megabytes).
 */
import { StringDecoder } from 'node:string_decoder';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { RunOptions } from '../index.js';
import { Batch, outputTo, type BatchOptions, type BatchOutcome, type BatchProgram } from './batch.js';
import { CsvReader } from './csv.js';

export interface ParallelSettings {
  /** Worker threads, 2 or more. */
  readonly jobs: number;
  /** The program as precompiled JSON (`Program.toJSON`): what each worker loads. */
  readonly program: string;
  /** The worker's module: `batch-worker.js` beside the caller, as built. */
  readonly worker: URL;
  /** The size a piece is cut at, in bytes (tests make it small). */
  readonly pieceBytes?: number;
}

/** What a worker is given once. */
export interface WorkerSetup {
  readonly program: string;
  readonly header: string;
  readonly run?: RunOptions;
  readonly formulaGuard: boolean;
}

/** One piece of the input: its bytes, the line it starts on, and whether it is the file's last. */
export interface PieceTask {
  readonly bytes: Uint8Array;
  readonly line: number;
  readonly final: boolean;
}

/** A worker's answer for one piece. */
export interface PieceResult {
  readonly output: Uint8Array;
  /** Lines and messages of the failed rows, in order: line, message, line, message … */
  readonly errors: readonly (number | string)[];
  readonly rows: number;
  readonly failed: number;
  /** The customers of the piece's years, year by year (a customer whose rows are apart more than once), and the last line of each. */
  readonly customers: readonly string[];
  readonly lastLines: readonly number[];
  /** The piece ended between records, as a cut must: otherwise its output is not used. */
  readonly clean: boolean;
  /** The worker could not run the piece at all (it could not load the program). */
  readonly failure?: string;
}

/** As `runBatch`'s outcome, and how many pieces the workers' answers were used for. */
export type ParallelOutcome = BatchOutcome | (Extract<BatchOutcome, { ok: true }> & { readonly shared: number });

const PIECE_BYTES = 1 << 20;
/** Past this many pieces' bytes without a cut, the rest of the file is run here. */
const SEARCH_LIMIT = 8;
/** A file of fewer pieces runs here: starting workers (a JIT each to warm up) would take longer. */
const WORTH_SHARING = 4;
const LF = 10;
const CR = 13;
const QUOTE = 34;
/** `Pieces.take` finds no cut in many pieces' worth of input. */
const NO_CUT = Symbol('no cut');

export async function runInParallel(
  program: BatchProgram,
  input: AsyncIterable<Uint8Array>,
  output: Writable,
  options: BatchOptions,
  settings: ParallelSettings,
): Promise<ParallelOutcome> {
  const out = outputTo(output);
  const batch = new Batch(program, options, out.write);
  const flush = async () => {
    batch.flush();
    await out.drained();
  };
  const readerFrom = (line: number) => batch.reader(line === 1 ? undefined : { line });
  const pieceBytes = settings.pieceBytes ?? PIECE_BYTES;
  const pieces = new Pieces(pieceBytes);
  let header: string | undefined;
  /** The line the next piece starts on. */
  let line = 1;
  let pool: Pool | undefined;
  /** The first pieces, until there are enough to start the workers for. */
  const held: Uint8Array[] = [];
  let shared = 0;
  /** Pieces sent to the workers, with their bytes kept here in case they must be read here after all. */
  const queue: { readonly line: number; readonly bytes: Uint8Array; readonly result: Promise<PieceResult | undefined> }[] = [];
  /** Once set, the rest of the input is read here, in this thread. */
  let here: { readonly reader: CsvReader; readonly decoder: StringDecoder } | undefined;

  const runHere = (from: number, parts: readonly Uint8Array[]) => {
    here = { reader: readerFrom(from), decoder: new StringDecoder('utf8') };
    for (const part of parts) here.reader.push(here.decoder.write(part));
  };
  /**
   * Takes the pieces' answers in order while more than `keep` wait. An answer
   * that cannot be used — or none, when a worker failed — sends that piece
   * and everything after it to be read here.
   */
  const settle = async (keep: number) => {
    while (queue.length > keep && !here) {
      const answer = await queue[0].result;
      if (!answer || answer.failure !== undefined || !answer.clean || !batch.customers.admit(answer.customers, answer.lastLines)) {
        runHere(queue[0].line, [...queue.map((q) => q.bytes), ...held.splice(0), pieces.rest()]);
        queue.length = 0;
        return;
      }
      queue.shift();
      shared++;
      batch.flush();
      out.write(answer.output);
      for (let i = 0; i < answer.errors.length; i += 2) options.onError?.(answer.errors[i] as number, answer.errors[i + 1] as string);
      batch.rows += answer.rows;
      batch.failed += answer.failed;
      await flush();
    }
  };
  const dispatch = async (bytes: Uint8Array, final: boolean) => {
    pool ??= new Pool(settings, { program: settings.program, header: header as string, formulaGuard: options.formulaGuard ?? true, ...(options.run ? { run: options.run } : {}) });
    // A copy of its own, handed over to the worker (a piece is a view of a larger buffer).
    const task: PieceTask = { bytes: new Uint8Array(bytes), line, final };
    queue.push({ line, bytes, result: pool.run(task) });
    line += lineBreaks(bytes);
    // Two pieces a worker: the next is there when it is done with one.
    await settle(2 * settings.jobs);
  };

  try {
    for await (const bytes of input) {
      if (here) {
        here.reader.push(here.decoder.write(bytes));
        if (batch.fatal) return { ok: false, message: batch.fatal };
        await flush();
        continue;
      }
      pieces.add(bytes);
      if (header === undefined) {
        const found = pieces.header();
        if (found === undefined) continue;
        if (found === NO_CUT) {
          runHere(1, [pieces.rest()]);
          continue;
        }
        header = found.text;
        readerFrom(1).push(header);
        if (batch.fatal) return { ok: false, message: batch.fatal };
        line += lineBreaks(found.bytes);
        pieces.identify(batch.customerAt, batch.monthAt);
        await flush();
      }
      while (!here) {
        const piece = pieces.take();
        if (piece === undefined) break;
        if (piece === NO_CUT) {
          await settle(0);
          if (!here) runHere(line, [...held.splice(0), pieces.rest()]);
        } else {
          held.push(piece);
          if (pool || held.length >= WORTH_SHARING) while (held.length > 0 && !here) await dispatch(held.shift() as Uint8Array, false);
        }
      }
    }
    // The end of the input: the last piece; all of a small file here.
    if (!here) {
      if (header === undefined || !pool) runHere(line, [...held, pieces.rest()]);
      else {
        const last = pieces.rest();
        if (last.length > 0) await dispatch(last, true);
        await settle(0);
      }
    }
    if (here) {
      here.reader.push(here.decoder.end());
      here.reader.end();
    }
    batch.finish();
    if (batch.fatal) return { ok: false, message: batch.fatal };
    await flush();
    return { ok: true, rows: batch.rows, failed: batch.failed, shared };
  } finally {
    await pool?.close();
  }
}

function lineBreaks(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) count++;
  return count;
}

/**
 * The input, cut into pieces at safe cuts. Holds what is read and not yet
 * cut: at most a piece and a line, or SEARCH_LIMIT pieces while no cut is found.
 */
class Pieces {
  private parts: Uint8Array[] = [];
  private size = 0;
  private customerAt = -1;
  private monthAt = -1;
  /** What was held when the last search found no cut: searched again only once as much more has come. */
  private searched = 0;
  /** Whether a line break came since the header was last looked for. */
  private newLine = false;

  constructor(private readonly pieceBytes: number) {}

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (!this.newLine) this.newLine = bytes.indexOf(LF) !== -1;
  }

  /** The identifying columns, known once the header is read. */
  identify(customerAt: number, monthAt: number): void {
    this.customerAt = customerAt;
    this.monthAt = monthAt;
  }

  /**
   * The header line (after any blank lines, as the reader skips them), cut
   * off with its bytes and as text; undefined until its line break has come.
   * NO_CUT when it is not a plain line — it holds a quote — or none has come
   * in many pieces' worth (line breaks that are not LF): then the reader
   * takes the whole file.
   */
  header(): { text: string; bytes: Uint8Array } | typeof NO_CUT | undefined {
    if (this.size > SEARCH_LIMIT * this.pieceBytes) return NO_CUT;
    if (!this.newLine) return undefined;
    this.newLine = false;
    const all = this.joined();
    // A UTF-8 byte order mark.
    let start = all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? 3 : 0;
    for (let nl = all.indexOf(LF, start); nl !== -1; start = nl + 1, nl = all.indexOf(LF, start)) {
      const end = nl > start && all[nl - 1] === CR ? nl - 1 : nl;
      if (end === start) continue;
      if (hasQuote(all, start, end)) return NO_CUT;
      this.parts = [all.subarray(nl + 1)];
      this.size -= nl + 1;
      return { text: utf8(all, 0, nl + 1), bytes: all.subarray(0, nl + 1) };
    }
    return undefined;
  }

  /** The next piece, cut after about `pieceBytes`; undefined until there is one; NO_CUT when none is in sight. */
  take(): Uint8Array | typeof NO_CUT | undefined {
    if (this.size <= this.pieceBytes || this.size < this.searched + this.pieceBytes / 4) return undefined;
    const all = this.joined();
    const cut = this.cut(all, this.pieceBytes);
    if (cut < 0) {
      this.searched = this.size;
      return this.size > SEARCH_LIMIT * this.pieceBytes ? NO_CUT : undefined;
    }
    this.searched = 0;
    this.parts = [all.subarray(cut)];
    this.size -= cut;
    return all.subarray(0, cut);
  }

  /** Everything not yet cut. */
  rest(): Uint8Array {
    const all = this.joined();
    this.parts = [];
    this.size = 0;
    return all;
  }

  private joined(): Uint8Array {
    if (this.parts.length !== 1) this.parts = [Buffer.concat(this.parts, this.size)];
    return this.parts[0];
  }

  /**
   * The first safe cut at a line break at or after `from`, -1 when there is
   * none in `bytes`: the lines on either side are rows without a quote (so
   * the break ends a record), and they cannot be months of one year.
   */
  private cut(bytes: Uint8Array, from: number): number {
    for (let nl = bytes.indexOf(LF, from); nl !== -1; ) {
      const next = bytes.indexOf(LF, nl + 1);
      if (next === -1) return -1;
      const start = bytes.lastIndexOf(LF, nl - 1) + 1;
      if (this.separates(bytes, start, nl, next)) return nl + 1;
      nl = next;
    }
    return -1;
  }

  private separates(bytes: Uint8Array, start: number, nl: number, next: number): boolean {
    const before = row(bytes, start, nl);
    const after = row(bytes, nl + 1, next);
    if (before === undefined || after === undefined) return false;
    if (this.monthAt < 0 || this.customerAt < 0) return true;
    const [a, b] = [field(before, this.customerAt), field(after, this.customerAt)];
    return a === '' || b === '' || a !== b;
  }
}

/** A line without its line break, as text; undefined when it is blank or holds a quote. */
function row(bytes: Uint8Array, start: number, end: number): string | undefined {
  if (end > start && bytes[end - 1] === CR) end--;
  if (end === start || hasQuote(bytes, start, end)) return undefined;
  return utf8(bytes, start, end);
}

function hasQuote(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === QUOTE) return true;
  return false;
}

function utf8(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');
}

/** A field of a row without quotes, trimmed as the batch trims a customer. */
function field(text: string, index: number): string {
  return (text.split(',')[index] ?? '').trim();
}

/**
 * The workers: each takes pieces in turn. Once one fails (it cannot start,
 * or stops), every piece waiting and every piece after is answered with
 * undefined: the batch reads them itself.
 */
class Pool {
  private readonly workers: Worker[];
  private readonly waiting: ((result: PieceResult | undefined) => void)[][];
  private next = 0;
  private failed = false;

  constructor(settings: ParallelSettings, setup: WorkerSetup) {
    this.workers = Array.from({ length: settings.jobs }, () => new Worker(settings.worker, { workerData: setup }));
    this.waiting = this.workers.map(() => []);
    this.workers.forEach((worker, i) => {
      const waiting = this.waiting[i];
      worker.on('message', (result: PieceResult) => waiting.shift()?.(result));
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
    });
  }

  run(task: PieceTask): Promise<PieceResult | undefined> {
    if (this.failed) return Promise.resolve(undefined);
    const i = this.next;
    this.next = (i + 1) % this.workers.length;
    return new Promise((resolve) => {
      this.waiting[i].push(resolve);
      this.workers[i].postMessage(task, [task.bytes.buffer as ArrayBuffer]);
    });
  }

  private fail(): void {
    this.failed = true;
    for (const waiting of this.waiting) for (const answer of waiting.splice(0)) answer(undefined);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
