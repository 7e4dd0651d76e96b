/// <reference types="mocha" />
/**
 * <credit-calculator> as a salesperson shows it to a prospect (issue 20):
 * a mistyped value leaves the slider where it was, the claim period reads
 * as German, a printed summary carries the page's title and customer, the
 * date and the share of the fee, and the contract year's totals stand under
 * their own columns.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import { $, $$, amount, CHART_WAIT, field, ready, typeInto, RULES } from './helpers.js';

const slider = (el: CreditCalculator) => $(el, 'input[type=range]') as HTMLInputElement;

describe('<credit-calculator> for a sales conversation', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('leaves the slider where it was when the field is mistyped, and says what is wrong', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    const input = field(el, 'Monthly availability');
    await typeInto(el, input, '99.4');
    expect(slider(el).value).to.equal('99.4');
    await typeInto(el, input, 'abc');
    expect(slider(el).value, 'the slider').to.equal('99.4');
    expect(slider(el).getAttribute('aria-valuetext')).to.equal('99.4%');
    expect(amount(el)).to.equal('250.00 EUR');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part~=field] [part=error]')!.textContent).to.contain('Enter a number');
  });

  it('says the claim period in the German dative: "innerhalb von 30 Tagen"', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="de" rules=${`${RULES}\nclaim within 30 days\n`}></credit-calculator>`));
    expect($(el, '[part=total]')!.textContent).to.contain('Geltend machen innerhalb von 30 Tagen.');
  });

  it('"Print summary" prints the summary slot, the date and the share of the monthly fee; the screen and a printed page do not show the slot', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <credit-calculator panels="share" rules=${RULES} .values=${{ availability: '99.4' }}>
        <div slot="summary"><h2>Proposal for Brightline Logistics</h2><p>TD-2026-114</p></div>
      </credit-calculator>
    </div>`);
    const el = await ready(wrapper.querySelector('credit-calculator')!);
    const slotted = el.querySelector('[slot=summary]') as HTMLElement;
    const printedText = () => `${slotted.innerText}\n${($(el, '.layout') as HTMLElement).innerText}`.replace(/\u00a0/g, ' ');
    expect(slotted.getClientRects().length, 'the summary on screen').to.equal(0);
    await emulateMedia({ media: 'print' });
    expect(slotted.getClientRects().length, 'the summary when the whole page prints').to.equal(0);
    let printed = '';
    const print = window.print;
    // What the print dialog would print, read while it is open.
    window.print = () => {
      expect(slotted.getClientRects().length, 'the summary on paper').to.be.greaterThan(0);
      printed = printedText();
    };
    try {
      $$(el, '[part=share] button')[1].click();
    } finally {
      window.print = print;
    }
    expect(printed).to.contain('Proposal for Brightline Logistics');
    expect(printed).to.contain('TD-2026-114');
    expect(printed).to.contain(new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date()));
    expect(printed).to.contain('25% of the monthly fee');
    expect(printed, 'the terms it was computed under').to.match(/Terms [0-9a-f]{8}/);
  });

  it('labels a duration axis in the unit it reads best in, with the highest credit on the amount axis', async () => {
    const rules = `fee 2500 EUR monthly "Monthly fee"
input response: duration "Longest response" default 15min range 0min..72h
if response > 30min then 100 EUR per started 15min above capped 500 EUR monthly
`;
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${rules} panels="chart"></credit-calculator>`));
    await waitUntil(() => $(el, '[part=chart]'), 'the chart appears', CHART_WAIT);
    const labels = (selector: string) => $$(el, selector).map((t) => t.textContent!.trim().replace(/\u00a0/g, ' '));
    expect(labels('[part=chart] .ticks span')).to.deep.equal(['0 h', '36 h', '72 h']);
    expect(labels('[part=chart] .top')).to.deep.equal(['500.00 EUR']);
  });

  it('keeps the chart\'s labels their shape on a 320 px phone: they are not squeezed with the curve', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 800px"><credit-calculator rules=${RULES} panels="chart"></credit-calculator></div>`);
    const el = await ready(wrapper.querySelector('credit-calculator')!);
    await waitUntil(() => $(el, '[part=chart]'), 'the chart appears', CHART_WAIT);
    // Whatever draws the labels, the one reading "100%" is measured.
    const label = () => [...el.shadowRoot!.querySelectorAll('[part=chart] *')].find((e) => !e.children.length && e.textContent!.trim() === '100%')!;
    const wide = label().getBoundingClientRect();
    wrapper.style.width = '320px';
    await el.updateComplete;
    const narrow = label().getBoundingClientRect();
    expect(narrow.width).to.be.closeTo(wide.width, 0.5);
    expect(narrow.height).to.be.closeTo(wide.height, 0.5);
  });

  it('says so when a shared link was made under other terms, and not when the terms are the same', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="quote" panels="share" rules=${RULES}></credit-calculator>`));
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    $$(el, '[part=share] button')[0].click();
    await waitUntil(() => $(el, '[part=share] input'), 'the link is shown');
    const link = ($(el, '[part=share] input') as HTMLInputElement).value;
    const original = location.href;
    history.replaceState(null, '', link);
    try {
      const notice = (calculator: CreditCalculator) => $$(calculator, '[part=form] [part=error]').map((e) => e.textContent!.trim());
      const same = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="quote" rules=${`# a comment added later\n${RULES}`}></credit-calculator>`));
      expect(notice(same)).to.deep.equal([]);
      expect(amount(same)).to.equal('250.00 EUR');
      const changed = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="quote" rules=${RULES.replace('then 25%', 'then 20%')}></credit-calculator>`));
      expect(notice(changed)).to.deep.equal(['The terms have changed since this link was made.']);
      expect(amount(changed)).to.equal('200.00 EUR');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('puts the contract year\'s totals under their columns: credit, cap cut, running total', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} panels="year" .values=${{ availability: ['98', '98', '99.95'] }}></credit-calculator>`));
    const table = $(el, '[part=year] table') as HTMLTableElement;
    const headings = [...table.tHead!.rows[0].cells].map((c) => c.textContent!.trim());
    const totals: Record<string, string> = {};
    let column = 0;
    for (const cell of table.tFoot!.rows[0].cells) {
      totals[headings[column]] = cell.textContent!.trim().replace(/\u00a0/g, ' ');
      column += cell.colSpan;
    }
    // 50% a month, cut by the 40% block cap: 400 EUR, twice; month 3 and on earn nothing.
    expect(totals).to.include({ Credit: '800.00 EUR', 'Cap cut': '−200.00 EUR', 'Running total': '800.00 EUR' });
    expect(totals.Month).to.contain('Year total');
    expect($$(el, '[part=year] tfoot td').length).to.be.greaterThan(0);
  });
});
