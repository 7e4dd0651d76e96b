/**
 * Work the widget does when the page is idle (the chart's curve takes a
 * hundred evaluations), spread over several tasks so that even rules whose
 * one evaluation is slow never hold the page for long: a slice stops while
 * there is still time for the slowest step it has seen lately.
 */

/** How long one slice may run, in milliseconds: well under the 50 ms of a long task. */
const SLICE = 12;

/**
 * How many steps of runs (`Program.creditInSteps`: a hundred rules and
 * tiers each) the task of a change takes itself, all its runs together
 * (`nowOrInIdleSlices`): small rules and tier tables are done in the first,
 * as they always were; rules of thousands of tiers go on in idle time.
 */
export const STEPS_NOW = 20;

/** Steps taken now in this task, of `STEPS_NOW`; back to none once the task's code has run (a microtask). */
let takenNow = 0;

/**
 * The most steps of such runs in one idle slice, however fast the machine:
 * no task works out a month of 4,990 tiers. More would save little: a slice
 * is also at most 12 ms, and each slice waits for an idle period of its own.
 */
export const STEPS_PER_SLICE = 40;

/** Resolves in a task of its own, after the one running and what the browser has waiting (input first). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `task` when the browser is idle, and within a fifth of a second at the latest. */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 200 });
  else setTimeout(task, 0);
}

/**
 * Runs `work` (a generator that yields between its steps) in idle time,
 * slice by slice, while `wanted()` holds; then hands its result, or
 * undefined when it threw, to `done`. Abandoned work is never finished.
 * `stepsPerSlice` bounds a slice by count too: steps each of which nearly
 * fills a slice (a month of thousands of tiers) take one idle task each.
 */
export function inIdleSlices<T>(work: Generator<void, T, void>, wanted: () => boolean, done: (result: T | undefined) => void, stepsPerSlice = Infinity): void {
  let slowest = 0;
  const slice = () => {
    if (!wanted()) return;
    const start = performance.now();
    let step: IteratorResult<void, T>;
    try {
      for (let steps = 1; ; steps++) {
        const before = performance.now();
        step = work.next();
        const after = performance.now();
        // The slowest recent step: one slow step (reading a program, before planning it in small steps)
        // must not leave every later slice to a single step, and an idle period's wait.
        slowest = Math.max(after - before, slowest / 2);
        if (step.done || steps >= stepsPerSlice || after - start + slowest > SLICE) break;
      }
    } catch {
      return done(undefined);
    }
    // Outside the `try`: an error of `done`'s own is not the work's failure, and must not call `done` again.
    if (step.done) done(step.value);
    else whenIdle(slice);
  };
  whenIdle(slice);
}

/**
 * Runs `work` now, as far as this task's `STEPS_NOW` go (or `stepsNow`, fewer:
 * none for work nobody waits for in this task): when it ends there, returns
 * its result (undefined when it threw), in this task. Otherwise returns
 * undefined and goes on as `inIdleSlices` does, `wanted`, `done` and
 * `stepsPerSlice` as there.
 */
export function nowOrInIdleSlices<T>(work: Generator<void, T, void>, wanted: () => boolean, done: (result: T | undefined) => void, stepsPerSlice = Infinity, stepsNow = STEPS_NOW): { readonly result: T | undefined } | undefined {
  if (takenNow === 0) queueMicrotask(() => (takenNow = 0));
  try {
    for (let taken = 0; takenNow < STEPS_NOW && taken < stepsNow; taken++) {
      takenNow++;
      const step = work.next();
      if (step.done) return { result: step.value };
    }
  } catch {
    return { result: undefined };
  }
  inIdleSlices(work, wanted, done, stepsPerSlice);
  return undefined;
}
