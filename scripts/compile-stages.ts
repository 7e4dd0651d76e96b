/**
 * Where a compile spends its time, stage by stage, on generated realistic
 * programs (`test/fixtures/programs.ts`):
 *
 *     npx tsx scripts/compile-stages.ts [--chromium] [lines...]    (default 300 1000)
 *
 * Node runs the TypeScript through tsx, whose `keepNames` transform makes
 * closure-heavy code (a Chevrotain grammar) slower than it is in a bundle; so
 * Node's figures come from an esbuild bundle too, like the browser's. With
 * `--chromium` the same bundle runs in Chromium (Playwright, found as the
 * browser tests find it). Milliseconds, the fastest of many runs after a
 * warm-up: a measurement, never a test.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const chromium = args.includes('--chromium');
const sizes = args.map(Number).filter((n) => n > 0);
const lines = sizes.length > 0 ? sizes : [300, 1000];

const entry = `
  import { generateProgram } from './test/fixtures/programs.ts';
  import { stageTimings } from './test/fixtures/stages.ts';
  globalThis.measure = (lines) => stageTimings(generateProgram(lines), lines > 2000 ? 20 : 60);
`;
const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  write: false,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  logLevel: 'error',
});
const code = bundle.outputFiles[0].text;

type Timings = { characters: number; tokens: number; diagnostics: number; stages: Record<string, number> };
let measure: (lines: number) => Promise<Timings>;
let close = async () => {};

if (chromium) {
  const { chromium: launcher } = await import('playwright');
  // The browser tests' own lookup of Chromium (a .mjs file without types).
  const config: string = '../web-test-runner.config.mjs';
  const { chromePath, chromiumArgs } = (await import(config)) as { chromePath: () => string; chromiumArgs: string[] };
  const browser = await launcher.launch({ executablePath: chromePath(), args: chromiumArgs });
  const page = await browser.newPage();
  await page.addScriptTag({ content: code });
  measure = (n) => page.evaluate((n) => (globalThis as unknown as { measure: (n: number) => Timings }).measure(n), n);
  close = () => browser.close();
} else {
  new Function(code)();
  measure = async (n) => (globalThis as unknown as { measure: (n: number) => Timings }).measure(n);
}

console.log(`compile stages, fastest of many runs, ms (${chromium ? 'Chromium' : `Node ${process.version}`}, esbuild bundle)`);
for (const n of lines) {
  const t = await measure(n);
  const stages = Object.entries(t.stages).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(' | ');
  console.log(`${n} lines (${t.characters} chars, ${t.tokens} tokens, ${t.diagnostics} diagnostics): ${stages}`);
}
await close();
