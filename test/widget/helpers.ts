/**
 * What the widget's browser tests share: waiting for an element to load,
 * reading it the way a user sees it, typing into it with real key presses,
 * and holding its idle-time work and watching its runs, a task at a time.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { InputValues, Program } from '../../src/runtime.js';
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

/**
 * Idle-time work held back until a test lets it run: what a page too busy to be idle would do. `task()` is the idle
 * task running now (0: none); `until(done)` runs one held idle task at a time, each followed by a task of the page's
 * own, until `done()` holds (at most `most`), and says how many ran.
 */
export function holdIdleTime(): { run: (tasks?: number) => void; until: (done: () => unknown, most?: number) => Promise<number>; held: () => number; task: () => number; restore: () => void } {
  const queue: IdleRequestCallback[] = [];
  const requestIdle = window.requestIdleCallback;
  let tasks = 0;
  let running = 0;
  window.requestIdleCallback = (task) => queue.push(task);
  const run = (most = Infinity) => {
    for (let n = 0; n < most && queue.length; n++) {
      running = ++tasks;
      queue.shift()!({ didTimeout: true, timeRemaining: () => 0 });
      running = 0;
    }
  };
  return {
    run,
    until: async (done, most = 10_000) => {
      let ran = 0;
      for (; !done() && ran < most; ran++) {
        run(1);
        await sleep(0);
      }
      return ran;
    },
    held: () => queue.length,
    task: () => running,
    restore: () => (window.requestIdleCallback = requestIdle),
  };
}

/**
 * Waits until no idle work has been asked for in 300 ms (at most `timeout`): an element a test
 * removed still finishes the month's explanation it began, and a later test that holds idle time
 * must not take that work for its own.
 */
export async function idleQuiet(timeout = 10_000): Promise<void> {
  const request = window.requestIdleCallback;
  let asked = 0;
  window.requestIdleCallback = (task, options) => (asked++, request.call(window, task, options));
  try {
    for (const end = Date.now() + timeout; Date.now() < end; ) {
      asked = 0;
      await sleep(300);
      if (asked === 0) return;
    }
  } finally {
    window.requestIdleCallback = request;
  }
}

/** A run of a program: its credit, or its full result with the explanation. */
export type RunKind = 'credit' | 'explanation';

/**
 * Watches the runs the widget makes of `program`: `step` hears of each step
 * of `creditInSteps` and `evaluateInSteps` (a hundred rules at most) before
 * it is taken, `whole` of each run done at once (`credit`, `evaluate`), each
 * with the run's values. Counts the explanations finished.
 */
export function watchRuns(program: Program, on: { step?: (kind: RunKind, values: InputValues) => void; whole?: (kind: RunKind, values: InputValues) => void }): { explanations: () => number } {
  let explanations = 0;
  const credit = program.credit.bind(program);
  const evaluate = program.evaluate.bind(program);
  program.credit = (values = {}, options) => {
    on.whole?.('credit', values);
    return credit(values, options);
  };
  program.evaluate = (values = {}, options) => {
    on.whole?.('explanation', values);
    explanations++;
    return evaluate(values, options);
  };
  function* stepped<T>(kind: RunKind, values: InputValues, run: Generator<void, T, void>): Generator<void, T, void> {
    for (;;) {
      on.step?.(kind, values);
      const step = run.next();
      if (step.done) {
        if (kind === 'explanation') explanations++;
        return step.value;
      }
      yield;
    }
  }
  // Absent before the runs in steps were: then every run is a whole one.
  const creditInSteps = program.creditInSteps?.bind(program);
  const evaluateInSteps = program.evaluateInSteps?.bind(program);
  if (creditInSteps) program.creditInSteps = (values = {}, options) => stepped('credit', values, creditInSteps(values, options));
  if (evaluateInSteps) program.evaluateInSteps = (values = {}, options) => stepped('explanation', values, evaluateInSteps(values, options));
  return { explanations: () => explanations };
}

/** The most steps one task took, given the task of each step. */
export function mostPerTask(tasks: readonly (number | string)[]): number {
  const counts = new Map<number | string, number>();
  for (const task of tasks) counts.set(task, (counts.get(task) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
