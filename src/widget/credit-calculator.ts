/**
 * credit-rules/widget: registers `<credit-calculator>` (also the entry of the
 * standalone `dist/credit-calculator.js`). Pages embed widgets next to other
 * people's scripts, so the same module may well load twice (two bundles, a
 * CDN copy and a local one): the second registration warns with a stable
 * code and leaves the first in place instead of throwing. On a server (SSR,
 * where `customElements` may not exist) importing it registers nothing.
 */
import { CreditCalculator } from './credit-calculator.component.js';

export * from './class.js';

export const TAG = 'credit-calculator';

if (typeof customElements === 'undefined') {
  // A server render: the element is registered when the page loads this module in the browser.
} else if (customElements.get(TAG)) {
  console.warn(`[credit-calculator] <${TAG}> is already defined; this copy of the module is not used. (code: already-defined)`);
} else {
  // The literal tag name (not TAG) lets the custom-elements manifest find it.
  customElements.define('credit-calculator', CreditCalculator);
}

declare global {
  interface HTMLElementTagNameMap {
    'credit-calculator': CreditCalculator;
  }
}
