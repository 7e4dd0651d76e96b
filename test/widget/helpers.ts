/**
 * What the widget's browser tests share: waiting for an element to load,
 * reading it the way a user sees it, and typing into it with real key presses.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';

/** Waits until the element has loaded its rules (or failed to). */
export async function ready(el: CreditCalculator): Promise<CreditCalculator> {
  for (let i = 0; i < 300 && !el.loadedProgram && !el.shadowRoot?.querySelector('[part=problems]'); i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  await el.updateComplete;
  return el;
}

export const $ = (el: CreditCalculator, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement | null;
export const $$ = (el: CreditCalculator, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)] as HTMLElement[];
export const amount = (el: CreditCalculator) => $(el, '[part=amount]')?.textContent?.trim().replace(/\u00a0/g, ' ');
export const field = (el: CreditCalculator, label: string) =>
  $$(el, '[part~=field]').find((f) => f.querySelector('label')?.textContent?.trim() === label)!.querySelector('input[part=input]') as HTMLInputElement;

export async function typeInto(el: CreditCalculator, input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ press: 'Control+A' });
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  await el.updateComplete;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
