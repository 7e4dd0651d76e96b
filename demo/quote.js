// "Download quote" on the sales page: the scenario on screen as a document the
// prospect keeps — the proposal's title and customer (the calculator's
// `summary` slot), the date, the fingerprint of the terms and a link back to
// the scenario (opened after the terms changed, the calculator says so), every
// value, the period's credit, the contract year (the periods given, else every
// period with the values above: twelve months, four quarters or one year, as
// the rules' `period` says) and the clause. Built with the DOM (all text as
// text) and saved as one HTML file: the quote prints on one page, the clause
// follows on pages of its own — the prospect's browser makes the PDF. An HTML file rather than a PDF library: it reads
// everywhere, to screen readers too, with the fonts and every character the
// system has, and the page ships no PDF engine (the small ones are 100 KB and
// more, before fonts).
import { renderClause } from '/src/language/render/clause.ts';
import { formatMoney, formatPercent, formatQuantity } from '/src/language/render/format.ts';
import { labelIn, periodsInYear } from '/src/language/ast.ts';
import { readScenario } from '/src/widget/share.ts';

const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
const words = {
  en: {
    date: 'Date', terms: 'Terms', open: 'This scenario online (it says so if the terms have changed since)', values: 'Your values',
    result: { monthly: 'Service credit for the month', quarterly: 'Service credit for the quarter', yearly: 'Service credit for the year' },
    share: { monthly: (p) => `${p} of the monthly fee`, quarterly: (p) => `${p} of the quarter’s fee`, yearly: (p) => `${p} of the yearly fee` },
    year: 'Contract year',
    yearHint: { monthly: 'Every month with the values above.', quarterly: 'Every quarter with the values above.', yearly: 'The year with the values above.' },
    yearGiven: { monthly: 'Month by month as given.', quarterly: 'Quarter by quarter as given.', yearly: 'The year as given.' },
    yearShare: (p) => `${p} of the yearly fee`,
    periodName: { monthly: (i) => `Month ${i}`, quarterly: (i) => `Q${i}`, yearly: () => 'Year' },
    total: 'Year total', clause: 'The clause in the contract', file: 'quote',
  },
  de: {
    date: 'Datum', terms: 'Konditionen', open: 'Dieses Szenario online (dort steht es, falls sich die Konditionen seitdem geändert haben)', values: 'Ihre Werte',
    result: { monthly: 'Gutschrift für den Monat', quarterly: 'Gutschrift für das Quartal', yearly: 'Gutschrift für das Jahr' },
    share: { monthly: (p) => `${p} der Monatsgebühr`, quarterly: (p) => `${p} der Quartalsgebühr`, yearly: (p) => `${p} der Jahresgebühr` },
    year: 'Vertragsjahr',
    yearHint: { monthly: 'Jeder Monat mit den Werten oben.', quarterly: 'Jedes Quartal mit den Werten oben.', yearly: 'Das Jahr mit den Werten oben.' },
    yearGiven: { monthly: 'Monat für Monat wie angegeben.', quarterly: 'Quartal für Quartal wie angegeben.', yearly: 'Das Jahr wie angegeben.' },
    yearShare: (p) => `${p} der Jahresgebühr`,
    periodName: { monthly: (i) => `Monat ${i}`, quarterly: (i) => `${i}. Quartal`, yearly: () => 'Jahr' },
    total: 'Summe Jahr', clause: 'Die Klausel im Vertrag', file: 'angebot',
  },
}[lang];

/** Two decimals at most for a share, as the calculator shows it. */
const share = (value) => formatPercent(String(Number(Number(value).toFixed(2))), lang);

/** The periods of a year per input (12 months, 4 quarters or 1 year): those the link gives, else the period's value every period. */
function periodsOfYear(program, values, given = {}) {
  const count = periodsInYear(program.period);
  return Object.fromEntries(program.inputs.filter((i) => i.name !== 'fee' && values[i.name] !== undefined)
    .map((i) => [i.name, given[i.name] ?? Array.from({ length: count }, () => String(values[i.name]))]));
}

/** The quote of what `calculator` shows, as the text of an HTML document. */
export function quote(calculator) {
  const program = calculator.loadedProgram;
  const link = calculator.link;
  const scenario = readScenario(link, calculator.id) ?? { values: {} };
  const values = Object.fromEntries(program.inputs.map((i) => [i.name, scenario.values[i.name] ?? i.default]));
  const month = program.evaluate(values, { lang });
  const year = program.evaluate({ ...values, ...periodsOfYear(program, values, scenario.year) }, { lang });
  const period = program.period;
  const summary = calculator.querySelector('[slot=summary]');
  const title = summary?.querySelector('h2')?.textContent ?? document.title;
  const quantity = (input, value) => formatQuantity({ kind: input.kind, value: String(value), unit: input.unit, currency: input.currency ?? program.currency }, lang);

  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.lang = lang;
  const add = (parent, tag, text) => {
    const element = doc.createElement(tag);
    if (text !== undefined) element.textContent = text;
    parent.append(element);
    return element;
  };
  const table = (parent, rows) => {
    const t = add(parent, 'table');
    for (const cells of rows) {
      const tr = add(t, 'tr');
      cells.forEach((cell, i) => add(tr, i === 0 ? 'th' : 'td', cell));
    }
  };
  add(doc.head, 'style', [
    'body{font:12px/1.45 system-ui,sans-serif;max-width:50em;margin:2em auto;color:#111}',
    'h1{font-size:20px;margin:0 0 4px}h2{font-size:13px;margin:12px 0 4px}p{margin:2px 0}',
    'table{border-collapse:collapse}th,td{padding:1px 10px 1px 0;border-bottom:1px solid #ddd;text-align:left;font-weight:400;vertical-align:top}td{text-align:right}',
    '.columns{display:grid;grid-template-columns:1fr 1fr;gap:0 28px}.hint{color:#555}.total{font-size:16px;font-weight:700}',
    'pre{white-space:pre-wrap;font-size:10px;line-height:1.35;margin:0}.annex{break-before:page}a{color:#14407a;overflow-wrap:anywhere}',
    '@page{margin:12mm}@media print{body{margin:0;max-width:none}}',
  ].join(''));
  doc.head.prepend(Object.assign(doc.createElement('meta'), { httpEquiv: 'content-type', content: 'text/html; charset=utf-8' }));
  add(doc.body, 'h1', title);
  for (const p of summary?.querySelectorAll('p') ?? []) add(doc.body, 'p', p.textContent);
  add(doc.body, 'p', `${words.date}: ${new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date())} · ${words.terms} ${calculator.terms}`);
  add(add(doc.body, 'p'), 'a', words.open).href = link;

  const columns = add(doc.body, 'div');
  columns.className = 'columns';
  const left = add(columns, 'div');
  add(left, 'h2', words.values);
  table(left, program.inputs.filter((i) => values[i.name] !== undefined).map((i) => [labelIn(i.label, i.translations, lang) ?? i.name, quantity(i, values[i.name])]));
  if (month.ok) {
    add(left, 'h2', words.result[period]);
    const r = month.result;
    add(left, 'p', formatMoney(r.credit.amount, r.currency, lang)).className = 'total';
    if (r.credit.percentOfFee !== null) add(left, 'p', words.share[period](share(r.credit.percentOfFee))).className = 'hint';
  }
  if (year.ok && year.result.mode === 'year') {
    const right = add(columns, 'div');
    const r = year.result;
    add(right, 'h2', words.year);
    add(right, 'p', (scenario.year ? words.yearGiven : words.yearHint)[period]).className = 'hint';
    // The inputs that change over the year; the others are in the values above.
    const given = program.inputs.filter((i) => scenario.year?.[i.name] && new Set(scenario.year[i.name]).size > 1);
    table(right, [
      ...r.periods.map((m, i) => [words.periodName[period](i + 1), ...given.map((input) => quantity(input, scenario.year[input.name][i])), formatMoney(m.credit.amount, r.currency, lang)]),
      [words.total, ...given.map(() => ''), formatMoney(r.credit.amount, r.currency, lang) + (r.credit.percentOfFee === null ? '' : ` (${words.yearShare(share(r.credit.percentOfFee))})`)],
    ]);
  }
  const annex = add(doc.body, 'section');
  annex.className = 'annex';
  add(annex, 'h2', words.clause);
  // The clause names the monthly fee: the value of `fee`, not a quarter's or a year's fee from the result.
  add(annex, 'pre', renderClause(program.toJSON(), lang, values.fee !== undefined ? { fee: String(values.fee) } : {}));
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

for (const button of document.querySelectorAll('button[data-quote-for]')) {
  button.addEventListener('click', () => {
    const calculator = document.getElementById(button.dataset.quoteFor);
    if (!calculator?.loadedProgram) return;
    const url = URL.createObjectURL(new Blob([quote(calculator)], { type: 'text/html' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${words.file}-${calculator.id}.html` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
}
