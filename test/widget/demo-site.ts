/**
 * What the tests of the demo site share: the site as marketing deploys it —
 * the static build in `demo-dist/` (`npm run build`, see
 * `demo/vite.config.ts`) on a plain static server — Chromium, and reading and
 * typing the way a visitor does. Used by `demo.node.test.ts` and
 * `embed.node.test.ts`.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright';
import { preview } from 'vite';
// @ts-expect-error: a plain JavaScript config module
import { chromePath, chromiumArgs } from '../../web-test-runner.config.mjs';

export const root = new URL('../../', import.meta.url).pathname;

/** Waiting for a page's calculators: generous on a busy machine. */
export const LOAD = 60_000;

export interface DemoSite {
  readonly origin: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startDemo(): Promise<DemoSite> {
  assert.ok(existsSync(join(root, 'demo-dist/index.html')), 'the demo is not built: run `npm run build` first');
  const server = await preview({ configFile: join(root, 'demo/vite.config.ts'), preview: { port: 0, strictPort: false }, logLevel: 'error' });
  const browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
  return {
    origin: server.resolvedUrls!.local[0].replace(/\/$/, ''),
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens a page and waits until every calculator and comparison on it shows a result; no script error allowed. */
export async function open(site: DemoSite, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.origin + path);
  await shown(page);
  assert.deepEqual(errors, [], `errors on ${path}`);
  return page;
}

/** Waits until every calculator and comparison on the page shows a result. */
export async function shown(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...document.querySelectorAll('credit-calculator')].every((c) => (c as HTMLElement & { result?: unknown }).result)
      && [...document.querySelectorAll('credit-compare')].every((c) => c.shadowRoot?.querySelector('[part=plans] tbody tr')),
    null,
    { timeout: LOAD },
  );
}

/** Waits until the text of `where` matches, then returns it; fails saying what it read instead. */
export async function reads(where: Locator, expected: RegExp): Promise<string> {
  let text = '';
  for (let i = 0; i < 200; i++) {
    text = ((await where.textContent()) ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
    if (expected.test(text)) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`expected ${expected}, read: ${text.slice(0, 400)}`);
}

/** Selects what a field holds and types over it, key by key. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}
