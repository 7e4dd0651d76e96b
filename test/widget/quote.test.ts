/// <reference types="mocha" />
/**
 * The demo's quote document (demo/quote.js) for rules measured per quarter:
 * the contract year in quarters, the credit of a quarter as a share of the
 * quarter's fee — not twelve months of a monthly program.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ready } from './helpers.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
// @ts-expect-error: the demo's plain JavaScript has no types
import { quote } from '../../demo/quote.js';

const quarterly = new URL('../../examples/quarterly-uptime.credit', import.meta.url).href;

/** The rows of the quote's tables as a reader reads them: header cell, then the others. */
function rows(text: string): string[][] {
  const doc = new DOMParser().parseFromString(text, 'text/html');
  return [...doc.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent!.replace(/\u00a0/g, ' ')));
}

describe('the quote of a quarterly program', () => {
  it('shows the quarter’s credit and the contract year in four quarters', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator id="offer" src=${quarterly} .values=${{ uptime: '99.5' }}></credit-calculator>`));
    const text = (quote(el) as string).replace(/&nbsp;|\u00a0/g, ' ');
    expect(text).to.contain('<h2>Service credit for the quarter</h2>');
    expect(text).to.contain('900.00 USD</p><p class="hint">10% of the quarter’s fee');
    expect(text).to.contain('Every quarter with the values above.');
    const table = rows(text);
    expect(table).to.deep.include(['Uptime this quarter', '99.5%']);
    expect(table.filter((r) => /^Q\d$/.test(r[0]))).to.deep.equal([['Q1', '900.00 USD'], ['Q2', '900.00 USD'], ['Q3', '900.00 USD'], ['Q4', '900.00 USD']]);
    expect(table).to.deep.include(['Year total', '3,600.00 USD (10% of the yearly fee)']);
    // The clause names the monthly fee, not the quarter's.
    expect(text).to.contain('The monthly fee is 3,000.00 USD');
  });
});
