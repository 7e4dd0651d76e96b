/// <reference types="mocha" />
/**
 * <credit-calculator> with the language's version-2 constructs, as a reader
 * sees them: labels in the page's language, a bonus scheme with no fee field
 * and no "% of fee", the payout's word as the result's heading, a claim in
 * business days, and a `pay only if` threshold crossed by typing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, amount, field, ready, typeInto } from './helpers.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';

const BONUS = `payout "bonus" de "Bonus" to "the agent" de "die Mitarbeiterin"
input csat: percent "Customer satisfaction" de "Kundenzufriedenheit" default 90% step 0.1%
input resolved: number "Tickets resolved" de "Gelöste Tickets" default 350 range 0..5000 step 1
credit "Satisfaction bonus" de "Zufriedenheitsbonus":
  if csat >= 95% then 250 EUR
  if 90% <= csat < 95% then 150 EUR
if resolved > 300 then min((resolved - 300) * 0.50 EUR, 100 EUR)
pay only if total_credit >= 50 EUR
claim within 5 business days
output per_ticket: money "Bonus per ticket" de "Bonus je Ticket" = if resolved = 0 then 0 EUR else round(total_credit / resolved, 0.01 EUR)
`;

const labels = (el: CreditCalculator) => $$(el, '[part~=field] label').map((l) => l.textContent?.trim());

describe('<credit-calculator> with version-2 rules', () => {
  it('a bonus scheme asks for no fee and states no share of one; its heading is the payout', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${BONUS}></credit-calculator>`));
    expect(labels(el)).to.deep.equal(['Customer satisfaction', 'Tickets resolved']);
    expect(amount(el)).to.equal('175.00 EUR');
    expect(Boolean($(el, '.of-fee'))).to.equal(false);
    expect($(el, '[part=total] .heading')?.textContent?.trim()).to.equal('Bonus');
    expect($(el, '[part=total]')?.textContent).to.include('Claim within 5 business days.');
  });

  it('labels, heading and claim follow the page into German', async () => {
    const wrapper = await fixture(html`<div lang="de"><credit-calculator rules=${BONUS}></credit-calculator></div>`);
    const el = await ready(wrapper.querySelector('credit-calculator') as CreditCalculator);
    expect(labels(el)).to.deep.equal(['Kundenzufriedenheit', 'Gelöste Tickets']);
    expect($(el, '[part=total] .heading')?.textContent?.trim()).to.equal('Bonus');
    expect($(el, '[part=total]')?.textContent).to.include('5 Arbeitstagen');
    expect($$(el, '.output dt').map((d) => d.textContent?.trim())).to.deep.equal(['Bonus je Ticket']);
  });

  it('typing below the payout threshold pays nothing; typing above pays again', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${BONUS}></credit-calculator>`));
    const csat = field(el, 'Customer satisfaction');
    await typeInto(el, csat, '80');
    await typeInto(el, field(el, 'Tickets resolved'), '380');
    // 40 EUR of ticket bonus alone is below the 50 EUR minimum.
    expect(amount(el)).to.equal('0.00 EUR');
    await typeInto(el, field(el, 'Tickets resolved'), '400');
    expect(amount(el)).to.equal('50.00 EUR');
  });
});

describe('<credit-calculator> with a quarterly program', () => {
  const QUARTERLY = `period quarterly
fee 3000 USD monthly
input uptime: percent "Uptime this quarter" default 99.95% range 90%..100% step 0.01%
credit "Quarterly uptime" capped 15% yearly:
  if uptime < 99.9% then 10%
  if uptime < 99% then 25%
`;

  it('states a quarter\'s credit as a share of the quarter\'s fee, and its year view has four quarters', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${QUARTERLY} panels="all"></credit-calculator>`));
    await typeInto(el, field(el, 'Uptime this quarter'), '98');
    expect(amount(el)).to.equal('2,250.00 USD');
    const rows = $$(el, '[part=year] tbody th[scope=row]').map((th) => th.textContent?.trim());
    expect(rows).to.deep.equal(['Q1', 'Q2', 'Q3', 'Q4']);
  });
});

describe('<credit-calculator> with a list input', () => {
  const PER_TICKET = `fee 4000 EUR
input p1_responses: list of duration "P1 first response" default [] range 0min..30d
credit "Late P1 responses" for each response in p1_responses capped 20% monthly:
  if response > 1h then 2%
  if response > 4h then 5%
output late: number "Late tickets" = count(p1_responses)
`;

  it('rows are added, typed, moved and removed with the keyboard and the credit follows', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${PER_TICKET}></credit-calculator>`));
    const add = $$(el, '[part~=list] button').find((b) => b.textContent?.trim() === 'Add a row')!;
    expect(amount(el)).to.equal('0.00 EUR');
    add.focus();
    add.click();
    await el.updateComplete;
    await typeInto(el, $(el, 'input[aria-label="P1 first response, row 1"]') as HTMLInputElement, '2h');
    expect(amount(el)).to.equal('80.00 EUR');
    add.click();
    await el.updateComplete;
    await typeInto(el, $(el, 'input[aria-label="P1 first response, row 2"]') as HTMLInputElement, '5h');
    expect(amount(el)).to.equal('280.00 EUR');
    ($(el, 'button[aria-label="Move row 2 up"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(($(el, 'input[aria-label="P1 first response, row 1"]') as HTMLInputElement).value).to.equal('5h');
    ($(el, 'button[aria-label="Remove row 1"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(amount(el)).to.equal('80.00 EUR');
    expect($$(el, '.output dd').map((d) => d.textContent?.trim())).to.deep.equal(['1']);
  });

  it('is used with the keyboard alone and passes axe', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${PER_TICKET}></credit-calculator>`));
    const add = $$(el, '[part~=list] button').find((b) => b.textContent?.trim() === 'Add a row') as HTMLButtonElement;
    add.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // The new row has the focus: type into it straight away.
    await sendKeys({ type: '2h' });
    await el.updateComplete;
    expect(amount(el)).to.equal('80.00 EUR');
    add.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ type: '5h' });
    await el.updateComplete;
    expect(amount(el)).to.equal('280.00 EUR');
    // From row 2's box, Tab reaches "Move row 2 up" (row 2 has no way down); Enter moves it.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Move row 2 up');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '[part~=list] input').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['5h', '2h']);
    await expect(el).to.be.accessible();
  });

  it('a column pasted from a spreadsheet becomes one row per value', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${PER_TICKET}></credit-calculator>`));
    ($$(el, '[part~=list] button').find((b) => b.textContent?.trim() === 'Add a row') as HTMLButtonElement).click();
    await el.updateComplete;
    const row = $(el, 'input[aria-label="P1 first response, row 1"]') as HTMLInputElement;
    const data = new DataTransfer();
    data.setData('text', '2h\n5h\n30min\n');
    row.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect($$(el, '[part~=list] input').map((i) => (i as HTMLInputElement).value)).to.deep.equal(['2h', '5h', '30min']);
    expect(amount(el)).to.equal('280.00 EUR');
  });

  it('a row that does not read says so and keeps the last result marked as stale', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${PER_TICKET} .values=${{ p1_responses: ['2h'] }}></credit-calculator>`));
    expect(amount(el)).to.equal('80.00 EUR');
    await typeInto(el, $(el, 'input[aria-label="P1 first response, row 1"]') as HTMLInputElement, 'soon');
    expect($(el, '[part~=list] [part=error]')?.textContent).to.match(/number/i);
  });
});
