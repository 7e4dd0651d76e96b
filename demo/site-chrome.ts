/**
 * What every page of the demo site shares, written once: the head's common
 * tags, the skip link, the header (logo, navigation, EN/DE switch) and the
 * footer, in the page's language. A page marks where they go with
 * `<!-- site: head -->`, `<!-- site: header -->` and `<!-- site: footer -->`;
 * this Vite plugin fills them in before Vite reads the page, under `npm start`
 * (vite.config.ts) and in the demo's build (demo/vite.config.ts) alike. The
 * language and the page come from the file: `de/sales.html` is the German
 * sales page, and its EN link opens `/sales.html`.
 */
import { relative, sep } from 'node:path';
import type { Plugin } from 'vite';

type Lang = 'en' | 'de';

const WORDS = {
  en: {
    skip: 'Skip to content',
    navigation: 'Main',
    nav: { '#product': 'Product', '#sla': 'SLA', '#roi': 'ROI', 'sales.html': 'For sales', 'embed.html': 'Embed' },
    footer: 'Tidedesk is a fictional company. This page demonstrates the &lt;credit-calculator&gt; web component.',
    playground: 'Language playground',
  },
  de: {
    skip: 'Zum Inhalt springen',
    navigation: 'Hauptnavigation',
    nav: { '#product': 'Produkt', '#sla': 'SLA', '#roi': 'ROI', 'sales.html': 'Für den Vertrieb', 'embed.html': 'Einbinden' },
    footer: 'Tidedesk ist ein erfundenes Unternehmen. Diese Seite zeigt die Web-Komponente &lt;credit-calculator&gt;.',
    playground: 'Sprach-Playground',
  },
} as const;

const LOGO = '<svg viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="9" fill="currentColor" opacity=".12"/><path d="M6 19c3-5 6-5 10 0s7 5 10 0" fill="none" stroke="#0f6b5c" stroke-width="3" stroke-linecap="round"/><path d="M6 13c3-5 6-5 10 0s7 5 10 0" fill="none" stroke="#0f6b5c" stroke-width="3" stroke-linecap="round" opacity=".45"/></svg>';

/** A page's address in a language: `index.html` in German is `/de/`. */
const address = (lang: Lang, page: string) => `${lang === 'de' ? '/de/' : '/'}${page === 'index.html' ? '' : page}`;

const current = (yes: boolean) => (yes ? ' aria-current="page"' : '');

/** The shared parts of `page` (`index.html`, `sales.html`, …) in `lang`, by their marker. */
export function chrome(lang: Lang, page: string): Record<'head' | 'header' | 'footer', string> {
  const w = WORDS[lang];
  const home = address(lang, 'index.html');
  const nav = Object.entries(w.nav)
    .map(([target, text]) => `<a href="${target.startsWith('#') ? `${home}${target}` : address(lang, target)}"${current(target === page)}>${text}</a>`)
    .join('');
  const switcher = (['en', 'de'] as const)
    .map((other) => `<a href="${other === lang ? '#' : address(other, page)}"${current(other === lang)} hreflang="${other}" lang="${other}">${other.toUpperCase()}</a>`)
    .join('');
  return {
    head: `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg">
<link rel="stylesheet" href="/demo.css">`,
    header: `<a class="skip" href="#main">${w.skip}</a>
<header class="site"><div class="wrap">
  <a class="logo" href="${home}">${LOGO}Tidedesk</a>
  <nav class="main" aria-label="${w.navigation}">${nav}<a href="/playground/">Playground</a></nav>
  <div class="lang">${switcher}</div>
</div></header>`,
    footer: `<footer class="site"><div class="wrap"><span>© 2026 Tidedesk · ${w.footer}</span><a href="/playground/">${w.playground}</a></div></footer>`,
  };
}

/** Fills the markers of every page under `demo` (an absolute folder). */
export function siteChrome(demo: string): Plugin {
  return {
    name: 'credit-rules:demo-site-chrome',
    transformIndexHtml: {
      // Before Vite's own pass, so the stylesheet and icon are bundled as if the page had written them.
      order: 'pre',
      handler(html, { filename }) {
        const path = relative(demo, filename).split(sep).join('/');
        const lang: Lang = path.startsWith('de/') ? 'de' : 'en';
        const parts = chrome(lang, path.replace(/^de\//, ''));
        return html.replace(/<!-- site: (head|header|footer) -->/g, (_marker, part: keyof typeof parts) => parts[part]);
      },
    },
  };
}
