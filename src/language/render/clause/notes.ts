/**
 * Drafting notes: comment lines that start with `##` are the drafter's own
 * words for the contract, where a plain `#` comment stays private to the
 * rules. The parser skips every comment, so notes are read from the
 * program's source, which a checked program (and its saved form) carries
 * whole. Consecutive note lines are one note; a bare `##` line between them
 * starts a new paragraph. A note is never translated: both languages write
 * it as it stands.
 */
import type * as A from '../../ast.js';
import type { Span } from '../../source.js';

export interface Note {
  readonly paragraphs: readonly string[];
  /** From the first `##` to the end of the last note line. */
  readonly span: Span;
}

/** Where a note stands: above a statement, inside a block (between or after its tiers), or after the last statement. */
export interface PlacedNote extends Note {
  /** The index of the statement the note stands above or inside; the statements' count after the last. */
  readonly statement: number;
  readonly inside: boolean;
}

/** `## text`, `##` alone; not `###…`, whose runs of `#` are a private comment's decoration. */
const NOTE_LINE = /^[ \t]*##(?!#)[ \t]*(.*?)[ \t]*$/;

/** The program's notes, in the order of the source. */
export function notes(source: string): Note[] {
  const out: Note[] = [];
  let current: { paragraphs: string[][]; start: number; end: number } | undefined;
  const finish = () => {
    if (!current) return;
    const paragraphs = current.paragraphs.map((lines) => lines.join(' ')).filter((p) => p !== '');
    if (paragraphs.length) out.push({ paragraphs, span: { start: current.start, end: current.end } });
    current = undefined;
  };
  let offset = 0;
  for (const line of source.split('\n')) {
    const match = NOTE_LINE.exec(line.replace(/\r$/, ''));
    if (!match) finish();
    else {
      current ??= { paragraphs: [[]], start: offset + line.indexOf('#'), end: 0 };
      current.end = offset + line.replace(/\r$/, '').trimEnd().length;
      if (match[1] === '') current.paragraphs.push([]);
      else current.paragraphs[current.paragraphs.length - 1].push(match[1]);
    }
    offset += line.length + 1;
  }
  finish();
  return out;
}

/** The program's notes, each placed by the statement it stands above or inside. */
export function placedNotes(source: string, statements: readonly A.Statement[]): PlacedNote[] {
  return notes(source).map((note) => {
    const index = statements.findIndex((s) => s.span.end > note.span.start);
    if (index < 0) return { ...note, statement: statements.length, inside: false };
    return { ...note, statement: index, inside: statements[index].span.start < note.span.start };
  });
}
