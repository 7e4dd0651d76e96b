/**
 * CodeMirror's own words — the search panel, the go-to-line dialog, the lint
 * panel and tooltips, folding and completion — in German, as
 * `EditorState.phrases`. English needs no table: CodeMirror's keys are its
 * English words.
 */
import { EditorState, type Extension } from '@codemirror/state';
import type { Lang } from './i18n.js';

export const germanPhrases: Readonly<Record<string, string>> = {
  // @codemirror/search
  Find: 'Suchen',
  Replace: 'Ersetzen',
  next: 'weiter',
  previous: 'zurück',
  all: 'alle',
  'match case': 'Groß/klein beachten',
  regexp: 'regulärer Ausdruck',
  'by word': 'ganzes Wort',
  replace: 'ersetzen',
  'replace all': 'alle ersetzen',
  close: 'schließen',
  'current match': 'aktueller Treffer',
  'replaced $ matches': '$ Treffer ersetzt',
  'replaced match on line $': 'Treffer in Zeile $ ersetzt',
  'on line': 'in Zeile',
  'Go to line': 'Gehe zu Zeile',
  go: 'los',
  // @codemirror/lint
  Diagnostics: 'Probleme',
  'No diagnostics': 'Keine Probleme',
  // @codemirror/view, @codemirror/language, @codemirror/autocomplete
  'Control character': 'Steuerzeichen',
  'Selection deleted': 'Auswahl gelöscht',
  'folded code': 'eingeklappter Code',
  unfold: 'ausklappen',
  'Folded lines': 'Zeilen eingeklappt',
  'Unfolded lines': 'Zeilen ausgeklappt',
  'Fold line': 'Zeile einklappen',
  'Unfold line': 'Zeile ausklappen',
  to: 'bis',
  Completions: 'Vorschläge',
};

export function editorPhrases(lang: Lang): Extension {
  return lang === 'de' ? EditorState.phrases.of(germanPhrases) : [];
}
