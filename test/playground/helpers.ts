/**
 * What the playground's browser tests share: a playground on the page with
 * its own storage, waiting for it as a person would wait for the screen, and
 * typing into the editor with real key presses.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/playground/credit-playground.js';
import type { CreditPlayground } from '../../src/playground/credit-playground.js';

export const RULES = `fee 1000 EUR monthly
input availability: percent "Availability" default 99% range 90%..100%
if availability < 99.5% then 10%
`;

let keys = 0;

/** How long to wait for the screen on a busy machine (nothing is timed; this only bounds a failure). */
export const PATIENCE = { timeout: 15_000 };

/**
 * Scrolls the clause pane into view, and is true: called again while waiting,
 * as a person scrolls again — the pane fills when in view, and the examples
 * pane above it fills in idle time and can push it out.
 */
export function clauseInView(el: CreditPlayground): true {
  (el.shadowRoot!.querySelector('[data-pane=clause]') as HTMLElement).scrollIntoView();
  return true;
}

/** A playground with its own storage key (so tests never see each other's drafts) and, optionally, a text. */
export async function mount(options: { source?: string; key?: string; readHash?: boolean; locale?: 'en' | 'de' } = {}): Promise<CreditPlayground> {
  const key = options.key ?? `playground-test-${Date.now()}-${keys++}`;
  const locale = options.locale ?? 'en';
  const el = options.readHash
    ? await fixture<CreditPlayground>(html`<credit-playground storage-key=${key} locale=${locale}></credit-playground>`)
    : await fixture<CreditPlayground>(html`<credit-playground storage-key=${key} locale=${locale} ignore-hash></credit-playground>`);
  await el.ready;
  if (options.source !== undefined) el.source = options.source;
  await settle(el);
  return el;
}

/** Waits for the compile of the last keystroke (one frame), the slower panes (idle time) and the render. */
export async function settle(el: CreditPlayground): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await new Promise((r) => requestIdleCallback(() => r(undefined), { timeout: 500 }));
  await el.updateComplete;
  const calculator = el.shadowRoot!.querySelector('credit-calculator') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await calculator?.updateComplete;
}

export const $ = (el: CreditPlayground, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement | null;
export const $$ = (el: CreditPlayground, selector: string) => [...el.shadowRoot!.querySelectorAll(selector)] as HTMLElement[];
export const credit = (el: CreditPlayground) =>
  (el.shadowRoot!.querySelector('credit-calculator') as unknown as { result?: { credit: { amount: string } } } | null)?.result?.credit.amount;
export const cursorLine = (el: CreditPlayground) => el.editor!.state.doc.lineAt(el.editor!.state.selection.main.head).number;

/** Puts the cursor at the end of the text, as Ctrl+End does. */
export async function toEnd(el: CreditPlayground): Promise<void> {
  ($(el, '.cm-content') as HTMLElement).focus();
  await sendKeys({ press: 'Control+End' });
}

/** Types lines as a person: each line, Escape to close any suggestion list, Enter. */
export async function typeLines(el: CreditPlayground, ...lines: string[]): Promise<void> {
  for (const line of lines) {
    await sendKeys({ type: line });
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Enter' });
  }
  await settle(el);
}


/** Names the current text, then saves it as a version by typing and pressing Enter, as a person does. */
export async function saveVersion(el: CreditPlayground, name: string): Promise<void> {
  const count = $$(el, '.version').length;
  ($(el, '#version-name') as HTMLInputElement).focus();
  await sendKeys({ type: name });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => $$(el, '.version').length === count + 1, `the version “${name}” in the history`, PATIENCE);
}
