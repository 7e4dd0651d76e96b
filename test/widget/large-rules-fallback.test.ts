/// <reference types="mocha" />
/**
 * <credit-calculator> with large rules where its worker cannot help, in real
 * Chromium: no `Worker` at all, a worker whose file is missing (a bundler
 * that did not emit it), a script from another origin (the standalone
 * bundle on a CDN: `new Worker` throws a SecurityError), a worker that
 * breaks, a policy that forbids workers. The page then compiles the rules
 * itself, as it does small ones: the credit shows and follows typing, and
 * nothing reaches the host page as an error. Nothing here measures time.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import { compile } from '../../src/index.js';
import { $, amount, field, holdIdleTime, idleQuiet, typeInto, watchPageErrors } from './helpers.js';
import { CREDIT_AT_99_5, DEFAULT_CREDIT, largeRules } from './large-rules.js';

const RealWorker = window.Worker;

/** What the page reported as errors, on its console or as uncaught. */
const pageErrors = watchPageErrors();

afterEach(async () => {
  window.Worker = RealWorker;
  for (const el of document.querySelectorAll('credit-calculator')) el.remove();
  expect(pageErrors(), 'errors the host page saw').to.deep.equal([]);
  // The tests that hold idle time count the idle work they see: none may be a removed element's.
  await idleQuiet();
});

/** How many workers the element tried to start: it tries, then falls back. */
let tried = 0;

/** Every worker the element starts is `make()` instead. */
function workersAre(make: (options?: WorkerOptions) => Worker): void {
  tried = 0;
  window.Worker = class {
    constructor(_url: string | URL, options?: WorkerOptions) {
      tried++;
      return make(options);
    }
  } as unknown as typeof Worker;
}

/** The large rules as a precompiled program (JSON), compiled once for the tests that read it. */
let largeProgram: string | undefined;

/** An element given the large program with no `Worker` and idle time held, once its reading asked for idle time. */
async function readingLargeProgram(idle: ReturnType<typeof holdIdleTime>): Promise<CreditCalculator> {
  // @ts-expect-error: a browser, or a test environment, without workers
  delete window.Worker;
  largeProgram ??= JSON.stringify(compile(largeRules()).program!.toJSON());
  const el = document.createElement('credit-calculator') as CreditCalculator;
  el.src = URL.createObjectURL(new Blob([largeProgram], { type: 'application/json' }));
  document.body.append(el);
  await waitUntil(() => idle.held() > 0, 'the program read in idle time', { timeout: 30_000 });
  return el;
}

async function loadsLargeRules(): Promise<void> {
  const el = document.createElement('credit-calculator') as CreditCalculator;
  el.src = URL.createObjectURL(new Blob([largeRules()], { type: 'text/plain' }));
  document.body.append(el);
  await waitUntil(() => el.loadedProgram || $(el, '[part=problems]'), 'the rules load or fail', { timeout: 60_000 });
  await el.updateComplete;
  expect(amount(el)).to.equal(DEFAULT_CREDIT);
  await typeInto(el, field(el, 'Availability'), '99.5');
  await waitUntil(() => amount(el) === CREDIT_AT_99_5, 'the credit for 99.5%', { timeout: 30_000 });
}

describe('<credit-calculator> with large rules and no worker to read them', function () {
  this.timeout(120_000);

  it('compiles them on the page where there is no Worker', async () => {
    // @ts-expect-error: a browser, or a test environment, without workers
    delete window.Worker;
    expect('Worker' in window).to.equal(false);
    await loadsLargeRules();
  });

  it('compiles them on the page when the worker’s file is missing', async () => {
    workersAre((options) => new RealWorker(new URL('/no/such/load-worker.js', location.href), options));
    await loadsLargeRules();
    expect(tried).to.equal(1);
  });

  it('compiles them on the page when the script is from another origin (SecurityError)', async () => {
    workersAre((options) => new RealWorker(`http://127.0.0.1:1/load-worker.js`, options));
    await loadsLargeRules();
    expect(tried).to.equal(1);
  });

  it('compiles them on the page when the worker breaks', async () => {
    const broken = URL.createObjectURL(new Blob(['addEventListener("message", () => { throw new Error("broken on purpose"); });'], { type: 'text/javascript' }));
    workersAre((options) => new RealWorker(broken, options));
    await loadsLargeRules();
    expect(tried).to.equal(1);
  });

  it('compiles them on the page when the worker answers what cannot be read', async () => {
    const odd = URL.createObjectURL(new Blob(['addEventListener("message", (e) => postMessage({ id: e.data.id, body: { diagnostics: { value: "{", groups: [] } } }));'], { type: 'text/javascript' }));
    workersAre((options) => new RealWorker(odd, options));
    await loadsLargeRules();
    expect(tried).to.equal(1);
  });

  it('compiles large rules text on the page in steps, in idle time, not in one task', async () => {
    // @ts-expect-error: a browser, or a test environment, without workers
    delete window.Worker;
    const idle = holdIdleTime();
    try {
      const el = document.createElement('credit-calculator') as CreditCalculator;
      // Rules with an error: once compiled they show it, with no preparation after.
      el.src = URL.createObjectURL(new Blob([largeRules({ broken: true })], { type: 'text/plain' }));
      document.body.append(el);
      const shown = () => $(el, '[part=problems]');
      await waitUntil(() => idle.held() > 0 || shown(), 'the compile asks for idle time', { timeout: 30_000 });
      expect(Boolean(shown()), 'compiled before any idle time').to.equal(false);
      // Lexed, parsed, built into a tree, its names and kinds checked: steps that each take an idle task of
      // their own (a slice holds a second step only while it has time for the slowest step so far).
      const tasks = await idle.until(shown, 1000);
      expect(tasks, 'idle tasks until the error shows').to.be.greaterThan(2);
      expect(shown()!.textContent).to.contain('availabilty');
    } finally {
      idle.restore();
    }
  });

  it('reads a large precompiled program on the page in idle slices, not in one task', async () => {
    const idle = holdIdleTime();
    try {
      const el = await readingLargeProgram(idle);
      // Its JSON parsed, then read and checked, then planned a few hundred rules at a time, each in idle
      // tasks of its own (about 200 here); read in one task, it was in use after 3.
      const tasks = await idle.until(() => el.loadedProgram);
      expect(tasks, 'idle tasks until the program is in use').to.be.greaterThan(5);
      idle.restore();
      idle.run();
      await waitUntil(() => amount(el) === DEFAULT_CREDIT, 'the credit', { timeout: 30_000 });
      await typeInto(el, field(el, 'Availability'), '99.5');
      await waitUntil(() => amount(el) === CREDIT_AT_99_5, 'the credit for 99.5%', { timeout: 30_000 });
    } finally {
      idle.restore();
    }
  });

  it('stops reading a large program on the page once the element leaves the page', async () => {
    const idle = holdIdleTime();
    try {
      const el = await readingLargeProgram(idle);
      idle.run(2);
      expect(idle.held(), 'still reading').to.be.greaterThan(0);
      el.remove();
      // Each read still asked for sees, in its next slice, that it is no longer wanted.
      idle.run(idle.held());
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(idle.held(), 'no idle work asked for once it left the page').to.equal(0);
      expect(el.loadedProgram, 'nothing read').to.equal(undefined);
    } finally {
      idle.restore();
    }
  });

  // Last: the page's policy stays for the rest of this file.
  it('compiles them on the page when a Content Security Policy forbids workers', async () => {
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "worker-src 'none'";
    document.head.append(policy);
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    await loadsLargeRules();
    expect(violations).to.deep.equal(['worker-src']);
  });
});
