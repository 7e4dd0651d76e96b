/**
 * The compiler's diagnostics as CodeMirror lint diagnostics: a wavy
 * underline over the span, a gutter marker on its line, a tooltip with the
 * message and its code, and each related place ("first defined here") as an
 * action that moves the cursor there. The playground pushes these itself
 * after each compile (`setDiagnostics`) rather than running a lint source, so
 * the editor, the problems list and the preview all come from one compile.
 */
import type { EditorState, TransactionSpec } from '@codemirror/state';
import { setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Diagnostic } from '../index.js';
import type { Strings } from './i18n.js';

const order = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then by position: the order of the problems list. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => order[a.severity] - order[b.severity] || a.span.start - b.span.start || a.span.end - b.span.end);
}

export function toLintDiagnostics(length: number, diagnostics: readonly Diagnostic[], t: Strings): LintDiagnostic[] {
  const clamp = (n: number) => Math.max(0, Math.min(n, length));
  return diagnostics.map((d): LintDiagnostic => {
    const from = clamp(d.span.start);
    const to = Math.max(from, clamp(d.span.end));
    return {
      from,
      to,
      severity: d.severity,
      source: d.code,
      message: d.message,
      actions: (d.related ?? []).map((r) => ({
        name: `${t.related} ${t.lineShort(r.start.line)}: ${r.message}`,
        apply: (view: EditorView) => jumpTo(view, clamp(r.span.start)),
      })),
    };
  });
}

/** The transaction that shows `diagnostics` in the editor. */
export function showDiagnostics(state: EditorState, diagnostics: readonly Diagnostic[], t: Strings): TransactionSpec {
  return setDiagnostics(state, toLintDiagnostics(state.doc.length, diagnostics, t));
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
