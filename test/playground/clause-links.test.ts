/**
 * The clause and the rules linked, in real Chromium, driven as a drafter
 * does: the pointer on a sentence of the clause pane marks the editor lines
 * that produce it; the cursor on a line of the rules (a click, the arrow
 * keys) marks its sentences — a tier, a drafting note — in English and in
 * German.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CreditPlayground } from '../../src/playground/credit-playground.js';
import { $$, clauseInView, mount, PATIENCE } from './helpers.js';
import { afterEach, describe, it } from './mocha.js';

afterEach(() => {
  fixtureCleanup();
});

const SOURCE = `fee 1000 EUR monthly
input availability: percent "Availability" default 99.95% range 90%..100%
## Scheduled maintenance is not downtime.
credit "Uptime":
  if availability < 99.9% then 10%
  if availability < 99% then 25%
claim within 30 days
`;

const sentences = (el: CreditPlayground) => $$(el, '.clause .sentence');
const sentenceWith = (el: CreditPlayground, pattern: RegExp) => sentences(el).find((s) => pattern.test(s.textContent ?? ''));
const markedLines = (el: CreditPlayground) => $$(el, '.cr-linked-line').map((l) => l.textContent);
const markedSentences = (el: CreditPlayground) => $$(el, '.sentence[data-marked]').map((s) => s.textContent!.trim());

/**
 * Puts the pointer on a sentence until `marked` holds, as a person moves the
 * mouse again when the page shifted under it: the panes above the clause
 * fill in idle time and can move the sentence after its box was measured.
 */
async function pointAt(find: () => HTMLElement | undefined, marked: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + PATIENCE.timeout;
  while (performance.now() < deadline) {
    const element = find();
    if (element) {
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 4), Math.round(box.top + box.height / 2)] });
      if (await settled(marked)) return;
    }
    await sendMouse({ type: 'move', position: [0, 0] });
  }
  throw new Error(`Timeout: ${what}`);
}

/** Whether `condition` comes true within a few frames. */
async function settled(condition: () => boolean): Promise<boolean> {
  for (let frame = 0; frame < 30; frame++) {
    if (condition()) return true;
    await new Promise((done) => requestAnimationFrame(done));
  }
  return condition();
}

/** Clicks into the editor on a line of the rules (1-based), as a person puts the cursor there. */
async function clickLine(el: CreditPlayground, line: number): Promise<void> {
  const target = $$(el, '.cm-line')[line - 1];
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.right - 4), Math.round(box.top + box.height / 2)] });
}

const WORDS = {
  en: { tier10: /below 99\.9%: 10%/, tier25: /below 99%: 25%/ },
  de: { tier10: /unter 99,9\s%.*10\s%/, tier25: /unter 99\s%.*25\s%/ },
} as const;

describe('clause and rules side by side, linked', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`pointing at a sentence marks its rules; the cursor on a rule marks its sentence (${lang})`, async () => {
      const el = await mount({ source: SOURCE, locale: lang });
      const words = WORDS[lang];
      await waitUntil(() => clauseInView(el) && sentenceWith(el, words.tier25), 'the clause with its tiers', PATIENCE);

      // The tier's own line: a pointer that landed on another sentence (the page moved under it) tries again.
      await pointAt(() => sentenceWith(el, words.tier25), () => markedLines(el)[0] === '  if availability < 99% then 25%', 'the marked source line');
      expect(markedLines(el)).to.deep.equal(['  if availability < 99% then 25%']);

      await pointAt(() => sentenceWith(el, /Scheduled maintenance is not downtime\./), () => markedLines(el)[0]?.startsWith('##') ?? false, 'the note marked');
      expect(markedLines(el)).to.deep.equal(['## Scheduled maintenance is not downtime.']);

      await sendMouse({ type: 'move', position: [0, 0] });
      await clickLine(el, 5);
      await waitUntil(() => markedSentences(el).length > 0, 'the sentence of the cursor’s line', PATIENCE);
      expect(markedSentences(el)).to.have.length(1);
      expect(markedSentences(el)[0]).to.match(words.tier10);

      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => words.tier25.test(markedSentences(el)[0] ?? ''), 'the next tier’s sentence', PATIENCE);
      expect(markedSentences(el)).to.have.length(1);

      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => /Scheduled maintenance/.test(markedSentences(el)[0] ?? ''), 'the note’s sentence', PATIENCE);
    });
  }

  it('a sentence reached with the keyboard marks its rules', async () => {
    const el = await mount({ source: SOURCE });
    await waitUntil(() => clauseInView(el) && sentenceWith(el, WORDS.en.tier10), 'the clause', PATIENCE);
    // A keyboard user's pointer rests away from the clause (an earlier test left it on a sentence).
    await sendMouse({ type: 'move', position: [0, 0] });
    const first = sentenceWith(el, /The monthly fee is/)!;
    first.focus();
    await waitUntil(() => markedLines(el).length > 0, 'the fee line marked', PATIENCE);
    expect(markedLines(el)).to.deep.equal(['fee 1000 EUR monthly']);
    // Tab moves on sentence by sentence: the definition of the input, then the note.
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => markedLines(el)[0]?.startsWith('input'), 'the input line marked', PATIENCE);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => markedLines(el)[0]?.startsWith('##'), 'the note marked', PATIENCE);
  });
});
