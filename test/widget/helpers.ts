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

/**
 * Starts collecting what the host page would see as errors: uncaught errors,
 * unhandled rejections and console errors. The function returned gives those
 * collected since its last call.
 */
export function watchPageErrors(): () => string[] {
  const seen: string[] = [];
  window.addEventListener('error', (e) => seen.push(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${String(e.reason)}`));
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    seen.push(`console: ${args.join(' ')}`);
    consoleError(...args);
  };
  return () => seen.splice(0);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How long to wait for the chart: its curve is traced in idle-time slices, and a
 * busy machine (CI beside another test run) has little idle time to give.
 */
export const CHART_WAIT = { timeout: 20_000 };

/** An uptime table with a block cap and two worked examples: the rules most widget tests run. */
export const RULES = `fee 1000 EUR monthly "Monthly fee"
input availability: percent "Monthly availability" default 99.95% range 90%..100% step 0.01%

credit "Uptime" capped 40% monthly:
  if availability < 99.9% then 10%
  if availability < 99.5% then 25%
  if availability < 99% then 50%

example "Short outage": availability = 99.7% => credit 10%
example "Long outage": availability = 98% => credit 40%
`;
