// "Download quote" on the sales page: the scenario on screen as a document the
// prospect keeps — the proposal's title and customer (the calculator's
// `summary` slot), the date, the fingerprint of the terms (a later change of
// the terms shows as a different one), every value, the month's credit, the
// contract year when months were given, and the clause. Built with the DOM
// (all text as text) and saved as one HTML file that prints to one page.
import { renderClause } from '/src/language/render/clause.ts';
import { formatMoney, formatPercent, formatQuantity } from '/src/language/render/format.ts';
import { readScenario, termsFingerprint } from '/src/widget/share.ts';

const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
const words = {
  en: { date: 'Date', terms: 'Terms', values: 'Your values', result: 'Service credit for the month', share: (p) => `${p} of the monthly fee`, year: 'Contract year', yearShare: (p) => `${p} of the yearly fee`, month: 'Month', total: 'Year total', clause: 'The clause in the contract', file: 'quote' },
  de: { date: 'Datum', terms: 'Konditionen', values: 'Ihre Werte', result: 'Gutschrift für den Monat', share: (p) => `${p} der Monatsgebühr`, year: 'Vertragsjahr', yearShare: (p) => `${p} der Jahresgebühr`, month: 'Monat', total: 'Summe Jahr', clause: 'Die Klausel im Vertrag', file: 'angebot' },
}[lang];

/** Two decimals at most for a share, as the calculator shows it. */
const share = (value) => formatPercent(String(Number(Number(value).toFixed(2))), lang);

function quote(calculator) {
  const program = calculator.loadedProgram;
  const scenario = readScenario(location.href, calculator.id) ?? { values: {} };
  const values = Object.fromEntries(program.inputs.map((i) => [i.name, scenario.values[i.name] ?? i.default]));
  const month = program.evaluate(values, { lang });
  const year = scenario.year ? program.evaluate({ ...values, ...scenario.year }, { lang }) : undefined;
  const terms = termsFingerprint(program.toJSON().source);
  const summary = calculator.querySelector('[slot=summary]');

  const doc = document.implementation.createHTMLDocument(summary?.querySelector('h2')?.textContent ?? document.title);
  doc.documentElement.lang = lang;
  const add = (parent, tag, text) => {
    const element = doc.createElement(tag);
    if (text !== undefined) element.textContent = text;
    parent.append(element);
    return element;
  };
  const table = (rows) => {
    const t = add(doc.body, 'table');
    for (const cells of rows) {
      const tr = add(t, 'tr');
      cells.forEach((cell, i) => add(tr, i === 0 ? 'th' : 'td', cell));
    }
  };
  add(doc.head, 'style', 'body{font:14px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;color:#111}table{border-collapse:collapse;margin:.5em 0}th,td{padding:2px 10px 2px 0;border-bottom:1px solid #ddd;text-align:left;font-weight:400}td{text-align:right}pre{white-space:pre-wrap;font-size:12px}@page{margin:15mm}');
  doc.head.prepend(Object.assign(doc.createElement('meta'), { httpEquiv: 'content-type', content: 'text/html; charset=utf-8' }));
  add(doc.body, 'h1', summary?.querySelector('h2')?.textContent ?? document.title);
  for (const p of summary?.querySelectorAll('p') ?? []) add(doc.body, 'p', p.textContent);
  add(doc.body, 'p', `${words.date}: ${new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date())} · ${words.terms} ${terms}`);

  add(doc.body, 'h2', words.values);
  table(program.inputs.filter((i) => values[i.name] !== undefined).map((i) => [i.label ?? i.name, scenario.year?.[i.name]
    ? scenario.year[i.name].map((v) => formatQuantity({ kind: i.kind, value: v, unit: i.unit, currency: i.currency ?? program.currency }, lang)).join(' · ')
    : formatQuantity({ kind: i.kind, value: String(values[i.name]), unit: i.unit, currency: i.currency ?? program.currency }, lang)]));

  if (month.ok) {
    add(doc.body, 'h2', words.result);
    const r = month.result;
    add(doc.body, 'p', `${formatMoney(r.credit.amount, r.currency, lang)} (${words.share(share(r.credit.percentOfFee))})`);
  }
  if (year?.ok && year.result.mode === 'year') {
    const r = year.result;
    add(doc.body, 'h2', words.year);
    table([
      ...r.months.map((m, i) => [`${words.month} ${i + 1}`, formatMoney(m.credit.amount, r.currency, lang)]),
      [words.total, `${formatMoney(r.credit.amount, r.currency, lang)} (${words.yearShare(share(r.credit.percentOfFee))})`],
    ]);
  }
  add(doc.body, 'h2', words.clause);
  add(doc.body, 'pre', renderClause(program.toJSON(), lang, month.ok ? { fee: month.result.fee } : {}));
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
