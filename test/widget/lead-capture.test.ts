/// <reference types="mocha" />
/**
 * <credit-calculator> as a lead-capture form (issue 20): inside a host
 * `<form>` its result is submitted with the visitor's own fields, and a
 * `cta` slot puts the page's call to action beside the result.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import { $, field, ready, typeInto, RULES } from './helpers.js';

describe('<credit-calculator> in a lead form', () => {
  it('submits its result and values with the host form, as typed by the visitor', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <label>Work email <input name="email" type="email" /></label>
      <credit-calculator name="sla" rules=${RULES}></credit-calculator>
      <button>Send me the offer</button>
    </form>`);
    const el = await ready(form.querySelector('credit-calculator')!);
    const submitted: Record<string, string>[] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted.push(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)])));
    });
    (form.querySelector('[name=email]') as HTMLInputElement).focus();
    await sendKeys({ type: 'maren@example.com' });
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    form.querySelector('button')!.click();
    expect(submitted).to.deep.equal([{
      email: 'maren@example.com',
      'sla.credit': '250.00',
      'sla.currency': 'EUR',
      'sla.percent': '25',
      'sla.fee': '1000',
      'sla.availability': '99.4',
    }]);
  });

  it('submits the result it shows with a form it joins later', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}></credit-calculator>`));
    await typeInto(el, field(el, 'Monthly availability'), '99.4');
    const form = document.createElement('form');
    el.parentElement!.append(form);
    form.append(el);
    expect(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]))).to.deep.equal({
      'credit.credit': '250.00',
      'credit.currency': 'EUR',
      'credit.percent': '25',
      'credit.fee': '1000',
      'credit.availability': '99.4',
    });
  });

  it('shows the page\'s call to action beside the result', async () => {
    const el = await ready(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES}><a slot="cta" href="#contact">Talk to sales</a></credit-calculator>`));
    const cta = el.querySelector('[slot=cta]') as HTMLElement;
    expect(cta.getClientRects().length, 'shown').to.be.greaterThan(0);
    const total = $(el, '[part=total]')!.getBoundingClientRect();
    expect(cta.getBoundingClientRect().top, 'under the total').to.be.at.least(total.bottom - 1);
    expect(cta.assignedSlot?.parentElement?.getAttribute('part')).to.equal('result');
  });
});
