/**
 * CSV for `credit-rules batch`: a streaming RFC 4180 reader and a writer of
 * output rows as bytes. The reader takes text chunk by chunk and hands out
 * each complete record as it ends, so a file of millions of rows never sits in
 * memory; it keeps only the unfinished record at a chunk's end. Quoted fields
 * may hold commas, doubled quotes and line breaks; records end in LF or CRLF;
 * a UTF-8 byte order mark is dropped; blank lines are skipped.
 *
 * Records without a quote — billing's usual rows — take a fast path: their
 * line breaks and commas are found by `indexOf`, and their fields handed out
 * in one array reused from record to record (a million rows, no array each).
 * Only a record with a quote is read field by field by `parseQuoted`.
 */

/**
 * A record's fields, and the line (1-based, in the whole input) it starts on.
 * The array is the reader's own and changes with the next record: copy what you keep.
 */
export type RecordHandler = (fields: readonly string[], line: number) => void;
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
  /** The fields of the fast path's record, reused. */
  private readonly fields: string[] = [];

  constructor(
    private readonly onRecord: RecordHandler,
    private readonly onProblem: ProblemHandler,
    /** Reading a part of a file from this line on (a parallel batch's piece): no byte order mark there. */
    from?: { readonly line: number },
  ) {
    if (from) {
      this.line = from.line;
      this.started = true;
    }
  }

  /** Whether the text so far ended at the end of a record: nothing is carried over to the next chunk. */
  get betweenRecords(): boolean {
    return this.rest === '' && !this.skipping;
  }

  /** Reads a chunk: every record that ends in it is handed out, in order. */
  push(chunk: string): void {
    if (chunk === '') return;
    let from = 0;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) from = 1;
    }
    if (this.skipping) {
      const nl = chunk.indexOf('\n', from);
      if (nl === -1) return;
      this.skipping = false;
      this.line++;
      from = nl + 1;
    }
    if (this.rest !== '') {
      // The record carried over mostly ends at the chunk's first line break: it
      // is joined with that line alone, so that the chunk is read as the flat
      // string it is (reading a joined string costs more per character).
      const rest = this.rest;
      this.rest = '';
      const nl = chunk.indexOf('\n', from);
      if (nl === -1) return this.parse(rest + chunk.slice(from), 0, false);
      this.parse(rest + chunk.slice(from, nl + 1), 0, false);
      if (this.rest !== '') {
        // A quoted field goes on past that line.
        const open = this.rest;
        this.rest = '';
        return this.parse(open + chunk.slice(nl + 1), 0, false);
      }
      from = nl + 1;
    }
    this.parse(chunk, from, false);
  }

  /** The end of the input: a last record without a line break ends here. */
  end(): void {
    const text = this.rest;
    this.rest = '';
    if (text !== '') this.parse(text, 0, true);
  }

  /** Reads the records of `text` from `from`; what does not end in it is kept in `rest` (unless `final`). */
  private parse(text: string, from: number, final: boolean): void {
    const length = text.length;
    const fields = this.fields;
    let pos = from;
    let line = this.line;
    // The next quote and comma at or after `pos`, -1 when there is none in the
    // rest of `text`: found by `indexOf`, which scans many times faster than a
    // loop over the characters, and each looked for again only once passed,
    // so that the text is scanned once for each.
    let quote = text.indexOf('"', pos);
    let comma = text.indexOf(',', pos);
    while (pos < length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) {
        if (!final) break;
        nl = length;
      }
      if (quote !== -1 && quote < pos) quote = text.indexOf('"', pos);
      if (quote === -1 || quote > nl) {
        if (nl - pos > MAX_RECORD) {
          this.line = line;
          pos = this.overlong(text, pos);
          line = this.line;
          continue;
        }
        const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        if (end > pos) {
          let count = 0;
          let start = pos;
          if (comma !== -1 && comma < start) comma = text.indexOf(',', start);
          while (comma !== -1 && comma < end) {
            fields[count++] = text.slice(start, comma);
            start = comma + 1;
            comma = text.indexOf(',', start);
          }
          this.emit(count, text.slice(start, end), line);
        }
        line++;
        pos = nl + 1;
        continue;
      }
      this.line = line;
      const parsed = parseQuoted(text, pos, final);
      if (parsed === 'incomplete') {
        if (!final) break;
        // The input ended inside a quoted field.
        pos = this.recover(text, pos, 'a quoted field is not closed: its closing quote (") is missing');
        line = this.line;
        continue;
      }
      if (parsed.end - (text.charCodeAt(parsed.end - 1) === LF ? 1 : 0) - pos > MAX_RECORD) {
        pos = this.overlong(text, pos);
        line = this.line;
        continue;
      }
      const first = line;
      for (let k = pos; k < parsed.end; k++) if (text.charCodeAt(k) === LF) line++;
      if (text.charCodeAt(parsed.end - 1) !== LF) line++;
      if (parsed.problem) this.onProblem(first, parsed.problem);
      else this.onRecord(parsed.fields, first);
      pos = parsed.end;
    }
    if (pos > length) pos = length;
    this.line = line;
    this.rest = pos < length ? text.slice(pos) : '';
    if (this.rest.length > MAX_RECORD) {
      const rest = this.rest;
      this.rest = '';
      const next = this.overlong(rest, 0);
      if (!this.skipping) this.parse(rest, next, false);
    }
  }

  /**
   * A record that runs on past MAX_RECORD characters from `pos`, whether it
   * ends in this chunk or not (so that what is read does not depend on how
   * the input is cut into chunks): reported, and reading goes on after its
   * first line, or after the line break still to come.
   */
  private overlong(text: string, pos: number): number {
    const nl = text.indexOf('\n', pos);
    if (nl !== -1 && nl - pos <= MAX_RECORD) {
      return this.recover(text, pos, `a quoted field runs on for more than ${MAX_RECORD} characters: its closing quote (") is probably missing`);
    }
    this.onProblem(this.line, `the line is longer than ${MAX_RECORD} characters`);
    if (nl === -1) {
      // Dropped up to its end, in a chunk to come.
      this.skipping = true;
      return text.length;
    }
    this.line++;
    return nl + 1;
  }

  /** Hands out the fast path's record: its first `count` fields are read, `last` ends it. */
  private emit(count: number, last: string, line: number): void {
    const fields = this.fields;
    fields[count++] = last;
    // Setting the length is a runtime call: only when the width changes.
    if (fields.length !== count) fields.length = count;
    this.onRecord(fields, line);
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

/**
 * Output rows written straight into bytes: a row is a handful of short ASCII
 * strings, and copying their characters into a Buffer costs less than joining
 * strings that `write` must then flatten and encode. Text beyond ASCII (a
 * customer's name) is encoded as UTF-8 by the Buffer. `take` hands out what
 * is written and starts a new Buffer, so the stream may keep the old one.
 *
 * A cell that echoes the input (`cell`, `keep`) is guarded against formulas,
 * unless the writer is told not to: the output is opened in spreadsheets,
 * which run a cell starting with `=`, `+`, `-` or `@` (or a tab or carriage
 * return before one) as a formula — `=HYPERLINK(…)` sends data away. As the
 * OWASP "CSV injection" advice says, such a cell gets a single quote before
 * it and is quoted: a spreadsheet shows it as text, quote hidden.
 */
export class CsvWriter {
  private bytes: Buffer;
  private at = 0;
  /** The field given to `keep`, and its bytes. */
  private keptValue?: string;
  private kept = new Uint8Array(64);
  private keptLength = 0;

  constructor(
    private readonly size: number,
    /** Whether cells that echo the input are guarded against formulas. */
    private readonly formulaGuard = true,
  ) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.at;
  }

  /** The bytes written so far; what is written next goes into a new Buffer. */
  take(): Buffer {
    const written = this.bytes.subarray(0, this.at);
    this.bytes = Buffer.allocUnsafe(this.size);
    this.at = 0;
    return written;
  }

  /** One ASCII character, such as the comma between fields. */
  char(code: number): void {
    if (this.at === this.bytes.length) this.room(1);
    this.bytes[this.at++] = code;
  }

  /** A whole number ≥ 0, in decimal. */
  count(n: number): void {
    if (n > 0x7fffffff) return this.text(String(n));
    // Straight into the bytes, from the last digit: no string for each line
    // number, and integer division by 10 (`| 0`), cheaper than `Math.floor`.
    const digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : n < 100_000 ? 5 : n < 1_000_000 ? 6 : n < 10_000_000 ? 7 : n < 100_000_000 ? 8 : n < 1_000_000_000 ? 9 : 10;
    if (this.at + digits > this.bytes.length) this.room(digits);
    const bytes = this.bytes;
    let at = (this.at += digits);
    do {
      const rest = (n / 10) | 0;
      bytes[--at] = 48 + n - rest * 10;
      n = rest;
    } while (n > 0);
  }

  /** Text that needs no quotes (numbers, currency codes, a month), as it is. */
  text(value: string): void {
    this.copy(value, false);
  }

  /** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
  field(value: string): void {
    this.copy(value, true);
  }

  /** A field that echoes a cell of the input: as `field`, and guarded against formulas. */
  cell(value: string): void {
    if (value === this.keptValue) this.copyKept();
    else if (this.formulaGuard && startsFormula(value)) this.unicode(guarded(value));
    else this.copy(value, true);
  }

  /** ASCII character by character; anything else (and a field to quote) through the slow path. */
  private copy(value: string, quoting: boolean): void {
    const length = value.length;
    if (this.at + length > this.bytes.length) this.room(length);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < length; i++) {
      const c = value.charCodeAt(i);
      // Rarely: start again on the slow path, as nothing of this value counts yet.
      if (c >= 0x80 || (quoting && (c === QUOTE || c === COMMA || c === LF || c === CR))) return this.unicode(quoting ? csvField(value) : value);
      bytes[at++] = c;
    }
    this.at = at;
  }

  /**
   * Keeps a cell that is written on many rows — a customer's name on each
   * month of its year — encoded once: `cell` copies these bytes when given
   * it again. The text the name is cut from (a slice of the input) reads
   * slowly, character by character.
   */
  keep(value: string): void {
    this.keptValue = value;
    const length = value.length;
    if (length > this.kept.length) this.kept = new Uint8Array(2 * length);
    const kept = this.kept;
    const guard = this.formulaGuard && startsFormula(value);
    for (let i = 0; i < length; i++) {
      const c = value.charCodeAt(i);
      if (guard || c === QUOTE || c === COMMA || c === LF || c === CR || c >= 0x80) {
        // Rarely: guarded, quoted or beyond ASCII, through the slow path.
        const encoded = Buffer.from(guard ? guarded(value) : csvField(value));
        if (encoded.length > kept.length) this.kept = new Uint8Array(2 * encoded.length);
        this.kept.set(encoded);
        this.keptLength = encoded.length;
        return;
      }
      kept[i] = c;
    }
    this.keptLength = length;
  }

  /** Text in UTF-8, through the Buffer's encoder: at most three bytes a character. */
  private unicode(value: string): void {
    if (this.at + 3 * value.length > this.bytes.length) this.room(3 * value.length);
    this.at += this.bytes.write(value, this.at, 'utf8');
  }

  private copyKept(): void {
    const length = this.keptLength;
    if (this.at + length > this.bytes.length) this.room(length);
    const bytes = this.bytes;
    const kept = this.kept;
    let at = this.at;
    for (let i = 0; i < length; i++) bytes[at++] = kept[i];
    this.at = at;
  }

  /** Makes room for `more` bytes beyond what is written. */
  private room(more: number): void {
    const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.at + more));
    this.bytes.copy(grown, 0, 0, this.at);
    this.bytes = grown;
  }
}

const NEEDS_QUOTES = /[",\r\n]/;

/** The first characters that make a spreadsheet take a cell for a formula: `=`, `+`, `-`, `@`, a tab, a carriage return (OWASP). */
export const FORMULA_STARTS: readonly number[] = [61, 43, 45, 64, 9, CR];

function startsFormula(value: string): boolean {
  return FORMULA_STARTS.includes(value.charCodeAt(0));
}

/** A cell a spreadsheet shows as the text it is: after a single quote, and quoted. */
function guarded(value: string): string {
  return `"'${value.replaceAll('"', '""')}"`;
}

/** A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
function csvField(value: string): string {
  return value !== '' && NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
