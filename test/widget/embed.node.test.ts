/**
 * The embed configurator (`/embed.html`) used as a marketer uses it: choosing
 * rules, fields, panels, language, colours, radius and font with the mouse
 * and keyboard, then copying the code. The copied code is put, as it is, into
 * a fresh page of another origin that loads the built bundle (`dist/`, as a
 * CDN would serve it): that page must show the calculator the preview showed,
 * light and dark. Needs `npm run build` first (as `npm run test:browser` runs it).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright';
import { open, reads, root, shown, startDemo, type DemoSite } from './demo-site.js';

let site: DemoSite;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/credit-calculator.js')), 'run `npm run build` first: the fresh page loads dist/');
  site = await startDemo();
});
after(async () => {
  await site?.close();
});

const FRESH = 'http://embed.test';

/**
 * A context whose pages are served as if from the internet: the CDN answers
 * with the built bundle, `FRESH/` with `html`, `FRESH/credit/…` with `files`.
 * Every URL the pages ask for is recorded.
 */
async function freshContext(html: string, files: Record<string, string> = {}, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; requested: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 900 }, colorScheme });
  const requested: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.href);
    const cdn = /^\/npm\/credit-rules@[^/]+\/dist\/(.+)$/.exec(url.pathname);
    if (url.hostname === 'cdn.jsdelivr.net' && cdn) {
      return route.fulfill({ path: join(root, 'dist', cdn[1]), contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' } });
    }
    if (url.origin === FRESH && url.pathname === '/') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    if (url.origin === FRESH && files[url.pathname] !== undefined) return route.fulfill({ body: files[url.pathname], contentType: 'application/json' });
    return route.fulfill({ status: 404, body: 'not here' });
  });
  return { context, requested };
}

/** A page holding nothing but the snippet. */
const freshPage = (snippet: string, head = '') => `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Fresh</title>${head}</head><body>\n${snippet}</body></html>\n`;

/** What a visitor sees of a calculator: its fields, panels, total and language, and its look. */
function looks(element: Locator) {
  // No helper functions inside: the page runs this callback's text alone.
  return element.evaluate((el) => {
    const shadow = el.shadowRoot!;
    const style = getComputedStyle(el);
    return {
      fields: [...shadow.querySelectorAll('[part=form] label')].map((e) => e.textContent!.replace(/[\s\u00a0]+/g, ' ').trim()),
      panels: [...new Set([...shadow.querySelectorAll('[part]')].map((e) => e.getAttribute('part')!))].sort(),
      total: shadow.querySelector('[part=total]')!.textContent!.replace(/[\s\u00a0]+/g, ' ').trim(),
      lang: shadow.querySelector('[part=layout]')!.getAttribute('lang'),
      compact: el.hasAttribute('compact'),
      accent: style.getPropertyValue('--_accent').trim(),
      onAccent: style.getPropertyValue('--_on-accent').trim(),
      radius: style.borderTopLeftRadius,
      font: style.fontFamily,
    };
  });
}

/**
 * Waits until the calculator looks as `expected` (its chart is traced in idle
 * time, so it appears after the result), then asserts it.
 */
async function looksLike(element: Locator, expected: Awaited<ReturnType<typeof looks>>, what: string): Promise<void> {
  let actual = await looks(element);
  for (let i = 0; i < 120 && JSON.stringify(actual) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 250));
    actual = await looks(element);
  }
  assert.deepEqual(actual, expected, what);
}

/** The preview once its chart is drawn. */
async function previewed(page: Page) {
  const preview = page.locator('credit-calculator[data-preview]');
  await preview.locator('[part=chart-svg]').waitFor({ timeout: 30_000 });
  return looks(preview);
}

/** The configurator with everything a marketer would change, changed. */
async function configure(): Promise<Page> {
  const page = await open(site, '/embed.html', { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  const settings = page.getByRole('form', { name: 'Settings' });
  const preview = page.locator('credit-calculator[data-preview]');
  await settings.getByLabel('Start from').selectOption({ label: 'Cloud uptime table' });
  await reads(preview.locator('[part=form]'), /Monthly Uptime Percentage/);
  await settings.getByRole('checkbox', { name: 'Monthly EC2 charges' }).uncheck();
  await settings.getByRole('checkbox', { name: 'Why' }).uncheck();
  await settings.getByRole('checkbox', { name: 'Contract year' }).check();
  await settings.getByLabel('Language').selectOption({ label: 'German' });
  await settings.getByLabel('Accent colour', { exact: true }).fill('#aa3300');
  await settings.getByLabel('Accent colour in dark mode').fill('#ffb59a');
  await settings.getByLabel('Corner radius').focus();
  await page.keyboard.press('Home');
  await settings.getByLabel('Font').selectOption({ label: 'Serif (Georgia)' });
  await settings.getByLabel('Element id').fill('uptime');
  await settings.getByRole('checkbox', { name: 'Availability asked for as minutes of downtime' }).check();
  await reads(preview.locator('[part=form]'), /^Ihre Situation Monthly Uptime Percentage/);
  await shown(page);
  return page;
}

async function copied(page: Page, variant: string): Promise<string> {
  await page.getByRole('radio', { name: variant }).check();
  await page.getByRole('button', { name: 'Copy code' }).click();
  await reads(page.locator('.cfg-copy output'), /Copied to the clipboard/);
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('the embed configurator', () => {
  it('hands out code that, pasted into a fresh page, shows the calculator of the preview, light and dark', async () => {
    const page = await configure();
    const preview = page.locator('credit-calculator[data-preview]');
    const snippet = await copied(page, 'Script tag');
    assert.match(snippet, /^<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/credit-rules@\d+\.\d+\.\d+\/dist\/credit-calculator\.js"><\/script>/);
    assert.match(snippet, /<credit-calculator id="uptime" panels="breakdown outputs chart examples year" inputs="availability" locale="de" downtime>/);
    const expected = await previewed(page);
    assert.deepEqual(
      { fields: expected.fields, lang: expected.lang, accent: expected.accent, radius: expected.radius, font: expected.font },
      { fields: ['Monthly Uptime Percentage, als Ausfallzeit im 30-Tage-Monat'], lang: 'de', accent: '#aa3300', radius: '0px', font: 'Georgia, serif' },
    );
    assert.ok(expected.panels.includes('year') && !expected.panels.includes('why'), `panels: ${expected.panels}`);

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const inPreview = await previewed(page);
      const { context } = await freshContext(freshPage(snippet), {}, colorScheme);
      const fresh = await context.newPage();
      await fresh.goto(`${FRESH}/`);
      await shown(fresh);
      await looksLike(fresh.locator('credit-calculator'), inPreview, `the fresh page, ${colorScheme}`);
      await context.close();
    }
    assert.equal((await looks(preview)).accent, '#ffb59a', 'the dark accent in dark mode');
    await page.context().close();
  });

  it('hands out npm code that shows the same calculator once the app resolves the package', async () => {
    const page = await configure();
    const snippet = await copied(page, 'npm app');
    assert.match(snippet, /^<!-- npm install credit-rules -->\n<script type="module">import 'credit-rules\/widget';<\/script>/);
    const expected = await previewed(page);
    // What a bundler does with the bare name: here, an import map pointing at the built bundle.
    const importMap = '<script type="importmap">{"imports":{"credit-rules/widget":"https://cdn.jsdelivr.net/npm/credit-rules@0.0.0/dist/credit-calculator.js"}}</script>';
    const { context } = await freshContext(freshPage(snippet, importMap));
    const fresh = await context.newPage();
    await fresh.goto(`${FRESH}/`);
    await shown(fresh);
    await looksLike(fresh.locator('credit-calculator'), expected, 'the fresh page');
    await context.close();
    await page.context().close();
  });

  it('hands out a precompiled program and the code that loads it, which never downloads the parser', async () => {
    const page = await configure();
    const settings = page.getByRole('form', { name: 'Settings' });
    await settings.getByRole('radio', { name: /precompiled program/ }).check();
    await settings.getByLabel('Address of the program file').fill('/credit/uptime.json');
    const [download] = await Promise.all([page.waitForEvent('download'), settings.getByRole('button', { name: 'Download the program (JSON)' }).click()]);
    assert.equal(download.suggestedFilename(), 'uptime.json');
    const program = readFileSync((await download.path())!, 'utf8');
    const snippet = await copied(page, 'Script tag');
    assert.match(snippet, /<credit-calculator id="uptime" src="\/credit\/uptime\.json" panels="[^"]+" inputs="availability" locale="de" downtime><\/credit-calculator>/);
    assert.doesNotMatch(snippet, /text\/credit-rules/);
    const expected = await previewed(page);
    const { context, requested } = await freshContext(freshPage(snippet), { '/credit/uptime.json': program });
    const fresh = await context.newPage();
    await fresh.goto(`${FRESH}/`);
    await shown(fresh);
    await looksLike(fresh.locator('credit-calculator'), expected, 'the fresh page');
    assert.deepEqual(requested.filter((url) => /\/chunks\/compiler-/.test(url)), [], 'no parser download');
    await context.close();
    await page.context().close();
  });

  it('says when an accent is hard to see or the id cannot be one, and shows the rules\' problems instead of code that cannot work', async () => {
    const page = await open(site, '/embed.html', { permissions: ['clipboard-read', 'clipboard-write'] });
    const settings = page.getByRole('form', { name: 'Settings' });
    await settings.getByLabel('Accent colour', { exact: true }).fill('#f0f0f0');
    await reads(settings.locator('.cfg-warning').first(), /^The accent has 1\.1:1 against the light background/);
    await settings.getByLabel('Element id').fill('9 lives');
    await reads(settings.getByText('Start with a letter'), /Start with a letter/);
    assert.equal(await settings.getByLabel('Element id').getAttribute('aria-invalid'), 'true');
    await reads(page.locator('.cfg-code'), /<credit-calculator id="sla"/);
    await settings.getByLabel('Rules', { exact: true }).fill('fee 100 EUR monthly\nif availability < then 10%\n');
    await reads(settings.locator('.cfg-problems'), /^These rules cannot be used yet: ?2:\d+ expected a value/);
    assert.equal(await page.locator('.cfg-code').textContent(), '');
    assert.equal(await page.getByRole('button', { name: 'Copy code' }).isDisabled(), true);
    await page.context().close();
  });
});
