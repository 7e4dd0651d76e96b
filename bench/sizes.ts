/**
 * What a page downloads, gzipped at level 9: every file of our `dist/` (built
 * by bench/run.ts with `vite build`), the two budgets (35 KiB for the runtime of
 * a precompiled program, 80 KiB with the parser), and each peer bundled the same
 * way — a Vite 8 library build (rolldown) of a one-line entry that imports what
 * the peer comparison uses, ES module, fully minified, every emitted chunk
 * gzipped and summed.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { TERSER_OPTIONS } from '../vite.config.js';
import { kb, table } from './harness.js';
import { root } from './programs.js';

const BUDGET = { runtime: 35 * 1024, withParser: 80 * 1024 };

/** Each peer's entry: what the code in bench/peers.ts imports from it. */
const PEERS: Record<string, string> = {
  'json-rules-engine 7.3': "export { Engine } from 'json-rules-engine';",
  'filtrex 3.1': "export { compileExpression } from 'filtrex';",
  '@marcbachmann/cel-js 8.0': "export { Environment } from '@marcbachmann/cel-js';",
  'mathjs 15 (create, all: BigNumber + parser)': "export { create, all } from 'mathjs';",
  'decimal.js 10': "export { Decimal } from 'decimal.js';",
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}
const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export interface SizeFigure {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

/**
 * A Vite 8 library build of `entry` into `outDir`: one ES module (plus chunks
 * for dynamic imports), minified by terser — the way `vite.config.ts` builds our
 * widget, without its plugins.
 */
export async function bundleLibrary(entry: string, outDir: string, fileName: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: 'terser',
      terserOptions: TERSER_OPTIONS,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry, formats: ['es'], fileName: () => fileName },
      rolldownOptions: { output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  });
}

async function bundle(name: string, entry: string, scratch: string): Promise<SizeFigure> {
  const dir = join(scratch, name.replace(/[^a-z0-9]+/gi, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entryFile = join(dir, 'entry.js');
  writeFileSync(entryFile, `${entry}\n`);
  await bundleLibrary(entryFile, join(dir, 'out'), 'bundle.js');
  const out = files(join(dir, 'out')).filter((f) => f.endsWith('.js'));
  return { file: name, bytes: out.reduce((s, f) => s + readFileSync(f).length, 0), gzip: out.reduce((s, f) => s + gzip(f), 0) };
}

export async function sizesSection(log: (text: string) => void) {
  const dist = join(root, 'dist');
  const ours = files(dist).filter((f) => f.endsWith('.js')).map((f) => ({ file: relative(root, f), bytes: readFileSync(f).length, gzip: gzip(f) }));
  const recorded = JSON.parse(readFileSync(join(dist, 'sizes.json'), 'utf8')) as { runtime: number; withParser: number };

  const scratch = join(root, '.bench/bundles');
  const peers: SizeFigure[] = [];
  for (const [name, entry] of Object.entries(PEERS)) peers.push(await bundle(name, entry, scratch));

  const over = (n: number, budget: number) => `${kb(budget)}: ${n > budget ? `over by ${kb(n - budget)}` : `${kb(budget - n)} left`}`;
  log(table('Sizes: our dist/ (vite build), gzip -9', ['file', 'bytes', 'gzip', 'budget'], [
    ...ours.map((f) => [f.file, kb(f.bytes), kb(f.gzip), '']),
    ['runtime of a precompiled program (entry + its static imports)', '', kb(recorded.runtime), over(recorded.runtime, BUDGET.runtime)],
    ['runtime with the parser (all chunks)', '', kb(recorded.withParser), over(recorded.withParser, BUDGET.withParser)],
  ]));
  log(table('Sizes: peers, each bundled alone (Vite 8 library build, ES module, minified), gzip -9', ['peer', 'bytes', 'gzip', 'vs our runtime with parser'], peers.map((p) => [p.file, kb(p.bytes), kb(p.gzip), `${(p.gzip / recorded.withParser).toFixed(2)}×`])));
  return { dist: ours, runtime: recorded.runtime, withParser: recorded.withParser, budgets: BUDGET, peers, method: 'gzip level 9 (node:zlib) of each emitted .js file; peers: vite build() library mode, formats es, minified by terser with the options of vite.config.ts' };
}
