/// <reference types="mocha" />
/**
 * <credit-calculator> with a block of 4,990 tiers that is no tier table —
 * its tiers pay now a share of the fee, now an amount, so what each pays is
 * worked out — and every panel but the chart, typed into as a person types: the form's
 * month, then March of the year panel. Idle time is held and run a task at a
 * time, and the program's runs are watched: no task works out more than
 * 4,000 of the tiers (a key press's task at most 2,000), no run is done whole
 * in one task, and the figures shown are exactly `credit()`'s. Steps are
 * counted, never timed: the same on any machine.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { compile } from '../../src/index.js';
import { loadProgram, type InputValues } from '../../src/runtime.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import { STEPS_NOW, STEPS_PER_SLICE } from '../../src/widget/idle.js';
import { $, amount, field, holdIdleTime, idleQuiet, mostPerTask, watchPageErrors, watchRuns, type RunKind } from './helpers.js';

const pageErrors = watchPageErrors();
afterEach(async () => {
  expect(pageErrors(), 'errors that reached the host page').to.deep.equal([]);
  // The tests that hold idle time count the idle work they see: none may be a removed element's.
  await idleQuiet();
});

/** Tier i applies below 100% − i × 0.02% and pays i × 0.02% of the 1,000 EUR fee: every other tier as that amount in EUR, so the block is no tier table. */
function mixedTiers(n: number): string {
  const lines = ['fee 1000 EUR monthly', 'input a: percent "Availability" default 99.95% range 0%..100% step 0.01%', 'credit "Uptime":'];
  for (let i = 1; i <= n; i++) lines.push(`  if a < ${(100 - i * 0.02).toFixed(2)}% then ${i % 2 ? `${(i * 0.02).toFixed(2)}%` : `${(i * 0.2).toFixed(2)} EUR`}`);
  return `${lines.join('\n')}\n`;
}

/** Lets the microtasks of the task just run (Lit's render among them) finish, without waiting for idle time. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A credit as the widget shows it (all of these are under 1,000 EUR). */
const shown = (text: string | null | undefined) => text?.trim().replace(/\u00a0/g, ' ');

describe('<credit-calculator> with a block of 4,990 tiers that is no tier table, and every panel', () => {
  it('works out no more than 4,000 of them in any one task while the user types into the form and into the year, and shows credit()\'s figures', async function () {
    this.timeout(300_000);
    const json = compile(mixedTiers(4990)).program!.toJSON();
    const reference = loadProgram(json).program!;
    // The runtime's program, as the widget loads it: no fast path.
    const program = loadProgram(json).program!;
    let idle: ReturnType<typeof holdIdleTime> | undefined;
    let keys = 0;
    // The task of each step of a run (a hundred tiers at most), and each run done whole: an idle task, or a key press's.
    const task = () => (idle?.task() ? `idle task ${idle.task()}` : `key press ${keys}`);
    const steps: { kind: RunKind; task: string }[] = [];
    const wholes: string[] = [];
    watchRuns(program, { step: (kind) => steps.push({ kind, task: task() }), whole: (kind, values: InputValues) => wholes.push(`${kind} of ${JSON.stringify(values)} in ${task()}`) });
    // Every panel but the chart, whose curve takes hundreds of these credits (tens of seconds of a busy machine's
    // idle time, in tasks bounded as these are: limits.test.ts).
    const el = await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="breakdown outputs why examples year share" .values=${{ a: '97' }}></credit-calculator>`);
    // The load's idle-time work done: what is held from here on is the typing's.
    await waitUntil(() => $(el, '[part=breakdown]') && !$(el, '[aria-busy]'), 'the first credit explained', { timeout: 120_000 });
    expect(amount(el)).to.equal('29.80 EUR');
    el.addEventListener('keydown', () => keys++, { capture: true });

    /**
     * Types `text` into `input` as a person does, without waiting for idle
     * time; then lets held idle time run, a task at a time. `credits`: how
     * many steps of credit the change takes at least (a hundred tiers each).
     */
    const typeThenIdle = async (input: HTMLInputElement, text: string, credits: number, whileTyping: () => void) => {
      steps.length = 0;
      wholes.length = 0;
      input.focus();
      await sendKeys({ press: 'Control+A' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: text });
      await settle();
      expect(wholes, 'no run done whole in a key press\'s task').to.deep.equal([]);
      whileTyping();
      while (idle!.held() > 0) {
        idle!.run(1);
        await settle();
      }
      await el.updateComplete;
      expect(wholes, 'no run done whole in one task').to.deep.equal([]);
      const tasks = steps.map((s) => s.task);
      expect(mostPerTask(tasks.filter((t) => t.startsWith('key'))), 'steps in a key press\'s task').to.be.at.most(STEPS_NOW);
      expect(mostPerTask(tasks), 'steps in any one task').to.be.at.most(STEPS_PER_SLICE);
      expect(steps.filter((s) => s.kind === 'credit').length, 'every tier\'s pay worked out, a hundred a step').to.be.at.least(credits);
    };

    idle = holdIdleTime();
    try {
      const total = $(el, '[part=total]')!;
      await typeThenIdle(field(el, 'Availability'), '96', 49, () => {
        expect(total.getAttribute('aria-busy'), 'the total says it is being updated').to.equal('true');
        expect(amount(el), 'and shows the last credit meanwhile').to.equal('29.80 EUR');
      });
      const month = reference.credit({ a: '96' });
      expect(month.ok && month.credit.amount).to.equal('39.80');
      expect(amount(el), 'credit()\'s amount').to.equal('39.80 EUR');
      expect(total.getAttribute('aria-busy')).to.equal(null);
      expect(Boolean($(el, '[aria-busy]')), 'every panel shows the new values\' result').to.equal(false);
      expect($(el, '.tier[data-winner]')!.textContent).to.contain('“Availability” is below 96.02%');

      const march = el.shadowRoot!.querySelector<HTMLInputElement>('[part~=year] input[aria-label="Availability, Mar"]')!;
      const yearPanel = $(el, '[part~=year]')!;
      const row = (name: string) => [...yearPanel.querySelectorAll('tbody tr')].find((r) => r.querySelector('th')!.textContent!.includes(name))!;
      await typeThenIdle(march, '95', 12 * 49, () => {
        expect(yearPanel.getAttribute('aria-busy'), 'the year table says it is being updated').to.equal('true');
        expect(shown(row('Mar').querySelector('td')!.textContent), 'and shows the last figures meanwhile').to.equal('39.80 EUR');
      });
      const year = reference.credit({ a: ['96', '96', '95', '96', '96', '96', '96', '96', '96', '96', '96', '96'] });
      expect(year.ok && year.credit.months![2].amount).to.equal('49.80');
      expect(shown(row('Mar').querySelector('td')!.textContent), 'March, as credit() gives it').to.equal('49.80 EUR');
      expect(shown(yearPanel.querySelector('tfoot td')!.textContent), 'the year, as credit() gives it').to.equal(`${year.ok && year.credit.amount} EUR`);
      expect(yearPanel.getAttribute('aria-busy')).to.equal(null);
    } finally {
      idle.restore();
    }
  });
});

describe('<credit-calculator> whose credit is computed in idle time', () => {
  /** `mixedTiers`, with an input `d` whose last tier divides by it: at an availability of 0.1% every tier applies, and `d` = 0 is a division by zero, found in the last step. */
  function dividingTiers(): string {
    const rules = mixedTiers(4990).split('\n');
    rules.splice(2, 0, 'input d: number "Divisor" default 1');
    const last = rules.length - 2;
    rules[last] = rules[last].replace(/then .*$/, 'then 100 EUR / d');
    return rules.join('\n');
  }

  /** A calculator of those rules at an availability of 0.1%, its first credit explained, and what it tells the page from then on. */
  async function dividingCalculator() {
    const program = loadProgram(compile(dividingTiers()).program!.toJSON()).program!;
    const el = await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="breakdown" .values=${{ a: '0.1' }}></credit-calculator>`);
    await waitUntil(() => $(el, '[part=breakdown]') && !$(el, '[aria-busy]'), 'the first credit explained', { timeout: 120_000 });
    const changes: { d: unknown; amount: string | undefined }[] = [];
    el.addEventListener('credit-change', (e) => changes.push({ d: e.detail.inputs.d, amount: e.detail.result?.credit.amount }));
    return { program, el, changes };
  }

  it('tells the page of a change once its credit is known, and not of values refused by a later step', async function () {
    this.timeout(300_000);
    const { program, el, changes } = await dividingCalculator();
    const refused = program.credit({ a: '0.1', d: '0' });
    expect(!refused.ok && refused.diagnostics[0].code, 'the last tier divides by zero').to.equal('division-by-zero');
    const idle = holdIdleTime();
    try {
      const divisor = field(el, 'Divisor');
      const typeThenIdle = async (text: string) => {
        divisor.focus();
        await sendKeys({ press: 'Control+A' });
        await sendKeys({ type: text });
        await settle();
        expect(changes, 'nothing told while the credit is computed').to.deep.equal([]);
        idle.run();
        await el.updateComplete;
      };
      await typeThenIdle('0');
      expect(changes, 'values refused in idle time are not told').to.deep.equal([]);
      expect($(el, '[part=form] [part=error]')?.textContent, 'the problem is shown').to.contain('division by zero');
      expect($(el, '[part=total]')!.getAttribute('aria-busy'), 'no longer computing').to.equal(null);

      await typeThenIdle('2');
      const credit = program.credit({ a: '0.1', d: '2' });
      expect(credit.ok && credit.credit.amount).to.equal('997.80');
      expect(changes, 'told once, with the result of its values').to.deep.equal([{ d: '2', amount: '997.80' }]);
      expect(amount(el)).to.equal('997.80 EUR');
    } finally {
      idle.restore();
    }
  });

  it('still tells the page of a change whose credit a new language recomputed before it showed', async function () {
    this.timeout(300_000);
    const { el, changes } = await dividingCalculator();
    const idle = holdIdleTime();
    try {
      field(el, 'Divisor').focus();
      await sendKeys({ press: 'Control+A' });
      await sendKeys({ type: '2' });
      await settle();
      // The page switches the language while the credit of 2 is computed: it is computed again, in German.
      el.locale = 'de';
      await settle();
      expect(changes, 'nothing told yet').to.deep.equal([]);
      idle.run();
      await el.updateComplete;
      expect(changes, 'the change told once, with its credit').to.deep.equal([{ d: '2', amount: '997.80' }]);
      expect(amount(el)).to.equal('997,80 EUR');
      el.values = { a: '0.1', d: '4' };
      await settle();
      idle.run();
      await el.updateComplete;
      expect(changes.length, 'values the page set are never told').to.equal(1);
    } finally {
      idle.restore();
    }
  });
});
