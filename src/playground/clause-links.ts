/**
 * The clause text as the playground shows it: one part per line of the
 * clause, each with the source lines it comes from, so pointing at a
 * sentence marks its lines in the editor and the cursor marks its sentences.
 * The lines and their sources are the clause renderer's (`renderParts`): the
 * statements, tiers, drafting notes and examples each line states.
 */
import type { Text } from '@codemirror/state';
import { lineNumbers, type Program } from '../index.js';
import type { Lang } from './i18n.js';

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

export interface ClausePart {
  /** The line's text, without its newline; empty for the gap between clauses. */
  readonly text: string;
  readonly spans: readonly SourceSpan[];
  /** The source lines of the spans (1-based), in the program's text. */
  readonly lines: readonly number[];
}

export function clauseParts(program: Program, lang: Lang): ClausePart[] {
  const lineOf = lineNumbers(program.source);
  return program.renderParts(lang).map((part) => {
    const lines = new Set<number>();
    for (const span of part.spans) {
      const last = lineOf(Math.max(span.start, span.end - 1));
      for (let line = lineOf(span.start); line <= last; line++) lines.add(line);
    }
    return { text: part.text.replace(/\n$/, ''), spans: part.spans, lines: [...lines].sort((a, b) => a - b) };
  });
}

/** The part's lines that exist in the editor's text (it may have changed since the program was compiled). */
export function linkedLines(part: ClausePart, doc: Text): number[] {
  return part.lines.filter((line) => line <= doc.lines);
}
