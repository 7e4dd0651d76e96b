/**
 * Which of the compiler's diagnostics the editor underlines: those near what
 * is in view. A draft at the limits has thousands of warnings (one for each
 * unreachable tier of a 4,990-tier block); handed to CodeMirror's lint state
 * all at once, each compile built thousands of underlines, gutter markers,
 * messages and quick fixes (over 100 ms on a loaded machine), and each
 * keystroke moved them all. Here the lint state holds the diagnostics of the
 * viewport and as much text again above and below it; when the viewport
 * leaves that range (scrolling, a jump), the diagnostics of the new range
 * replace them, their offsets carried through the edits made since the
 * compile. A short list (`FEW` or fewer) is handed over whole. The full list
 * stays with the playground: its problems pane and `diagnostics`.
 */
import { setDiagnostics, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { ChangeSet, StateEffect, StateField, type EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';
import type { Diagnostic } from '../index.js';

/** Up to this many diagnostics are underlined wherever they are: the cost is small, and the lint panel lists them all. */
export const FEW = 300;

/** Turns diagnostics (offsets in the editor's text now) into CodeMirror's, with messages and quick fixes. */
export type Underline = (state: EditorState, diagnostics: readonly Diagnostic[]) => LintDiagnostic[];

interface Range {
  readonly from: number;
  readonly to: number;
}

interface Underlined {
  /** The last compile's diagnostics, by position. */
  readonly all: readonly Diagnostic[];
  /** The edits since that compile: they carry its offsets to the text now. */
  readonly since: ChangeSet;
  /** The range of the text now whose diagnostics the lint state holds; none until handed over. */
  readonly range?: Range;
  readonly underline: Underline;
}

/** A compile's diagnostics, for the text as it is when the effect is dispatched. */
export const underline = StateEffect.define<{ diagnostics: readonly Diagnostic[]; underline: Underline }>();

const handedOver = StateEffect.define<Range>();

const underlined = StateField.define<Underlined>({
  create: (state) => ({ all: [], since: ChangeSet.empty(state.doc.length), range: { from: 0, to: state.doc.length }, underline: () => [] }),
  update(value, tr) {
    let next = value;
    if (tr.docChanged) {
      const range = value.range && { from: tr.changes.mapPos(value.range.from, -1), to: tr.changes.mapPos(value.range.to, 1) };
      next = { ...value, since: value.since.compose(tr.changes), ...(range ? { range } : {}) };
    }
    for (const effect of tr.effects) {
      if (effect.is(underline)) {
        const all = [...effect.value.diagnostics].sort((a, b) => a.span.start - b.span.start);
        next = { all, since: ChangeSet.empty(tr.state.doc.length), underline: effect.value.underline };
      } else if (effect.is(handedOver)) {
        next = { ...next, range: effect.value };
      }
    }
    return next;
  },
});

/** Hands the lint state the diagnostics near the viewport whenever the viewport leaves the range it holds. */
const handOver = ViewPlugin.fromClass(class {
  private queued = false;
  private gone = false;

  constructor(private readonly view: EditorView) {
    this.check();
  }

  update(update: ViewUpdate): void {
    if (update.viewportChanged || update.state.field(underlined) !== update.startState.field(underlined)) this.check();
  }

  destroy(): void {
    this.gone = true;
  }

  private check(): void {
    const { range } = this.view.state.field(underlined);
    const { from, to } = this.view.viewport;
    if (this.queued || (range && range.from <= from && to <= range.to)) return;
    // Not during the editor's update: just after it.
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      if (!this.gone) this.view.dispatch(nearViewport(this.view));
    });
  }
});

/** The transaction that gives the lint state the diagnostics near the viewport. */
function nearViewport(view: EditorView): TransactionSpec {
  const { all, since, underline: toLint } = view.state.field(underlined);
  const length = view.state.doc.length;
  const { from, to } = view.viewport;
  const range = all.length <= FEW ? { from: 0, to: length } : { from: Math.max(0, 2 * from - to), to: Math.min(length, 2 * to - from) };
  // The range in the compiled text's offsets.
  const back = since.invertedDesc;
  const start = back.mapPos(range.from, -1);
  const end = back.mapPos(range.to, 1);
  const near = all.filter((d) => d.span.start <= end && d.span.end >= start).map((d) => carried(d, since));
  const lint = setDiagnostics(view.state, toLint(view.state, near)).effects ?? [];
  return { effects: [handedOver.of(range), ...(Array.isArray(lint) ? lint : [lint])] };
}

/** A diagnostic with its offsets carried through the edits since its compile. */
function carried(d: Diagnostic, since: ChangeSet): Diagnostic {
  if (since.empty) return d;
  const span = ({ start, end }: { start: number; end: number }) => {
    const from = since.mapPos(start, 1);
    return { start: from, end: Math.max(from, since.mapPos(end, -1)) };
  };
  return { ...d, span: span(d.span), ...(d.related ? { related: d.related.map((r) => ({ ...r, span: span(r.span) })) } : {}) };
}

/** The editor's part: install it, then dispatch `underline` after each compile. */
export const underlines: Extension = [underlined, handOver];
