/// <reference types="mocha" />
/**
 * <credit-calculator> with rules at the size the limits allow, in real
 * Chromium: a 4,990-tier text (by `src`, a child script or `rules`) is
 * compiled in the widget's worker and a large precompiled program is read
 * there, so the page itself never loads the compiler; the credit shows and
 * follows typing; errors show as on the page; only the newest rules count,
 * and an element removed drops its worker's answer. Every `Worker` the page
 * starts is recorded, with what it is sent. This file must not import the
 * compiler: the page's own downloads are the proof. Nothing here measures time.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/widget/credit-calculator.js';
import { CreditCalculator } from '../../src/widget/class.js';
import type { CreditErrorEvent } from '../../src/widget/events.js';
import { $, amount, field, RULES, typeInto, watchPageErrors } from './helpers.js';
import { CREDIT_AT_99_5, DEFAULT_CREDIT, largeRules } from './large-rules.js';

// Room for every download of this page in its resource timing, so that the parser's would be seen.
performance.setResourceTimingBufferSize(100_000);

/** What each worker the page started was sent, and how many were started and ended. */
const sent: unknown[] = [];
let started = 0;
let ended = 0;
window.Worker = class RecordedWorker extends Worker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    started++;
  }

  override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
    sent.push((message as { body: unknown }).body);
    super.postMessage(message, options as StructuredSerializeOptions);
  }

  override terminate(): void {
    ended++;
    super.terminate();
  }
};

/** What the page reported as errors, on its console or as uncaught. */
const pageErrors = watchPageErrors();

afterEach(() => {
  expect(pageErrors(), 'errors the host page saw').to.deep.equal([]);
  for (const el of document.querySelectorAll('credit-calculator, recording-calculator')) el.remove();
});

/** Whether the page itself downloaded the parser (Chevrotain, or the compiler module). */
/**
 * How often the compiler module was downloaded. Chromium lists a dedicated
 * worker's downloads among the page's too, so each worker started adds one;
 * the page compiling on its own would add one more.
 */
const compilerDownloads = () => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/src/compiler.')).length;
const kinds = () => sent.map((body) => Object.keys(body as object)[0]);

async function settled(el: CreditCalculator): Promise<CreditCalculator> {
  await waitUntil(() => el.loadedProgram || $(el, '[part=problems]'), 'the rules load or fail', { timeout: 60_000 });
  await el.updateComplete;
  return el;
}

const asFile = (text: string, type = 'text/plain') => URL.createObjectURL(new Blob([text], { type }));

/** The credit follows the user's typing. */
async function followsTyping(el: CreditCalculator): Promise<void> {
  expect(amount(el)).to.equal(DEFAULT_CREDIT);
  await typeInto(el, field(el, 'Availability'), '99.5');
  await waitUntil(() => amount(el) === CREDIT_AT_99_5, 'the credit for 99.5%', { timeout: 30_000 });
}

describe('<credit-calculator> with large rules, read in its worker', function () {
  this.timeout(120_000);

  it('compiles a 4,990-tier text from src in the worker: the page never loads the compiler', async () => {
    sent.length = 0;
    const el = document.createElement('credit-calculator');
    el.src = asFile(largeRules());
    // Its first credit is computed in idle time: the page hears of the rules once it shows.
    const shown = new Promise<string | undefined>((resolve) => el.addEventListener('credit-load', () => resolve(amount(el)), { once: true }));
    document.body.append(el);
    await settled(el);
    expect(await shown, 'the credit shown when credit-load came').to.equal(DEFAULT_CREDIT);
    expect(kinds()).to.deep.equal(['rules']);
    expect(compilerDownloads(), 'the compiler downloaded by the page, not only by its workers').to.equal(started);
    await followsTyping(el);
  });

  it('compiles a 4,990-tier child script in the worker', async () => {
    sent.length = 0;
    const el = document.createElement('credit-calculator');
    const script = document.createElement('script');
    script.type = 'text/credit-rules';
    script.textContent = largeRules();
    el.append(script);
    document.body.append(el);
    await settled(el);
    expect(kinds()).to.deep.equal(['rules']);
    expect(compilerDownloads(), 'the compiler downloaded by the page, not only by its workers').to.equal(started);
    await followsTyping(el);
  });

  it('reads and verifies a large precompiled program from src in the worker', async () => {
    const compiled = document.createElement('credit-calculator');
    compiled.rules = largeRules();
    document.body.append(compiled);
    await settled(compiled);
    const json = JSON.stringify(compiled.loadedProgram!.toJSON());
    compiled.remove();
    sent.length = 0;
    const el = document.createElement('credit-calculator');
    el.src = asFile(json, 'application/json');
    document.body.append(el);
    await settled(el);
    expect(kinds()).to.deep.equal(['program']);
    expect(el.loadedProgram!.source).to.equal(largeRules());
    await followsTyping(el);
  });

  it('refuses a damaged large program with the diagnostic the page would give', async () => {
    const el = document.createElement('credit-calculator');
    const error = oneEvent(el, 'credit-error') as Promise<CreditErrorEvent>;
    el.src = asFile(JSON.stringify({ format: 'credit-rules/1', source: 'x'.repeat(300_000) }), 'application/json');
    sent.length = 0;
    document.body.append(el);
    const { detail } = await error;
    await settled(el);
    expect(kinds()).to.deep.equal(['program']);
    expect(detail.kind).to.equal('compile');
    expect(detail.diagnostics.map((d) => d.code)).to.deep.equal(['bad-precompiled']);
    expect($(el, '[part=problems]')!.textContent).to.contain('bad-precompiled');
  });

  it('shows the errors of large rules from the worker as it shows any, in German with lang="de"', async () => {
    const el = document.createElement('credit-calculator');
    el.setAttribute('lang', 'de');
    el.rules = largeRules({ broken: true });
    const error = oneEvent(el, 'credit-error') as Promise<CreditErrorEvent>;
    sent.length = 0;
    document.body.append(el);
    const { detail } = await error;
    await settled(el);
    expect(kinds()).to.deep.equal(['rules']);
    expect(detail.kind).to.equal('compile');
    const [first] = detail.diagnostics.filter((d) => d.severity === 'error');
    expect([first.code, first.start, first.message]).to.deep.equal(['undefined-name', { line: 4993, column: 6 }, '`availabilty` is not defined. Did you mean `availability`?']);
    const panel = $(el, '[part=problems]')!;
    expect(panel.querySelector('h2')!.textContent).to.equal('Diese Gutschriftregeln können nicht verwendet werden');
    expect(panel.querySelector('.where')!.textContent).to.equal('4993:6');
  });

  it('shows only the newest rules when they are replaced while the worker works', async () => {
    const shown: string[] = [];
    if (!customElements.get('recording-calculator')) {
      customElements.define('recording-calculator', class extends CreditCalculator {
        protected override updated(): void {
          super.updated();
          const name = this.loadedProgram?.credits[0]?.name;
          if (name && shown.at(-1) !== name) shown.push(name);
        }
      });
    }
    const el = document.createElement('recording-calculator') as CreditCalculator;
    el.rules = largeRules({ name: 'First' });
    document.body.append(el);
    await el.updateComplete;
    el.rules = largeRules({ name: 'Second' });
    await waitUntil(() => el.loadedProgram?.credits[0]?.name === 'Second', 'the second rules show', { timeout: 60_000 });
    // Small rules, compiled on the page, then large ones again: the worker answers in order, so
    // by the time the third rules show, every older answer has come back and was dropped.
    el.rules = RULES;
    await el.updateComplete;
    el.rules = largeRules({ name: 'Third' });
    await waitUntil(() => el.loadedProgram?.credits[0]?.name === 'Third', 'the third rules show', { timeout: 60_000 });
    expect(shown.filter((name) => name !== 'Uptime')).to.deep.equal(['Second', 'Third']);
  });

  it('ends the worker and shows nothing when the element is removed while it works', async () => {
    const removed = document.createElement('credit-calculator');
    const events: string[] = [];
    for (const type of ['credit-error', 'credit-change']) removed.addEventListener(type, () => events.push(type));
    removed.rules = largeRules();
    const before = ended;
    document.body.append(removed);
    await removed.updateComplete;
    removed.remove();
    await waitUntil(() => ended === before + 1, 'the removed element’s worker ends');
    // The same rules in another element: once they show, the removed one's would have too.
    const other = document.createElement('credit-calculator');
    other.rules = largeRules();
    document.body.append(other);
    await settled(other);
    await removed.updateComplete;
    expect(removed.loadedProgram).to.equal(undefined);
    expect(Boolean(removed.shadowRoot?.querySelector('[part=amount], [part=problems]'))).to.equal(false);
    expect(events).to.deep.equal([]);
  });
});
