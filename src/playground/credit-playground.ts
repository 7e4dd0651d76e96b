/**
 * Registers `<credit-playground>`. Like the calculator, a second copy of the
 * module (two bundles on one page) warns with a stable code and leaves the
 * first registration in place instead of throwing. The playground shows the
 * real `<credit-calculator>` as its preview, so it registers that too. On a
 * server (no `customElements`) importing it registers nothing.
 */
import '../widget/credit-calculator.js';
import { CreditPlayground } from './credit-playground.component.js';

export { CreditPlayground };
export type { PlaygroundChangeDetail } from './credit-playground.component.js';

export const TAG = 'credit-playground';

if (typeof customElements === 'undefined') {
  // A server render: the element is registered when the page loads this module in the browser.
} else if (customElements.get(TAG)) {
  console.warn(`[credit-playground] <${TAG}> is already defined; this copy of the module is not used. (code: already-defined)`);
} else {
  customElements.define(TAG, CreditPlayground);
}

declare global {
  interface HTMLElementTagNameMap {
    'credit-playground': CreditPlayground;
  }
  interface HTMLElementEventMap {
    'playground-change': CustomEvent<import('./credit-playground.component.js').PlaygroundChangeDetail>;
  }
}
