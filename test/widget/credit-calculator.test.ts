/// <reference types="mocha" />
/**
 * <credit-calculator> in real Chromium: loading rules every way, typing with
 * real key presses, German input, keyboard-only use, accessibility, events,
 * failures, isolation and safety. The built bundle (sizes, strict CSP, no
 * parser for precompiled programs) is tested in `dist.node.test.ts`.
 */
import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, amount, CHART_WAIT, field, holdIdleTime, ready, typeInto, RULES } from './helpers.js';
import { compile } from '../../src/index.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import type { CreditChangeEvent, CreditErrorEvent } from '../../src/widget/events.js';

const fixtureUrl = new URL('./fixtures/uptime.credit', import.meta.url).href;

describe('<credit-calculator> loading rules', () => {
  it('reads rules from the rules attribute', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    expect(el.loadedProgram?.inputs.map((i) => i.name)).to.deep.equal(['fee', 'availability']);
    expect(amount(el)).to.equal('0.00 EUR');
  });

  it('reads rules from an indented child script', async () => {
    const indented = RULES.split('\n').map((l) => (l ? `      ${l}` : l)).join('\n');
    const el = document.createElement('credit-calculator');
    const script = document.createElement('script');
    script.type = 'text/credit-rules';
    script.textContent = `\n${indented}    `;
    el.append(script);
    el.values = { availability: 99.4 };
    document.body.append(el);
    await ready(el);
    expect(amount(el)).to.equal('250.00 EUR');
    el.remove();
  });

  it('reads rules from a .credit file given as src', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator src=${fixtureUrl} .values=${{ availability: '98' }}></credit-calculator>`));
    expect(amount(el)).to.equal('400.00 EUR');
  });

  it('reads a precompiled program given as src', async () => {
    const json = JSON.stringify(compile(RULES).program!.toJSON());
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator src=${url} .values=${{ availability: '99.7%' }}></credit-calculator>`));
    expect(amount(el)).to.equal('100.00 EUR');
    URL.revokeObjectURL(url);
  });

  it('fires credit-load once rules are in use and their first result is shown, again for rules that replace them', async () => {
    const el = document.createElement('credit-calculator') as CreditCalculator;
    const loads: { terms: string; credit: string | undefined }[] = [];
    el.addEventListener('credit-load', (e) => loads.push({ terms: e.detail.terms, credit: amount(el) }));
    el.values = { availability: '99.7' };
    el.rules = RULES;
    document.body.append(el);
    try {
      await oneEvent(el, 'credit-load');
      expect(loads).to.deep.equal([{ terms: el.terms, credit: '100.00 EUR' }]);
      // Rules as text load asynchronously: the event, not updateComplete, says when they show.
      el.rules = RULES.replace('then 10%', 'then 12%');
      await oneEvent(el, 'credit-load');
      expect(loads.map((l) => l.credit)).to.deep.equal(['100.00 EUR', '120.00 EUR']);
      expect(loads[1].terms, 'the new terms').to.equal(el.terms);
      expect(loads[1].terms === loads[0].terms, 'the same terms as before').to.equal(false);
      // Rules that fail fire credit-error, not credit-load; and nothing more comes for values set.
      el.rules = 'fee 1000 EUR monthly\nif availability < then 10%\n';
      await oneEvent(el, 'credit-error');
      el.values = { availability: '99.4' };
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(loads.length, 'events').to.equal(2);
    } finally {
      el.remove();
    }
  });

  it('draws the form of a program read from src in a task after the one that read it', async () => {
    const json = JSON.stringify(compile(RULES).program!.toJSON());
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    // Reading the program parses its text: from then on, a task of ours marks when that task has ended.
    let readingTask: 'running' | 'ended' | undefined;
    const parse = JSON.parse;
    JSON.parse = function (this: unknown, text: string, ...rest: unknown[]) {
      if (text === json && !readingTask) {
        readingTask = 'running';
        setTimeout(() => (readingTask = 'ended'), 0);
      }
      return parse.call(this, text, ...(rest as []));
    } as typeof JSON.parse;
    const el = document.createElement('credit-calculator') as CreditCalculator;
    el.src = url;
    document.body.append(el);
    let drawnIn: typeof readingTask | 'none' = 'none';
    const watch = new MutationObserver(() => {
      if (drawnIn === 'none' && $(el, '[part=form]')) drawnIn = readingTask;
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    try {
      await ready(el);
      expect(amount(el)).to.equal('0.00 EUR');
      expect(drawnIn, 'the task the form was drawn in').to.equal('ended');
    } finally {
      JSON.parse = parse;
      watch.disconnect();
      el.remove();
      URL.revokeObjectURL(url);
    }
  });

  it('shows each error with line:column and fires credit-error for bad rules', async () => {
    const el = document.createElement('credit-calculator');
    el.rules = 'fee 1000 EUR monthly\nif availability < then 10%\n';
    const error = oneEvent(el, 'credit-error') as Promise<CreditErrorEvent>;
    document.body.append(el);
    const event = await error;
    await ready(el);
    expect(event.detail.kind).to.equal('compile');
    expect(event.detail.diagnostics.length).to.be.greaterThan(0);
    const panel = $(el, '[part=problems]')!;
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(panel.querySelector('.where')!.textContent).to.match(/^2:\d+$/);
    el.remove();
  });

  it('says clearly when src answers 404', async () => {
    const el = document.createElement('credit-calculator');
    el.src = '/no/such/rules.credit';
    const error = oneEvent(el, 'credit-error') as Promise<CreditErrorEvent>;
    document.body.append(el);
    const event = await error;
    await el.updateComplete;
    expect(event.detail.kind).to.equal('load');
    expect($(el, '[part=problems]')!.textContent).to.contain('HTTP 404');
    el.remove();
  });
});

describe('<credit-calculator> as a user sees it', () => {
  it('updates the result as the user types, key by key', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    expect(amount(el)).to.equal('250.00 EUR');
    expect($(el, '.tier[data-winner]')!.textContent).to.contain('Your value for “Monthly availability” is below 99.5%');
    expect($(el, '[part=why]')!.textContent).to.contain('is below 99.5%');
  });

  it('reads German input with a decimal comma and answers in German', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="de" rules=${RULES}></credit-calculator>`));
    expect(field(el, 'Monthly availability').value).to.equal('99,95');
    await typeInto(el, field(el, 'Monthly availability'), '99,4');
    expect(amount(el)).to.equal('250,00 EUR');
    expect($(el, '[part=total]')!.textContent).to.contain('der Monatsgebühr');
    expect($(el, '[part=why]')!.textContent!.replace(/\u00a0/g, ' ')).to.contain('liegt unter 99,5 %');
  });

  it('takes its language from the closest lang attribute', async () => {
    const wrapper = await fixture(html`<div lang="de-AT"><credit-calculator rules=${RULES}></credit-calculator></div>`);
    const el = await ready(wrapper.querySelector('credit-calculator')!);
    expect(amount(el)).to.equal('0,00 EUR');
  });

  it('marks an invalid entry beside the field and keeps the last valid result, marked stale', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    const input = field(el, 'Monthly availability');
    await typeInto(el, input, '99.4');
    await typeInto(el, input, '99.4x5');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('error'))!);
    expect(error!.textContent).to.contain('Enter a number');
    expect(amount(el)).to.equal('250.00 EUR');
    expect($(el, '[part=total]')!.classList.contains('stale')).to.equal(true);
    await typeInto(el, input, '80');
    expect(el.shadowRoot!.textContent).to.contain('Allowed: 90% to 100%');
    await typeInto(el, input, '98');
    expect(amount(el)).to.equal('400.00 EUR');
    expect($(el, '[part=total]')!.classList.contains('stale')).to.equal(false);
  });

  it('can be used with the keyboard alone', async () => {
    const before = await fixture(html`<button>before</button>`);
    const el = document.createElement('credit-calculator');
    el.rules = RULES;
    before.after(el);
    await ready(el);
    (before as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' }); // fee
    await sendKeys({ press: 'Tab' }); // availability (its slider is skipped: the field does the same)
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'Monthly availability'));
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: '99.6' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(field(el, 'Monthly availability').value).to.equal('99.59');
    // The chart (traced when the page is idle) offers the downtime by period: opened with Enter.
    await waitUntil(() => $(el, '.downtime-table summary'), 'the chart appears', CHART_WAIT);
    await sendKeys({ press: 'Tab' }); // the exact calculation, below the "why" in words
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('The exact calculation, step by step');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Allowed downtime by period');
    await sendKeys({ press: 'Enter' });
    expect(($(el, '.downtime-table') as HTMLDetailsElement).open).to.equal(true);
    await sendKeys({ press: 'Tab' }); // the table, which scrolls on a narrow screen
    expect(el.shadowRoot!.activeElement?.getAttribute('role')).to.equal('region');
    await sendKeys({ press: 'Tab' }); // first example
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('Short outage');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' }); // "Long outage"
    await el.updateComplete;
    expect(amount(el)).to.equal('400.00 EUR');
    el.remove();
  });

  it('passes an automated accessibility check (axe-core)', async function () {
    this.timeout(30_000); // axe over every panel takes seconds on a busy machine
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} panels="all" .values=${{ availability: 99.4 }}></credit-calculator>`));
    await expect(el).to.be.accessible();
    const de = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="de" rules=${RULES} compact></credit-calculator>`));
    await expect(de).to.be.accessible();
  });

  it('puts the total in a polite live region', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    const total = $(el, '[part=total]')!;
    expect(total.getAttribute('role')).to.equal('status');
    expect(total.getAttribute('aria-live')).to.equal('polite');
  });

  it('shows the downtime an availability means, and where tiers begin', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} .values=${{ availability: '99.5' }}></credit-calculator>`));
    // The result shows at once; the curve is traced when the page is idle.
    expect(amount(el)).to.equal('100.00 EUR');
    await waitUntil(() => $(el, '[part=chart]'), 'the chart appears', CHART_WAIT);
    const chart = $(el, '[part=chart]')!;
    expect(chart.querySelector('svg')).to.exist;
    expect(chart.querySelectorAll('line.tier').length).to.equal(3);
    expect(chart.textContent).to.contain('3 h 36 min');
    expect(chart.querySelector('.downtime ul')!.textContent).to.contain('over 43 min: 10%'); // below 99.9 %
  });

  it('shows its form with the first result, so nothing a visitor sees moves when the result\'s panels come', async () => {
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => (e as PerformanceEntry & { value: number }).value)));
    observer.observe({ type: 'layout-shift' });
    const rules = 'fee 1000 EUR monthly\ninput response: duration "Response time" default 6h range 0h..24h\nif response > 4h then 10%\nif response > 8h then 20%\nexample "Slow": response = 9h => credit 20%\n';
    const el = document.createElement('credit-calculator') as CreditCalculator;
    el.rules = rules;
    document.body.append(el);
    // What each render leaves on the page, seen before any later task runs (the first result is computed in the next).
    const seen: { visible: boolean; credit: string | undefined }[] = [];
    const watch = new MutationObserver(() => {
      const layout = $(el, '[part=layout]');
      if (layout) seen.push({ visible: layout.checkVisibility({ visibilityProperty: true }), credit: amount(el) });
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true, attributes: true });
    try {
      await ready(el);
      await waitUntil(() => $(el, '[part=chart-svg]'), 'the curve traced', CHART_WAIT);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      expect(seen.length, 'renders seen').to.be.greaterThan(1);
      expect(seen.filter((s) => s.visible && !s.credit), 'the form shown without its result').to.deep.equal([]);
      expect(seen.at(-1), 'shown with its result').to.deep.equal({ visible: true, credit: '100.00 EUR' });
      expect(shifts, 'layout shifts while loading').to.deep.equal([]);
      // A program replacing another (a playground's preview as one types) never hides the form: it would blink.
      seen.length = 0;
      el.program = compile(rules.replace('then 10%', 'then 15%')).program!;
      await el.updateComplete;
      expect(amount(el)).to.equal('150.00 EUR');
      expect(seen.length, 'renders seen').to.be.greaterThan(0);
      expect(seen.filter((s) => !s.visible), 'hidden while the new rules were computed').to.deep.equal([]);
    } finally {
      watch.disconnect();
      observer.disconnect();
      el.remove();
    }
  });

  it('holds the chart\'s place while its curve is traced, so the panels below it stay where they are', async () => {
    const rules = 'fee 1000 EUR monthly\ninput response: duration "Response time" default 2h range 0h..24h\nif response > 4h then 10%\nif response > 8h then 20%\n';
    const idle = holdIdleTime();
    try {
      const el = fixtureSync<CreditCalculator>(html`<credit-calculator panels="chart year" rules=${rules}></credit-calculator>`);
      await waitUntil(() => amount(el) === '0.00 EUR', 'the first credit', { timeout: 20_000 });
      await el.updateComplete;
      expect(Boolean($(el, '[part=chart-svg]')), 'no curve before idle time').to.equal(false);
      expect($(el, '.chart figcaption')!.textContent, 'the chart\'s place, with its heading').to.equal('Credit by Response time');
      const year = $(el, '[part~=year]')!;
      const top = year.getBoundingClientRect().top;
      idle.run();
      await waitUntil(() => $(el, '[part=chart-svg]'), 'the curve traced', CHART_WAIT);
      expect(year.getBoundingClientRect().top, 'the year panel below did not move').to.equal(top);
    } finally {
      idle.restore();
    }
  });

  it('stops tracing its chart when taken off the page, and traces it when put back', async () => {
    const rules = 'fee 1000 EUR monthly\ninput response: duration "Response time" default 2h range 0h..24h\nif response > 4h then 10%\n';
    const idle = holdIdleTime();
    try {
      const el = fixtureSync<CreditCalculator>(html`<credit-calculator panels="chart" rules=${rules}></credit-calculator>`);
      await waitUntil(() => amount(el) === '0.00 EUR', 'the first credit', { timeout: 20_000 });
      await el.updateComplete;
      expect(idle.held(), 'the curve waits for idle time').to.be.greaterThan(0);
      const place = el.parentElement!;
      el.remove();
      idle.run(100);
      await el.updateComplete;
      expect(Boolean($(el, '[part=chart-svg]')), 'no curve traced off the page').to.equal(false);
      expect(idle.held(), 'no idle work asked for off the page').to.equal(0);
      place.append(el);
      await el.updateComplete;
      idle.run();
      await waitUntil(() => $(el, '[part=chart-svg]'), 'the curve traced once back', CHART_WAIT);
    } finally {
      idle.restore();
    }
  });

  it('tells, on request, the downtime each availability allows per day, week, month, quarter and year', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} .values=${{ availability: '99.95' }}></credit-calculator>`));
    await waitUntil(() => $(el, '.downtime-table summary'), 'the chart appears', CHART_WAIT);
    const table = $(el, '.downtime-table')!;
    expect(table.querySelector('table')!.checkVisibility(), 'closed until asked').to.equal(false);
    ($(el, '.downtime-table summary') as HTMLElement).click();
    await el.updateComplete;
    const rows = [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
    expect(rows).to.deep.equal([
      ['Monthly availability', 'Day', 'Week', 'Month (30 d)', 'Quarter (90 d)', 'Year (365 d)'],
      ['99.95%now', '43 s', '5 min', '22 min', '1 h 5 min', '4 h 23 min'],
      ['99.9%below: 10% · 100.00 EUR', '1 min', '10 min', '43 min', '2 h 10 min', '8 h 46 min'],
      ['99.5%below: 25% · 250.00 EUR', '7 min', '50 min', '3 h 36 min', '10 h 48 min', '1 d 19 h 48 min'],
      ['99%below: 40% · 400.00 EUR', '14 min', '1 h 41 min', '7 h 12 min', '21 h 36 min', '3 d 15 h 36 min'],
    ]);
    el.locale = 'de';
    await el.updateComplete;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal(['Monthly availability', 'Tag', 'Woche', 'Monat (30 T.)', 'Quartal (90 T.)', 'Jahr (365 T.)']);
    await expect(el).to.be.accessible();
  });

  it('takes the availability as minutes of downtime when the page asks for it, and computes with the percentage', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} downtime></credit-calculator>`));
    const input = field(el, 'Monthly availability, as downtime in a 30-day month');
    expect(input.value, 'the default 99.95 %').to.equal('21.6');
    expect(Boolean($(el, 'input[type=range]')), 'no percentage slider').to.equal(false);
    const told: string[] = [];
    el.addEventListener('credit-change', (e) => told.push(String(e.detail.inputs.availability)));
    await typeInto(el, input, '216');
    expect(amount(el)).to.equal('100.00 EUR');
    expect(told.at(-1), 'what the page is told').to.equal('99.5');
    expect(input.closest('[part~=field]')!.textContent).to.contain('≈ 99.5% availability');
    // 43.2 minutes is 99.9 % exactly: the first tier begins just above it.
    await typeInto(el, input, '43.2');
    expect(amount(el)).to.equal('0.00 EUR');
    await typeInto(el, input, '43.3');
    expect(amount(el)).to.equal('100.00 EUR');
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.value).to.equal('42');
    await typeInto(el, input, '5000');
    expect($(el, '[part~=field] [part=error]')!.textContent!.replace(/\u00a0/g, ' ')).to.equal('Allowed: 0 min to 4,320 min.');
    el.locale = 'de';
    await el.updateComplete;
    await typeInto(el, field(el, 'Monthly availability, als Ausfallzeit im 30-Tage-Monat'), '216,5');
    expect(amount(el)).to.equal('250,00 EUR');
    el.downtime = false;
    await el.updateComplete;
    expect(field(el, 'Monthly availability').value).to.equal('99,4988425926');
  });

  it('loads a worked example when clicked', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    const button = $$(el, '[part=examples] button').find((b) => b.textContent === 'Short outage')!;
    button.click();
    await el.updateComplete;
    expect(amount(el)).to.equal('100.00 EUR');
    expect(field(el, 'Monthly availability').value).to.equal('99.7');
  });

  it('shows a contract year, month by month, with the running total', async () => {
    const rules = `${RULES}cap 20% yearly\n`;
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${rules} panels="year" .values=${{ availability: 99.4 }}></credit-calculator>`));
    const rows = $$(el, '[part=year] tbody tr');
    expect(rows.length).to.equal(12);
    const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim().replace(/\u00a0/g, ' '));
    // 250 EUR a month until the yearly cap (20% of 12,000 EUR) cuts month 10 to 150 EUR.
    expect(cells(rows[0]).slice(0, 3)).to.deep.equal(['250.00 EUR', '', '250.00 EUR']);
    expect(cells(rows[9]).slice(0, 3)).to.deep.equal(['150.00 EUR', '−100.00 EUR', '2,400.00 EUR']);
    expect(cells(rows[11]).slice(0, 3)).to.deep.equal(['0.00 EUR', '−250.00 EUR', '2,400.00 EUR']);
    const march = rows[2].querySelector('input') as HTMLInputElement;
    const change = oneEvent(el, 'credit-change') as Promise<CreditChangeEvent>;
    await typeInto(el, march, '100');
    const event = await change;
    expect(event.detail.result.mode).to.equal('year');
    expect((event.detail.inputs.availability as string[])[2]).to.equal('100');
  });

  it('sums the year exactly, to the third place of a three-place currency', async () => {
    const rules = 'fee 10.005 KWD monthly "Monthly fee"\ninput availability: percent "Monthly availability" default 99.95% range 90%..100% step 0.01%\nif availability < 99.5% then 10%\n';
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${rules} panels="year" .values=${{ availability: 99.4 }}></credit-calculator>`));
    const rows = $$(el, '[part=year] tbody tr');
    const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim().replace(/\u00a0/g, ' '));
    // 10 % of 10.005 KWD is 1.0005, paid as 1.001 KWD a month.
    expect(cells(rows[0]).slice(0, 3)).to.deep.equal(['1.001 KWD', '', '1.001 KWD']);
    expect(cells(rows[2])[2]).to.equal('3.003 KWD');
    expect(cells(rows[11])[2]).to.equal('12.012 KWD');
  });
});

describe('<credit-calculator> with some inputs shown', () => {
  const RULES_WITH_SWITCH = `${RULES}input announced: boolean "Announced maintenance" default false\n`;

  it('shows fields only for the inputs named in `inputs`; the others keep their value and still count', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES_WITH_SWITCH} inputs="availability" panels="year" .values=${{ fee: '2000' }}></credit-calculator>`));
    expect($$(el, '[part=form] label').map((l) => l.textContent!.trim())).to.deep.equal(['Monthly availability']);
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    // The hidden fee is the 2,000 EUR the page gave, not the rules' 1,000.
    expect(amount(el)).to.equal('500.00 EUR');
    expect($$(el, '[part=year] thead th').map((th) => th.textContent!.trim())).to.deep.equal(['Month', 'Credit', 'Cap cut', 'Running total', 'Monthly availability']);
    el.inputs = 'availability announced';
    await el.updateComplete;
    expect($$(el, '[part=form] label').map((l) => l.textContent!.trim())).to.deep.equal(['Monthly availability', 'Announced maintenance']);
    expect(amount(el)).to.equal('500.00 EUR');
  });

  it('shows every field when `inputs` is empty, and plots the first input shown', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} inputs="" panels="chart"></credit-calculator>`));
    expect($$(el, '[part=form] label').map((l) => l.textContent!.trim())).to.deep.equal(['Monthly fee', 'Monthly availability']);
    await waitUntil(() => $(el, '[part=chart] figcaption'), 'the chart is traced', CHART_WAIT);
    expect($(el, '[part=chart] figcaption')!.textContent).to.equal('Credit by Monthly availability');
  });
});

describe('<credit-calculator> and its host page', () => {
  it('fires credit-change with decimal strings after a user change', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    const events: CreditChangeEvent[] = [];
    document.addEventListener('credit-change', (e) => events.push(e));
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    const last = events.at(-1)!;
    expect(last.bubbles && last.composed).to.equal(true);
    expect(last.detail.inputs).to.deep.equal({ fee: '1000', availability: '99.4' });
    expect(last.detail.result.credit).to.deep.equal({ amount: '250.00', percentOfFee: '25' });
  });

  it('a host that mirrors credit-change into values (as React or Vue bind it) leaves the typing alone', async () => {
    for (const [locale, typed, shown] of [['en', '99.4', '99.4'], ['de', '99,4', '99,4']] as const) {
      const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale=${locale} rules=${RULES}></credit-calculator>`));
      el.addEventListener('credit-change', (e) => {
        el.values = (e as CreditChangeEvent).detail.inputs as Record<string, string>;
      });
      // Key by key: "99." (or "99,") is read as 99 and mirrored back while the user goes on typing.
      const input = field(el, 'Monthly availability');
      await typeInto(el, input, typed);
      expect(input.value).to.equal(shown);
      expect(input.getAttribute('aria-invalid')).to.not.equal('true');
      expect(amount(el)).to.equal(locale === 'en' ? '250.00 EUR' : '250,00 EUR');
    }
  });

  it('fires no event when the host sets a property', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    let fired = 0;
    el.addEventListener('credit-change', () => fired++);
    el.values = { availability: '99' };
    await el.updateComplete;
    el.locale = 'de';
    await el.updateComplete;
    el.rules = RULES.replace('40%', '45%');
    await ready(el);
    expect(fired).to.equal(0);
    expect(field(el, 'Monthly availability').value).to.equal('99');
  });

  it('keeps two instances independent', async () => {
    const wrapper = await fixture(html`<div>
      <credit-calculator id="a" rules=${RULES}></credit-calculator>
      <credit-calculator id="b" rules=${RULES.replace('then 25%', 'then 30%')}></credit-calculator>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('credit-calculator')];
    await ready(a);
    await ready(b);
    await typeInto(a, field(a, 'Monthly availability'), '99.4');
    await typeInto(b, field(b, 'Monthly availability'), '99.3');
    expect(amount(a)).to.equal('250.00 EUR');
    expect(amount(b)).to.equal('300.00 EUR');
    expect(field(a, 'Monthly availability').value).to.equal('99.4');
  });

  it('puts the scenario in a link, namespaced by id, and reads it back', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="sla" panels="share" rules=${RULES}></credit-calculator>`));
    await typeInto(el, field(el, 'Monthly availability'), '99.2');
    ($$(el, '[part=share] button')[0] as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const link = ($(el, '[part=share] input') as HTMLInputElement).value;
    expect(new URL(link).searchParams.get('sla.availability')).to.equal('99.2');
    const original = location.href;
    history.replaceState(null, '', link);
    try {
      const copy = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="sla" rules=${RULES}></credit-calculator>`));
      const other = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="other" rules=${RULES}></credit-calculator>`));
      expect(amount(copy)).to.equal('250.00 EUR');
      expect(amount(other)).to.equal('0.00 EUR');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('renders markup in labels and rule names as text', async () => {
    const rules = `fee 100 EUR\ninput x: percent "<img src=x onerror=\\"window.__xss=1\\">" default 50%\ncredit "<b>bold</b>":\n  if x < 60% then 10 EUR\n`;
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${rules} currency="EUR"></credit-calculator>`));
    expect(el.loadedProgram, 'the rules compile').to.exist;
    expect(Boolean(el.shadowRoot!.querySelector('img, b'))).to.equal(false);
    expect($$(el, 'label').map((l) => l.textContent)).to.include('<img src=x onerror="window.__xss=1">');
    expect(el.shadowRoot!.textContent).to.contain('<b>bold</b>');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('warns, and does not throw, when the module is loaded twice', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const secondCopy = new URL('../../src/widget/credit-calculator.ts?second-copy', import.meta.url).href;
      await import(secondCopy);
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => String(w[0]).includes('already-defined'))).to.equal(true);
  });
});
