/**
 * Marks whole lines of the editor: the source lines of the clause sentence
 * the drafter points at. The playground sets the lines with the
 * `lineHighlight` effect; an empty list clears the mark.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

const marked = Decoration.line({ class: 'cr-linked-line' });

/** The 1-based lines to mark. */
export const lineHighlight = StateEffect.define<readonly number[]>();

export const lineHighlighting: Extension = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(set, tr) {
    let next = set.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(lineHighlight)) continue;
      const doc = tr.state.doc;
      next = Decoration.set(effect.value.filter((n) => n >= 1 && n <= doc.lines).map((n) => marked.range(doc.line(n).from)));
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
