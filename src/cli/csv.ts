/**
 * CSV for `credit-rules batch`: a streaming RFC 4180 reader and the field
 * quoting of the writer. The reader takes text chunk by chunk and hands out
 * each complete record as it ends, so a file of millions of rows never sits in
 * memory; it keeps only the unfinished record at a chunk's end. Quoted fields
 * may hold commas, doubled quotes and line breaks; records end in LF or CRLF;
 * a UTF-8 byte order mark is dropped; blank lines are skipped.
 *
 * Records without a quote — billing's usual rows — take a fast path: one
 * `indexOf` for the line end and one `split(',')`. Only a record with a quote
 * is scanned field by field.
 */

/** A record's fields, and the line (1-based, in the whole input) it starts on. */
export type RecordHandler = (fields: string[], line: number) => void;
/** A record the reader cannot make sense of: its first line, and what is wrong. */
export type ProblemHandler = (line: number, message: string) => void;

/**
 * A record longer than this is taken to be an unclosed quote swallowing the
 * lines after it: the reader reports it and resumes at the next line, so
 * memory stays bounded whatever the input.
 */
export const MAX_RECORD = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

type Parsed = { fields: string[]; end: number; problem?: string } | 'incomplete';

export class CsvReader {
  /** The unfinished record carried over from the previous chunk. */
  private rest = '';
  /** The line the next record starts on. */
  private line = 1;
  private started = false;
  /** Dropping an overlong line up to its end. */
  private skipping = false;

  constructor(
    private readonly onRecord: RecordHandler,
    private readonly onProblem: ProblemHandler,
  ) {}

  /** Reads a chunk: every record that ends in it is handed out, in order. */
  push(chunk: string): void {
    if (chunk === '') return;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.skipping) {
      const nl = chunk.indexOf('\n');
      if (nl === -1) return;
      this.skipping = false;
      this.line++;
      chunk = chunk.slice(nl + 1);
    }
    this.parse(this.rest === '' ? chunk : this.rest + chunk, false);
  }

  /** The end of the input: a last record without a line break ends here. */
  end(): void {
    const text = this.rest;
    this.rest = '';
    if (text !== '') this.parse(text, true);
  }

  private parse(text: string, final: boolean): void {
    let pos = 0;
    // The next quote at or after `pos`; -1 when there is none in the rest of `text`.
    let quote = text.indexOf('"');
    const length = text.length;
    while (pos < length) {
      const nl = text.indexOf('\n', pos);
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || (nl !== -1 && quote > nl)) {
        if (nl === -1 && !final) break;
        const stop = nl === -1 ? length : nl;
        const end = stop > pos && text.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
        if (end > pos) this.onRecord(text.slice(pos, end).split(','), this.line);
        this.line++;
        pos = stop + 1;
        continue;
      }
      const parsed = parseQuoted(text, pos, final);
      if (parsed === 'incomplete') {
        if (final) {
          // The input ended inside a quoted field.
          pos = this.recover(text, pos, 'a quoted field is not closed: its closing quote (") is missing');
          continue;
        }
        break;
      }
      const start = this.line;
      for (let i = pos; i < parsed.end; i++) if (text.charCodeAt(i) === LF) this.line++;
      if (text.charCodeAt(parsed.end - 1) !== LF) this.line++;
      if (parsed.problem) this.onProblem(start, parsed.problem);
      else this.onRecord(parsed.fields, start);
      pos = parsed.end;
    }
    this.rest = pos < length ? text.slice(pos) : '';
    if (this.rest.length > MAX_RECORD) {
      const nl = this.rest.indexOf('\n');
      if (nl === -1) {
        // One line longer than any record may be: drop it up to its end.
        this.onProblem(this.line, `the line is longer than ${MAX_RECORD} characters`);
        this.rest = '';
        this.skipping = true;
      } else {
        const rest = this.rest;
        this.rest = '';
        this.parse(rest.slice(this.recover(rest, 0, `a quoted field runs on for more than ${MAX_RECORD} characters: its closing quote (") is probably missing`)), false);
      }
    }
  }

  /** Reports a broken record and skips its first line: the lines after it are read as records again. */
  private recover(text: string, pos: number, message: string): number {
    this.onProblem(this.line, message);
    this.line++;
    const nl = text.indexOf('\n', pos);
    return nl === -1 ? text.length : nl + 1;
  }
}

/**
 * One record with a quote in it, field by field, from `pos`. `end` is just
 * past its line break. Text after a closing quote (`"a"b`) makes the record a
 * problem rather than a guess.
 */
function parseQuoted(text: string, pos: number, final: boolean): Parsed {
  const fields: string[] = [];
  const length = text.length;
  let problem: string | undefined;
  let i = pos;
  for (;;) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return 'incomplete';
        if (q + 1 === length && !final) return 'incomplete';
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      const next = text.charCodeAt(i);
      const crlf = next === CR && (text.charCodeAt(i + 1) === LF || (i + 1 === length && final));
      if (i < length && next !== COMMA && next !== LF && !crlf) {
        if (next === CR && i + 1 === length && !final) return 'incomplete';
        problem ??= `field ${fields.length + 1}: text after the closing quote; a quote inside a quoted field is written twice ("")`;
        while (i < length && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== LF) i++;
      }
    } else {
      const start = i;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === COMMA || c === LF) break;
        i++;
      }
      value = text.slice(start, i > start && text.charCodeAt(i - 1) === CR && (i === length || text.charCodeAt(i) === LF) ? i - 1 : i);
    }
    fields.push(value);
    if (i >= length) {
      if (!final) return 'incomplete';
      return { fields, end: length, ...(problem ? { problem } : {}) };
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    // CR LF or LF ends the record.
    if (c === CR) i++;
    return { fields, end: Math.min(i + 1, length), ...(problem ? { problem } : {}) };
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

/** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return value !== '' && NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
