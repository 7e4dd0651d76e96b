/// <reference types="mocha" />
/**
 * `values` compared by content: React and other frameworks hand the element
 * a new object on every render (`values={{ availability: '99.9' }}` inline),
 * and a host that re-renders on each `credit-change` does so while the user
 * types. The same values in a new object must not snap the field back.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { amount, field, ready, typeInto, RULES } from './helpers.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';

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
