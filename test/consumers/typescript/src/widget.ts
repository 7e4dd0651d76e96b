// The widget's types as a consumer sees them: the tag, its properties, its events.
import 'credit-rules/widget';
import type { CreditChangeEvent } from 'credit-rules/widget';
import { CreditCalculator } from 'credit-rules/widget/class';

const calculator = document.createElement('credit-calculator');
const isTheClass: CreditCalculator = calculator;
calculator.values = { availability: '99.5%' };
calculator.locale = 'de';
// @ts-expect-error: the element has no such property, and its type says so
calculator.rulez = '';
calculator.addEventListener('credit-change', (e) => {
  const amount: string = e.detail.result.credit.amount;
  const event: CreditChangeEvent = e;
  console.log(amount, event.type, isTheClass.src);
});
document.querySelector('credit-calculator')?.addEventListener('credit-error', (e) => console.log(e.detail.kind));
calculator.addEventListener('credit-load', (e) => console.log(e.detail.terms.length, calculator.result?.credit.amount));
