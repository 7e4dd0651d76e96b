/**
 * The CodeMirror editor the playground drafts in: the credit-rules language,
 * lint gutter and underlines (filled by the playground after each compile),
 * completion, hover, search, undo. Tab indents (the language is
 * indentation-sensitive, and a tab character is an error), and, as
 * CodeMirror provides, Esc then Tab moves focus on, so the editor is no
 * keyboard trap.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';
import { creditCompletions, type CompletionData } from './completion.js';
import { nameHover, type HoverData } from './hover.js';
import { creditRules } from './language-support.js';

export interface EditorOptions {
  readonly doc: string;
  readonly parent: HTMLElement;
  readonly root: ShadowRoot | Document;
  readonly completion: () => CompletionData;
  readonly hover: () => HoverData;
  /** Attributes of the editable element: its accessible name and description. */
  readonly contentAttributes: Record<string, string>;
  readonly onChange: () => void;
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
});

/** Reconfigurable when the interface language changes. */
export const attributes = new Compartment();

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
    creditRules(),
    nameHover(options.hover),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
    theme,
    attributes.of(EditorView.contentAttributes.of(options.contentAttributes)),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange();
    }),
  ];
  return new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({ doc: options.doc, extensions }),
  });
}
