/// <reference types="mocha" />
/**
 * <credit-compare> in real Chromium, used as a prospect and a salesperson
 * would: typing a month into the shared fields and reading what each plan
 * gives back, keyboard only, with a screen reader's live region, in German,
 * dark, with a contract year — and plans that cannot be used. The built
 * bundle under a strict CSP is tested in `dist.node.test.ts`.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/widget/compare/credit-compare.js';
import type { CreditCompare, CreditCompareDetail } from '../../src/widget/compare/credit-compare.js';

const STANDARD = `fee 1000 EUR monthly "Monthly fee"
input availability: percent "Monthly availability" default 99.95% range 90%..100% step 0.01%
credit "Uptime":
  if availability < 99.9% then 10%
  if availability < 99% then 25%
`;

const PREMIUM = `fee 1500 EUR monthly "Monthly fee"
input availability: percent "Monthly availability" default 99.95% range 90%..100% step 0.01%
input announced: boolean "Announced maintenance" default false
credit "Uptime":
  if availability < 99.95% and not announced then 10%
  if availability < 99.9% and not announced then 25%
  if availability < 99% and not announced then 50%
cap 30% yearly
`;

const $ = (el: CreditCompare, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement | null;
const $$ = (el: CreditCompare, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)] as HTMLElement[];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').replace(/\u00a0/g, ' ').trim();

async function ready(el: CreditCompare): Promise<CreditCompare> {
  for (let i = 0; i < 300 && !$(el, '[part=plans] tbody tr') && !$(el, '[part=problems]'); i++) {
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
  }
  await el.updateComplete;
  return el;
}

/** The table as a person reads it: each plan's row, by the column headings. */
function rows(el: CreditCompare): Record<string, Record<string, string>> {
  const headings = $$(el, '[part=plans] thead th').map((th) => text(th));
  return Object.fromEntries($$(el, '[part=plans] tbody tr').map((tr) => {
    const cells = [...tr.children].map((c) => text(c));
    return [cells[0], Object.fromEntries(headings.slice(1).map((h, i) => [h, cells[i + 1]]))];
  }));
}

const field = (el: CreditCompare, label: string) =>
  $$(el, '[part~=field]').find((f) => text(f.querySelector('label')) === label)!.querySelector('input') as HTMLInputElement;

async function typeInto(el: CreditCompare, input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  await sendKeys({ press: 'Control+A' });
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: value });
  await el.updateComplete;
}

const made: Element[] = [];

/** A <credit-compare> on the page with these plans (child scripts, as a page writes them) and these properties. */
async function compare(given: [name: string, rules: string][], properties: Partial<Pick<CreditCompare, 'panels' | 'locale' | 'values'>> = {}): Promise<CreditCompare> {
  const el = document.createElement('credit-compare');
  for (const [name, rules] of given) {
    const script = document.createElement('script');
    script.type = 'text/credit-rules';
    script.dataset.plan = name;
    script.textContent = rules;
    el.append(script);
  }
  Object.assign(el, properties);
  document.body.append(el);
  made.push(el);
  return ready(el);
}

const BOTH: [string, string][] = [['Standard', STANDARD], ['Premium', PREMIUM]];

async function chart(el: CreditCompare): Promise<HTMLElement> {
  for (let i = 0; i < 300 && !$(el, '[part=chart] svg'); i++) {
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
  }
  return $(el, '[part=chart]')!;
}

describe('<credit-compare>', () => {
  afterEach(async () => {
    for (const el of made.splice(0)) el.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('shows what each plan gives back for the values typed, and the difference to the first', async () => {
    const el = await compare(BOTH);
    expect(rows(el).Standard).to.deep.equal({ 'Monthly fee': '1,000.00 EUR', 'Total credit': '0.00 EUR', 'Share of the fee': '0%', 'Difference to Standard': 'basis' });
    expect(rows(el).Premium['Total credit']).to.equal('0.00 EUR');
    const change = oneEvent(el, 'credit-compare-change') as Promise<CustomEvent<CreditCompareDetail>>;
    await typeInto(el, field(el, 'Monthly availability'), '99.5');
    expect(rows(el).Standard).to.include({ 'Total credit': '100.00 EUR', 'Share of the fee': '10%' });
    expect(rows(el).Premium).to.include({ 'Total credit': '375.00 EUR', 'Share of the fee': '25%', 'Difference to Standard': '+275.00 EUR' });
    const { detail } = await change;
    expect(detail.plans.map((p) => [p.name, p.result?.credit.amount, p.difference])).to.deep.equal([['Standard', '100.00', '0'], ['Premium', '375.00', '275']]);
  });

  it('asks once for an input the plans share, and for one only a plan reads; the other plan is not affected', async () => {
    const el = await compare(BOTH);
    expect($$(el, '[part~=field] label').map((l) => text(l))).to.deep.equal(['Monthly availability', 'Announced maintenance']);
    await typeInto(el, field(el, 'Monthly availability'), '98');
    expect(rows(el).Premium['Total credit']).to.equal('750.00 EUR');
    ($(el, '[part=switch]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(rows(el).Premium).to.include({ 'Total credit': '0.00 EUR', 'Difference to Standard': '−250.00 EUR' });
    expect(rows(el).Standard['Total credit']).to.equal('250.00 EUR');
  });

  it('can be used with the keyboard alone, and tells a screen reader the credit of each plan', async () => {
    const before = await fixture(html`<button>before</button>`);
    const el = document.createElement('credit-compare');
    el.innerHTML = `<script type="text/credit-rules" data-plan="Standard">${STANDARD}</script><script type="text/credit-rules" data-plan="Premium">${PREMIUM}</script>`;
    before.after(el);
    await ready(el);
    (before as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'Monthly availability'));
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: '99.5' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    const live = $(el, '[role=status]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(text(live)).to.equal('Credit per plan: Standard 100.00 EUR; Premium 0.00 EUR.');
    expect($$(el, '[part=plans] th[scope=row]').map((th) => text(th))).to.deep.equal(['Standard', 'Premium']);
    el.remove();
  });

  it('draws every plan\'s curve in one chart, with a legend and an amount axis', async () => {
    const el = await compare(BOTH);
    await typeInto(el, field(el, 'Monthly availability'), '99.5');
    const figure = await chart(el);
    expect(figure.querySelectorAll('svg path.curve').length).to.equal(2);
    expect(text(figure.querySelector('figcaption'))).to.equal('Credit by Monthly availability, per plan');
    expect([...figure.querySelectorAll('.legend li')].map((li) => text(li))).to.deep.equal(['Standard', 'Premium']);
    expect(figure.querySelector('svg')!.getAttribute('aria-label')!.replace(/\u00a0/g, ' ')).to.contain('Standard 100.00 EUR, Premium 375.00 EUR');
    // The highest credit of any plan in the span: Premium's 50 % of 1,500 EUR.
    expect(text(figure.querySelector('.plot .top'))).to.equal('750.00 EUR');
    // Plans differ by more than colour: the second curve is dashed.
    const [first, second] = figure.querySelectorAll('svg path.curve');
    expect(getComputedStyle(first).strokeDasharray).to.equal('none');
    expect(getComputedStyle(second).strokeDasharray).to.not.equal('none');
  });

  it('shows a contract year per plan, each plan\'s yearly cap applied', async () => {
    const el = await compare(BOTH, { panels: 'year', values: { availability: '98' } });
    const months = $$(el, '[part=year] tbody tr').map((tr) => [...tr.children].map((c) => text(c)));
    expect(months).to.have.length(12);
    expect(months[0]).to.deep.equal(['1 · Jan', '250.00 EUR', '750.00 EUR']);
    // Premium: 750 EUR a month until 30 % of 18,000 EUR (5,400 EUR) is reached in month 8.
    expect(months[7]).to.deep.equal(['8 · Aug', '250.00 EUR', '150.00 EUR']);
    expect(months[8]).to.deep.equal(['9 · Sep', '250.00 EUR', '0.00 EUR']);
    const total = [...$(el, '[part=year] tfoot tr')!.children].map((c) => text(c));
    expect(total).to.deep.equal(['Year total', '3,000.00 EUR25% of the yearly fee', '5,400.00 EUR30% of the yearly fee']);
  });

  it('speaks German and reads German numbers', async () => {
    const el = await compare(BOTH, { locale: 'de' });
    await typeInto(el, field(el, 'Monthly availability'), '99,5');
    expect(text($(el, '[part=result] .heading'))).to.equal('Tarife im Vergleich');
    expect(rows(el).Premium).to.include({ 'Gutschrift gesamt': '375,00 EUR', 'Anteil der Gebühr': '25 %', 'Unterschied zu Standard': '+275,00 EUR' });
  });

  it('shows the labels the rules give in the page\'s language', async () => {
    const german = (rules: string) => rules.replace('"Monthly availability"', '"Monthly availability" de "Monatliche Verfügbarkeit"');
    const el = await compare([['Standard', german(STANDARD)], ['Premium', german(PREMIUM)]], { locale: 'de' });
    await typeInto(el, field(el, 'Monatliche Verfügbarkeit'), '99,5');
    expect(rows(el).Premium).to.include({ 'Gutschrift gesamt': '375,00 EUR' });
    expect(text((await chart(el)).querySelector('figcaption'))).to.equal('Gutschrift nach Monatliche Verfügbarkeit, je Tarif');
  });

  it('keeps the last result and says what is wrong when a value is mistyped', async () => {
    const el = await compare(BOTH);
    const input = field(el, 'Monthly availability');
    await typeInto(el, input, '99.5');
    await typeInto(el, input, 'abc');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '[part=error]'))).to.contain('Enter a number');
    expect(rows(el).Premium['Total credit']).to.equal('375.00 EUR');
    expect($(el, '[part=result]')!.classList.contains('stale')).to.equal(true);
    await typeInto(el, input, '80');
    expect(text($(el, '[part=error]'))).to.contain('90%');
  });

  it('passes axe-core, light and dark', async function () {
    this.timeout(30_000);
    const el = await compare(BOTH, { panels: 'all' });
    await chart(el);
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    await expect(el).to.be.accessible();
  });

  it('loads a plan from src, and names the plan whose rules cannot be used', async () => {
    const url = new URL('./fixtures/uptime.credit', import.meta.url).href;
    const el = document.createElement('credit-compare');
    el.innerHTML = `<script type="text/credit-rules" data-plan="From a file" src="${url}"></script><script type="text/credit-rules" data-plan="Broken">fee 100 EUR\nif availability < then 10%</script>`;
    const error = oneEvent(el, 'credit-error');
    document.body.append(el);
    const { detail } = await error;
    await ready(el);
    expect(detail.message).to.contain('Plan Broken');
    expect(text($(el, '[part=problems] .where'))).to.match(/^Broken 2:\d+$/);
    el.querySelector('[data-plan=Broken]')!.remove();
    await ready(el);
    for (let i = 0; i < 300 && $(el, '[part=problems]'); i++) await new Promise((r) => setTimeout(r, 10));
    await ready(el);
    expect(Object.keys(rows(el))).to.deep.equal(['From a file']);
    el.remove();
  });

  it('says so when two plans read one input in different kinds', async () => {
    const el = await compare([['A', STANDARD], ['B', 'fee 100 EUR monthly\ninput availability: number\nif availability < 5 then 10%\n']]);
    expect(text($(el, '[part=problems]'))).to.contain('Plans A and B read “availability” in different kinds or units');
  });

  it('opens a shared link with its values and months, in the calculator\'s share format, and says when the plans changed since', async () => {
    const original = location.href;
    const link = `${location.pathname}?plans.availability=99.5&plans.year.availability=99.5~98`;
    /** The comparison `id="plans"`, opened with `query` as the page's link. */
    const opened = async (query: string) => {
      history.replaceState(null, '', query);
      const el = document.createElement('credit-compare');
      el.id = 'plans';
      el.panels = 'year';
      el.innerHTML = `<script type="text/credit-rules" data-plan="Standard">${STANDARD}</script><script type="text/credit-rules" data-plan="Premium">${PREMIUM}</script>`;
      document.body.append(el);
      made.push(el);
      return ready(el);
    };
    const note = (el: CreditCompare) => $(el, '[part=form] [part=error]');
    try {
      const el = await opened(link);
      expect(field(el, 'Monthly availability').value).to.equal('99.5');
      expect(rows(el).Premium['Total credit']).to.equal('375.00 EUR');
      const months = $$(el, '[part=year] tbody tr').map((tr) => [...tr.children].map((c) => text(c)));
      expect(months[0]).to.deep.equal(['1 · Jan', '100.00 EUR', '375.00 EUR']);
      expect(months[1]).to.deep.equal(['2 · Feb', '250.00 EUR', '750.00 EUR']);
      expect(note(el), 'no note while the link names no terms').to.equal(null);
      expect(el.terms).to.match(/^[0-9a-f]{8}\.[0-9a-f]{8}$/);
      // A link made under these plans' terms opens quietly; under other terms, it says so.
      expect(note(await opened(`${link}&plans._terms=${el.terms}`))).to.equal(null);
      expect(text(note(await opened(`${link}&plans._terms=0badc0de.${el.terms!.split('.')[1]}`)))).to.equal('The terms have changed since this link was made.');
      // Another element's values are not this one's.
      expect(field(await opened(`${location.pathname}?proposal.availability=98`), 'Monthly availability').value).to.equal('99.95');
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('follows the page into another language while it is shown', async () => {
    const page = document.createElement('div');
    page.lang = 'de';
    document.body.append(page);
    made.push(page);
    const el = document.createElement('credit-compare');
    el.innerHTML = `<script type="text/credit-rules" data-plan="Standard">${STANDARD}</script><script type="text/credit-rules" data-plan="Premium">${PREMIUM}</script>`;
    page.append(el);
    await ready(el);
    await typeInto(el, field(el, 'Monthly availability'), '99,5');
    expect(rows(el).Premium).to.include({ 'Gutschrift gesamt': '375,00 EUR' });
    page.lang = 'en';
    await waitUntil(() => rows(el).Premium?.['Total credit'] === '375.00 EUR', 'the comparison follows the page into English');
    expect(field(el, 'Monthly availability').value).to.equal('99.5');
    expect(text($(el, '[part=result] .heading'))).to.equal('Plans side by side');
  });

  it('renders markup in plan names as text', async () => {
    const el = await compare([['<img src=x onerror=window.__xss=1>', STANDARD]]);
    expect(Boolean(el.shadowRoot!.querySelector('img'))).to.equal(false);
    expect(Object.keys(rows(el))).to.deep.equal(['<img src=x onerror=window.__xss=1>']);
  });
});
