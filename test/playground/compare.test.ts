/**
 * The playground's Compare pane in real Chromium, where its money ranges
 * leave something out: amounts are for one period on its own, so a cap over a
 * longer period (a yearly cap of monthly rules) shows only what one period
 * credits toward it. The pane says so, as `credit-rules diff` does, in English
 * and German. (Comparing in general: drafting.test.ts.)
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { $, $$, mount, PATIENCE, saveVersion, settle } from './helpers.js';
import { afterEach, describe, it } from './mocha.js';

afterEach(() => {
  fixtureCleanup();
});

const CAPPED = `fee 1000 EUR monthly
input availability: percent "Availability" default 99% range 90%..100%
if availability < 99.5% then 10%
cap 15% yearly
`;

/** Saves the rules, tightens their threshold in the draft, compares the two and reads the pane's hints. */
async function compareTightened(source: string, locale: 'en' | 'de' = 'en'): Promise<string[]> {
  const el = await mount({ source, locale });
  await saveVersion(el, 'Signed');
  el.source = source.replace('99.5%', '99.9%');
  await settle(el);
  ($(el, '#compare') as HTMLButtonElement).click();
  await waitUntil(() => $(el, '.compare table.money'), 'the money ranges', PATIENCE);
  return $$(el, '.compare .hint').map((hint) => hint.textContent!.trim());
}

describe('comparing versions whose caps run longer than a period', () => {
  it('says that a month on its own counts only its own credits toward a yearly cap', async () => {
    expect(await compareTightened(CAPPED, 'en')).to.include(
      'Amounts for one month on its own: a yearly cap counts only one month’s credits here; over several months it can limit them sooner.');
  });

  it('says it in German too', async () => {
    expect(await compareTightened(CAPPED, 'de')).to.include(
      'Beträge für einen Monat für sich: Eine jährliche Höchstgrenze zählt hier nur die Gutschriften eines Monats; über mehrere Monate kann sie sie früher begrenzen.');
  });

  it('says nothing of the kind when every cap is a month’s', async () => {
    const hints = await compareTightened(CAPPED.replace('yearly', 'monthly'));
    expect(hints.filter((hint) => hint.includes('on its own'))).to.deep.equal([]);
  });
});
