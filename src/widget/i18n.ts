/**
 * The widget's own words, in English and German, and reading numbers the way
 * a person types them in that language. Values leave this file as plain
 * decimal strings ("99.5"), never as floats, so what is typed is what the
 * rules compute with. Number formatting is the language's own
 * (`render/format.ts`), so a value reads the same in the widget, the
 * explanation and the contract clause.
 */
import type { Lang } from '../runtime.js';

export type { Lang };

/** Month `m` (1–12) by its short name in `lang`; the names are made once, on first use: an Intl formatter is dear to make, and a year table asks for them on every render. */
function shortMonths(lang: Lang): (m: number) => string {
  let names: string[] | undefined;
  return (m) => {
    if (!names) {
      const format = new Intl.DateTimeFormat(lang, { month: 'short' });
      names = Array.from({ length: 12 }, (_, i) => format.format(new Date(2024, i, 1)));
    }
    return names[m - 1];
  };
}

const en = {
  loading: 'Loading the credit rules…',
  rulesProblem: 'These credit rules cannot be used',
  rulesProblemHint: 'Fix the following and reload. Line:column points into the rules.',
  loadFailed: (what: string) => `The credit rules could not be loaded: ${what}`,
  httpStatus: (url: string, status: number) => `${url} answered HTTP ${status}.`,
  network: (url: string) => `${url} could not be reached.`,
  timedOut: (url: string, seconds: number) => `${url} did not answer within ${seconds} s.`,
  wrongContent: (url: string) => `${url} is neither credit rules nor a precompiled program.`,
  tooLarge: (url: string, megabytes: number) => `${url} is over ${megabytes} MB, too large for credit rules.`,
  noRules: 'No credit rules given: set the rules attribute, a src, or a child <script type="text/credit-rules">.',
  inputs: 'Your situation',
  result: 'Service credit',
  totalCredit: 'Total credit',
  ofFee: (share: string) => `${share} of the monthly fee`,
  ofYearlyFee: (share: string) => `${share} of the yearly fee`,
  stale: 'Showing the last valid result — correct the marked field to update it.',
  notANumber: (example: string) => `Enter a number, for example ${example}.`,
  tooLong: (most: number) => `Too long: at most ${most} characters.`,
  breakdown: 'How it adds up',
  tierApplies: 'applies',
  capCut: (cap: string, before: string, after: string) => `Cap ${cap} cut ${before} to ${after}`,
  results: 'Results',
  why: 'Why',
  exactTrace: 'The exact calculation, step by step',
  allTiers: (count: number) => `Show all ${count.toLocaleString('en')} tiers`,
  allLines: (count: number) => `Show all ${count.toLocaleString('en')} rules`,
  chart: (label: string) => `Credit by ${label}`,
  chartSummary: (label: string, current: string, credit: string) => `Total credit against ${label}; at the current ${current} the credit is ${credit}.`,
  downtime: 'Downtime in a 30-day month',
  downtimeValue: (value: string, downtime: string) => `${value} availability ≈ ${downtime} of downtime in a 30-day month`,
  tierStarts: 'Downtime in a 30-day month from which each credit applies',
  tierStart: (downtime: string, credit: string) => `over ${downtime}: ${credit}`,
  downtimeByPeriod: 'Allowed downtime by period',
  asDowntime: (label: string) => `${label}, as downtime in a 30-day month`,
  availabilityHint: (availability: string) => `≈ ${availability} availability`,
  now: 'now',
  below: (credit: string) => `below: ${credit}`,
  periods: { day: 'Day', week: 'Week', month: 'Month (30 d)', quarter: 'Quarter (90 d)', year: 'Year (365 d)' },
  examples: 'Worked examples',
  loadExample: (name: string) => `Load example: ${name}`,
  year: 'Contract year',
  yearHint: 'Each month starts with the values above; change any month to see caps across the quarter and year.',
  month: 'Month',
  monthName: shortMonths('en'),
  credit: 'Credit',
  runningTotal: 'Running total',
  cut: 'Cap cut',
  yearTotal: 'Year total',
  resetYear: 'Reset months to the values above',
  share: 'Share this scenario',
  copyLink: 'Copy link',
  copied: 'Link copied to the clipboard.',
  copyFailed: 'Copy the link below.',
  print: 'Print summary',
  terms: (id: string) => `Terms ${id}`,
  termsChanged: 'The terms have changed since this link was made.',
  on: 'Yes',
  off: 'No',
  claim: (within: string, afterIncident: boolean) => `Claim within ${within}${afterIncident ? ' of the incident' : ''}.`,
  hours: 'h',
  minutes: 'min',
  days: 'd',
};

export type Strings = typeof en;

const de: Strings = {
  loading: 'Die Gutschriftregeln werden geladen…',
  rulesProblem: 'Diese Gutschriftregeln können nicht verwendet werden',
  rulesProblemHint: 'Bitte Folgendes korrigieren und neu laden. Zeile:Spalte zeigt in die Regeln.',
  loadFailed: (what) => `Die Gutschriftregeln konnten nicht geladen werden: ${what}`,
  httpStatus: (url, status) => `${url} antwortete mit HTTP ${status}.`,
  network: (url) => `${url} ist nicht erreichbar.`,
  timedOut: (url, seconds) => `${url} hat nicht innerhalb von ${String(seconds).replace('.', ',')} s geantwortet.`,
  wrongContent: (url) => `${url} enthält weder Gutschriftregeln noch ein vorkompiliertes Programm.`,
  tooLarge: (url, megabytes) => `${url} ist über ${megabytes} MB groß, zu groß für Gutschriftregeln.`,
  noRules: 'Keine Gutschriftregeln angegeben: Attribut rules, src oder ein Kind-Element <script type="text/credit-rules"> setzen.',
  inputs: 'Ihre Situation',
  result: 'Service-Gutschrift',
  totalCredit: 'Gutschrift gesamt',
  ofFee: (share) => `${share} der Monatsgebühr`,
  ofYearlyFee: (share) => `${share} der Jahresgebühr`,
  stale: 'Letztes gültiges Ergebnis – korrigieren Sie das markierte Feld, um es zu aktualisieren.',
  notANumber: (example) => `Bitte eine Zahl eingeben, zum Beispiel ${example}.`,
  tooLong: (most) => `Zu lang: höchstens ${most} Zeichen.`,
  breakdown: 'So setzt sich die Gutschrift zusammen',
  tierApplies: 'gilt',
  capCut: (cap, before, after) => `Obergrenze ${cap} kürzt ${before} auf ${after}`,
  results: 'Ergebnisse',
  why: 'Warum',
  exactTrace: 'Die genaue Berechnung, Schritt für Schritt',
  allTiers: (count: number) => `Alle ${count.toLocaleString('de')} Stufen zeigen`,
  allLines: (count: number) => `Alle ${count.toLocaleString('de')} Regeln zeigen`,
  chart: (label) => `Gutschrift nach ${label}`,
  chartSummary: (label, current, credit) => `Gutschrift gesamt nach ${label}; beim aktuellen Wert ${current} beträgt sie ${credit}.`,
  downtime: 'Ausfallzeit in einem Monat mit 30 Tagen',
  downtimeValue: (value, downtime) => `${value} Verfügbarkeit ≈ ${downtime} Ausfallzeit in einem Monat mit 30 Tagen`,
  tierStarts: 'Ausfallzeit im 30-Tage-Monat, ab der jede Gutschrift gilt',
  tierStart: (downtime, credit) => `über ${downtime}: ${credit}`,
  downtimeByPeriod: 'Zulässige Ausfallzeit je Zeitraum',
  asDowntime: (label) => `${label}, als Ausfallzeit im 30-Tage-Monat`,
  availabilityHint: (availability) => `≈ ${availability} Verfügbarkeit`,
  now: 'aktuell',
  below: (credit) => `darunter: ${credit}`,
  periods: { day: 'Tag', week: 'Woche', month: 'Monat (30 T.)', quarter: 'Quartal (90 T.)', year: 'Jahr (365 T.)' },
  examples: 'Rechenbeispiele',
  loadExample: (name) => `Beispiel laden: ${name}`,
  year: 'Vertragsjahr',
  yearHint: 'Jeder Monat beginnt mit den Werten oben; ändern Sie einzelne Monate, um Obergrenzen über Quartal und Jahr zu sehen.',
  month: 'Monat',
  monthName: shortMonths('de'),
  credit: 'Gutschrift',
  runningTotal: 'Summe bisher',
  cut: 'Kürzung',
  yearTotal: 'Summe Jahr',
  resetYear: 'Monate auf die Werte oben zurücksetzen',
  share: 'Szenario teilen',
  copyLink: 'Link kopieren',
  copied: 'Link in die Zwischenablage kopiert.',
  copyFailed: 'Bitte den Link unten kopieren.',
  print: 'Zusammenfassung drucken',
  terms: (id) => `Konditionen ${id}`,
  termsChanged: 'Die Konditionen haben sich seit diesem Link geändert.',
  on: 'Ja',
  off: 'Nein',
  claim: (within, afterIncident) => `Geltend machen innerhalb von ${within}${afterIncident ? ' nach dem Vorfall' : ''}.`,
  hours: 'Std.',
  minutes: 'Min.',
  days: 'T.',
};

export const strings: Record<Lang, Strings> = { en, de };

/**
 * The `lang` an element is in: the closest attribute, also outside the shadow
 * roots it sits in. A server render (Lit SSR's DOM shim) has no tree to walk:
 * there only the element's own attribute counts.
 */
export function inheritedLang(element: Element): string | null {
  if (typeof element.closest !== 'function') return element.getAttribute?.('lang') ?? null;
  for (let node: Element | undefined = element; node; node = (node.getRootNode() as ShadowRoot).host) {
    const owner = node.closest('[lang]');
    if (owner) return owner.getAttribute('lang');
  }
  return null;
}

/** `de-CH`, `de` → de; everything else → en. */
export function langOf(tag: string | null | undefined): Lang {
  return tag && /^de\b/i.test(tag.trim()) ? 'de' : 'en';
}

/**
 * A number as typed in the given language, as a plain decimal string:
 * de "99,5" / "1.200,50" → "99.5" / "1200.50"; en "1,200.50" → "1200.50".
 * A trailing unit the user adds out of habit ("%", "EUR", "h") is ignored;
 * the field's unit is shown beside it. Returns undefined when it is no number.
 */
export function parseNumber(text: string, lang: Lang): string | undefined {
  let t = text.trim().replace(/[\s\u00a0\u202f]+/g, '').replace(/^\+/, '').replace(/−/g, '-');
  // Also the field's own German units, which end in a dot: "4 Std.", "30 Min.".
  t = t.replace(/(%|[A-Za-z]{1,3}\.?|€|\$)$/, '');
  const [group, decimal] = lang === 'de' ? ['.', ','] : [',', '.'];
  // Grouping separators are accepted only where they group thousands (not after a lone 0: "0.500").
  const grouped = new RegExp(`^-?[1-9]\\d{0,2}(\\${group}\\d{3})+(\\${decimal}\\d*)?$`);
  if (grouped.test(t)) t = t.split(group).join('');
  // The other language's decimal point, alone, is read as a decimal point too ("99.5" in a German form).
  if (lang === 'de' && !t.includes(',') && /^-?\d*\.\d+$/.test(t) && !/^-?\d{1,3}\.\d{3}$/.test(t)) return normal(t);
  t = t.replace(decimal, '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? normal(t) : undefined;
}

function normal(t: string): string {
  const s = t.replace(/\.$/, '').replace(/^(-?)\./, '$10.');
  return s === '-0' ? '0' : s;
}
