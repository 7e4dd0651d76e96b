/**
 * The CodeMirror editor the playground drafts in: the credit-rules language,
 * lint gutter and underlines (filled by the playground after each compile,
 * near the viewport: `underlines.ts`),
 * completion, hover, search, undo, and soft wrap (long lines wrap, so a phone
 * shows them whole). CodeMirror's own words (search and lint panels) come
 * from the interface's language (`phrases.ts`). The undo history can be
 * handed over as JSON (`historyJSON`), so it outlives a reload. Tab indents (the language is
 * indentation-sensitive, and a tab character is an error), and, as
 * CodeMirror provides, Esc then Tab moves focus on, so the editor is no
 * keyboard trap.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyField, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
  type KeyBinding,
} from '@codemirror/view';
import { creditCompletions, type CompletionData } from './completion.js';
import { nameHover, type HoverData } from './hover.js';
import { creditRules } from './language-support.js';
import { lineHighlighting } from './line-highlight.js';
import { underlines } from './underlines.js';
import { editorPhrases } from './phrases.js';
import type { Lang } from './i18n.js';

export interface EditorOptions {
  readonly doc: string;
  readonly parent: HTMLElement;
  readonly root: ShadowRoot | Document;
  readonly completion: () => CompletionData;
  readonly hover: () => HoverData;
  /** Attributes of the editable element: its accessible name and description. */
  readonly contentAttributes: Record<string, string>;
  readonly lang: Lang;
  /** The undo history saved with the draft (`historyJSON`), used when it was saved for this very text. */
  readonly history?: unknown;
  /** More keys, before the editor's own (the playground's Format shortcut). */
  readonly keys?: readonly KeyBinding[];
  readonly onChange: () => void;
  /** The cursor moved or the text changed (the clause pane follows the cursor). */
  readonly onSelection?: () => void;
}

const theme = EditorView.theme({
  '&': { color: 'var(--_text)', backgroundColor: 'var(--_surface)', fontSize: '0.95rem' },
  '&.cm-focused': { outline: '3px solid var(--_accent)', outlineOffset: '-3px' },
  '.cm-content': { fontFamily: 'var(--_mono)', caretColor: 'var(--_text)' },
  '.cm-scroller': { fontFamily: 'var(--_mono)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'var(--_subtle)', color: 'var(--_muted)', borderRight: '1px solid var(--_line)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--_accent) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--_accent) 14%, transparent)' },
  '.cm-cursor': { borderLeftColor: 'var(--_text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'color-mix(in srgb, var(--_accent) 28%, transparent) !important' },
  '.cm-tooltip': { backgroundColor: 'var(--_surface)', color: 'var(--_text)', border: '1px solid var(--_line)', borderRadius: '6px' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--_accent)', color: 'var(--_surface)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--_danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--_warning)' },
  '.cm-linked-line': { backgroundColor: 'color-mix(in srgb, var(--_warning) 22%, transparent)' },
});

/** Reconfigurable when the interface language changes. */
export const attributes = new Compartment();
export const phrases = new Compartment();

export function createEditor(options: EditorOptions): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion({ override: [creditCompletions(options.completion)], icons: true }),
    highlightActiveLine(),
    highlightSelectionMatches(),
    lintGutter(),
    underlines,
    creditRules(),
    nameHover(options.hover),
    keymap.of([...(options.keys ?? []), ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
    theme,
    EditorView.lineWrapping,
    lineHighlighting,
    attributes.of(EditorView.contentAttributes.of(options.contentAttributes)),
    phrases.of(editorPhrases(options.lang)),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange();
      if (update.docChanged || update.selectionSet) options.onSelection?.();
    }),
  ];
  return new EditorView({ parent: options.parent, root: options.root, state: initialState(options, extensions) });
}

/** The text with its saved undo history when that history belongs to it; otherwise the text alone. */
function initialState(options: EditorOptions, extensions: Extension[]): EditorState {
  if (options.history !== undefined) {
    try {
      const json = { doc: options.doc, selection: { ranges: [{ anchor: options.doc.length, head: options.doc.length }], main: 0 }, history: options.history };
      return EditorState.fromJSON(json, { extensions }, { history: historyField });
    } catch {
      // A history from another version of CodeMirror, or damaged: the text is what matters.
    }
  }
  return EditorState.create({ doc: options.doc, extensions });
}

/** The undo history as JSON, to be saved with the draft. */
export function historyJSON(state: EditorState): unknown {
  return (state.toJSON({ history: historyField }) as { history?: unknown }).history;
}
