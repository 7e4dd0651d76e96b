/**
 * The clause and the rules, linked, as a Lit controller: it follows the
 * editor's cursor (the clause marks the sentences its lines produce, and the
 * host renders again when those lines change), and marks in the editor the
 * lines of the sentence pointed at or focused. A sentence reached with the
 * keyboard keeps its lines marked when the pointer leaves the clause or rests
 * on a sentence without rules. Which lines a sentence comes from is
 * `clause-links.ts`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditorView } from '@codemirror/view';
import { linkedLines, type ClausePart } from './clause-links.js';
import { lineHighlight } from './line-highlight.js';

export class ClauseLinksController implements ReactiveController {
  /** The editor lines the cursor is on (1-based). */
  #cursorLines: readonly number[] = [];
  /** The sentence that has the focus. */
  #focused?: ClausePart;

  constructor(private readonly host: ReactiveControllerHost, private readonly editor: () => EditorView | undefined) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The cursor moved: the clause marks the sentences of its lines. */
  followCursor(): void {
    const view = this.editor();
    if (!view) return;
    const { doc, selection } = view.state;
    const from = doc.lineAt(selection.main.from).number;
    const to = doc.lineAt(selection.main.to).number;
    const lines = this.#cursorLines;
    if (lines[0] === from && lines[lines.length - 1] === to) return;
    this.#cursorLines = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    this.host.requestUpdate();
  }

  /** The sentence comes from a line the cursor is on. */
  marks(part: ClausePart): boolean {
    return part.spans.length > 0 && this.#cursorLines.some((line) => part.lines.includes(line));
  }

  /** The pointer rests on a sentence: its lines are marked (for one without rules, the focused sentence's). */
  enter(part: ClausePart): void {
    this.#point(part.spans.length > 0 ? part : this.#focused);
  }

  /** The pointer left the clause. */
  leave(): void {
    this.#point(this.#focused);
  }

  focus(part: ClausePart): void {
    this.#point((this.#focused = part));
  }

  blur(): void {
    this.#point((this.#focused = undefined));
  }

  /** Marks the sentence's source lines in the editor (none: `part` undefined). */
  #point(part: ClausePart | undefined): void {
    const view = this.editor();
    if (!view) return;
    const lines = part ? linkedLines(part, view.state.doc) : [];
    view.dispatch({ effects: lineHighlight.of(lines) });
  }
}
