/**
 * The breakdown as the built bundle shows it (`npm run build` first), in
 * Chromium: the minified templates keep the words a visitor reads — each
 * tier's condition in words, and a space between "applies" and the amount
 * (the minifier drops whitespace at the end of a template).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright';
// @ts-expect-error: a plain JavaScript config module
import { chromePath, chromiumArgs } from '../../web-test-runner.config.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'dist');
const rules = readFileSync(join(root, 'test/widget/fixtures/uptime.credit'), 'utf8');
const page = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>test</title></head><body>
  <credit-calculator panels="breakdown"><script type="text/credit-rules">\n${rules}\n</script></credit-calculator>
  <script type="module" src="/dist/credit-calculator.js"></script></body></html>`;

describe('the built breakdown', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;

  before(async () => {
    assert.ok(existsSync(join(dist, 'credit-calculator.js')), 'run `npm run build` first');
    server = createServer((req, res) => {
      const path = new URL(req.url!, 'http://x').pathname;
      const file = normalize(join(root, path));
      if (path === '/en.html' || path === '/de.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page(path.slice(1, 3)));
      if (path.startsWith('/dist/') && file.startsWith(dist) && existsSync(file)) return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: chromePath(), args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** The tier that applies, as its text reads, once the availability is typed. */
  async function winner(lang: 'en' | 'de', typed: string): Promise<string> {
    const p = await browser.newPage();
    try {
      await p.goto(`${origin}/${lang}.html`);
      const field = p.getByRole('textbox', { name: 'Monthly availability' });
      await field.click();
      await p.keyboard.press('Control+A');
      await p.keyboard.type(typed);
      // The tier below 99.5% applies from the “99” typed on: waited for, as the result follows the typing.
      const tier = p.locator('credit-calculator .tier[data-winner]', { hasText: '99' + (lang === 'de' ? ',5' : '.5') });
      await tier.waitFor();
      return (await tier.evaluate((li) => li.textContent!)).replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
    } finally {
      await p.close();
    }
  }

  it('reads the tier that applies in English, the amount apart from “applies”', async () => {
    assert.equal(await winner('en', '99.4'), 'Your value for “Monthly availability” is below 99.5% applies 250.00 EUR');
  });

  it('reads it in German on a German page', async () => {
    assert.equal(await winner('de', '99,4'), 'Ihr Wert für „Monthly availability“ liegt unter 99,5 % gilt 250,00 EUR');
  });
});
