/// <reference types="mocha" />
/**
 * <credit-calculator> as host pages change it after it has loaded: several
 * properties in one update, panels switched on later, the page's language
 * changing, a year given for more than one input, links of a year nobody
 * edited, a curve whose span follows the value, mistakes in single months
 * of the year table, and equal values handed over again as a new object.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { $, $$, amount, CHART_WAIT, field, ready, typeInto, RULES } from './helpers.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import type { CreditChangeEvent } from '../../src/widget/events.js';

/** Two inputs that vary by month: availability and the number of late incidents. */
const TWO_INPUTS = `fee 1000 EUR monthly "Monthly fee"
input availability: percent "Monthly availability" default 99.95% range 90%..100% step 0.01%
input late: number "Late incidents" default 0 range 0..100 step 1

if availability < 99.5% then 10%
if late > 2 then 5%
`;

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent!.trim().replace(/\u00a0/g, ' '));
const yearRows = (el: CreditCalculator) => $$(el, '[part~=year] tbody tr');

describe('<credit-calculator> when the host page changes it', () => {
  it('applies locale and values set in one update: every field is written the new way', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    expect(field(el, 'Monthly fee').value).to.equal('1,000');
    el.locale = 'de';
    el.values = { availability: 99.4 };
    await el.updateComplete;
    expect(amount(el)).to.equal('250,00 EUR');
    expect(field(el, 'Monthly availability').value).to.equal('99,4');
    // The fee was not among the values set: it follows the language all the same.
    expect(field(el, 'Monthly fee').value).to.equal('1.000');
  });

  it('fills the contract year when the year panel is switched on later', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} .values=${{ availability: 99.4 }}></credit-calculator>`));
    expect(Boolean($(el, '[part~=year]'))).to.equal(false);
    el.panels = 'year';
    await el.updateComplete;
    const rows = yearRows(el);
    expect(rows.length).to.equal(12);
    expect(cells(rows[0]).slice(0, 3)).to.deep.equal(['250.00 EUR', '', '250.00 EUR']);
    expect((rows[0].querySelector('input') as HTMLInputElement).value).to.equal('99.4');
    expect(cells(rows[11])[2]).to.equal('3,000.00 EUR');
  });

  it('takes its language from a lang outside the shadow root it sits in, and follows when the page changes it', async () => {
    const page = document.createElement('div');
    page.lang = 'de';
    const host = document.createElement('div');
    page.append(host);
    document.body.append(page);
    const el = document.createElement('credit-calculator');
    el.rules = RULES;
    el.values = { availability: 99.4 };
    host.attachShadow({ mode: 'open' }).append(el);
    try {
      await ready(el);
      expect(amount(el)).to.equal('250,00 EUR');
      page.lang = 'en';
      await waitUntil(() => amount(el) === '250.00 EUR', 'the calculator follows the page into English');
      expect(field(el, 'Monthly fee').value).to.equal('1,000');
      expect($(el, '[part=total]')!.textContent).to.contain('of the monthly fee');
      // A locale of its own wins over the page's.
      el.locale = 'de';
      await el.updateComplete;
      page.lang = 'en-GB';
      await new Promise((r) => setTimeout(r, 20));
      expect(amount(el)).to.equal('250,00 EUR');
    } finally {
      page.remove();
    }
  });

  it('says that no rules were given once the page has loaded without any, instead of loading forever', async () => {
    // As if the element were parsed while the document still loads, with no rules (yet).
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    let el: CreditCalculator;
    try {
      el = await fixture<CreditCalculator>(html`<credit-calculator></credit-calculator>`);
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Loading the credit rules');
    } finally {
      delete (document as { readyState?: string }).readyState;
    }
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await waitUntil(() => $(el, '[part=problems]'), 'the calculator says what is missing');
    expect($(el, '[part=problems]')!.textContent).to.contain('No credit rules given');
  });
});

describe('<credit-calculator> contract year, given and shared', () => {
  it('takes months for several inputs from values, each its own', async () => {
    const values = { availability: [99.9, 99.4, 99.9], late: [0, 0, 3] };
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${TWO_INPUTS} panels="year" .values=${values}></credit-calculator>`));
    const rows = yearRows(el);
    const typed = (row: HTMLElement) => [...row.querySelectorAll('input')].map((i) => i.value);
    expect(typed(rows[1])).to.deep.equal(['99.4', '0']);
    expect(typed(rows[2])).to.deep.equal(['99.9', '3']);
    // Month 2 misses the availability (10 %), month 3 has three late incidents (5 %).
    expect(cells(rows[0])[0]).to.equal('0.00 EUR');
    expect(cells(rows[1])[0]).to.equal('100.00 EUR');
    expect(cells(rows[2])[0]).to.equal('50.00 EUR');
  });

  it('a link to a year nobody edited leaves the months following the form', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="plain" panels="year share" rules=${RULES}></credit-calculator>`));
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    ($$(el, '[part=share] button')[0] as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part=share] input'), 'the link is shown');
    const link = ($(el, '[part=share] input') as HTMLInputElement).value;
    expect([...new URL(link).searchParams.keys()].some((k) => k.startsWith('plain.year'))).to.equal(false);
    const original = location.href;
    history.replaceState(null, '', link);
    try {
      const copy = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="plain" panels="year" rules=${RULES}></credit-calculator>`));
      expect(cells(yearRows(copy)[0])[0]).to.equal('250.00 EUR');
      await typeInto(copy, field(copy, 'Monthly availability'), '98');
      expect(cells(yearRows(copy)[0])[0], 'the months follow the form').to.equal('400.00 EUR');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('drops a shown link once the values change, and only then: it would share the old ones', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator panels="share" rules=${RULES} .values=${{ availability: '99.7' }}></credit-calculator>`));
    ($$(el, '[part=share] button')[0] as HTMLButtonElement).click();
    await waitUntil(() => $(el, '[part=share] input'), 'the link is shown');
    // A framework handing over the same values in a new object, on a render of its own.
    el.values = { availability: '99.7' };
    await el.updateComplete;
    expect($(el, '[part=share] input'), 'the same values: the link stays').to.not.equal(null);
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    expect(Boolean($(el, '[part=share] input'))).to.equal(false);
  });

  it('a host that mirrors credit-change into values leaves the typing in a month alone', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} panels="year" .values=${{ availability: 99.4 }}></credit-calculator>`));
    el.addEventListener('credit-change', (e) => {
      el.values = (e as CreditChangeEvent).detail.inputs as Record<string, string>;
    });
    const march = yearRows(el)[2].querySelector('input') as HTMLInputElement;
    // Key by key: "99." is read as 99 and mirrored back while the user goes on typing.
    await typeInto(el, march, '99.5');
    expect(march.value).to.equal('99.5');
    expect(march.getAttribute('aria-invalid')).to.equal('false');
    expect(cells(yearRows(el)[2])[0]).to.equal('100.00 EUR');
  });

  it('says beside the table which month does not read, and marks the year figures as old', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} panels="year" .values=${{ availability: 99.4 }}></credit-calculator>`));
    const march = yearRows(el)[2].querySelector('input') as HTMLInputElement;
    await typeInto(el, march, '9x9');
    expect(march.getAttribute('aria-invalid')).to.equal('true');
    const message = el.shadowRoot!.getElementById(march.getAttribute('aria-describedby')!);
    expect(message!.textContent).to.contain('Mar').and.to.contain('Monthly availability').and.to.contain('Enter a number');
    expect(message!.getClientRects().length, 'the message is on screen').to.be.greaterThan(0);
    expect($(el, '[part~=year]')!.classList.contains('stale')).to.equal(true);
    await typeInto(el, march, '98');
    expect(march.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '[part~=year]')!.classList.contains('stale')).to.equal(false);
    expect(cells(yearRows(el)[2])[0]).to.equal('400.00 EUR');
  });
});

describe('<credit-calculator> slider', () => {
  it('shows the value again when new rules widen the range it was clamped to', async () => {
    const narrow = RULES.replace('range 90%..100%', 'range 99%..100%');
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${narrow} .values=${{ availability: '95' }}></credit-calculator>`));
    const slider = () => $(el, 'input[type=range]') as HTMLInputElement;
    expect(slider().value, 'a slider cannot go below its minimum').to.equal('99');
    const before = el.loadedProgram;
    el.rules = RULES;
    await waitUntil(() => el.loadedProgram !== before, 'the new rules load');
    await el.updateComplete;
    expect(field(el, 'Monthly availability').value).to.equal('95');
    expect(slider().value).to.equal('95');
  });
});

describe('<credit-calculator> chart', () => {
  it('spans the curve anew when the value leaves it, for an input without a range', async () => {
    const rules = `fee 1000 EUR monthly "Monthly fee"
input outage: duration "Outage" default 4h

credit "Outage":
  if outage > 8h then 10%
  if outage > 24h then 25%
`;
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${rules} panels="chart"></credit-calculator>`));
    const ticks = () => $$(el, '[part=chart] .ticks span').map((t) => t.textContent!.replace(/\u00a0/g, ' '));
    await waitUntil(() => ticks().length === 3, 'the chart appears', CHART_WAIT);
    expect(ticks().at(-1)).to.equal('10 h');
    await typeInto(el, field(el, 'Outage'), '40');
    await waitUntil(() => ticks().at(-1) === '100 h', `the chart spans to 100 h (shows ${ticks().join(', ')})`, CHART_WAIT);
    expect($$(el, '[part=chart] line.tier').length).to.equal(2);
  });
});

// React and other frameworks hand the element a new object on every render (`values={{…}}`
// inline), and a host that re-renders on each `credit-change` does so while the user types.
describe('<credit-calculator> values set again with the same content', () => {
  it('keeps what the user typed when a host re-renders with an equal new object on every change', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} .values=${{ availability: '99.95' }}></credit-calculator>`));
    // What React does with an inline object: a re-render after each event, a new object each time.
    el.addEventListener('credit-change', () => {
      el.values = { availability: '99.95' };
    });
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    await el.updateComplete;
    expect(field(el, 'Monthly availability').value).to.equal('99.4');
    expect(amount(el)).to.equal('250.00 EUR');
  });

  it('still applies values whose content changed', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} .values=${{ availability: '99.95' }}></credit-calculator>`));
    el.values = { availability: '99.4' };
    await el.updateComplete;
    expect(field(el, 'Monthly availability').value).to.equal('99.4');
    expect(amount(el)).to.equal('250.00 EUR');
  });
});
