/**
 * The compiler's diagnostics as CodeMirror lint diagnostics: a wavy
 * underline over the span, a gutter marker on its line, a tooltip with the
 * message (in the interface's language, `diagnostics-de.ts`) and its code,
 * and actions: each related place ("first defined here") moves the cursor
 * there, and the quick fixes of `quick-fixes.ts` edit the text. The
 * playground pushes these itself after each compile (`underlines.ts`, for
 * the part of the text in view) rather than running a lint source, so the
 * editor, the problems list and the preview all come from one compile.
 */
import type { EditorState } from '@codemirror/state';
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Diagnostic } from '../index.js';
import { messageOf, relatedMessageOf, type SaidDiagnostic } from './diagnostics-de.js';
import type { Lang, Strings } from './i18n.js';
import { quickFixes, type FixContext } from './quick-fixes.js';

const order = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then by position: the order of the problems list. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity] || a.span.start - b.span.start || a.span.end - b.span.end);
}

export interface Speech {
  readonly t: Strings;
  readonly lang: Lang;
}

export function toLintDiagnostics(state: EditorState, diagnostics: readonly Diagnostic[], speech: Speech, fixes: FixContext): LintDiagnostic[] {
  const length = state.doc.length;
  const clamp = (n: number) => Math.max(0, Math.min(n, length));
  const { t, lang } = speech;
  return diagnostics.map((d): LintDiagnostic => {
    const from = clamp(d.span.start);
    const to = Math.max(from, clamp(d.span.end));
    return {
      from,
      to,
      severity: d.severity,
      source: d.code,
      message: messageOf(d as SaidDiagnostic, lang),
      actions: [
        ...quickFixes(d as SaidDiagnostic, state, fixes).map((fix) => ({
          name: fix.title(t),
          apply: (view: EditorView) => {
            view.dispatch({ changes: fix.changes, selection: EditorSelection.cursor(fix.cursor), userEvent: 'input.fix', scrollIntoView: true });
            view.focus();
          },
        })),
        ...(d.related ?? []).map((r, index) => ({
          name: `${t.related} ${t.lineShort(r.start.line)}: ${relatedMessageOf(d as SaidDiagnostic, index, lang)}`,
          apply: (view: EditorView) => jumpTo(view, clamp(r.span.start)),
        })),
      ],
    };
  });
}

/** Puts the cursor at `offset`, scrolls it into view and focuses the editor. */
export function jumpTo(view: EditorView, offset: number): void {
  const pos = Math.max(0, Math.min(offset, view.state.doc.length));
  view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true, userEvent: 'select' });
  view.focus();
}

/** The offset of a 1-based line and column in the editor's current text. */
export function offsetOf(state: EditorState, line: number, column = 1): number {
  const l = state.doc.line(Math.max(1, Math.min(line, state.doc.lines)));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}
