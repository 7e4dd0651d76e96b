/**
 * The language's diagnostics in German, one entry per stable code. A
 * diagnostic carries its code and the parameters its English message was
 * built from (`args`: names, units, ranges as written in the rules), and this
 * catalogue builds the German sentence from them. The table is typed by the
 * language's own table of codes, so a code without a German message does not
 * compile; a test also holds it to the code table of docs/language.md.
 *
 * Codes whose English message is composed by the checker from several parts
 * (`syntax-error`, `kind-mismatch`, `bad-step`, `bad-declaration`,
 * `bad-example`, `bad-year-run`, …) get one German sentence that says what
 * kind of mistake it is; the English detail is not translated word by word.
 */
import type { Code } from '../language/diagnostics.js';
import type { Diagnostic } from '../index.js';
import type { Lang } from './i18n.js';

/** The parameters of a diagnostic's message: its constructor's parameters by name (see `Problem.args`). */
export type Args = Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** A diagnostic with the parameters of its message (present once the language hands them over). */
export type SaidDiagnostic = Diagnostic & { readonly args?: Args };

type Say = (a: Args) => string;
/** A related place's message; `index` tells apart the places of one diagnostic. */
type SayRelated = (a: Args, index: number) => string;

const q = (text: Args[string]): string => `\`${typeof text === 'string' ? text : '…'}\``;
const mean = (suggestion: Args[string]): string => (typeof suggestion === 'string' ? ` Meinten Sie ${q(suggestion)}?` : '');
/** The name in backticks in an English phrase (`` `point` rate `` → `point`). */
const quoted = (phrase: Args[string]): string | undefined => (typeof phrase === 'string' ? /`([^`]+)`/.exec(phrase)?.[1] : undefined);

/** The checker's "exactly 99%" / "between 98% and 99%" (`tier-gap`), in German word order. */
function gapDe(gap: Args[string]): string {
  const text = typeof gap === 'string' ? gap : '';
  const exactly = /^exactly (.+)$/.exec(text);
  if (exactly) return `genau ${exactly[1]} beträgt`;
  const between = /^between (.+) and (.+)$/.exec(text);
  return between ? `zwischen ${between[1]} und ${between[2]} liegt` : 'dazwischen liegt';
}

export const germanMessages: { readonly [C in Code]: Say } = {
  'tab-indent': () => 'Tabulatoren sind in Regeln nicht erlaubt; rücken Sie mit Leerzeichen ein.',
  'unexpected-character': (a) => `Unerwartetes Zeichen ${q(a.char)}.`,
  'unterminated-string': () => 'Diesem Text fehlt das schließende `"` vor dem Zeilenende.',
  'bad-escape': (a) => `Unbekannte Escape-Folge ${q(a.sequence)} in einem Text; erlaubt sind nur \\" und \\\\.`,
  'unknown-unit': (a) => a.unit === 'm'
    ? `${q(a.literal)}: \`m\` ist mehrdeutig (Minuten oder Monate); schreiben Sie \`min\` für Minuten.`
    : `${q(a.literal)}: unbekannte Einheit ${q(a.unit)}; Dauern verwenden s, min, h oder d, und vor dem ISO-Währungscode steht ein Leerzeichen (\`50 EUR\`).`,
  'unknown-currency': (a) => `${q(a.code)} ist kein ISO-4217-Währungscode (wie EUR, USD, CHF).`,
  'unexpected-indent': () => 'Diese Zeile ist eingerückt, aber die Zeile davor öffnet keinen Block mit `:`.',
  'inconsistent-dedent': () => 'Diese Zeile ist weniger eingerückt als ihr Block, aber mehr als die Zeilen um sie herum; richten Sie sie an einer umgebenden Ebene aus.',
  'unmatched-bracket': (a) => `Zu ${q(a.bracket)} gibt es keine öffnende Klammer.`,
  'unclosed-bracket': (a) => `${q(a.bracket)} wird nie geschlossen.`,
  'limit-exceeded': (a) => `Diese Regeln überschreiten eine Grenze (${typeof a.limit === 'number' ? a.limit.toLocaleString('de') : '…'}); sie sind zu groß, um sicher geprüft zu werden.`,
  'syntax-error': () => 'Diese Zeile ist so nicht lesbar: An der markierten Stelle wird etwas anderes erwartet.',
  'reserved-word': (a) => `${q(a.word)} ist ein reserviertes Wort und kann kein Name sein; wählen Sie einen anderen Namen.`,
  'empty-block': () => 'Ein Block braucht nach seinem `:` mindestens eine eingerückte Zeile `if … then …`.',
  'undefined-name': (a) => `${q(a.name)} ist nicht definiert.${mean(a.suggestion)}`,
  'duplicate-definition': (a) => `${q(a.name)} ist bereits definiert.`,
  'use-before-definition': (a) => `${q(a.name)} wird verwendet, bevor es definiert ist; verschieben Sie die Definition über diese Zeile.`,
  cycle: (a) => {
    const names = Array.isArray(a.names) ? (a.names as readonly string[]) : [];
    return `${q(names[0])} hängt von sich selbst ab: ${names.map(q).join(' → ')}`;
  },
  'implicit-input': (a) => a.name === 'fee'
    ? 'Es ist keine `fee` deklariert, daher ist die Monatsgebühr eine Eingabe namens `fee`.'
    : `${q(a.name)} ist nicht deklariert und daher eine Eingabe der Art ${q(a.kind)}.`,
  'builtin-redefined': (a) => `${q(a.name)} ist ein eingebauter Name und kann nicht neu definiert werden.`,
  'duplicate-statement': (a) => `Ein Programm hat höchstens eine Anweisung ${q(quoted(a.what))}.`,
  'points-without-rate': () => 'Hier werden Punkte verwendet, aber das Programm hat keinen Satz `point = …`, der Punkte in Geld umrechnet.',
  'mixed-currency': (a) => `Hier steht ${String(a.code ?? '…')}, aber die Währung des Programms ist ${String(a.expected ?? '…')}; ein Programm verwendet eine Währung (es gibt keine Wechselkurse).`,
  'credit-uses-total': (a) => `${q(a.name)} ist erst nach allen Gutschriften bekannt; es kann in \`let\` und \`output\` stehen, nicht in Regeln oder Obergrenzen.`,
  'kind-mismatch': () => 'Die Arten der Werte passen hier nicht zusammen (etwa eine Dauer und eine Zahl ohne Einheit); prüfen Sie Einheiten und Vergleiche.',
  'not-a-condition': () => 'Eine Bedingung muss wahr oder falsch sein; vergleichen Sie den Wert, z. B. `availability < 99.5%`.',
  'not-a-credit': () => 'Eine Gutschrift muss ein Prozentsatz der Gebühr (10%), ein Geldbetrag (50 EUR) oder Punkte (2 points) sein.',
  'bad-cap': () => 'Eine Obergrenze muss ein Prozentsatz der Gebühr (20%), ein Geldbetrag (500 EUR) oder Punkte sein.',
  'bad-point-rate': () => 'Der Punktsatz muss ein Geldbetrag (`point = 50 EUR`) oder ein Anteil der Monatsgebühr (`point = 0.5%`) sein.',
  'bad-proportional': (a) => a.direction === 'below'
    ? '`below` misst ab der Schwelle genau eines `<`- oder `<=`-Vergleichs der Bedingung, z. B. `if availability < 99.9% then 1% per 0.1% below`.'
    : '`above` misst ab der Schwelle genau eines `>`- oder `>=`-Vergleichs der Bedingung, z. B. `if resolution > 8h then 2% per 1h above`.',
  'bad-step': () => 'Dieser Schritt passt nicht: Er muss eine positive Konstante derselben Art wie der gemessene Wert sein.',
  'bad-declaration': () => 'Diese Deklaration ist so nicht gültig; prüfen Sie Art, Vorgabe, Bereich und Schrittweite.',
  'bad-example': () => 'Dieses Beispiel ist so nicht auswertbar; prüfen Sie die Eingaben und die erwarteten Werte.',
  'number-too-large': () => 'Diese Zahl ist zu groß, um exakt gerechnet zu werden.',
  'unknown-function': (a) => `${q(a.name)} ist keine Funktion; die eingebauten Funktionen sind min, max, round, floor, ceil, count und sum.`,
  'bad-call': () => 'Dieser Funktionsaufruf passt nicht: Prüfen Sie die Anzahl und die Art der Argumente.',
  'bad-language-tag': (a) => a.repeated
    ? `Diese Bezeichnung hat schon eine Übersetzung für ${q(a.tag)}.`
    : `${q(a.tag)} ist kein Sprachkürzel; eine Übersetzung schreibt man mit zwei Kleinbuchstaben und dem Text, etwa \`de "Monatliche Gebühr"\`.`,
  'unreachable-tier': () => 'Diese Stufe kann nie greifen: Eine andere Stufe des Blocks trifft immer dann zu, wenn sie es tut, und zahlt mindestens so viel.',
  'non-monotonic-tiers': (a) => `Diese Stufe zahlt bei schlechterem Wert von ${q(a.name)} weniger als die Stufe, mit der sie sich überschneidet.`,
  'cap-never-binds': () => 'Diese Obergrenze greift nie: Die Gutschriften, die sie begrenzt, können sie nie erreichen.',
  'cap-below-tier': () => 'Diese Obergrenze ist kleiner als die Gutschrift einer Stufe, sodass diese Stufe nie voll zahlen kann.',
  'threshold-out-of-range': (a) => `Diese Schwelle liegt außerhalb des deklarierten Bereichs von ${q(a.name)} (${String(a.range ?? '…')}), daher fällt der Vergleich immer gleich aus.`,
  'overlapping-rules': (a) => `Zwei getrennte Regeln zu ${q(a.name)} zahlen beide, wenn diese zahlt; meinten Sie Stufen eines \`credit\`-Blocks (die höchste gilt)?`,
  'unused-name': (a) => `${a.what === 'input' ? 'Die Eingabe' : quoted(a.what) === 'let' ? 'Der Zwischenwert' : 'Der Name'} ${q(a.name)} wird nie verwendet.`,
  'tier-gap': (a) => `Keine Stufe zahlt, wenn ${q(a.name)} ${gapDe(a.gap)}, obwohl auf beiden Seiten Stufen zahlen; lassen Sie die beiden Stufen aneinanderstoßen (\`<=\` in einer von ihnen oder eine Schwelle verschieben).`,
  'rule-after-block': (a) => `Diese Regel zu ${q(a.name)} ist keine Stufe des Blocks darüber und zahlt daher zusätzlich; rücken Sie sie ein, um sie zur Stufe zu machen (die höchste gilt).`,
  'division-by-zero': () => 'Division durch null.',
  'empty-list': (a) => `${q(a.input)} hat in diesem Zeitraum keine Einträge und daher keinen ${a.which === 'max' ? 'größten' : 'kleinsten'} Wert; sichern Sie es ab: \`if count(${String(a.input ?? '…')}) > 0 then ${String(a.which ?? 'max')}(${String(a.input ?? '…')}) else …\``,
  'invalid-input': (a) => `${q(a.input)}: Dieser Wert ist ungültig.`,
  'input-out-of-range': (a) => `${q(a.input)}: ${String(a.value ?? '…')} liegt außerhalb des zulässigen Bereichs ${String(a.range ?? '…')}.`,
  'unknown-input': (a) => `${q(a.input)} ist keine Eingabe dieser Regeln.${mean(a.suggestion)}`,
  'bad-year-run': () => 'Dieser Jahreslauf ist so nicht auswertbar; prüfen Sie die Anzahl der Werte je Eingabe.',
  'invalid-option': (a) => `${q(a.option)}: Diese Option ist ungültig.`,
  'bad-precompiled': () => 'Dieses vorab übersetzte Programm ist nicht lesbar; übersetzen Sie die Regeln erneut.',
};

/** The German of the related places' messages ("first defined here"), by code. */
export const germanRelated: { readonly [C in Code]?: SayRelated } = {
  'duplicate-definition': (a) => `${q(a.name)} ist hier zuerst definiert`,
  'use-before-definition': (a) => `${q(a.name)} ist hier definiert`,
  'duplicate-statement': () => 'die erste steht hier',
  'unreachable-tier': () => 'diese Stufe verdeckt sie',
  'non-monotonic-tiers': () => 'die Stufe, die für besseren Service mehr zahlt',
  'cap-below-tier': () => 'diese Stufe zahlt mehr als die Obergrenze',
  'overlapping-rules': () => 'die andere Regel',
  'tier-gap': (_, index) => (index === 0 ? 'die Stufe auf der einen Seite' : 'die Stufe auf der anderen Seite'),
  'rule-after-block': () => 'der Block',
};

type Said = Pick<Diagnostic, 'code' | 'message'> & { readonly args?: Args };

/** A diagnostic's message in `lang`: the language's own English, or the German built from its code and parameters. */
export function messageOf(d: Said, lang: Lang): string {
  if (lang !== 'de') return d.message;
  const say = (germanMessages as Record<string, Say | undefined>)[d.code];
  return say ? say(d.args ?? {}) : d.message;
}

/** The message of a diagnostic's related place number `index`, in `lang`. */
export function relatedMessageOf(d: Said & { readonly related?: readonly { readonly message: string }[] }, index: number, lang: Lang): string {
  const message = d.related?.[index]?.message ?? '';
  if (lang !== 'de') return message;
  const say = (germanRelated as Record<string, SayRelated | undefined>)[d.code];
  return say ? say(d.args ?? {}, index) : message;
}
