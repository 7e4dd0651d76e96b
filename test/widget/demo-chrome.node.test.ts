/**
 * The header, navigation and footer every demo page shares, written once in
 * `demo/site-chrome.ts`, as the built site (`demo-dist/`, `npm run build`)
 * serves them: each page has them in its own language, its EN/DE switch opens
 * the same page in the other language, and its navigation marks the page the
 * visitor is on.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { root } from './demo-site.js';

const PAGES = { '/': 'index.html', '/sales.html': 'sales.html', '/embed.html': 'embed.html', '/de/': 'de/index.html', '/de/sales.html': 'de/sales.html', '/de/embed.html': 'de/embed.html' };
const COUNTERPART: Record<string, string> = { '/': '/de/', '/sales.html': '/de/sales.html', '/embed.html': '/de/embed.html' };
for (const [en, de] of Object.entries(COUNTERPART)) COUNTERPART[de] = en;

const built = (file: string) => {
  assert.ok(existsSync(join(root, 'demo-dist', file)), 'the demo is not built: run `npm run build` first');
  return readFileSync(join(root, 'demo-dist', file), 'utf8');
};

describe('the demo pages’ shared header and footer', () => {
  for (const [path, file] of Object.entries(PAGES)) {
    it(`are filled in, in the page's language, with a switch to the same page in the other: ${path}`, () => {
      const html = built(file);
      assert.doesNotMatch(html, /<!-- site:/, 'a marker was left unfilled');
      const lang = /<html lang="(\w+)">/.exec(html)![1];
      const other = lang === 'de' ? 'en' : 'de';
      assert.match(html, lang === 'de' ? /<nav class="main" aria-label="Hauptnavigation">.*>Für den Vertrieb</ : /<nav class="main" aria-label="Main">.*>For sales</);
      assert.match(html, lang === 'de' ? /Zum Inhalt springen.*Tidedesk ist ein erfundenes Unternehmen/s : /Skip to content.*Tidedesk is a fictional company/s);
      assert.match(html, new RegExp(`<a href="#" aria-current="page" hreflang="${lang}"`));
      assert.equal(new RegExp(`<a href="([^"]*)" hreflang="${other}"`).exec(html)?.[1], COUNTERPART[path]);
    });
  }

  it('mark the page the visitor is on in the navigation', () => {
    const current = (file: string) => [...built(file).matchAll(/<a href="([^"]*)" aria-current="page">/g)].map((m) => m[1]);
    assert.deepEqual(current('index.html'), []);
    assert.deepEqual(current('sales.html'), ['/sales.html']);
    assert.deepEqual(current('de/embed.html'), ['/de/embed.html']);
  });
});
