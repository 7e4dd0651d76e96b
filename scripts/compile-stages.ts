/**
 * Where a compile spends its time, stage by stage (the stages of
 * `bench/stages.ts`), on generated realistic programs
 * (`test/fixtures/programs.ts`):
 *
 *     npx tsx scripts/compile-stages.ts [--chromium] [lines...]    (default 300 1000)
 *
 * Builds the library first (`npm run build:lib`, as the bench does), so the
 * figures are of the code as it is now. Node's figures come from an esbuild
 * bundle, like the browser's; with `--chromium` the same bundle runs in
 * Chromium (Playwright, found as the browser tests find it). Milliseconds,
 * the fastest of many runs after a warm-up: a measurement, never a test.
 */
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { StageTimings } from '../bench/stages.js';

const args = process.argv.slice(2);
const chromium = args.includes('--chromium');
const sizes = args.map(Number).filter((n) => n > 0);
const lines = sizes.length > 0 ? sizes : [300, 1000];

const entry = `
  import { generateProgram } from './test/fixtures/programs.ts';
  import { fastestStageTimes } from './bench/stages.ts';
  globalThis.measure = (lines) => fastestStageTimes(generateProgram(lines), lines > 2000 ? 20 : 60);
`;
const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('npm', ['run', '--silent', 'build:lib'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
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

let measure: (lines: number) => Promise<StageTimings>;
let close = async () => {};

if (chromium) {
  const { chromium: launcher } = await import('playwright');
  // The browser tests' own lookup of Chromium (a .mjs file without types).
  const config: string = '../web-test-runner.config.mjs';
  const { chromePath, chromiumArgs } = (await import(config)) as { chromePath: () => string; chromiumArgs: string[] };
  const browser = await launcher.launch({ executablePath: chromePath(), args: chromiumArgs });
  const page = await browser.newPage();
  await page.addScriptTag({ content: code });
  measure = (n) => page.evaluate((n) => (globalThis as unknown as { measure: (n: number) => StageTimings }).measure(n), n);
  close = () => browser.close();
} else {
  new Function(code)();
  measure = async (n) => (globalThis as unknown as { measure: (n: number) => StageTimings }).measure(n);
}

console.log(`compile stages, fastest of many runs, ms (${chromium ? 'Chromium' : `Node ${process.version}`}, esbuild bundle)`);
for (const n of lines) {
  const t = await measure(n);
  const stages = Object.entries(t.stages).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(' | ');
  console.log(`${n} lines (${t.characters} chars, ${t.tokens} tokens, ${t.diagnostics} diagnostics): ${stages}`);
}
await close();
