/**
 * Typing into a draft as large as the limits allow (one block of 4,990 tiers),
 * in real Chromium: the keystrokes are taken while the rules are being
 * checked — the compile runs in a worker, not between the keystrokes — and
 * the problems that arrive at the end are those of the final text, never of
 * a text typed over. What the page does per keystroke is bounded by what is
 * in view, not by the size of the draft: the editor underlines the warnings
 * near the viewport only. Nothing is timed: `npm run bench` prints how long
 * the main thread is held.
 */
import { diagnosticCount, forEachDiagnostic } from '@codemirror/lint';
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CreditPlayground } from '../../src/playground/credit-playground.js';
import { strings } from '../../src/playground/i18n.js';
import { $, $$, mount, PATIENCE, toEnd } from './helpers.js';
import { afterEach, describe, it } from './mocha.js';
import { holdIdleTime } from '../widget/helpers.js';

afterEach(() => {
  fixtureCleanup();
});

/** The largest tier block the limits allow, as test/fuzz/worst-case.ts builds it. */
const TIERS = 4_990;
const LARGE = `fee 1000 EUR monthly
input a: percent default 99% range 0%..100%
credit "Big" capped 50% yearly:
${Array.from({ length: TIERS }, (_, i) => `  if a < ${(i % 1000) / 10}% then ${i % 97}%`).join('\n')}
`;

const busy = (el: CreditPlayground) => $(el, '[part=problems]')!.getAttribute('aria-busy') === 'true';

/** The lines (1-based) of the underlines the editor holds. */
function underlinedLines(el: CreditPlayground): number[] {
  const lines: number[] = [];
  const state = el.editor!.state;
  forEachDiagnostic(state, (_, from) => lines.push(state.doc.lineAt(from).number));
  return lines;
}

describe('<credit-playground> with a draft at the limits', () => {
  it('takes every keystroke while the rules are checked, and then shows the problems of the final text', async function (this: { timeout(ms: number): void }) {
    this.timeout(180_000);
    const el = await mount();
    el.source = LARGE;
    await waitUntil(() => !busy(el) && el.diagnostics.length > TIERS / 2, 'the large draft checked', { timeout: 120_000 });
    expect(el.diagnostics.filter((d) => d.code === 'unreachable-tier').length).to.be.greaterThan(TIERS / 2);

    // Each keystroke notes whether the text before it was still being checked when the key came.
    const takenWhileChecking: boolean[] = [];
    const content = $(el, '.cm-content')!;
    const note = () => takenWhileChecking.push(busy(el));
    content.addEventListener('keydown', note, true);
    await toEnd(el);
    const line = 'let unused_total = 1%';
    for (const character of line) await sendKeys({ type: character });
    await sendKeys({ press: 'Escape' });
    content.removeEventListener('keydown', note, true);

    // Every character is in the editor, in order, although the compile of 4,990 tiers takes far longer than a keystroke.
    expect(el.source.endsWith(`\n${line}`)).to.equal(true);
    expect(takenWhileChecking.some((b) => b), 'a keystroke taken while the text before it was being checked').to.equal(true);

    // Then the problems of the final text: its new name unused, and no error of the half-typed lines before it.
    await waitUntil(() => !busy(el), 'the final text checked', { timeout: 120_000 });
    expect(Boolean($(el, '#checking'))).to.equal(false);
    const messages = el.diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('unused_total'))).to.equal(true);
    expect(el.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    expect(el.diagnostics.every((d) => d.end.line <= TIERS + 4)).to.equal(true);
  });

  it('underlines the warnings near what is in view, and those of another part once it is scrolled to', async function (this: { timeout(ms: number): void }) {
    this.timeout(180_000);
    const el = await mount();
    el.source = LARGE;
    await waitUntil(() => !busy(el) && el.diagnostics.length > TIERS / 2, 'the large draft checked', { timeout: 120_000 });
    const all = el.diagnostics.length;

    // At the top: the first tiers' warnings are underlined, in the editor's text and its gutter; the thousands further down are not built.
    await waitUntil(() => underlinedLines(el).includes(5), 'the first warning underlined', PATIENCE);
    expect($(el, '.cm-lintRange-warning'), 'an underline in view').to.exist;
    expect($(el, '.cm-lint-marker-warning'), 'a gutter marker in view').to.exist;
    expect(diagnosticCount(el.editor!.state)).to.be.below(all / 4);
    expect(Math.max(...underlinedLines(el))).to.be.below(TIERS / 2);

    // Jump to the middle of the block: its warnings are underlined there, with their messages.
    const middle = Math.round(TIERS / 2);
    el.jumpTo(middle);
    await waitUntil(() => underlinedLines(el).includes(middle), 'the warnings at the middle underlined', PATIENCE);
    expect(diagnosticCount(el.editor!.state)).to.be.below(all / 4);
    await waitUntil(() => $$(el, '.cm-lintRange-warning').length > 0, 'an underline drawn at the middle', PATIENCE);
    const near = el.editor!.state.doc.line(middle);
    const messages: string[] = [];
    forEachDiagnostic(el.editor!.state, (d, from) => from >= near.from && from <= near.to && messages.push(d.message));
    expect(messages.join()).to.contain('this tier can never win');
  });

  it('renders the problems list once for each compile, not on every keystroke', async function (this: { timeout(ms: number): void }) {
    this.timeout(180_000);
    const el = await mount();
    el.source = LARGE;
    await waitUntil(() => !busy(el) && el.diagnostics.length > TIERS / 2, 'the large draft checked', { timeout: 120_000 });
    await toEnd(el);
    // Each problem shown says where it is: count how often that is worded.
    const t = strings('en') as { at: (line: number, column: number) => string };
    const at = t.at;
    let worded = 0;
    const compiled = () => performance.getEntriesByName('credit-playground:compile').length;
    const before = compiled();
    t.at = (line, column) => (worded++, at(line, column));
    try {
      await sendKeys({ type: '# a note' });
      await waitUntil(() => !busy(el) && el.source.endsWith('# a note') && el.diagnostics.length > TIERS / 2 && el.program?.source === el.source, 'the note checked', { timeout: 120_000 });
      await el.updateComplete;
    } finally {
      t.at = at;
    }
    // The panes rendered while the text was being checked ("Checking…"); the 200 problems shown were worded once per compile that came back.
    const compiles = compiled() - before;
    expect(compiles).to.be.at.least(1);
    expect($$(el, '.problem')).to.have.length(200);
    expect(worded).to.be.at.most(200 * compiles);
  });
});

describe('<credit-playground> with a draft at the limits and no worker to check it', () => {
  it('checks the draft on the page in idle slices, a step at a time, and shows the same problems', async function (this: { timeout(ms: number): void }) {
    this.timeout(180_000);
    const RealWorker = window.Worker;
    // @ts-expect-error: a browser, or a test environment, without workers
    delete window.Worker;
    const el = await mount();
    // Held once the playground is drawn (its first view waits for idle time).
    const idle = holdIdleTime();
    try {
      el.source = LARGE;
      await waitUntil(() => idle.held() > 0 && busy(el), 'the check asks for idle time', { timeout: 60_000 });
      // Lexed, parsed, built into a tree, names, kinds and each kind of warning: each its own step.
      const tasks = await idle.until(() => !busy(el), 1000);
      expect(tasks, 'idle tasks until the draft is checked').to.be.greaterThan(5);
      idle.restore();
      idle.run();
      await waitUntil(() => !busy(el), 'the draft checked', { timeout: 120_000 });
      expect(el.diagnostics.filter((d) => d.code === 'unreachable-tier').length).to.be.greaterThan(TIERS / 2);
      // A key press: the text typed into is checked the same way, and its problems shown.
      const changed = new Promise((resolve) => el.addEventListener('playground-change', resolve, { once: true }));
      await toEnd(el);
      await sendKeys({ type: 'x' });
      await changed;
      expect(el.diagnostics.map((d) => d.start.line), 'the stray x at the end').to.include(TIERS + 4);
    } finally {
      idle.restore();
      window.Worker = RealWorker;
    }
  });
});
