/**
 * The events `<credit-calculator>` fires. All bubble and cross the shadow
 * root (`composed`), so a host page can listen on the element or on any
 * ancestor. `credit-change` follows a user's action only — never a property
 * the host set — so a host that mirrors values back cannot start a loop.
 * `credit-load` says that rules are in use and their first result shown
 * (rules given as text or `src` load asynchronously: `updateComplete` does
 * not wait for them).
 */
import type { Diagnostic, EvaluationResult } from '../runtime.js';

export interface CreditChangeDetail {
  /** The values the result was computed from, as decimal strings in each input's unit (lists for a contract year). */
  readonly inputs: Readonly<Record<string, string | readonly string[]>>;
  /** The full result; every number in it is a decimal string. */
  readonly result: EvaluationResult;
}

export interface CreditErrorDetail {
  /** `load`: the rules could not be fetched or read; `compile`: they have errors. */
  readonly kind: 'load' | 'compile';
  readonly message: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CreditLoadDetail {
  /** The fingerprint of the terms now in use (what a link's `ID._terms` holds). */
  readonly terms: string;
}

export type CreditChangeEvent = CustomEvent<CreditChangeDetail>;
export type CreditErrorEvent = CustomEvent<CreditErrorDetail>;
export type CreditLoadEvent = CustomEvent<CreditLoadDetail>;

export function creditEvent<K extends keyof CreditEventMap>(type: K, detail: CreditEventMap[K]['detail']): CreditEventMap[K] {
  return new CustomEvent(type, { detail, bubbles: true, composed: true }) as CreditEventMap[K];
}

export interface CreditEventMap {
  'credit-change': CreditChangeEvent;
  'credit-error': CreditErrorEvent;
  'credit-load': CreditLoadEvent;
}

declare global {
  interface HTMLElementEventMap extends CreditEventMap {}
  interface DocumentEventMap extends CreditEventMap {}
}
