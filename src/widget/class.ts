/**
 * credit-rules/widget/class: the `<credit-calculator>` class and its types,
 * without registering a tag — for apps that register it under a name of
 * their own or extend it. Importing this module has no side effects.
 */
export { CreditCalculator } from './credit-calculator.component.js';
export type { Panel } from './credit-calculator.component.js';
export type { CreditChangeDetail, CreditChangeEvent, CreditErrorDetail, CreditErrorEvent, CreditEventMap, CreditLoadDetail, CreditLoadEvent } from './events.js';
