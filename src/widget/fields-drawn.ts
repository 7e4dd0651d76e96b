/**
 * How many of the form's fields are drawn, as a Lit reactive controller.
 * Drawing a field costs the main thread about half a millisecond (its DOM,
 * then its layout), so a form of thousands of inputs drawn at once held the
 * page for seconds: the first `FIELDS_AT_ONCE` are drawn with the form, the
 * rest as many at a time in idle tasks. Every usual form is drawn whole at
 * once; on a server, which renders once, every form is.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { whenIdle } from './idle.js';

/** The fields drawn with the form, and then in each idle task: 100 took 50–67 ms of a busy machine's main thread (load 3). */
export const FIELDS_AT_ONCE = 50;

export class FieldsDrawn implements ReactiveController {
  #count = FIELDS_AT_ONCE;
  /** An idle task that draws more is waiting. */
  #waiting = false;

  /** `fields()`: how many fields the form has now. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fields: () => number,
  ) {
    host.addController(this);
  }

  /** How many fields to draw, from the first. */
  get count(): number {
    return isServer ? Infinity : this.#count;
  }

  /** A new form: its first fields only. */
  reset(): void {
    this.#count = FIELDS_AT_ONCE;
  }

  hostConnected(): void {}

  /** Once the host drew a part of the form, the next part in an idle task. */
  hostUpdated(): void {
    if (this.#waiting || this.count >= this.fields()) return;
    this.#waiting = true;
    whenIdle(() => {
      this.#waiting = false;
      if (this.#count >= this.fields()) return;
      this.#count += FIELDS_AT_ONCE;
      this.host.requestUpdate();
    });
  }
}

/**
 * The fields in parts of `FIELDS_AT_ONCE`, each part a box of its own: a key press
 * in a form of thousands of inputs then has Chromium lay out one part's fields and
 * the parts, not every field.
 */
export function partsOf<T>(inputs: readonly T[]): { readonly first: number; readonly inputs: readonly T[] }[] {
  const parts = [];
  for (let first = 0; first < inputs.length; first += FIELDS_AT_ONCE) parts.push({ first, inputs: inputs.slice(first, first + FIELDS_AT_ONCE) });
  return parts;
}
