// The widget rendered on a server with Lit's own SSR, as Astro's, Eleventy's and
// Next.js's Lit plugins do: Lit's DOM shim first, then the installed package.
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import 'credit-rules/widget';

const page = await collectResult(render(html`<credit-calculator lang="de" rules="if availability < 99.5% then 10%"></credit-calculator>`));
assert.match(page, /<credit-calculator[^>]*lang="de"[^>]*><template shadowroot(mode)?="open"/);
assert.match(page, /Gutschrift/);
console.log('server render: ok');
