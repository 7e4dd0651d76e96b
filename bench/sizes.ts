/**
 * What a page downloads, gzipped at level 9: every file of our `dist/` (built
 * by bench/run.ts with `vite build`), the two budgets (35 KiB for the runtime of
 * a precompiled program, 80 KiB with the parser), and each peer bundled the same
 * way — a Vite 8 library build (rolldown) of a one-line entry that imports what
 * the peer comparison uses, ES module, fully minified, every emitted chunk
 * gzipped and summed. Then where our bytes go: a build with source maps, each
 * part's code cut out of the minified file and the rest gzipped again.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';
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

/**
 * The parts of the product, by source module (first match wins): what "where
 * the bytes go" names. The budgets' comment in test/widget/dist.node.test.ts
 * quotes these figures.
 */
const PARTS: readonly (readonly [part: string, modules: RegExp])[] = [
  ['decimal.js', /node_modules\/decimal\.js\//],
  ['Lit', /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//],
  ['chevrotain', /node_modules\/(@?chevrotain)\//],
  ['language: evaluator, plan, run, trace', /src\/language\/(evaluate|plan)\/|src\/language\/program\.ts$/],
  ['language: saved-program reader', /src\/language\/saved\//],
  ['language: "why" in words', /src\/language\/render\/why/],
  ['language: checker', /src\/language\/checker\//],
  ['language: parser, AST builder, lexer, messages', /src\/language\/(parser|ast-builder|lexer|tokens|problems|analyze|compile)\.ts$/],
  ['language: shared (AST, decimals, formats, limits, …)', /src\/language\//],
  ['widget: styles', /src\/widget\/.*styles\.ts$/],
  ['widget: its words (en, de)', /src\/widget\/i18n\.ts$/],
  ['widget: element, panels, form, chart, loading', /src\/(widget\/|runtime\.ts|compiler\.ts)/],
];

/**
 * What each part adds to a minified file, gzip -9: the file's bytes are
 * assigned to source modules by its source map, then each part's bytes are
 * cut out and the rest gzipped again. The parts' figures add up to about the
 * whole, not exactly (gzip finds repeats across parts).
 */
function attribute(file: string): Map<string, number> {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const partOf = map.sources.map((source) => PARTS.find(([, modules]) => modules.test(source))?.[0] ?? 'other');
  const owner: (string | undefined)[] = new Array(code.length);
  let offset = 0;
  for (const line of decode(map.mappings)) {
    const end = code.indexOf('\n', offset) === -1 ? code.length : code.indexOf('\n', offset);
    line.forEach((segment, i) => {
      const to = i + 1 < line.length ? offset + line[i + 1][0] : end;
      for (let k = offset + segment[0]; k < to; k++) owner[k] = segment.length > 1 ? partOf[segment[1]!] : undefined;
    });
    offset = end + 1;
  }
  const whole = gzipSync(code, { level: 9 }).length;
  const parts = new Map<string, number>();
  for (const part of new Set(owner)) {
    if (part === undefined) continue;
    let rest = '';
    for (let k = 0; k < code.length; k++) if (owner[k] !== part) rest += code[k];
    parts.set(part, whole - gzipSync(rest, { level: 9 }).length);
  }
  return parts;
}

/** Our build again, with source maps, into `.bench/dist-map`: the runtime and the parser chunk by part. */
async function whereTheBytesGo(): Promise<{ part: string; runtime: number; parser: number }[]> {
  const out = join(root, '.bench/dist-map');
  // Quietly: the config's size report has been printed for dist/ already.
  const print = console.log;
  console.log = () => undefined;
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: out, emptyOutDir: true, sourcemap: true } });
  } finally {
    console.log = print;
  }
  const recorded = JSON.parse(readFileSync(join(out, 'sizes.json'), 'utf8')) as { chunks: { file: string; loads: string }[] };
  const sum = (loads: (c: { file: string; loads: string }) => boolean) => {
    const total = new Map<string, number>();
    for (const c of recorded.chunks.filter(loads)) for (const [part, n] of attribute(join(out, c.file))) total.set(part, (total.get(part) ?? 0) + n);
    return total;
  };
  const runtime = sum((c) => c.loads === 'runtime');
  const parser = sum((c) => c.file.startsWith('chunks/compiler-'));
  return [...PARTS.map(([part]) => part), 'other']
    .map((part) => ({ part, runtime: runtime.get(part) ?? 0, parser: parser.get(part) ?? 0 }))
    .filter((p) => p.runtime || p.parser);
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
  const parts = await whereTheBytesGo();
  log(table('Sizes: where our bytes go (gzip -9; each part cut out of the minified file, the rest gzipped again)', ['part', 'runtime', 'parser chunk'],
    parts.map((p) => [p.part, p.runtime ? kb(p.runtime) : '', p.parser ? kb(p.parser) : ''])));
  log(table('Sizes: peers, each bundled alone (Vite 8 library build, ES module, minified), gzip -9', ['peer', 'bytes', 'gzip', 'vs our runtime with parser'], peers.map((p) => [p.file, kb(p.bytes), kb(p.gzip), `${(p.gzip / recorded.withParser).toFixed(2)}×`])));
  return { dist: ours, runtime: recorded.runtime, withParser: recorded.withParser, budgets: BUDGET, parts, peers, method: 'gzip level 9 (node:zlib) of each emitted .js file; peers: vite build() library mode, formats es, minified by terser with the options of vite.config.ts' };
}
