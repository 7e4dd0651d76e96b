/// <reference types="mocha" />
/**
 * <credit-calculator> at and over the limits, in real Chromium: rules too
 * large to check (inline, in a script, or downloaded) end in the language's
 * `limit-exceeded` diagnostic rather than a crash or a whole download, and a
 * value of absurd length — from the host, a link or the user — is refused at
 * its field while the widget goes on answering. Nothing here measures time:
 * a page that froze would miss the test's timeout.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { compile as compileForCalculator } from '../../src/compiler.js';
import { compile } from '../../src/index.js';
import { loadProgram, type Program } from '../../src/runtime.js';
import '../../src/widget/credit-calculator.js';
import type { CreditCalculator } from '../../src/widget/credit-calculator.js';
import type { CreditChangeEvent, CreditErrorEvent } from '../../src/widget/events.js';
import { STEPS_PER_SLICE } from '../../src/widget/idle.js';
import { $, amount, field, holdIdleTime, idleQuiet, mostPerTask, typeInto, watchRuns, RULES, type RunKind } from './helpers.js';

/** Errors and unhandled rejections the host page would see. */
const pageErrors: string[] = [];
window.addEventListener('error', (e) => pageErrors.push(`error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => pageErrors.push(`unhandled rejection: ${String(e.reason)}`));

afterEach(async () => {
  const seen = pageErrors.splice(0);
  expect(seen, 'errors that reached the host page').to.deep.equal([]);
  // The tests that hold idle time count the idle work they see: none may be a removed element's.
  await idleQuiet();
});

/** Waits, however busy the machine, until the element shows a result or a problem. */
async function settled(el: CreditCalculator): Promise<CreditCalculator> {
  await waitUntil(() => el.loadedProgram || $(el, '[part=problems]'), 'the rules load or fail', { timeout: 30_000 });
  await el.updateComplete;
  return el;
}

/** The error shown under a field, found as a screen reader finds it. */
function errorOf(el: CreditCalculator, input: HTMLInputElement): string | undefined {
  const id = input.getAttribute('aria-describedby')?.split(' ').find((i) => i.endsWith('error'));
  return id ? el.shadowRoot!.getElementById(id)?.textContent?.trim() : undefined;
}

const HUGE = '9'.repeat(100_000);

describe('<credit-calculator> with rules over the limits', () => {
  it('refuses a child script of 300,000 lines with the limit-exceeded diagnostic, not a crash', async function () {
    this.timeout(60_000);
    const errors: CreditErrorEvent[] = [];
    const el = document.createElement('credit-calculator');
    el.addEventListener('credit-error', (e) => errors.push(e));
    const script = document.createElement('script');
    script.type = 'text/credit-rules';
    script.textContent = `\n  ${RULES.trim()}\n${'  if availability < 90% then 1%\n'.repeat(300_000)}`;
    el.append(script);
    document.body.append(el);
    try {
      await settled(el);
      expect(errors.map((e) => e.detail.diagnostics.map((d) => d.code))).to.deep.equal([['limit-exceeded']]);
      expect($(el, '[part=problems]')!.textContent).to.contain('exceeds the limit');
    } finally {
      el.remove();
    }
  });

  it('still reads an inline script that is over the length limit only by its indentation', async function () {
    this.timeout(60_000);
    const indent = ' '.repeat(240);
    const notes = Array.from({ length: 1_000 }, (_, i) => `# note ${i}`);
    const text = [...RULES.trim().split('\n'), ...notes].map((line) => indent + line).join('\n');
    expect(text.length, 'over the limit as written').to.be.above(200_000);
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .values=${{ availability: '99.4' }}>
      <script type="text/credit-rules">${text}</script>
    </credit-calculator>`));
    expect(amount(el)).to.equal('250.00 EUR');
  });
});

describe('<credit-calculator> given a value of 100,000 digits', () => {
  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  /** The value is refused at its field, no result is computed with it (the last stays), and typing a good one answers. */
  async function refusesThenAnswers(el: CreditCalculator, last?: CreditCalculator['result']): Promise<void> {
    const input = field(el, 'Monthly availability');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, input)).to.equal('Too long: at most 100 characters.');
    expect(el.result).to.equal(last);
    await typeInto(el, input, '99.4');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(amount(el)).to.equal('250.00 EUR');
  }

  it('in the values attribute', async function () {
    this.timeout(30_000);
    const values = JSON.stringify({ availability: HUGE });
    await refusesThenAnswers(await settled(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} values=${values}></credit-calculator>`)));
  });

  it('in the values property, set after loading', async function () {
    this.timeout(30_000);
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} panels="all"></credit-calculator>`));
    const last = el.result;
    el.values = { availability: HUGE };
    await el.updateComplete;
    await refusesThenAnswers(el, last);
  });

  it('in a shared link, also as a month of the year', async function () {
    this.timeout(30_000);
    history.replaceState(null, '', `${location.pathname}?calc.availability=${HUGE}&calc.year.availability=99~${HUGE}`);
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator id="calc" rules=${RULES} panels="all"></credit-calculator>`));
    const month = el.shadowRoot!.querySelector('[part~=year] input[aria-label="Monthly availability, Feb"]')!;
    expect(month.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part~=year]')!.textContent).to.contain('Feb, Monthly availability: Too long');
    await refusesThenAnswers(el);
  });

  it('pasted into a field', async function () {
    this.timeout(30_000);
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} panels="all" .values=${{ availability: '99.4' }}></credit-calculator>`));
    const input = field(el, 'Monthly availability');
    input.value = `${HUGE}!`;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(errorOf(el, input)).to.equal('Too long: at most 100 characters.');
    expect(amount(el), 'the last valid result stays').to.equal('250.00 EUR');
    await typeInto(el, input, '98');
    expect(amount(el)).to.equal('400.00 EUR');
  });
});

describe('<credit-calculator> with a src too large', () => {
  /** How many bytes a fault route really sent. */
  const sentBy = async (id: string) => ((await (await fetch(`/__faults/sent?id=${id}`)).json()) as { bytes?: number }).bytes;

  it('stops reading 100 MB of rules text at the length limit and shows the limit diagnostic', async function () {
    this.timeout(60_000);
    const id = `stream-${Date.now()}`;
    const errors: CreditErrorEvent[] = [];
    const el = document.createElement('credit-calculator');
    el.addEventListener('credit-error', (e) => errors.push(e));
    el.src = `/__faults/huge?bytes=100000000&id=${id}`;
    document.body.append(el);
    try {
      await settled(el);
      expect(errors.map((e) => e.detail.diagnostics.map((d) => d.code))).to.deep.equal([['limit-exceeded']]);
      expect($(el, '[part=problems]')!.textContent).to.contain('the length of the rules text exceeds the limit of 200,000');
      const bytes = await sentBy(id);
      expect(bytes, 'the download was cancelled early').to.be.below(20_000_000);
    } finally {
      el.remove();
    }
  });

  it('reads nothing of a body whose Content-Length is over the download limit', async function () {
    this.timeout(60_000);
    const id = `declared-${Date.now()}`;
    const el = document.createElement('credit-calculator');
    el.src = `/__faults/huge?bytes=100000000&declare&id=${id}`;
    document.body.append(el);
    try {
      await settled(el);
      expect($(el, '[part=problems]')!.textContent).to.contain('is over 8 MB, too large for credit rules');
      expect(await sentBy(id), 'hardly anything sent').to.be.below(20_000_000);
    } finally {
      el.remove();
    }
  });
});

describe('<credit-calculator> with rules slow to evaluate', () => {
  it('traces the chart in many short idle tasks of a few evaluations each, not in one long task', async function () {
    this.timeout(60_000);
    // A program each evaluation of which takes 5 ms, as a few thousand tiers do: the curve's credits are runs in steps.
    const program = compile(RULES).program!;
    const creditInSteps = program.creditInSteps.bind(program);
    let idleTask = 0;
    const evaluationsPerTask = new Map<number, number>();
    program.creditInSteps = function* (...args: Parameters<typeof creditInSteps>) {
      evaluationsPerTask.set(idleTask, (evaluationsPerTask.get(idleTask) ?? 0) + 1);
      for (const end = performance.now() + 5; performance.now() < end;);
      return yield* creditInSteps(...args);
    };
    const requestIdle = window.requestIdleCallback;
    window.requestIdleCallback = (task, options) => requestIdle((deadline) => {
      idleTask++;
      task(deadline);
    }, options);
    try {
      const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="chart" .values=${{ availability: '99.4' }}></credit-calculator>`));
      await waitUntil(() => $(el, '[part=chart] svg'), 'the chart appears', { timeout: 30_000 });
      expect($(el, '[part=chart]')!.querySelectorAll('line.tier').length, 'the same curve as ever').to.equal(3);
      expect(evaluationsPerTask.get(0), 'no evaluation for the curve outside idle time').to.equal(undefined);
      expect(Math.max(...evaluationsPerTask.values()), 'evaluations in one task').to.be.at.most(2);
      await typeInto(el, field(el, 'Monthly availability'), '98');
      expect(amount(el)).to.equal('400.00 EUR');
    } finally {
      window.requestIdleCallback = requestIdle;
    }
  });
});

describe('<credit-calculator> with a block of 4,990 tiers and every panel', () => {
  /** Rules of one block of `n` tiers: 0.02 % more credit for every 0.02 % less availability. */
  function tiers(n: number): string {
    const lines = ['fee 1000 EUR monthly', 'input availability: percent "Availability" default 99.95% range 0%..100% step 0.01%', 'credit "Uptime":'];
    for (let i = 1; i <= n; i++) lines.push(`  if availability < ${(100 - i * 0.02).toFixed(2)}% then ${(i * 0.02).toFixed(2)}%`);
    return `${lines.join('\n')}\n`;
  }

  /**
   * A program of 4,990 tiers whose runs are watched (`watchRuns`): `onStep`
   * hears of each step of its runs in steps, with the availability they are
   * for (a list for a year); `explanations()` counts the explanations finished.
   */
  function counted(onStep: (kind: RunKind, availability: string | readonly string[]) => void = () => {}): { program: Program; explanations: () => number } {
    // The runtime's program, as the widget loads it: no fast path, the exact credit of every month.
    const program = loadProgram(compile(tiers(4990)).program!.toJSON()).program!;
    const { explanations } = watchRuns(program, { step: (kind, values) => onStep(kind, values.availability as string | string[]) });
    return { program, explanations };
  }

  /** Waits until the panels show the full result of the values shown, however busy the machine. */
  async function explained(el: CreditCalculator): Promise<void> {
    await waitUntil(() => $(el, '[part=breakdown]') && !$(el, '[aria-busy]'), 'the explanation is built', { timeout: 30_000 });
    await el.updateComplete;
  }

  it('writes at most one explanation per change, and shows the tiers around the winner, the year from billing\'s figures and the trace only when asked', async function () {
    this.timeout(180_000);
    const { program, explanations } = counted();
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="all" .values=${{ availability: '97' }}></credit-calculator>`));
    expect(amount(el)).to.equal('29.80 EUR');
    await explained(el);
    expect(explanations(), 'the month only: the year table reads billing\'s figures').to.equal(1);
    const shadow = el.shadowRoot!;
    expect(shadow.querySelectorAll('[part=breakdown] .tier').length, 'tiers formatted').to.equal(25);
    expect(shadow.querySelector('.tier[data-winner]')!.textContent).to.contain('“Availability” is below 97.02%');
    expect(Boolean(shadow.querySelector('[part=trace] li')), 'the trace of 4,990 steps waits to be opened').to.equal(false);
    const yearTotal = shadow.querySelector('.year tfoot td')!.textContent!.replace(/\u00a0/g, ' ');
    expect(yearTotal).to.equal('357.60 EUR');

    await typeInto(el, field(el, 'Availability'), '96');
    expect(amount(el)).to.equal('39.80 EUR');
    await explained(el);
    expect(shadow.querySelector('.year tfoot td')!.textContent!.replace(/\u00a0/g, ' ')).to.equal('477.60 EUR');
    expect(shadow.querySelector('.tier[data-winner]')!.textContent).to.contain('“Availability” is below 96.02%');
    expect(explanations(), 'at most one for each key press that gives a number: "9", "96"').to.be.within(2, 3);

    const all = [...shadow.querySelectorAll<HTMLButtonElement>('[part=breakdown] button')].find((b) => b.textContent === 'Show all 4,990 tiers')!;
    all.click();
    await el.updateComplete;
    expect(shadow.querySelectorAll('[part=breakdown] .tier').length, 'every tier, when asked').to.equal(4990);
  });

  /** Lets the microtasks of the idle task just run (Lit's render among them) finish, without waiting for idle time. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('makes large rules ready to run in idle tasks, then shows the form, and computes the first credit in a later task', async function () {
    this.timeout(180_000);
    // The runtime's program as compiling rules text gives it: nothing planned or compiled yet.
    const program = compileForCalculator(tiers(4990)).program!;
    const idle = holdIdleTime();
    // The idle task (0: none) of each step of its preparation, and of each credit computed.
    const steps: number[] = [];
    const credits: number[] = [];
    const prepare = program.prepare.bind(program);
    program.prepare = function* () {
      const run = prepare();
      for (;;) {
        steps.push(idle.task());
        if (run.next().done) return;
        yield;
      }
    };
    const creditInSteps = program.creditInSteps.bind(program);
    program.creditInSteps = (...args: Parameters<typeof creditInSteps>) => {
      credits.push(idle.task());
      return creditInSteps(...args);
    };
    try {
      const el = await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="all" .values=${{ availability: '97' }}></credit-calculator>`);
      expect(credits, 'nothing computed in the task that gave the rules').to.deep.equal([]);
      let formBeforeCredit = false;
      for (let n = 0; n < 1000 && credits.length === 0; n++) {
        idle.run(1);
        await settle();
        if (el.loadedProgram && credits.length === 0) formBeforeCredit = !!field(el, 'Availability') && !amount(el);
      }
      expect(new Set(steps).size, 'its preparation spread over several idle tasks').to.be.above(1);
      expect(steps.includes(0), 'none of it outside idle time').to.equal(false);
      expect(credits[0], 'the first credit after it is made ready, in a task of its own').to.be.above(Math.max(...steps));
      expect(formBeforeCredit, 'the form shown, without an amount, before the first credit is computed').to.equal(true);
      idle.run();
      await el.updateComplete;
      expect(amount(el)).to.equal('29.80 EUR');
    } finally {
      idle.restore();
    }
  });

  it('builds a month\'s explanation in idle tasks, no more than 4,000 of its tiers in one, and shows it in a later one', async function () {
    this.timeout(180_000);
    let idle: ReturnType<typeof holdIdleTime> | undefined;
    // The idle task of each step of an explanation: a hundred tiers worked out each.
    const steps: number[] = [];
    const { program, explanations } = counted((kind) => kind === 'explanation' && steps.push(idle?.task() ?? -1));
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="breakdown why" .values=${{ availability: '97' }}></credit-calculator>`));
    await explained(el);
    idle = holdIdleTime();
    try {
      const before = explanations();
      await typeInto(el, field(el, 'Availability'), '96');
      steps.length = 0;
      let builtWhileBusy = false;
      for (let n = 0; n < 100 && explanations() === before; n++) {
        idle.run(1);
        await settle();
        builtWhileBusy = explanations() > before && $(el, '[part=breakdown]')!.getAttribute('aria-busy') === 'true';
      }
      expect(builtWhileBusy, 'after the task that built it, the breakdown still shows the last result, busy').to.equal(true);
      expect(steps.includes(0), 'no step in the key presses\' tasks').to.equal(false);
      expect(steps.length, 'every tier explained, a hundred a step').to.be.at.least(50);
      expect(mostPerTask(steps), 'steps in one task').to.be.at.most(STEPS_PER_SLICE);
      idle.run(1);
      await settle();
      expect(Boolean($(el, '[aria-busy]')), 'shown in the next idle task').to.equal(false);
      expect($(el, '.tier[data-winner]')!.textContent).to.contain('“Availability” is below 96.02%');
    } finally {
      idle.restore();
    }
  });

  it('explains the month of small rules in the key press\'s task as ever: no panel ever busy', async function () {
    this.timeout(60_000);
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator rules=${RULES} panels="breakdown why" .values=${{ availability: '99.4' }}></credit-calculator>`));
    const idle = holdIdleTime();
    try {
      await typeInto(el, field(el, 'Monthly availability'), '98');
      expect(amount(el)).to.equal('400.00 EUR');
      expect(Boolean($(el, '[aria-busy]'))).to.equal(false);
      expect($(el, '[part=breakdown] [data-matched] .money')!.textContent!.replace(/\u00a0/g, ' '), 'the breakdown without idle time').to.equal('400.00 EUR');
    } finally {
      idle.restore();
    }
  });

  it('shows the new total in the task of the key press, and builds the explanation after it, in idle time', async function () {
    this.timeout(180_000);
    const { program, explanations } = counted();
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="breakdown why" .values=${{ availability: '97' }}></credit-calculator>`));
    await explained(el);
    const changes: CreditChangeEvent[] = [];
    el.addEventListener('credit-change', (e) => changes.push(e));
    const idle = holdIdleTime();
    try {
      const before = explanations();
      await typeInto(el, field(el, 'Availability'), '96');
      expect(amount(el), 'the new total at once').to.equal('39.80 EUR');
      expect(explanations(), 'no explanation built in the key presses\' tasks').to.equal(before);
      expect($(el, '[part=breakdown]')!.getAttribute('aria-busy'), 'the breakdown says it is being updated').to.equal('true');
      expect($(el, '[part=why]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '.tier[data-winner]')!.textContent, 'and shows the last result meanwhile').to.contain('“Availability” is below 97.02%');
      expect(idle.held(), 'an explanation waits for idle time').to.be.above(0);

      idle.run();
      await el.updateComplete;
      expect(explanations(), 'one explanation: the newest values\'; those of "9" were superseded').to.equal(before + 1);
      expect(Boolean($(el, '[aria-busy]')), 'no panel busy any more').to.equal(false);
      expect($(el, '.tier[data-winner]')!.textContent).to.contain('“Availability” is below 96.02%');
      expect($(el, '[part=because]')!.textContent).to.contain('96%');
    } finally {
      idle.restore();
    }
    // The page still hears of every change, in its task, with the full result of its values.
    expect(changes.map((e) => e.detail.inputs.availability)).to.deep.equal(['9', '96']);
    const detail = changes[1].detail;
    expect(detail.result.credit.amount).to.equal('39.80');
    expect(detail.result).to.equal(el.result);
    expect(JSON.parse(JSON.stringify(detail)).result.credit.amount, 'the result is a property like any other').to.equal('39.80');
    expect(Object.getOwnPropertyDescriptor(detail, 'result'), 'once read, an ordinary data property').to.deep.equal({ value: detail.result, writable: true, enumerable: true, configurable: true });
    const nine = program.credit({ availability: '9' });
    expect(changes[0].detail.result.credit.amount, 'an event superseded still carries its own values\' result').to.equal(nine.ok && nine.credit.amount);
  });

  it('shows an edited year\'s figures in the task of the key press, and builds its full result in idle tasks; an edit meanwhile drops the older build', async function () {
    this.timeout(180_000);
    // Each step of a year's explanation: its April, and the idle task it ran in (0: a key press's).
    const steps: { april: string; task: number }[] = [];
    let idle: ReturnType<typeof holdIdleTime> | undefined;
    const { program, explanations } = counted((kind, year) => kind === 'explanation' && Array.isArray(year) && steps.push({ april: year[3], task: idle?.task() ?? -1 }));
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="all" .values=${{ availability: '97' }}></credit-calculator>`));
    await explained(el);
    const shadow = el.shadowRoot!;
    const yearTotal = () => shadow.querySelector('.year tfoot td')!.textContent!.replace(/\u00a0/g, ' ');
    const row = (name: string) => [...shadow.querySelectorAll('.year tbody tr')].find((r) => r.querySelector('th')!.textContent!.includes(name))!;
    const credit = (name: string) => row(name).querySelector('td')!.textContent!.replace(/\u00a0/g, ' ');
    const cell = (name: string) => shadow.querySelector<HTMLInputElement>(`[part~=year] input[aria-label="Availability, ${name}"]`)!;
    expect(yearTotal()).to.equal('357.60 EUR');
    const changes: CreditChangeEvent[] = [];
    el.addEventListener('credit-change', (e) => changes.push(e));
    idle = holdIdleTime();
    try {
      const before = explanations();
      await typeInto(el, cell('Mar'), '96');
      expect(credit('Mar'), 'March\'s credit at once').to.equal('39.80 EUR');
      expect(yearTotal(), 'and the year\'s total').to.equal('367.60 EUR');
      expect(steps, 'nothing of a year explained in the key presses\' tasks').to.deep.equal([]);
      expect(explanations(), 'nor any explanation').to.equal(before);
      expect(changes.map((e) => (e.detail.inputs.availability as string[])[2]), 'the page hears of each change in its task').to.deep.equal(['9', '96']);
      expect(idle.held(), 'the year waits for idle time').to.be.above(0);

      // Idle tasks one by one, until the build is well under way.
      while (steps.length < 60) idle.run(1);
      const early = steps.length;
      expect(mostPerTask(steps.map((s) => s.task)), 'steps in one idle task').to.be.at.most(STEPS_PER_SLICE);

      // An edit in the middle of the build: the older year is dropped, the newer one built from its start.
      await typeInto(el, cell('Apr'), '95');
      expect(yearTotal()).to.equal('387.60 EUR');
      expect(steps.length, 'nothing explained in the key presses\' tasks').to.equal(early);
      idle.run();
      await el.updateComplete;
      const later = steps.slice(early);
      expect(later.every((s) => s.april === '95'), 'none more of the older year').to.equal(true);
      expect(later.length, 'the newer year\'s every tier of every month, a hundred a step').to.be.at.least(Math.floor((12 * 4990) / 100));
      expect(mostPerTask(later.map((s) => s.task)), 'steps in one idle task').to.be.at.most(STEPS_PER_SLICE);
      expect(yearTotal(), 'the figures of the full result').to.equal('387.60 EUR');
      expect(credit('Apr')).to.equal('49.80 EUR');
    } finally {
      idle.restore();
    }
    const built = steps.length;
    const last = changes.at(-1)!.detail;
    expect(last.result.mode).to.equal('year');
    expect(last.result.credit.amount).to.equal('387.60');
    expect(steps.length, 'the event\'s result is the year built in idle time, not evaluated again').to.equal(built);
  });

  it('builds no more of an edited year once other rules replace the rules, even when the values do not compute with the new rules', async function () {
    this.timeout(180_000);
    const months: string[] = [];
    const { program } = counted((kind, year) => kind === 'explanation' && Array.isArray(year) && months.push(year[2]));
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="all" .values=${{ availability: '97' }}></credit-calculator>`));
    await explained(el);
    const idle = holdIdleTime();
    try {
      await typeInto(el, el.shadowRoot!.querySelector<HTMLInputElement>('[part~=year] input[aria-label="Availability, Mar"]')!, '96');
      // The edited year is being built: a few of its months so far.
      while (months.length < 2) idle.run(1);
      const before = months.length;
      // Rules in which 97 % is out of range: the form says so, and nothing of the older rules' year is built.
      el.program = loadProgram(compile('fee 100 EUR monthly\ninput availability: percent "Availability" default 10% range 0%..50%\nif availability < 20% then 10%\n').program!.toJSON()).program!;
      await el.updateComplete;
      await waitUntil(() => errorOf(el, field(el, 'Availability')), 'the new rules refuse 97 %', { timeout: 30_000 });
      idle.run();
      await el.updateComplete;
      expect(months.length, 'no month of the replaced rules\' year built after they were replaced').to.equal(before);
      expect(Boolean(el.shadowRoot!.querySelector('.year tfoot td')), 'no year table of the replaced rules').to.equal(false);
    } finally {
      idle.restore();
    }
  });

  it('computes the year\'s figures of a key press in the month form in idle time, the table busy meanwhile; a newer key press drops the older', async function () {
    this.timeout(180_000);
    // Each step of a year's credit: the year's availability, and the idle task it ran in (0: a key press's).
    const runs: { availability: string; task: number }[] = [];
    let idle: ReturnType<typeof holdIdleTime> | undefined;
    const { program } = counted((kind, year) => kind === 'credit' && Array.isArray(year) && runs.push({ availability: year[0], task: idle?.task() ?? -1 }));
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="all" .values=${{ availability: '97' }}></credit-calculator>`));
    await explained(el);
    const shadow = el.shadowRoot!;
    const panel = () => shadow.querySelector('[part~=year]')!;
    // The year's total, read as a person reads it: the cell of the row headed "Year total".
    const yearTotal = () => [...panel().querySelectorAll('tr')].find((r) => r.querySelector('th')!.textContent!.startsWith('Year total'))!.querySelector('td')!.textContent!.replace(/\u00a0/g, ' ');
    expect(yearTotal()).to.equal('357.60 EUR');
    expect(panel().getAttribute('aria-busy')).to.equal(null);
    // The load's year, computed in idle time: not the key presses'.
    runs.length = 0;
    idle = holdIdleTime();
    try {
      await typeInto(el, field(el, 'Availability'), '96');
      expect(amount(el), 'the month\'s total at once').to.equal('39.80 EUR');
      expect(runs, 'no year\'s credit in the key presses\' tasks').to.deep.equal([]);
      expect(panel().getAttribute('aria-busy'), 'the year table says it is being updated').to.equal('true');
      expect(yearTotal(), 'and keeps its last figures meanwhile').to.equal('357.60 EUR');

      // Another key press before idle time: the older year is dropped before it starts.
      await typeInto(el, field(el, 'Availability'), '95');
      expect(amount(el)).to.equal('49.80 EUR');
      expect(runs, 'nothing computed in the key presses\' tasks').to.deep.equal([]);
      idle.run();
      await el.updateComplete;
      expect(runs.length, 'a tier table\'s year: one step').to.equal(1);
      expect(runs.every((r) => r.availability === '95' && r.task > 0), 'the newest year only, in idle time').to.equal(true);
      expect(yearTotal(), 'the new year\'s figures').to.equal('597.60 EUR');
      expect(panel().getAttribute('aria-busy'), 'no longer busy').to.equal(null);
    } finally {
      idle.restore();
    }
  });

  it('builds an edited year at once when the page reads the event\'s result before idle time has', async function () {
    this.timeout(180_000);
    const { program } = counted();
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator .program=${program} panels="year" .values=${{ availability: '97' }}></credit-calculator>`));
    const changes: CreditChangeEvent[] = [];
    el.addEventListener('credit-change', (e) => changes.push(e));
    const idle = holdIdleTime();
    try {
      await typeInto(el, el.shadowRoot!.querySelector<HTMLInputElement>('[part~=year] input[aria-label="Availability, Dec"]')!, '90');
      idle.run(2);
      const result = changes.at(-1)!.detail.result;
      expect(result.mode).to.equal('year');
      expect(result.mode === 'year' && result.periods.map((p) => p.credit.amount).at(-1)).to.equal('99.80');
      expect(Object.getOwnPropertyDescriptor(changes.at(-1)!.detail, 'result'), 'once read, an ordinary data property').to.deep.equal({ value: result, writable: true, enumerable: true, configurable: true });
      idle.run();
      expect(changes.at(-1)!.detail.result).to.equal(result);
    } finally {
      idle.restore();
    }
  });
});

describe('<credit-calculator> with many separate rules', () => {
  // Sixty rules on one input; at 95% the four with thresholds of 96% to 99% apply.
  const rules = `fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\n${Array.from({ length: 60 }, (_, i) => `if a < ${40 + i}% then 1%`).join('\n')}\n`;
  const lines = (el: CreditCalculator) => el.shadowRoot!.querySelectorAll('[part=breakdown] .line');
  const because = (el: CreditCalculator) => [...el.shadowRoot!.querySelectorAll('[part=because] li')].map((li) => li.textContent!.replace(/\u00a0/g, ' '));

  it('shows the rules that apply and counts the rest, in the breakdown and the why, and every rule when asked', async () => {
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator panels="all" .rules=${rules}></credit-calculator>`));
    expect(lines(el).length, 'the breakdown at first').to.equal(50);
    expect(because(el)).to.deep.equal(['None of the 60 rules applies.', 'In total, no credit is due.']);

    await typeInto(el, field(el, 'a'), '95');
    await el.updateComplete;
    expect(amount(el)).to.equal('40.00 EUR');
    const matched = el.shadowRoot!.querySelectorAll('[part=breakdown] .line[data-matched]');
    expect([lines(el).length, matched.length], 'fifty lines, the four that apply among them').to.deep.equal([50, 4]);
    const why = because(el);
    expect(why.filter((s) => s.includes('is below')).length, 'a sentence for each rule that applies').to.equal(4);
    expect(why).to.include('The other 56 rules do not apply.');

    const all = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=breakdown] button')].find((b) => b.textContent === 'Show all 60 rules')!;
    all.click();
    await el.updateComplete;
    expect(lines(el).length, 'every rule, when asked').to.equal(60);
  });

  it('says the rest in German', async () => {
    const el = await settled(await fixture<CreditCalculator>(html`<credit-calculator lang="de" panels="breakdown why" .rules=${rules} .values=${{ a: '95' }}></credit-calculator>`));
    expect(because(el)).to.include('Die übrigen 56 Regeln greifen nicht.');
    expect([...el.shadowRoot!.querySelectorAll('[part=breakdown] button')].map((b) => b.textContent)).to.include('Alle 60 Regeln zeigen');
  });
});
