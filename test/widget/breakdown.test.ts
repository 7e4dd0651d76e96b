/// <reference types="mocha" />
/**
 * The breakdown of <credit-calculator> in Chromium, read as a visitor reads
 * it: each rule's and tier's condition in words, in the page's language, from
 * the inputs' labels — no rule text — with labels shown as text, and long
 * labels wrapping within a 375 px phone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { $, $$, field, ready, typeInto } from './helpers.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';

const RULES = `fee 1000 EUR monthly "Monthly fee" de "Monatliche Gebühr"
input availability: percent "Monthly availability" de "Monatliche Verfügbarkeit" default 99.95% range 90%..100% step 0.01%
input announced: boolean "Announced maintenance" de "Angekündigte Wartung" default false

credit "Uptime" de "Verfügbarkeit":
  if availability < 99.9% and not announced then 10%
  if availability < 99% and not announced then 25%
if availability < 95% then 5%
`;

/** What a visitor reads on each line of the breakdown: the credits' heads, then each tier, without no-break spaces. */
const read = (el: CreditCalculator, selector: string) => $$(el, `[part=breakdown] ${selector}`).map((e) => e.textContent!.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim());

describe('<credit-calculator> breakdown, in words', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('says each condition in English, from the labels, and marks the tier that applies', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${RULES}></credit-calculator>`));
    await typeInto(el, field(el, 'Monthly availability'), '98.5');
    expect(read(el, '.tier')).to.deep.equal([
      'Your value for “Monthly availability” is below 99.9% and “Announced maintenance” does not apply 100.00 EUR',
      'Your value for “Monthly availability” is below 99% and “Announced maintenance” does not apply applies 250.00 EUR',
    ]);
    expect(read(el, '.tier[data-winner] .badge')).to.deep.equal(['applies']);
    expect(read(el, '.line-head')).to.deep.equal(['Uptime 250.00 EUR', 'Your value for “Monthly availability” is below 95% 0.00 EUR']);
    expect(Boolean($(el, '[part=breakdown] code')), 'no rule text').to.equal(false);
  });

  it('says them in German on a German page', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de"><credit-calculator rules=${RULES}></credit-calculator></div>`);
    const el = await ready(page.querySelector('credit-calculator')!);
    await typeInto(el, field(el, 'Monatliche Verfügbarkeit'), '99,5');
    expect(read(el, '.tier')).to.deep.equal([
      'Ihr Wert für „Monatliche Verfügbarkeit“ liegt unter 99,9 % und „Angekündigte Wartung“ trifft nicht zu gilt 100,00 EUR',
      'Ihr Wert für „Monatliche Verfügbarkeit“ liegt unter 99 % und „Angekündigte Wartung“ trifft nicht zu —',
    ]);
    expect(read(el, '.line-head')).to.deep.equal(['Verfügbarkeit 100,00 EUR', 'Ihr Wert für „Monatliche Verfügbarkeit“ liegt unter 95 % 0,00 EUR']);
    expect(Boolean($(el, '[part=breakdown] code'))).to.equal(false);
  });

  it('keeps the rule text where words would guess: a calculation in the condition', async () => {
    const rules = 'fee 100 EUR monthly\ninput a: number "Incidents" default 3\ninput b: number "Escalations" default 3\nif a + b > 5 then 5%\n';
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="de" rules=${rules}></credit-calculator>`));
    expect($(el, '[part=breakdown] .line-head code')!.textContent).to.equal('a + b > 5');
  });

  it('shows a label as text, never as markup', async () => {
    const rules = `fee 100 EUR monthly\ninput x: number "<img src=x onerror=alert(1)> incidents" default 3\nif x > 2 then 5%\n`;
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${rules}></credit-calculator>`));
    expect(Boolean($(el, '[part=breakdown] img'))).to.equal(false);
    expect(read(el, '.line-head')).to.deep.equal(['Your value for “<img src=x onerror=alert(1)> incidents” is above 2 5.00 EUR']);
  });

  it('prints the tier that applies alone, so the summary keeps to one page', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="en" rules=${RULES} .values=${{ availability: 98.5 }}></credit-calculator>`));
    el.setAttribute('data-credit-printing', 'this');
    await emulateMedia({ media: 'print' });
    try {
      const printed = $$(el, '[part=breakdown] .tier').filter((tier) => tier.checkVisibility());
      expect(printed.map((tier) => tier.textContent!.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Your value for “Monthly availability” is below 99% and “Announced maintenance” does not apply applies 250.00 EUR',
      ]);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('wraps long labels within a 375 px phone, the amounts in view', async () => {
    await setViewport({ width: 375, height: 800 });
    const label = 'Monatliche Verfügbarkeit des Produktions-API-Gateways über alle Regionen (Dienstgütevereinbarungsverfügbarkeitsschwelle)';
    const rules = RULES.replace('"Monatliche Verfügbarkeit"', `"${label}"`);
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator locale="de" rules=${rules} panels="breakdown" .values=${{ availability: 94 }}></credit-calculator>`));
    const breakdown = $(el, '[part=breakdown]')!;
    expect(breakdown.textContent).to.contain(label);
    expect(breakdown.getBoundingClientRect().right).to.be.at.most(375);
    expect(breakdown.scrollWidth).to.be.at.most(breakdown.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    for (const amount of $$(el, '[part=breakdown] .tier > :last-child, [part=breakdown] .money')) {
      expect(amount.getBoundingClientRect().right, amount.textContent!).to.be.at.most(breakdown.getBoundingClientRect().right);
    }
  });
});
