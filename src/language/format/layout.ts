/**
 * The canonical layout of rules text, computed from the lexer's tokens and
 * the comments between them — never from the syntax tree, so syntax the
 * formatter has no rule for still comes out as written. Two spaces per
 * block level (the blocks are the lexer's own INDENT/DEDENT), one space
 * between tokens (see `spacing.ts`), the `then` of a block's tiers in one
 * column, trailing comments of neighbouring lines in one column, at most one
 * blank line in a row. Line breaks inside brackets are the author's and
 * stay; their lines are indented by bracket depth.
 */
import { tokenMatcher, type IToken } from 'chevrotain';
import { LineMap } from '../source.js';
import * as t from '../tokens.js';
import { canonicalImage, spaceBetween } from './spacing.js';

const INDENT = '  ';

/** One physical line of the source, as read. */
interface SourceLine {
  readonly tokens: IToken[];
  /** A comment to the end of the line, `#` included. */
  comment?: string;
  /** Column (0-based) of the first token or the comment. */
  column: number;
  /** The block depth of the statement the line belongs to. */
  depth: number;
  /** How many brackets are open where the line starts. */
  brackets: number;
}

/** One line of the result, before columns are aligned. */
interface OutLine {
  readonly indent: string;
  /** The code; for a tier, the part before `then`. */
  readonly code: string;
  /** A tier's `then …`, aligned across neighbouring tiers. */
  readonly tier?: string;
  readonly comment?: string;
  readonly depth: number;
}

/**
 * Lays out `source`, given its tokens as `lex` returns them (with INDENT and
 * DEDENT). The source must lex without errors: blocks are taken from the
 * tokens, comments from the text between them.
 */
export function layout(source: string, tokens: readonly IToken[]): string {
  const lines = readLines(source, tokens);
  const out: (OutLine | null)[] = []; // null: a blank line
  const code = [...lines.entries()].filter(([, l]) => l.tokens.length > 0 && l.brackets === 0);
  const blockColumns: number[] = [0];
  let previous: { depth: number; opens: boolean } = { depth: 0, opens: false };
  let blank = false;
  let nextCode = 0; // index into `code` of the next statement line

  for (const [n, line] of lines.entries()) {
    if (line.tokens.length === 0 && line.comment === undefined) {
      if (line.brackets === 0) blank = true;
      continue;
    }
    while (nextCode < code.length && code[nextCode][0] < n) nextCode++;
    const last = out[out.length - 1];
    if (blank && last && !(last.tier === undefined && last.code.endsWith(':'))) out.push(null);
    blank = false;

    if (line.tokens.length === 0) {
      const depth = line.brackets > 0 ? line.depth + line.brackets : commentDepth(n, previous, blockColumns, lines, code[nextCode]);
      out.push({ indent: INDENT.repeat(depth), code: '', comment: line.comment, depth });
      continue;
    }
    if (line.brackets === 0) {
      blockColumns.length = line.depth + 1;
      blockColumns[line.depth] = line.column;
      const end = statementEnd(lines, n);
      previous = { depth: line.depth, opens: tokenMatcher(end, t.Colon) };
    }
    out.push(codeLine(source, lines, n));
  }
  return render(out);
}

function readLines(source: string, tokens: readonly IToken[]): SourceLine[] {
  const map = new LineMap(source);
  const lines: SourceLine[] = Array.from({ length: map.lineCount }, () => ({ tokens: [], column: 0, depth: 0, brackets: 0 }));
  let depth = 0;
  let brackets = 0;
  let end = 0; // where the text after the previous token starts
  const comments = (upTo: number) => {
    for (const match of source.slice(end, upTo).matchAll(/#[^\r\n]*/g)) {
      const at = map.position(end + (match.index ?? 0));
      const line = lines[at.line - 1];
      line.comment = match[0].trimEnd();
      if (line.tokens.length === 0) Object.assign(line, { column: at.column - 1, depth, brackets });
    }
  };
  for (const token of tokens) {
    if (tokenMatcher(token, t.Indent)) depth++;
    else if (tokenMatcher(token, t.Dedent)) depth--;
    if (token.image === '' || tokenMatcher(token, t.Newline)) continue;
    comments(token.startOffset);
    end = token.startOffset + token.image.length;
    const line = lines[(token.startLine ?? 1) - 1];
    if (line.tokens.length === 0) Object.assign(line, { column: (token.startColumn ?? 1) - 1, depth, brackets });
    line.tokens.push(token);
    if (opens(token)) brackets++;
    if (closes(token) && brackets > 0) brackets--;
  }
  comments(source.length);
  // A blank line inside brackets is inside its statement.
  let open = 0;
  for (const line of lines) {
    if (line.tokens.length === 0 && line.comment === undefined) line.brackets = open;
    open = line.brackets + line.tokens.reduce((n, token) => n + (opens(token) ? 1 : closes(token) ? -1 : 0), 0);
  }
  return lines;
}

/** The last token of the statement that starts on line `n`. */
function statementEnd(lines: readonly SourceLine[], n: number): IToken {
  let last = n;
  for (let i = n + 1; i < lines.length && (lines[i].brackets > 0 || lines[i].tokens.length === 0); i++) {
    if (lines[i].tokens.length > 0) last = i;
    else if (lines[i].comment === undefined && lines[i].brackets === 0) break;
  }
  const tokens = lines[last].tokens;
  return tokens[tokens.length - 1];
}

/**
 * The block a comment line belongs to: the deepest open block (or the block
 * the previous line opens) whose lines start at or left of the comment; a
 * comment directly above a line of a deeper block joins that block.
 */
function commentDepth(
  n: number,
  previous: { depth: number; opens: boolean },
  blockColumns: readonly number[],
  lines: readonly SourceLine[],
  next: readonly [number, SourceLine] | undefined,
): number {
  const line = lines[n];
  const columns = blockColumns.slice(0, previous.depth + 1);
  if (previous.opens && next && next[1].depth === previous.depth + 1) columns.push(next[1].column);
  let depth = 0;
  columns.forEach((column, d) => {
    if (column <= line.column) depth = d;
  });
  if (!next) return depth;
  const adjacent = lines.slice(n + 1, next[0]).every((l) => l.comment !== undefined || l.tokens.length > 0);
  return adjacent ? Math.max(depth, next[1].depth) : depth;
}

function codeLine(source: string, lines: readonly SourceLine[], n: number): OutLine {
  const line = lines[n];
  const { tokens } = line;
  const closers = tokens.findIndex((token) => !closes(token));
  const depth = line.depth + Math.max(0, line.brackets - (closers === -1 ? tokens.length : closers));
  const before = (i: number) => (i > 0 ? tokens[i - 1] : lastTokenBefore(lines, n));
  // The space before token i: the canonical one, or as written where the formatter has no rule.
  const space = (i: number) =>
    spaceBetween(before(i - 1), tokens[i - 1], tokens[i]) ?? source.slice(tokens[i - 1].startOffset + tokens[i - 1].image.length, tokens[i].startOffset);
  const text = (from: number, to: number) => {
    let written = '';
    for (let i = from; i < to; i++) written += (i > from ? space(i) : '') + canonicalImage(tokens[i]);
    return written;
  };
  const then = tierThen(lines, n);
  const indent = INDENT.repeat(depth);
  const comment = line.comment;
  if (then === undefined) return { indent, code: text(0, tokens.length), comment, depth };
  return { indent, code: text(0, then), tier: space(then) + text(then, tokens.length), comment, depth };
}

function lastTokenBefore(lines: readonly SourceLine[], n: number): IToken | undefined {
  for (let i = n - 1; i >= 0; i--) {
    const tokens = lines[i].tokens;
    if (tokens.length) return tokens[tokens.length - 1];
  }
  return undefined;
}

/**
 * A tier — an `if … then …` line inside a block, whole on one line — is
 * aligned on its `then`: the index of that `then`, or undefined.
 */
function tierThen(lines: readonly SourceLine[], n: number): number | undefined {
  const line = lines[n];
  if (line.depth === 0 || line.brackets > 0 || !tokenMatcher(line.tokens[0], t.If)) return undefined;
  if (lines[n + 1]?.brackets > 0) return undefined;
  let brackets = 0;
  for (const [i, token] of line.tokens.entries()) {
    if (opens(token)) brackets++;
    else if (closes(token)) brackets--;
    else if (brackets === 0 && tokenMatcher(token, t.Then)) return i > 0 ? i : undefined;
  }
  return undefined;
}

/** Aligns tier columns and trailing comments, and writes the lines. */
function render(lines: readonly (OutLine | null)[]): string {
  const width = lines.map((line) => (line ? line.indent.length + line.code.length : 0));
  // Tiers: neighbouring tiers of one block (comment lines between them allowed) share the `then` column.
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    if (!first?.tier) continue;
    const group = [i];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j];
      if (!line || line.depth !== first.depth || (line.code !== '' && line.tier === undefined)) break;
      if (line.tier !== undefined) group.push(j);
    }
    const column = Math.max(...group.map((k) => width[k]));
    for (const k of group) width[k] = column;
    i = j - 1;
  }
  const codeOf = (line: OutLine, k: number) =>
    line.tier === undefined ? line.indent + line.code : (line.indent + line.code).padEnd(width[k]) + line.tier;
  const full = lines.map((line, k) => (line ? codeOf(line, k) : ''));
  // Trailing comments: neighbouring lines that have one share its column.
  const text = [...full];
  for (let i = 0; i < lines.length; i++) {
    if (!trailing(lines[i])) continue;
    let j = i;
    while (j < lines.length && trailing(lines[j])) j++;
    const column = Math.max(...full.slice(i, j).map((code) => code.length)) + 1;
    for (let k = i; k < j; k++) text[k] = `${full[k].padEnd(column)} ${lines[k]!.comment}`;
    i = j - 1;
  }
  for (const [k, line] of lines.entries()) if (line && line.code === '' && line.comment) text[k] = line.indent + line.comment;
  return text.length ? `${text.join('\n')}\n` : '';
}

const opens = (token: IToken) => tokenMatcher(token, t.LParen) || tokenMatcher(token, t.LBracket);
const closes = (token: IToken) => tokenMatcher(token, t.RParen) || tokenMatcher(token, t.RBracket);
const trailing = (line: OutLine | null | undefined) => line != null && line.code !== '' && line.comment !== undefined;
