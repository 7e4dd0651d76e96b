/**
 * `<credit-calculator>` rendered on a server with Lit's own SSR
 * (`@lit-labs/ssr`, as Next.js, Astro and Eleventy plugins use it): the
 * render must not throw, and with no document to ask, the element speaks its
 * own `lang` attribute, else English. Lit's DOM shim is installed before Lit
 * loads, as those frameworks do; the shim ends with a top-level await, so the widget
 * and Lit are imported after it, not beside it.
 */
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const { html } = await import('lit');
await import('../../src/widget/credit-calculator.js');
const { compile } = await import('../../src/index.js');

const program = compile(readFileSync(`${root}examples/azure-vm.credit`, 'utf8')).program!;

/** The server's HTML for the element: its declarative shadow root, as text. */
const serverHtml = (template: unknown) => collectResult(render(template));

describe('<credit-calculator> rendered on a server (Lit SSR)', () => {
  it('renders a declarative shadow root in the language of its lang attribute', async () => {
    const out = await serverHtml(html`<credit-calculator lang="de" .program=${program}></credit-calculator>`);
    assert.match(out, /<credit-calculator[^>]*lang="de"[^>]*><template shadowroot(mode)?="open"/);
    // German words of the widget, not English ones.
    assert.match(out, /Gutschrift/);
    assert.doesNotMatch(out, /Service credit|Total credit|credit rules/);
  });

  it('speaks English with no lang attribute and no document to inherit one from', async () => {
    const out = await serverHtml(html`<credit-calculator .program=${program}></credit-calculator>`);
    assert.match(out, /<template shadowroot(mode)?="open"/);
    assert.match(out, /The credit rules|Total credit/);
    assert.doesNotMatch(out, /Gutschrift/);
  });

  it('shows the credit of a precompiled program in the server\'s HTML', async () => {
    const out = await serverHtml(html`<credit-calculator lang="de" .program=${program}></credit-calculator>`);
    assert.match(out, /part="amount"[^>]*>(<!--[^>]*-->)*0,00\sEUR/);
    assert.doesNotMatch(out, /part="problems"/);
  });
});
