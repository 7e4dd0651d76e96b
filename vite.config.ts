/**
 * Two jobs. `npm start`: the demo pages (root `demo/`), which also see the
 * project's `/src/` and `/examples/` so they run the widget from source and
 * load the shipped rules. `npm run build`: the standalone widget for a
 * `<script>` tag or a CDN, `dist/credit-calculator.js` — one self-contained
 * ES module with Lit inside, the parser split into a chunk that is only
 * fetched when rules arrive as text, and the worker that reads large rules
 * off the main thread — then its gzip sizes. (Apps import the
 * npm modules in `lib/` instead, built by tsc, with Lit as a dependency.)
 * Lit's templates are minified by Lit's own maintained plugin; the budget
 * tests are in test/widget/dist.node.test.ts.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defineConfig, type Plugin } from 'vite';
import { siteChrome } from './demo/site-chrome.js';

const here = dirname(fileURLToPath(import.meta.url));

/** `/src/…` and `/examples/…` from the project root, although the demo is the server's root. */
function projectFolders(): Plugin {
  return {
    name: 'credit-rules:project-folders',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/(src|examples)\//.test(req.url)) req.url = `/@fs${join(here, req.url)}`;
        next();
      });
    },
  };
}

/** What each chunk loaded on demand is, by its name, for the size report. */
const ON_DEMAND: Record<string, string> = {
  compiler: 'the parser and checker: loaded only when rules arrive as text, never for a precompiled program',
};

/**
 * The workers the runtime starts, by name: loaded by a worker, not by the
 * page, and only for large rules; counted in neither budget.
 */
const WORKERS: Record<string, string> = {
  'load-worker': 'the loader\'s worker (src/widget/load-worker.ts): compiles rules text of 20,000 characters or more, '
    + 'or reads and verifies a precompiled program of 200 kB or more, off the page\'s main thread; loaded only for such large rules, '
    + 'and then instead of the parser chunk on the page; its own copy of the parser and the runtime',
};

/** The other elements' entries: counted on their own, not in the calculator's budgets. */
const OTHER_ENTRIES: Record<string, string> = {
  'credit-compare.js': '<credit-compare>, for pages that compare plans; shares the calculator\'s runtime',
};

/**
 * Prints, and records in dist/sizes.json, what a page downloads, gzipped at
 * level 9: the runtime (the calculator's entry and every chunk it imports
 * statically — everything the first view of a precompiled program needs),
 * with the parser (those and every chunk loaded on demand — today the
 * parser's alone: the calculator's files), with the loader worker (the
 * runtime and the worker that reads large rules instead of the parser
 * chunk; in neither budget), each chunk and what
 * it is, and each chunk's source modules by size before minification (where
 * the bytes go; for gzip per module, build with `--sourcemap` and attribute
 * the mappings). test/widget/dist.node.test.ts checks in Chromium that a
 * page's first view loads exactly these sets, so a chunk the first render
 * imports dynamically cannot hide from the runtime.
 */
function sizes(): Plugin {
  let dist = resolve(here, 'dist');
  const modules: Record<string, Record<string, number>> = {};
  return {
    name: 'credit-rules:sizes',
    apply: 'build',
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        modules[chunk.fileName] = Object.fromEntries(
          Object.entries(chunk.modules)
            .map(([id, m]) => [relative(here, id).replace(/^.*node_modules\//, ''), m.renderedLength] as const)
            .filter(([, length]) => length > 0)
            .sort((a, b) => b[1] - a[1]),
        );
      }
    },
    writeBundle() {
      const files = listFiles(dist).filter((f) => f.endsWith('.js'));
      const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
      const runtime = staticGraph(join(dist, 'credit-calculator.js'));
      const chunks = files.map((f) => {
        const file = relative(dist, f);
        const named = (names: Record<string, string>) => Object.entries(names).find(([prefix]) => file.startsWith(`chunks/${prefix}-`))?.[1];
        const worker = named(WORKERS);
        const loads = runtime.includes(f) ? 'runtime' : OTHER_ENTRIES[file] ? 'own entry' : worker ? 'worker' : 'on demand';
        const what = loads === 'runtime' ? 'first view' : OTHER_ENTRIES[file] ?? worker ?? named(ON_DEMAND) ?? 'not described: add it to ON_DEMAND';
        return { file, bytes: statSync(f).size, gzip: gz(f), loads, what };
      });
      const report = {
        runtime: chunks.filter((c) => c.loads === 'runtime').reduce((sum, c) => sum + c.gzip, 0),
        withParser: chunks.filter((c) => c.loads === 'runtime' || c.loads === 'on demand').reduce((sum, c) => sum + c.gzip, 0),
        /** What a page with large rules loads: the runtime on the page, the worker in its thread. */
        withWorker: chunks.filter((c) => c.loads === 'runtime' || c.loads === 'worker').reduce((sum, c) => sum + c.gzip, 0),
        chunks,
        modules,
      };
      writeFileSync(join(dist, 'sizes.json'), `${JSON.stringify(report, null, 2)}\n`);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      for (const c of chunks) console.log(`  ${c.file.padEnd(32)} ${kb(c.bytes).padStart(9)}  gzip ${kb(c.gzip).padStart(8)}  ${c.loads}${c.loads === 'runtime' ? '' : `: ${c.what}`}`);
      console.log(`  runtime (precompiled program): ${kb(report.runtime)} gzip -9 (budget 35 KiB)`);
      console.log(`  runtime with parser:           ${kb(report.withParser)} gzip -9 (budget 80 KiB)`);
      console.log(`  runtime with the loader worker: ${kb(report.withWorker)} gzip -9 (large rules only; no budget)`);
      console.log('  each chunk\'s modules, by size before minification: dist/sizes.json');
    },
  };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The entry and every chunk it imports statically: what loads before any rules are compiled. */
function staticGraph(entry: string, seen = new Set<string>()): string[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']([^"']+)["']/g)) {
    staticGraph(resolve(dirname(entry), m[1]), seen);
  }
  return [...seen];
}

/** terser, Vite's other minifier: 0.6 KB (gzip) less than the default for the runtime with the parser. The bench builds the peers with it too. */
export const TERSER_OPTIONS = { module: true, compress: { passes: 3 }, format: { comments: false } };

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? resolve(here, 'demo') : here,
  // Files the build starts by address (the loader's worker) are found beside the entry, wherever dist/ is served from.
  base: command === 'build' ? './' : '/',
  publicDir: false,
  server: { fs: { allow: [here] } },
  resolve: {
    alias: [
      // Demo modules import the project's own source as `/src/…` (see projectFolders).
      { find: /^\/src\//, replacement: `${resolve(here, 'src')}/` },
    ],
  },
  plugins: [
    projectFolders(),
    siteChrome(resolve(here, 'demo')),
    // html``, svg`` and css`` templates of the widget; a template it cannot minify fails the build rather than shipping unminified.
    { ...minifyHtmlLiterals({ include: ['src/**/*.ts'], failOnError: true }), apply: 'build' },
    sizes(),
  ],
  worker: {
    // A module worker (`type: 'module'`), minified like the chunks, beside them.
    format: 'es' as const,
    rolldownOptions: { output: { entryFileNames: 'chunks/[name]-[hash].js', minify: true } },
  },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: 'terser',
    terserOptions: TERSER_OPTIONS,
    reportCompressedSize: false,
    lib: {
      entry: {
        'credit-calculator': resolve(here, 'src/widget/credit-calculator.ts'),
        'credit-compare': resolve(here, 'src/widget/compare/credit-compare.ts'),
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // The entry may export more than its own names: that lets the modules the
      // runtime shares with the parser chunk live in the entry (one request,
      // one gzip stream) instead of a third file.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
}));
