/**
 * The playground's CodeMirror editor (`editor.ts`) as a Lit controller: opened
 * in the host's editor frame after its first render, with the undo history
 * saved with the draft; the diagnostics underlined with their messages and
 * quick fixes in the interface's language (`underlines.ts` hands over those
 * near the viewport); when that language changes, the editor's accessible
 * name, CodeMirror's own words and the underlines are said again. Format
 * (the button and Shift+Alt+F) is an edit of this editor; what to say of it
 * is the host's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EditorView } from '@codemirror/view';
import type { Diagnostic } from '../index.js';
import { format } from '../language/format/format.js';
import type { CompletionData } from './completion.js';
import { toLintDiagnostics, type Speech } from './diagnostics.js';
import { attributes, createEditor, phrases } from './editor.js';
import type { HoverData } from './hover.js';
import type { Strings } from './i18n.js';
import { editorPhrases } from './phrases.js';
import type { FixContext } from './quick-fixes.js';
import { smallestChange } from './smallest-change.js';
import type { Message } from './status.js';
import { underline, type Underline } from './underlines.js';

export interface EditorWiring {
  /** The interface's strings and language, read when needed. */
  readonly speech: () => Speech;
  readonly completion: () => CompletionData;
  readonly hover: () => HoverData;
  readonly fixes: () => FixContext;
  /** Shift+Alt+F: Format. */
  readonly format: () => void;
  /** The text changed. */
  readonly changed: () => void;
  /** The cursor moved or the text changed. */
  readonly selected: () => void;
}

export class EditorController implements ReactiveController {
  view?: EditorView;

  /** The underlines in the interface's language, with their quick fixes, made when CodeMirror shows them. */
  readonly #underline: Underline = (state, diagnostics) => toLintDiagnostics(state, diagnostics, this.wiring.speech(), this.wiring.fixes());

  constructor(host: ReactiveControllerHost, private readonly wiring: EditorWiring) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Opens the editor on `doc`, with `history` (saved with the draft) when it is that very text's. */
  open(parent: HTMLElement, root: ShadowRoot, doc: string, history: unknown): EditorView {
    const { speech, completion, hover, changed, selected } = this.wiring;
    const { t, lang } = speech();
    this.view = createEditor({
      doc,
      parent,
      root,
      completion,
      hover,
      contentAttributes: contentAttributes(t),
      lang,
      ...(history !== undefined ? { history } : {}),
      keys: [{ key: 'Shift-Alt-f', run: () => (this.wiring.format(), true) }],
      onChange: changed,
      onSelection: selected,
    });
    return this.view;
  }

  /** Underlines `diagnostics` (those near the viewport). */
  underline(diagnostics: readonly Diagnostic[]): void {
    this.view?.dispatch({ effects: underline.of({ diagnostics, underline: this.#underline }) });
  }

  /** The interface's language changed: the editor's name and words, and the underlines of `diagnostics`, in the new one. */
  relabel(diagnostics: readonly Diagnostic[]): void {
    const view = this.view;
    if (!view) return;
    const { t, lang } = this.wiring.speech();
    view.dispatch({
      effects: [
        attributes.reconfigure(EditorView.contentAttributes.of(contentAttributes(t))),
        phrases.reconfigure(editorPhrases(lang)),
      ],
    });
    // The underlines' messages and actions in the new language.
    this.underline(diagnostics);
  }

  /** Lays the text out in the one canonical layout, as one undoable edit; what to say of it (why not, when the text has syntax errors). */
  format(): Message | undefined {
    const view = this.view;
    if (!view) return undefined;
    const source = view.state.doc.toString();
    const result = format(source);
    if (result.text === undefined) return (t) => t.formatNeedsSyntax;
    if (!result.changed) return (t) => t.formatUnchanged;
    view.dispatch({ changes: smallestChange(source, result.text), userEvent: 'input.format', scrollIntoView: true });
    return (t) => t.formatted;
  }
}

/** The editable element's accessible name and description. */
function contentAttributes(t: Strings): Record<string, string> {
  return { 'aria-label': t.editorLabel, 'aria-describedby': 'editor-hint' };
}
