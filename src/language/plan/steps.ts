/**
 * Work done in steps: a generator that yields between steps lets a page
 * spread a large program's preparation (`Program.prepare`) over idle tasks;
 * `finish` runs it to its end at once, for a caller that needs it now.
 */

/** How many rules (or `let`s) one step plans or compiles: a few milliseconds' work on a slow phone. */
export const RULES_PER_STEP = 250;

/** Runs `steps` to its end at once and returns its result. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
