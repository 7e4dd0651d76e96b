/**
 * Registers `<credit-compare>` — the entry of `dist/credit-compare.js`. Like
 * `<credit-calculator>`, a second copy of the module warns with a stable code
 * and leaves the first registration in place instead of throwing.
 */
// The calculator's entry first: the built compare bundle then shares its runtime (Lit, the language,
// the chart) instead of splitting it into a third file; it also registers <credit-calculator>.
import '../credit-calculator.js';
import { CreditCompare } from './credit-compare.component.js';

export { CreditCompare };
export type { CreditCompareDetail } from './credit-compare.component.js';

export const TAG = 'credit-compare';

if (customElements.get(TAG)) {
  console.warn(`[credit-compare] <${TAG}> is already defined; this copy of the module is not used. (code: already-defined)`);
} else {
  // The literal tag name (not TAG) lets the custom-elements manifest find it.
  customElements.define('credit-compare', CreditCompare);
}

declare global {
  interface HTMLElementTagNameMap {
    'credit-compare': CreditCompare;
  }
}
