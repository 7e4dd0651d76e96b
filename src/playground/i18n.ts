/**
 * The playground's own words, in English and German. Strings that carry
 * user text take it as an argument and return plain text: the component
 * puts them into the page as text nodes, never as markup.
 */
import type { Lang } from '../index.js';
import { PERIOD_NOUN, type Period } from '../language/ast.js';
import { DE_WORDS } from '../language/render/clause/german.js';
import type { FileProblem, StoreProblem } from './versions.js';

export type { Lang };

/** Why a share link could not be read (`share.ts`). */
export type ShareProblem = 'version' | 'encoding' | 'too-large' | 'corrupt';

const SHARE_PROBLEMS: Record<Lang, Record<ShareProblem, string>> = {
  en: { version: 'it was made by another version of the playground', encoding: 'it is not a playground link, or it was cut off', 'too-large': 'it holds more than a draft can', corrupt: 'it is damaged' },
  de: { version: 'er stammt aus einer anderen Version des Playgrounds', encoding: 'er ist kein Playground-Link oder wurde abgeschnitten', 'too-large': 'er enthält mehr, als ein Entwurf fassen kann', corrupt: 'er ist beschädigt' },
};

const STORE_PROBLEMS: Record<Lang, Record<StoreProblem, string>> = {
  en: {
    unavailable: 'This browser does not let the page keep data (IndexedDB is unavailable, as in some private windows).',
    blocked: 'Saved versions are locked by an older copy of this page in another tab; close it and reload.',
    failed: 'The browser refused to open the saved versions.',
  },
  de: {
    unavailable: 'Dieser Browser lässt die Seite keine Daten behalten (IndexedDB ist nicht verfügbar, wie in manchen privaten Fenstern).',
    blocked: 'Die gespeicherten Versionen sind durch eine ältere Kopie dieser Seite in einem anderen Tab gesperrt; schließen Sie ihn und laden Sie neu.',
    failed: 'Der Browser hat das Öffnen der gespeicherten Versionen verweigert.',
  },
};

const FILE_PROBLEMS: Record<Lang, (problem: FileProblem) => string> = {
  en: (p) => {
    switch (p.kind) {
      case 'too-large': return 'it is larger than 8 MB, more than any set of drafts.';
      case 'not-json': return 'it is not a versions file (it is not JSON).';
      case 'not-versions': return 'it is not a versions file exported by this playground.';
      case 'newer': return `it was written by a newer playground (format ${p.version}).`;
      case 'bad-entry': return `entry ${p.index} has no valid “${p.field}”.`;
    }
  },
  de: (p) => {
    switch (p.kind) {
      case 'too-large': return 'Sie ist größer als 8 MB, mehr als jede Sammlung von Entwürfen.';
      case 'not-json': return 'Sie ist keine Versionsdatei (kein JSON).';
      case 'not-versions': return 'Sie ist keine von diesem Playground exportierte Versionsdatei.';
      case 'newer': return `Sie stammt aus einem neueren Playground (Format ${p.version}).`;
      case 'bad-entry': return `Eintrag ${p.index} hat kein gültiges Feld „${p.field}“.`;
    }
  },
};

const en = {
  title: 'Credit rules playground',
  editor: 'Rules',
  editorLabel: 'Credit rules source',
  editorHint: 'Tab indents; press Esc then Tab to leave the editor. Ctrl+Space suggests words.',
  toolbar: 'Draft',
  templates: 'Templates',
  openTemplate: 'Open',
  templateNames: {
    'one-liner': 'One line',
    'uptime-tiers': 'Uptime tiers',
    'support-sla': 'Support SLA',
    points: 'Service credit points',
    'multi-metric': 'Several metrics',
    'support-roi': 'Support ROI',
  } as Record<string, string>,
  templateFailed: (name: string, why: string) => `The template “${name}” could not be opened: ${why}`,
  share: 'Copy share link',
  shareCopied: 'Share link copied. Opening it shows exactly this draft.',
  shareManual: 'Copy the share link below.',
  shareFailed: 'This draft could not be put into a link.',
  shareTooLong: 'This draft is too long for a link; download the file instead.',
  shareLink: 'Share link',
  sharedOpened: 'Opened the shared draft. Your own draft stays saved until you edit this one; Ctrl+Z brings it back.',
  embedNeedsRules: 'These rules have errors: fix them to get the embed code.',
  updatedElsewhere: 'The draft was changed in another tab: this is that version. Ctrl+Z brings back the one shown before.',
  changedElsewhere: 'The draft was also changed in another tab. Your edits here will replace that version when they are saved.',
  embedStale: 'The rules have errors: this code embeds the last version without errors.',
  sharedBroken: (why: ShareProblem) => `The shared link could not be read: ${SHARE_PROBLEMS.en[why]}. Your own draft is shown.`,
  embed: 'Copy embed code',
  embedTitle: 'Embed code for the calculator',
  embedInline: 'Rules inside the page',
  embedSrc: 'Rules from a file',
  embedSrcNote: (file: string) => `Upload the downloaded ${file} next to the page.`,
  embedInlineUnsafe: 'These rules contain “</script” or “<!--”, which cannot sit inside a script element; use the file form.',
  copy: 'Copy',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Select the text and copy it.',
  close: 'Close',
  download: 'Download .credit',
  startFresh: 'Start fresh',
  uiLanguage: 'Deutsch',
  uiLanguageLabel: 'Auf Deutsch umschalten',
  problems: 'Problems',
  noProblems: 'No problems.',
  checking: 'Checking the rules…',
  problemCount: (errors: number, warnings: number) =>
    `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  moreProblems: (count: number) => `… and ${count} more (each underlined in the editor).`,
  severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<'error' | 'warning' | 'info', string>,
  at: (line: number, column: number) => `line ${line}, column ${column}`,
  lineShort: (line: number) => `line ${line}`,
  preview: 'Live preview',
  stale: 'Out of date: the rules have errors. The preview shows the last version without errors.',
  noPreview: 'The preview appears once the rules have no errors.',
  clause: 'Clause text',
  clauseLanguage: 'Clause language',
  english: 'English',
  german: 'Deutsch',
  examples: 'Examples',
  noExamples: 'No examples yet. Add one, for instance: example "Short outage": availability = 99.2% => credit 10%',
  examplesSummary: (passed: number, failed: number) => `${passed} passed, ${failed} failed`,
  passed: 'passed',
  failed: 'failed',
  expected: 'expected',
  actual: 'actual',
  goToLine: (line: number) => `Go to line ${line}`,
  hoverDeclared: (line: number) => `declared on line ${line}`,
  hoverBuiltin: 'built into the language',
  hoverImplicit: 'not declared: an input inferred from its use',
  hoverValue: 'current value',
  hoverStale: '(from the last version without errors)',
  kinds: { input: 'input', let: 'let', output: 'output', builtin: 'built-in' } as Record<string, string>,
  related: 'see',
  fixReplace: (name: string) => `Replace with ${name}`,
  fixUnit: (literal: string) => `Write ${literal}`,
  fixIndentTier: 'Indent it as a tier of the block',
  fixMeet: (value: string, op: string) => `Let a tier pay at exactly ${value} (write ${op})`,
  templateOpenedAsDraft: (name: string, kept: string | undefined) =>
    `Opened the template “${name}” as a new draft.${kept ? ` Your previous draft is kept as the version “${kept}”.` : ''} Ctrl+Z brings it back too.`,
  startedEmpty: (kept: string | undefined) =>
    `Started a new, empty draft.${kept ? ` Your previous draft is kept as the version “${kept}”.` : ''} Ctrl+Z brings it back too.`,
  versions: 'Versions',
  draftName: 'Draft name',
  untitled: 'Untitled draft',
  versionName: 'Name of the version',
  versionPlaceholder: 'e.g. Sent to the customer',
  saveVersion: 'Save version',
  versionSaved: (name: string) => `Saved the version “${name}”.`,
  versionDefaultName: (when: string) => `Version of ${when}`,
  keptBefore: (what: string) => `Before “${what}”`,
  keptBeforeFresh: 'Before starting fresh',
  noVersions: 'No versions saved yet. Name the state of the draft above and save it.',
  history: 'History',
  restore: 'Restore',
  restoreLabel: (name: string, draft: string) => `Restore “${name}” of “${draft}”`,
  restored: (name: string) => `Restored the version “${name}”. Ctrl+Z brings back the text before.`,
  exportVersions: 'Export versions',
  importVersions: 'Import versions',
  exported: (count: number) => `Exported ${count} ${count === 1 ? 'version' : 'versions'} to a file.`,
  imported: (added: number, known: number) =>
    `Imported ${added} ${added === 1 ? 'version' : 'versions'}${known ? `; ${known} ${known === 1 ? 'was' : 'were'} already here` : ''}.`,
  importFailed: (file: string, problem: FileProblem) => `“${file}” was not imported: ${FILE_PROBLEMS.en(problem)} Nothing was changed.`,
  storeProblem: (problem: StoreProblem) => `${STORE_PROBLEMS.en[problem]} Versions are kept only until this page is closed; export them to keep them.`,
  versionFailed: 'The version could not be saved.',
  savedAt: (date: Date) => date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }),
  printClause: 'Print or save as PDF',
  downloadDocx: 'Download as Word (.docx)',
  docxSaved: (file: string) => `Saved the clause as ${file}.`,
  docxFailed: 'The Word document could not be made; nothing was saved.',
  format: 'Format',
  formatLabel: 'Format the rules (Shift+Alt+F)',
  formatted: 'Formatted: one layout, the same meaning. Ctrl+Z undoes it.',
  formatUnchanged: 'The rules are already formatted.',
  formatNeedsSyntax: 'The rules have syntax errors: fix them, then format.',
  compare: 'Compare',
  compareOlder: 'Compare',
  compareNewer: 'with',
  currentDraft: 'The draft as it stands',
  compareTitle: (before: string, after: string) => `“${before}” → “${after}”`,
  compareNeedsTwo: 'Save a version first: comparing needs two versions (the draft as it stands counts as one).',
  compareErrors: (name: string) => `“${name}” has errors, so it cannot be compared. Restore it and fix them first.`,
  compareSame: 'Choose two different versions.',
  closeCompare: 'Close the comparison',
  changedTerms: 'Terms that changed',
  noTermChanges: 'No term changed.',
  moneyImpact: 'What it costs',
  moneyFor: (input: string) => `By ${input}`,
  moneyHeld: (values: string) => `Other inputs held at: ${values}.`,
  moneyApprox: 'This input is also computed with: each row shows the amount at one value of its range.',
  noMoneyChange: 'Both versions pay the same for every value of every input.',
  /** Caps over a longer period than the one the amounts are for (diff's `longerCaps`): what one period on its own leaves out. */
  moneyOnePeriod: (period: Period, caps: readonly Period[]) =>
    `Amounts for one ${PERIOD_NOUN[period]} on its own: a ${caps.join(' or ')} cap counts only one ${PERIOD_NOUN[period]}’s credits here; over several ${PERIOD_NOUN[period]}s it can limit them sooner.`,
  whenValue: 'Value',
  before: 'Before',
  after: 'After',
  difference: 'Difference',
  notComputed: 'not computable',
  curves: 'Credit curves of both versions',
  clauseHint: 'Point at a sentence to see the lines it comes from; the cursor in the editor marks its sentences.',
};

export type Strings = typeof en;

const de: Strings = {
  title: 'Spielwiese für Gutschriftregeln',
  editor: 'Regeln',
  editorLabel: 'Quelltext der Gutschriftregeln',
  editorHint: 'Tab rückt ein; Esc und dann Tab verlässt den Editor. Strg+Leertaste schlägt Wörter vor.',
  toolbar: 'Entwurf',
  templates: 'Vorlagen',
  openTemplate: 'Öffnen',
  templateNames: {
    'one-liner': 'Eine Zeile',
    'uptime-tiers': 'Verfügbarkeitsstufen',
    'support-sla': 'Support-SLA',
    points: 'Service-Credit-Punkte',
    'multi-metric': 'Mehrere Kennzahlen',
    'support-roi': 'Support-ROI',
  },
  templateFailed: (name, why) => `Die Vorlage „${name}“ konnte nicht geöffnet werden: ${why}`,
  share: 'Link zum Teilen kopieren',
  shareCopied: 'Link kopiert. Er zeigt genau diesen Entwurf.',
  shareManual: 'Kopieren Sie den Link unten.',
  shareFailed: 'Dieser Entwurf konnte nicht in einen Link gepackt werden.',
  shareTooLong: 'Dieser Entwurf ist für einen Link zu lang; laden Sie die Datei herunter.',
  shareLink: 'Link zum Teilen',
  sharedOpened: 'Geteilter Entwurf geöffnet. Ihr eigener Entwurf bleibt gespeichert, bis Sie diesen bearbeiten; Strg+Z holt ihn zurück.',
  embedNeedsRules: 'Diese Regeln enthalten Fehler: Beheben Sie sie, um den Einbettungscode zu erhalten.',
  updatedElsewhere: 'Der Entwurf wurde in einem anderen Tab geändert: Dies ist jene Fassung. Strg+Z holt die vorher gezeigte zurück.',
  changedElsewhere: 'Der Entwurf wurde auch in einem anderen Tab geändert. Ihre Änderungen hier ersetzen jene Fassung, sobald sie gespeichert werden.',
  embedStale: 'Die Regeln enthalten Fehler: Dieser Code bettet die letzte fehlerfreie Fassung ein.',
  sharedBroken: (why) => `Der geteilte Link war nicht lesbar: ${SHARE_PROBLEMS.de[why]}. Ihr eigener Entwurf wird gezeigt.`,
  embed: 'Einbettungscode kopieren',
  embedTitle: 'Einbettungscode für den Rechner',
  embedInline: 'Regeln in der Seite',
  embedSrc: 'Regeln aus einer Datei',
  embedSrcNote: (file) => `Legen Sie die heruntergeladene Datei ${file} neben die Seite.`,
  embedInlineUnsafe: 'Diese Regeln enthalten „</script“ oder „<!--“, was nicht in einem script-Element stehen kann; nutzen Sie die Dateiform.',
  copy: 'Kopieren',
  copied: 'In die Zwischenablage kopiert.',
  copyFailed: 'Text markieren und kopieren.',
  close: 'Schließen',
  download: '.credit herunterladen',
  startFresh: 'Neu beginnen',
  uiLanguage: 'English',
  uiLanguageLabel: 'Switch to English',
  problems: 'Probleme',
  noProblems: 'Keine Probleme.',
  checking: 'Die Regeln werden geprüft …',
  problemCount: (errors, warnings) => `${errors} ${errors === 1 ? 'Fehler' : 'Fehler'}, ${warnings} ${warnings === 1 ? 'Warnung' : 'Warnungen'}`,
  moreProblems: (count) => `… und ${count} weitere (jedes im Editor unterstrichen).`,
  severity: { error: 'Fehler', warning: 'Warnung', info: 'Hinweis' },
  at: (line, column) => `Zeile ${line}, Spalte ${column}`,
  lineShort: (line) => `Zeile ${line}`,
  preview: 'Live-Vorschau',
  stale: 'Veraltet: Die Regeln enthalten Fehler. Die Vorschau zeigt die letzte fehlerfreie Fassung.',
  noPreview: 'Die Vorschau erscheint, sobald die Regeln fehlerfrei sind.',
  clause: 'Vertragstext',
  clauseLanguage: 'Sprache des Vertragstexts',
  english: 'English',
  german: 'Deutsch',
  examples: 'Beispiele',
  noExamples: 'Noch keine Beispiele. Fügen Sie eines hinzu, etwa: example "Kurzer Ausfall": availability = 99.2% => credit 10%',
  examplesSummary: (passed, failed) => `${passed} bestanden, ${failed} fehlgeschlagen`,
  passed: 'bestanden',
  failed: 'fehlgeschlagen',
  expected: 'erwartet',
  actual: 'tatsächlich',
  goToLine: (line) => `Zu Zeile ${line} springen`,
  hoverDeclared: (line) => `deklariert in Zeile ${line}`,
  hoverBuiltin: 'in der Sprache eingebaut',
  hoverImplicit: 'nicht deklariert: eine aus der Verwendung abgeleitete Eingabe',
  hoverValue: 'aktueller Wert',
  hoverStale: '(aus der letzten fehlerfreien Fassung)',
  kinds: { input: 'Eingabe', let: 'Zwischenwert', output: 'Ergebnis', builtin: 'eingebaut' },
  related: 'siehe',
  fixReplace: (name) => `Durch ${name} ersetzen`,
  fixUnit: (literal) => `${literal} schreiben`,
  fixIndentTier: 'Als Stufe des Blocks einrücken',
  fixMeet: (value, op) => `Bei genau ${value} eine Stufe zahlen lassen (${op} schreiben)`,
  templateOpenedAsDraft: (name, kept) =>
    `Vorlage „${name}“ als neuer Entwurf geöffnet.${kept ? ` Ihr bisheriger Entwurf ist als Version „${kept}“ aufbewahrt.` : ''} Auch Strg+Z holt ihn zurück.`,
  startedEmpty: (kept) =>
    `Neuer, leerer Entwurf begonnen.${kept ? ` Ihr bisheriger Entwurf ist als Version „${kept}“ aufbewahrt.` : ''} Auch Strg+Z holt ihn zurück.`,
  versions: 'Versionen',
  draftName: 'Name des Entwurfs',
  untitled: 'Unbenannter Entwurf',
  versionName: 'Name der Version',
  versionPlaceholder: 'z. B. An den Kunden geschickt',
  saveVersion: 'Version speichern',
  versionSaved: (name) => `Version „${name}“ gespeichert.`,
  versionDefaultName: (when) => `Fassung vom ${when}`,
  keptBefore: (what) => `Vor „${what}“`,
  keptBeforeFresh: 'Vor dem Neubeginn',
  noVersions: 'Noch keine Versionen gespeichert. Benennen Sie den Stand des Entwurfs oben und speichern Sie ihn.',
  history: 'Verlauf',
  restore: 'Wiederherstellen',
  restoreLabel: (name, draft) => `„${name}“ aus „${draft}“ wiederherstellen`,
  restored: (name) => `Version „${name}“ wiederhergestellt. Strg+Z holt den vorherigen Text zurück.`,
  exportVersions: 'Versionen exportieren',
  importVersions: 'Versionen importieren',
  exported: (count) => `${count} ${count === 1 ? 'Version' : 'Versionen'} in eine Datei exportiert.`,
  imported: (added, known) =>
    `${added} ${added === 1 ? 'Version' : 'Versionen'} importiert${known ? `; ${known} ${known === 1 ? 'war' : 'waren'} schon vorhanden` : ''}.`,
  importFailed: (file, problem) => `„${file}“ wurde nicht importiert: ${FILE_PROBLEMS.de(problem)} Es wurde nichts geändert.`,
  storeProblem: (problem) => `${STORE_PROBLEMS.de[problem]} Versionen bleiben nur erhalten, bis diese Seite geschlossen wird; exportieren Sie sie, um sie zu behalten.`,
  versionFailed: 'Die Version konnte nicht gespeichert werden.',
  savedAt: (date) => date.toLocaleString('de', { dateStyle: 'medium', timeStyle: 'short' }),
  printClause: 'Drucken oder als PDF sichern',
  downloadDocx: 'Als Word (.docx) herunterladen',
  docxSaved: (file) => `Vertragstext als ${file} gespeichert.`,
  docxFailed: 'Das Word-Dokument konnte nicht erstellt werden; es wurde nichts gespeichert.',
  format: 'Formatieren',
  formatLabel: 'Regeln formatieren (Umschalt+Alt+F)',
  formatted: 'Formatiert: ein Layout, dieselbe Bedeutung. Strg+Z macht es rückgängig.',
  formatUnchanged: 'Die Regeln sind schon formatiert.',
  formatNeedsSyntax: 'Die Regeln enthalten Syntaxfehler: Beheben Sie sie, dann formatieren.',
  compare: 'Vergleich',
  compareOlder: 'Vergleichen',
  compareNewer: 'mit',
  currentDraft: 'Der Entwurf, wie er jetzt ist',
  compareTitle: (before, after) => `„${before}“ → „${after}“`,
  compareNeedsTwo: 'Speichern Sie zuerst eine Version: Ein Vergleich braucht zwei Versionen (der aktuelle Entwurf zählt als eine).',
  compareErrors: (name) => `„${name}“ enthält Fehler und kann daher nicht verglichen werden. Stellen Sie die Version wieder her und beheben Sie sie zuerst.`,
  compareSame: 'Wählen Sie zwei verschiedene Versionen.',
  closeCompare: 'Vergleich schließen',
  changedTerms: 'Geänderte Bedingungen',
  noTermChanges: 'Keine Bedingung wurde geändert.',
  moneyImpact: 'Was es kostet',
  moneyFor: (input) => `Nach ${input}`,
  moneyHeld: (values) => `Übrige Eingaben fest bei: ${values}.`,
  moneyApprox: 'Mit dieser Eingabe wird auch gerechnet: Jede Zeile zeigt den Betrag an einem Wert ihres Bereichs.',
  noMoneyChange: 'Beide Versionen zahlen für jeden Wert jeder Eingabe dasselbe.',
  moneyOnePeriod: (period, caps) =>
    `Beträge für ${DE_WORDS[period].forA} für sich: Eine ${caps.map((c) => DE_WORDS[c].adjective).join(' oder ')} Höchstgrenze zählt hier nur die Gutschriften ${DE_WORDS[period].ofA}; über mehrere ${DE_WORDS[period].plural} kann sie sie früher begrenzen.`,
  whenValue: 'Wert',
  before: 'Vorher',
  after: 'Nachher',
  difference: 'Differenz',
  notComputed: 'nicht berechenbar',
  curves: 'Gutschriftkurven beider Versionen',
  clauseHint: 'Zeigen Sie auf einen Satz, um die Zeilen zu sehen, aus denen er stammt; der Cursor im Editor markiert seine Sätze.',
};

const catalogues: Record<Lang, Strings> = { en, de };

export function strings(lang: Lang): Strings {
  return catalogues[lang] ?? en;
}

/** `de`, `de-CH` → `de`; anything else → `en`: the calculator's rule, so both pick the same language. */
export { langOf } from '../widget/i18n.js';
