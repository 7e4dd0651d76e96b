/**
 * The fuzzer: `npx tsx scripts/fuzz.ts [--runs N] [--seed S]` (or `npm run fuzz`)
 * runs the robustness property of test/fuzz/harness.ts — random, mutated and
 * hostile rules texts with hostile values; nothing throws, every diagnostic lies
 * inside the text — on at least 100,000 cases by default. It prints the seed
 * first, so any run can be repeated, and on failure the seed, the path and the
 * shrunk counterexample, which belongs in test/fuzz/regressions.test.ts.
 */
import fc from 'fast-check';
import { robustnessProperty } from '../test/fuzz/harness.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

const runs = Number(option('runs') ?? 100_000);
const seed = Number(option('seed') ?? (Date.now() ^ (Math.random() * 0x100000000)) >>> 0);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: tsx scripts/fuzz.ts [--runs N] [--seed S]');
  process.exit(2);
}

console.log(`credit-rules fuzzer: ${runs.toLocaleString('en')} cases, seed ${seed}`);
const started = performance.now();
let cases = 0;
let slowest = { ms: 0, source: '' };
let lastReport = started;
const report = (final = false) => {
  const seconds = (performance.now() - started) / 1000;
  const rate = cases / Math.max(seconds, 0.001);
  const line = `${cases.toLocaleString('en')} cases, ${seconds.toFixed(0)} s, ${rate.toFixed(0)} cases/s, slowest case ${slowest.ms.toFixed(0)} ms`;
  process.stdout.write(final || !process.stdout.isTTY ? `${line}\n` : `\r${line}   `);
};

const details = fc.check(
  robustnessProperty(undefined, (c, ms) => {
    cases++;
    if (ms > slowest.ms) slowest = { ms, source: c.source };
    const now = performance.now();
    if (now - lastReport > 5_000) {
      lastReport = now;
      report();
    }
  }),
  { seed, numRuns: runs },
);
report(true);
if (slowest.ms > 1_000) console.log(`slowest text (${slowest.ms.toFixed(0)} ms): ${JSON.stringify(slowest.source.slice(0, 300))}`);

if (details.failed) {
  console.error(`\nFAILED after ${details.numRuns} cases (${details.numShrinks} shrinks)`);
  console.error(`  seed: ${details.seed}`);
  console.error(`  path: ${details.counterexamplePath}`);
  console.error(`  repeat: npx tsx scripts/fuzz.ts --seed ${details.seed} --runs ${runs}`);
  console.error(`  counterexample: ${fc.stringify(details.counterexample)}`);
  const error = details.errorInstance;
  console.error(`  error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
console.log(`OK: ${details.numRuns.toLocaleString('en')} cases passed (seed ${seed})`);
