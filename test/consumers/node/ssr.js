// The widget rendered on a server with Lit's own SSR, as Astro's, Eleventy's and
// Next.js's Lit integrations do: Lit's DOM shim first, then the installed package.
// The shim finishes with a top-level await, so modules imported beside it statically
// would run before it (and find no customElements): they are imported after it.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import assert from 'node:assert/strict';

const { render } = await import('@lit-labs/ssr');
const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
const { html } = await import('lit');
await import('credit-rules/widget');

const page = await collectResult(render(html`<credit-calculator lang="de" rules="if availability < 99.5% then 10%"></credit-calculator>`));
assert.match(page, /<credit-calculator[^>]*lang="de"[^>]*><template shadowroot(mode)?="open"/);
assert.match(page, /Gutschrift/);
console.log('server render: ok');
