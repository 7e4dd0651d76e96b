/**
 * What each word of the language means, in English and German: the hover
 * documentation of keywords, kinds, periods, built-in names and functions,
 * including the words of language version 2 (LANGUAGE.md §7–15). Each entry
 * is a short head (how the word is written) and one or two sentences a
 * drafter can act on. A test holds this table to the language's reserved
 * words, so a new keyword without documentation fails the build's tests.
 */
import type { Lang } from './i18n.js';

export interface WordDoc {
  /** How the construct is written, e.g. `capped AMOUNT PERIOD`. */
  readonly form: string;
  readonly text: string;
}

type Entry = Record<Lang, WordDoc>;

const doc = (form: string, en: string, de: string, formDe = form): Entry => ({ en: { form, text: en }, de: { form: formDe, text: de } });

/** Words reserved for versions after 2 (LANGUAGE.md §16): they mean nothing yet. */
export const reservedForLater: readonly string[] = ['when', 'is', 'where', 'import', 'rounding', 'month', 'quarter', 'year'];

export const wordDocs: Readonly<Record<string, Entry>> = {
  if: doc('if CONDITION then CREDIT',
    'A rule: when the condition holds, the credit is paid. Inside an expression, `if C then A else B` chooses a value.',
    'Eine Regel: Trifft die Bedingung zu, wird die Gutschrift gezahlt. In einem Ausdruck wählt `if B then A else C` einen Wert.'),
  then: doc('if CONDITION then CREDIT',
    'Separates the condition from what is paid: a percentage of the fee, money, points or a proportional credit.',
    'Trennt die Bedingung von dem, was gezahlt wird: ein Prozentsatz der Gebühr, ein Geldbetrag, Punkte oder eine anteilige Gutschrift.'),
  else: doc('if CONDITION then A else B',
    'The value when the condition does not hold. Only the branch taken is computed, so it can guard a division by zero.',
    'Der Wert, wenn die Bedingung nicht zutrifft. Nur der gewählte Zweig wird berechnet; so lässt sich eine Division durch null vermeiden.'),
  and: doc('A and B', 'Both conditions must hold.', 'Beide Bedingungen müssen zutreffen.'),
  or: doc('A or B', 'At least one of the conditions must hold.', 'Mindestens eine der Bedingungen muss zutreffen.'),
  not: doc('not CONDITION', 'Turns a condition around: it holds when the condition does not.', 'Kehrt eine Bedingung um: Sie trifft zu, wenn die Bedingung nicht zutrifft.'),
  credit: doc('credit "NAME" [capped …]:',
    'A tier table: of its indented `if … then …` lines, the single highest matching credit is paid. Separate rules and blocks add up. In an example, `credit 10%` is the expected total.',
    'Eine Stufentabelle: Von ihren eingerückten `if … then …`-Zeilen wird nur die höchste zutreffende Gutschrift gezahlt. Getrennte Regeln und Blöcke werden addiert. In einem Beispiel ist `credit 10%` die erwartete Summe.'),
  points: doc('N points · points "NAME":',
    'Service-credit points; a `points` block is a tier table like `credit`. The month’s points become money at the `point` rate before caps apply.',
    'Service-Credit-Punkte; ein `points`-Block ist eine Stufentabelle wie `credit`. Die Punkte des Monats werden zum `point`-Satz in Geld umgerechnet, bevor Obergrenzen greifen.'),
  point: doc('point = 50 EUR · point = 0.5%',
    'The value of one point: money, or a share of the monthly fee. Points without a rate are an error.',
    'Der Wert eines Punkts: ein Geldbetrag oder ein Anteil der Monatsgebühr. Punkte ohne diesen Satz sind ein Fehler.'),
  input: doc('input NAME: KIND "Label" default … range …',
    'A value the calculator asks for (a measurement such as uptime). The label, default, range and step shape its form field.',
    'Ein Wert, den der Rechner abfragt (ein Messwert wie die Verfügbarkeit). Bezeichnung, Vorgabe, Bereich und Schrittweite bestimmen das Eingabefeld.'),
  let: doc('let NAME = EXPRESSION', 'Names an intermediate value; it is shown in the explanation.', 'Benennt einen Zwischenwert; er erscheint in der Erläuterung.'),
  output: doc('output NAME: KIND "Label" = EXPRESSION',
    'A labelled result the calculator shows, such as a return on investment.',
    'Ein beschriftetes Ergebnis, das der Rechner anzeigt, etwa eine Rendite.'),
  fee: doc('fee 1000 EUR monthly "Label"',
    'The fee that percentage credits are a share of. It becomes an input named `fee`; a yearly fee is 12 monthly fees.',
    'Die Gebühr, von der prozentuale Gutschriften ein Anteil sind. Sie wird zur Eingabe `fee`; eine Jahresgebühr sind 12 Monatsgebühren.'),
  cap: doc('cap AMOUNT PERIOD',
    'A limit on all credits together, e.g. `cap 20% yearly` (20 % of the yearly fee). Quarterly and yearly caps count what was credited earlier in that quarter or year.',
    'Eine Obergrenze für alle Gutschriften zusammen, z. B. `cap 20% yearly` (20 % der Jahresgebühr). Quartals- und Jahresgrenzen zählen, was im selben Quartal oder Jahr schon gutgeschrieben wurde.'),
  capped: doc('… capped AMOUNT PERIOD',
    'A limit on one rule or one block: `capped 50% monthly` is at most half of that month’s fee.',
    'Eine Obergrenze für eine Regel oder einen Block: `capped 50% monthly` ist höchstens die Hälfte der Gebühr dieses Monats.'),
  per: doc('RATE per [full|started] STEP below|above',
    'A proportional credit: so much for every step the value lies beyond the threshold. Plain `per` counts whole steps.',
    'Eine anteilige Gutschrift: so viel für jeden Schritt, um den der Wert die Schwelle verfehlt. Einfaches `per` zählt volle Schritte.'),
  full: doc('per full STEP', 'Counts whole steps only (rounds down): 2 h 59 min are 2 full hours.', 'Zählt nur volle Schritte (abgerundet): 2 h 59 min sind 2 volle Stunden.'),
  started: doc('per started STEP', 'Counts every begun step (rounds up): 2 h 01 min are 3 started hours.', 'Zählt jeden angefangenen Schritt (aufgerundet): 2 h 01 min sind 3 angefangene Stunden.'),
  below: doc('… per STEP below', 'Measures how far the value lies below the threshold of the rule’s `<` or `<=` comparison.', 'Misst, wie weit der Wert unter der Schwelle des `<`- oder `<=`-Vergleichs der Regel liegt.'),
  above: doc('… per STEP above', 'Measures how far the value lies above the threshold of the rule’s `>` or `>=` comparison.', 'Misst, wie weit der Wert über der Schwelle des `>`- oder `>=`-Vergleichs der Regel liegt.'),
  of: doc('10% of fee · list of KIND', '`P of X` is P times X. In `list of KIND`, it names the kind of the list’s items.', '`P of X` ist P mal X. In `list of KIND` nennt es die Art der Listeneinträge.'),
  monthly: doc('monthly', 'Per month: a cap or fee of one month; `period monthly` is the default.', 'Je Monat: eine Obergrenze oder Gebühr eines Monats; `period monthly` ist die Vorgabe.'),
  quarterly: doc('quarterly', 'Per quarter of the contract year (3 months); quarterly caps start again after months 3, 6 and 9.', 'Je Quartal des Vertragsjahres (3 Monate); Quartalsgrenzen beginnen nach den Monaten 3, 6 und 9 neu.'),
  yearly: doc('yearly', 'Per contract year (12 months): `capped 20% yearly` is 20 % of the yearly fee, counting all earlier credits of the year.', 'Je Vertragsjahr (12 Monate): `capped 20% yearly` sind 20 % der Jahresgebühr, gezählt mit allen früheren Gutschriften des Jahres.'),
  example: doc('example "NAME": INPUT = VALUE, … => credit 10%',
    'A test that lives next to the clause: the inputs and the credit or output expected. A list of 12 values is a contract-year run.',
    'Ein Test neben der Klausel: die Eingaben und die erwartete Gutschrift oder das erwartete Ergebnis. Eine Liste von 12 Werten ist ein Vertragsjahr.'),
  claim: doc('claim within N days|business days|months [after incident]',
    'The period in which the customer must claim a credit; it is written into the clause.',
    'Die Frist, in der der Kunde eine Gutschrift geltend machen muss; sie wird in die Klausel übernommen.'),
  within: doc('claim within N days', 'The claim period’s length.', 'Die Länge der Frist.'),
  days: doc('claim within N days', 'Calendar days; `business days` counts working days only.', 'Kalendertage; `business days` zählt nur Arbeitstage.'),
  business: doc('claim within N business days', 'Working days only (weekends and public holidays do not count).', 'Nur Arbeitstage (Wochenenden und Feiertage zählen nicht).'),
  months: doc('claim within N months', 'Calendar months.', 'Kalendermonate.'),
  after: doc('claim within N days after incident', 'With `after incident`, the claim period starts at the incident, not at the end of the billing period.', 'Mit `after incident` beginnt die Frist mit dem Vorfall, nicht mit dem Ende des Abrechnungszeitraums.'),
  incident: doc('claim within N days after incident', 'The claim period starts at the incident.', 'Die Frist beginnt mit dem Vorfall.'),
  default: doc('input … default VALUE', 'The value the calculator starts with.', 'Der Wert, mit dem der Rechner beginnt.'),
  range: doc('input … range LOW..HIGH', 'The values allowed; a value outside is rejected with an error, never clamped.', 'Die zulässigen Werte; ein Wert außerhalb wird mit einem Fehler abgewiesen, nie stillschweigend begrenzt.'),
  step: doc('input … step STEP', 'The step of the calculator’s field (e.g. `0.01%`).', 'Die Schrittweite des Eingabefelds (z. B. `0.01%`).'),
  true: doc('true', 'Yes: a boolean value.', 'Ja: ein Wahrheitswert.'),
  false: doc('false', 'No: a boolean value.', 'Nein: ein Wahrheitswert.'),
  percent: doc('percent', 'A percentage such as `99.95%`; as a credit, a share of the period’s fee.', 'Ein Prozentsatz wie `99.95%`; als Gutschrift ein Anteil der Gebühr des Zeitraums.'),
  money: doc('money', 'An amount with its ISO currency code, such as `50 EUR`. One program uses one currency.', 'Ein Betrag mit ISO-Währungscode, etwa `50 EUR`. Ein Programm verwendet eine Währung.'),
  duration: doc('duration', 'A time span: `30s`, `15min`, `4h`, `2d` (write `min` for minutes; `m` is ambiguous).', 'Eine Zeitspanne: `30s`, `15min`, `4h`, `2d` (Minuten als `min`; `m` ist mehrdeutig).'),
  number: doc('number', 'A plain number, such as a count of tickets.', 'Eine einfache Zahl, etwa eine Anzahl von Tickets.'),
  boolean: doc('boolean', 'Yes or no (`true`, `false`), such as “maintenance announced”.', 'Ja oder nein (`true`, `false`), etwa „Wartung angekündigt“.'),
  // Version 2
  min: doc('min(a, b, …) · min(list)', 'The smallest of several values of one kind, or the smallest item of a list.', 'Der kleinste von mehreren Werten einer Art oder der kleinste Eintrag einer Liste.'),
  max: doc('max(a, b, …) · max(list)', 'The largest of several values of one kind, or the largest item of a list.', 'Der größte von mehreren Werten einer Art oder der größte Eintrag einer Liste.'),
  round: doc('round(x, STEP)', 'x to the nearest multiple of STEP, half away from zero: `round(m, 0.01)`.', 'x auf das nächste Vielfache von STEP, bei der Hälfte von null weg: `round(m, 0.01)`.'),
  floor: doc('floor(x, STEP)', 'x down to a multiple of STEP (toward −∞).', 'x abgerundet auf ein Vielfaches von STEP (Richtung −∞).'),
  ceil: doc('ceil(x, STEP)', 'x up to a multiple of STEP (toward +∞): `ceil(downtime, 1min)`.', 'x aufgerundet auf ein Vielfaches von STEP (Richtung +∞): `ceil(downtime, 1min)`.'),
  pay: doc('pay only if CONDITION', 'The period’s credit is paid only if the condition holds (e.g. `total_credit > 1 USD`); otherwise it pays 0.', 'Die Gutschrift des Zeitraums wird nur gezahlt, wenn die Bedingung zutrifft (z. B. `total_credit > 1 USD`); sonst 0.'),
  only: doc('pay only if CONDITION', 'See `pay`: a condition every paid period must meet.', 'Siehe `pay`: eine Bedingung, die jeder bezahlte Zeitraum erfüllen muss.'),
  payout: doc('payout "what" de "…" to "whom" de "…"', 'Names what the program pays and to whom (default: a service credit to the customer); the result and the clause use these words.', 'Benennt, was das Programm zahlt und an wen (Vorgabe: eine Gutschrift an den Kunden); Ergebnis und Klausel verwenden diese Worte.'),
  to: doc('payout "…" to "…"', 'Whom the payout goes to.', 'An wen die Zahlung geht.'),
  period: doc('period monthly|quarterly|yearly', 'The period the inputs measure and whose fee percentage credits are a share of (default monthly).', 'Der Zeitraum, den die Eingaben messen und von dessen Gebühr prozentuale Gutschriften ein Anteil sind (Vorgabe: monatlich).'),
  list: doc('input NAME: list of KIND', 'Up to 1,000 values per period, written `[10min, 2h]`.', 'Bis zu 1.000 Werte je Zeitraum, geschrieben `[10min, 2h]`.'),
  for: doc('credit "…" for each ITEM in LIST:', 'The block’s tiers apply to every item; the block pays the sum over the items, and its caps apply to that sum.', 'Die Stufen des Blocks gelten für jeden Eintrag; der Block zahlt die Summe über die Einträge, und seine Obergrenzen gelten für diese Summe.'),
  each: doc('for each ITEM in LIST', 'Names one item of the list; the name is known only inside the block.', 'Benennt einen Eintrag der Liste; der Name gilt nur innerhalb des Blocks.'),
  in: doc('for each ITEM in LIST', 'The list the block goes through.', 'Die Liste, die der Block durchläuft.'),
  count: doc('count(list)', 'How many items the list has (0 for an empty list).', 'Wie viele Einträge die Liste hat (0 bei einer leeren Liste).'),
  sum: doc('sum(list)', 'The items of the list added up (0 for an empty list).', 'Die Einträge der Liste addiert (0 bei einer leeren Liste).'),
  de: doc('"Label" de "Bezeichnung"', 'A translation of the label before it: a two-letter language tag and a string. German pages and the German clause use it.', 'Eine Übersetzung der Bezeichnung davor: ein Sprachkürzel aus zwei Buchstaben und ein Text. Deutsche Seiten und die deutsche Klausel verwenden sie.'),
  en: doc('"Bezeichnung" en "Label"', 'An English translation of the label before it.', 'Eine englische Übersetzung der Bezeichnung davor.'),
  // Drafting notes
  '##': doc('## NOTE (above a rule or block)',
    'A drafting note: unlike a `#` comment, it belongs in the contract and is carried into the clause text, as written, where the statement below it is stated.',
    'Eine Redaktionsnotiz: Anders als ein `#`-Kommentar gehört sie in den Vertrag und wird wörtlich in den Vertragstext übernommen, dort, wo die Anweisung darunter steht.'),
  // Built-in names
  total_credit: doc('total_credit', 'The money credited for the period, after all caps. Usable in `let`, `output` and `pay only if`, not in rules or caps.', 'Der für den Zeitraum gutgeschriebene Betrag nach allen Obergrenzen. Nutzbar in `let`, `output` und `pay only if`, nicht in Regeln oder Obergrenzen.'),
  total_credit_percent: doc('total_credit_percent', 'The same as a share of the period’s fee.', 'Derselbe Betrag als Anteil der Gebühr des Zeitraums.'),
};

/** Words that are documented only where they stand as a call (`min(…)`): elsewhere they may be a drafter’s own names. */
export const functionWords: ReadonlySet<string> = new Set(['min', 'max', 'round', 'floor', 'ceil', 'count', 'sum']);

/** Words of version 2 that are keywords only in their place (LANGUAGE.md §7–15), so the lexer calls them names. */
export const contextualWords: ReadonlySet<string> = new Set(['pay', 'only', 'payout', 'to', 'period', 'list', 'for', 'business', 'months', 'incident', 'after', 'de', 'en', 'each', 'in']);

export function wordDoc(word: string, lang: Lang): WordDoc | undefined {
  return Object.hasOwn(wordDocs, word) ? wordDocs[word][lang] : undefined;
}
