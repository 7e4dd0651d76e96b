/// <reference types="mocha" />
/**
 * The "why" panel of <credit-calculator> in Chromium, read as a visitor reads
 * it: sentences from the labels in English and German that follow what is
 * typed, the exact calculation one click away, accessible light and dark,
 * and within a 375 px phone.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { $, $$, field, ready, typeInto } from './helpers.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';

const RULES = `fee 1000 EUR monthly "Monthly fee" de "Monatliche Gebühr"
input availability: percent "Monthly availability" de "Monatliche Verfügbarkeit" default 99.95% range 90%..100% step 0.01%
input announced: boolean "Announced maintenance" de "Angekündigte Wartung" default false

credit "Uptime" de "Verfügbarkeit" capped 20% monthly:
  if availability < 99.9% and not announced then 10%
  if availability < 99% and not announced then 25%
`;

/** The sentences of the panel as a visitor reads them. */
const because = (el: CreditCalculator) => $$(el, '[part=because] li').map((li) => li.textContent!.replace(/\u00a0/g, ' ').trim());
const trace = (el: CreditCalculator) => $(el, '[part=trace]') as HTMLDetailsElement;

describe('<credit-calculator> why, in words', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  it('says in English why no credit is due, and why one is once the uptime drops', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${RULES}></credit-calculator>`));
    expect(because(el)).to.deep.equal(['Your value of 99.95% for “Monthly availability” meets the 99.9% target, so no credit is due.']);
    await typeInto(el, field(el, 'Monthly availability'), '98.5');
    expect(because(el)).to.deep.equal([
      'Your value of 98.5% for “Monthly availability” is below 99% and “Announced maintenance” does not apply, so a credit of 250.00 EUR (25% of the monthly fee) is due.',
      'This is capped at 20% of the fee: 200.00 EUR instead of 250.00 EUR.',
    ]);
    ($(el, '[part=switch]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(because(el)).to.deep.equal(['“Announced maintenance” applies, so no credit is due.']);
  });

  it('says it in German, from the German labels', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="de" rules=${RULES}></credit-calculator>`));
    expect(because(el)).to.deep.equal(['Ihr Wert für „Monatliche Verfügbarkeit“ von 99,95 % erreicht das Ziel von 99,9 %, daher ist keine Gutschrift fällig.']);
    await typeInto(el, field(el, 'Monatliche Verfügbarkeit'), '99,5');
    expect(because(el)).to.deep.equal([
      'Ihr Wert für „Monatliche Verfügbarkeit“ von 99,5 % liegt unter 99,9 % und „Angekündigte Wartung“ trifft nicht zu, daher ist eine Gutschrift von 100,00 EUR (10 % der monatlichen Vergütung) fällig.',
    ]);
    expect(trace(el).querySelector('summary')!.textContent).to.equal('Die genaue Berechnung, Schritt für Schritt');
  });

  it('names a plural label so the sentence stays grammatical: “your value of 350 for “Tickets resolved””', async () => {
    const rules = 'payout "bonus" de "Bonus"\ninput resolved: number "Tickets resolved" de "Gelöste Tickets" default 350 range 0..10000 step 1\nif resolved > 400 then 50 EUR\n';
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${rules}></credit-calculator>`));
    expect(because(el)).to.deep.equal(['Your value of 350 for “Tickets resolved” stays within 400, so no bonus is due.']);
    await typeInto(el, field(el, 'Tickets resolved'), '450');
    expect(because(el)).to.deep.equal(['Your value of 450 for “Tickets resolved” is above 400, so a bonus of 50.00 EUR is due.']);
  });

  it('keeps the exact calculation one click away', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${RULES} .values=${{ availability: 99.5 }}></credit-calculator>`));
    const details = trace(el);
    expect(details.open).to.equal(false);
    expect(Boolean(details.querySelector('li')), 'not rendered while closed').to.equal(false);
    details.querySelector('summary')!.click();
    await waitUntil(() => details.querySelector('li'), 'the steps appear');
    expect(details.open).to.equal(true);
    const steps = [...details.querySelectorAll('ol li')].map((li) => li.textContent!.replace(/\u00a0/g, ' '));
    expect(steps[0]).to.equal('availability = 99.5%, announced = no: availability < 99.9% and not announced holds.');
    expect(details.querySelector('ol')!.checkVisibility()).to.equal(true);
    await typeInto(el, field(el, 'Monthly availability'), '98');
    expect(details.open, 'stays open while values change').to.equal(true);
    expect(details.textContent).to.contain('availability = 98%');
  });

  it('shows the trace alone for a calculator without credits', async () => {
    const roi = 'input tickets: number "Tickets" default 10\noutput cost: number "Cost" = tickets * 2\n';
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${roi} panels="outputs why"></credit-calculator>`));
    expect(Boolean($(el, '[part=because]'))).to.equal(false);
    expect($(el, '[part=why] ol')!.textContent).to.contain('cost = 20');
  });

  it('passes axe-core with the calculation open, light and dark, and fits a 375 px phone', async function () {
    this.timeout(30_000);
    await setViewport({ width: 375, height: 800 });
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${RULES} panels="breakdown why" .values=${{ availability: 98.5 }}></credit-calculator>`));
    trace(el).querySelector('summary')!.click();
    await waitUntil(() => trace(el).querySelector('li'), 'the steps appear');
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    await expect(el).to.be.accessible();
    const why = $(el, '[part=why]')!;
    expect(why.getBoundingClientRect().right).to.be.at.most(375);
    expect(why.scrollWidth).to.be.at.most(why.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
  });
});
