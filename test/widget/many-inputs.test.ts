/// <reference types="mocha" />
/**
 * <credit-calculator> with a form of a thousand inputs: drawn a part at a
 * time (`FIELDS_AT_ONCE` fields with the form, as many in each idle task
 * after), its credit computed from every input's value all along, the
 * fields drawn later typed into as the first ones are. Idle time is held
 * and run a task at a time; fields are counted, never timed.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { compile } from '../../src/index.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import { FIELDS_AT_ONCE } from '../../src/widget/fields-drawn.js';
import { $$, amount, field, holdIdleTime, typeInto, watchPageErrors } from './helpers.js';

const pageErrors = watchPageErrors();
afterEach(() => expect(pageErrors(), 'errors that reached the host page').to.deep.equal([]));

/** A thousand inputs at 50%; 10% of the fee below 40% in the last of them, 5% in the first. */
const INPUTS = 1000;
const rules = [
  'fee 1000 EUR monthly',
  ...Array.from({ length: INPUTS }, (_, i) => `input x${i}: percent "Value ${i}" default ${i === INPUTS - 1 ? 30 : 50}%`),
  'if x0 < 40% then 5%',
  `if x${INPUTS - 1} < 40% then 10%`,
].join('\n');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('<credit-calculator> with a thousand inputs', () => {
  it('draws its form a part at a time in idle tasks, and computes from every value meanwhile', async function () {
    this.timeout(120_000);
    const program = compile(rules).program!;
    const fields = (el: CreditCalculator) => $$(el, '[part~=field]');
    const idle = holdIdleTime();
    let el: CreditCalculator;
    try {
      el = fixtureSync<CreditCalculator>(html`<credit-calculator .program=${program}></credit-calculator>`);
      // The program is made ready in idle tasks (it is more than 300 statements), then the form shows.
      await settle();
      // The form is drawn in the task after the plan's last idle task.
      await idle.until(() => fields(el).length > 0);
      expect(fields(el).length, 'the first fields, with the form').to.equal(FIELDS_AT_ONCE);
      const drawn = [fields(el).length];
      while (idle.held() > 0) {
        idle.run(1);
        await settle();
        drawn.push(fields(el).length);
      }
      const added = drawn.slice(1).map((n, i) => n - drawn[i]);
      expect(Math.max(...added), 'fields drawn in one idle task').to.equal(FIELDS_AT_ONCE);
      expect(drawn.at(-1), 'every field, the fee\'s among them').to.equal(INPUTS + 1);
      expect(fields(el).map((f) => f.querySelector('label')!.textContent!.trim()).slice(-2), 'in the order written').to.deep.equal([`Value ${INPUTS - 2}`, `Value ${INPUTS - 1}`]);
      expect(amount(el), 'the credit of the last input\'s value, which was not drawn at first').to.equal('100.00 EUR');
    } finally {
      idle.restore();
    }
    await typeInto(el, field(el, `Value ${INPUTS - 1}`), '45');
    expect(amount(el)).to.equal('0.00 EUR');
    await typeInto(el, field(el, 'Value 0'), '20');
    expect(amount(el)).to.equal('50.00 EUR');
    expect(field(el, `Value ${INPUTS - 1}`).value, 'a field typed into earlier keeps its text').to.equal('45');
  });
});
