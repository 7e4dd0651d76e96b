/**
 * The clause text as the playground shows it: one part per line of the
 * clause, each with the source lines it comes from, so pointing at a
 * sentence marks its lines in the editor and the cursor marks its sentences.
 *
 * The lines' sources come from the clause renderer: a program that has
 * `renderParts(lang)` (each line of `render(lang)` with the source spans of
 * the statements, tiers and examples it states) links every sentence. A
 * program without it (a renderer that does not say where its sentences come
 * from) is shown as plain lines without links.
 */
import type { Text } from '@codemirror/state';
import { lineNumbers, type Program } from '../index.js';
import type { Lang } from './i18n.js';

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

/** What the playground needs of the clause renderer: the lines of `render(lang)`, in order, with their sources. */
export interface RenderedPart {
  readonly text: string;
  readonly spans: readonly SourceSpan[];
}

interface RendersParts {
  renderParts?(lang: Lang): readonly RenderedPart[];
}

export interface ClausePart extends RenderedPart {
  /** The source lines of the spans (1-based), in the program's text. */
  readonly lines: readonly number[];
}

export function clauseParts(program: Program, lang: Lang): ClausePart[] {
  const rendered = (program as Program & RendersParts).renderParts?.(lang)
    ?? program.render(lang).replace(/\n+$/, '').split('\n').map((text) => ({ text, spans: [] }));
  const lineOf = lineNumbers(program.source);
  return rendered.map((part) => {
    const lines = new Set<number>();
    for (const span of part.spans) {
      const last = lineOf(Math.max(span.start, span.end - 1));
      for (let line = lineOf(span.start); line <= last; line++) lines.add(line);
    }
    return { ...part, lines: [...lines].sort((a, b) => a - b) };
  });
}

/** The part's lines that exist in the editor's text (it may have changed since the program was compiled). */
export function linkedLines(part: ClausePart, doc: Text): number[] {
  return part.lines.filter((line) => line <= doc.lines);
}
