/**
 * Two jobs. `npm start`: the demo pages (root `demo/`), which also see the
 * project's `/src/` and `/examples/` so they run the widget from source and
 * load the shipped rules. `npm run build`: the embeddable widget as one ES
 * module, `dist/credit-calculator.js`, with the parser split into a chunk
 * that is only fetched when rules arrive as text — then the gzip sizes.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

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

/**
 * Lit's css`` templates are strings to a minifier: collapse their whitespace
 * and comments (only where it cannot change a selector's meaning).
 */
function minifyCss(): Plugin {
  return {
    name: 'credit-rules:minify-css',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return code.replace(/css`([^`]*)`/g, (_, body: string) =>
        `css\`${body.replace(/\/\*[^]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/;}/g, '}').trim()}\``);
    },
  };
}

/** Prints (and records in dist/sizes.json) what a page downloads, gzipped at level 9. */
function sizes(): Plugin {
  let dist = resolve(here, 'dist');
  return {
    name: 'credit-rules:sizes',
    apply: 'build',
    configResolved(config) {
      dist = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = listFiles(dist).filter((f) => f.endsWith('.js'));
      const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
      const entry = join(dist, 'credit-calculator.js');
      const runtime = staticGraph(entry);
      const all = files.reduce((sum, f) => sum + gz(f), 0);
      const report = { runtime: runtime.reduce((sum, f) => sum + gz(f), 0), withParser: all };
      writeFileSync(join(dist, 'sizes.json'), `${JSON.stringify(report, null, 2)}\n`);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      for (const f of files) console.log(`  ${relative(here, f).padEnd(44)} ${kb(statSync(f).size).padStart(9)}  gzip ${kb(gz(f))}`);
      console.log(`  runtime (precompiled program): ${kb(report.runtime)} gzip (budget 35 KB)`);
      console.log(`  runtime with parser:           ${kb(report.withParser)} gzip (budget 75 KB)`);
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

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? resolve(here, 'demo') : here,
  publicDir: false,
  server: { fs: { allow: [here] } },
  plugins: [projectFolders(), minifyCss(), sizes()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    reportCompressedSize: false,
    lib: {
      entry: resolve(here, 'src/widget/credit-calculator.ts'),
      formats: ['es'],
      fileName: () => 'credit-calculator.js',
    },
    rolldownOptions: {
      // The entry may export more than its own names: that lets the modules the
      // runtime shares with the parser chunk live in the entry (one request,
      // one gzip stream) instead of a third file.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
}));
