/**
 * The demo site as static files that any web server serves: `npm run build`
 * writes `demo-dist/` — every page of `demo/`, the widget and the playground
 * built for production (Lit's production build, minified), and the rules
 * files the pages fetch (`/examples/…`, `/de/…`). `npm start` serves the same
 * pages from source (the project's `vite.config.ts`); the demo's browser
 * tests run against this build (`test/widget/demo-site.ts`).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { siteChrome } from './site-chrome.js';

const demo = dirname(fileURLToPath(import.meta.url));
const project = resolve(demo, '..');
export const OUT = join(project, 'demo-dist');

const PAGES = ['index.html', 'sales.html', 'embed.html', 'de/index.html', 'de/sales.html', 'de/embed.html', 'playground/index.html'];

/** What the pages load by address rather than by import: the rules files and the icon. */
function fetchedFiles(): Plugin {
  const copy = (from: string, to: string, keep: (name: string) => boolean) => {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter(keep)) copyFileSync(join(from, name), join(to, name));
  };
  return {
    name: 'credit-rules:demo-fetched-files',
    apply: 'build',
    writeBundle() {
      copy(join(project, 'examples'), join(OUT, 'examples'), (name) => name.endsWith('.credit'));
      copy(join(demo, 'de'), join(OUT, 'de'), (name) => name.endsWith('.credit'));
      copy(demo, OUT, (name) => name === 'favicon.svg');
    },
  };
}

/**
 * package.json's `sideEffects` names the built registration modules (`lib/`),
 * not their sources: read literally, a page's `import '…/credit-playground.js'`
 * or `<credit-compare>`'s import of the calculator's registration would be
 * dropped from the build. The project's own sources keep their side effects.
 */
function sourcesRegister(): Plugin {
  const sources = `${join(project, 'src')}/`;
  return {
    name: 'credit-rules:demo-sources-register',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && resolved.id.startsWith(sources) ? { ...resolved, moduleSideEffects: true } : null;
    },
  };
}

export default defineConfig({
  root: demo,
  publicDir: false,
  logLevel: 'warn',
  resolve: {
    // The pages import the project's own source as `/src/…`, as under `npm start`.
    alias: [{ find: /^\/src\//, replacement: `${join(project, 'src')}/` }],
  },
  plugins: [siteChrome(demo), sourcesRegister(), fetchedFiles()],
  build: {
    outDir: OUT,
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page.replace(/\.html$/, ''), join(demo, page)])),
    },
  },
  preview: { host: '127.0.0.1' },
});
