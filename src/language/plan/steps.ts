/**
 * Work done in steps: a generator that yields between steps lets a page
 * spread a large program's preparation (`Program.prepare`) or a run of many
 * rules (`Program.creditInSteps`) over idle tasks; `finish` runs it to its
 * end at once, for a caller that needs it now, `Stepwise` holds a value that
 * either way is made once, and `Pace` says when a run's step is full.
 */

/** How many rules (or `let`s) one step plans, compiles or works out: a few milliseconds' work on a slow phone. */
export const RULES_PER_STEP = 100;

/** Runs `steps` to its end at once and returns its result. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A value made by a generator of steps, once: step by step beforehand
 * (`steps()`), or at once by the first `get()` that needs it — which
 * finishes what the steps began rather than starting over. A making that
 * throws is forgotten: the next `get()` or `steps()` begins anew (and meets
 * the same error).
 */
export class Stepwise<T> {
  private made: { readonly value: T } | undefined = undefined;
  private pending: Generator<void, T, void> | undefined = undefined;

  constructor(private readonly make: () => Generator<void, T, void>) {}

  /** Whether the value is made. */
  get ready(): boolean {
    return this.made !== undefined;
  }

  get(): T {
    if (!this.made) {
      const pending = this.pending ?? this.make();
      this.pending = undefined;
      this.made = { value: finish(pending) };
    }
    return this.made.value;
  }

  /** Makes the value a step per `next()`; returns at once when it is made (also by a `get()` between two steps). */
  *steps(): Generator<void, T, void> {
    while (!this.made) {
      const pending = (this.pending ??= this.make());
      let step: IteratorResult<void, T>;
      try {
        step = pending.next();
      } catch (error) {
        if (this.pending === pending) this.pending = undefined;
        throw error;
      }
      if (step.done) {
        this.made = { value: step.value };
        this.pending = undefined;
      } else yield;
    }
    return this.made.value;
  }
}

/**
 * Counts the rules and tiers a run works out, and says when a step is full:
 * every `RULES_PER_STEP`. One pace serves a whole run, so that its steps stay
 * even across the periods of a contract year.
 */
export class Pace {
  private count = 0;

  /** One more rule or tier worked out; true when that fills a step. */
  worked(): boolean {
    return ++this.count % RULES_PER_STEP === 0;
  }
}
