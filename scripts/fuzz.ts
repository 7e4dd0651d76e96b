/**
 * The fuzzer: `npx tsx scripts/fuzz.ts [--runs N] [--paths-runs N] [--seed S]`
 * (or `npm run fuzz`) runs two properties with one seed:
 *
 * - robustness (test/fuzz/harness.ts): random, mutated and hostile rules texts
 *   with hostile values; nothing throws, every diagnostic lies inside the
 *   text — 100,000 cases by default;
 * - paths (test/fuzz/paths.ts): let-chains up to 2,500 deep and sums hundreds
 *   wide feeding rules, outputs of every kind through the totals and
 *   divisions; evaluate(), the exact credit and the fast path agree, nothing
 *   throws or says NaN — 1,000 cases by default (chains make them slower).
 *
 * It prints the seed first, so any run can be repeated, and on failure the
 * seed, the path and the shrunk counterexample, which belongs in
 * test/fuzz/regressions.test.ts.
 */
import fc from 'fast-check';
import { robustnessProperty } from '../test/fuzz/harness.js';
import { pathsProperty } from '../test/fuzz/paths.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

const runs = Number(option('runs') ?? 100_000);
const pathsRuns = Number(option('paths-runs') ?? 1_000);
const seed = Number(option('seed') ?? (Date.now() ^ (Math.random() * 0x100000000)) >>> 0);
if (![runs, pathsRuns].every((n) => Number.isSafeInteger(n) && n >= 0) || !Number.isSafeInteger(seed)) {
  console.error('usage: tsx scripts/fuzz.ts [--runs N] [--paths-runs N] [--seed S]');
  process.exit(2);
}

/** Runs one property `numRuns` times with the seed, reporting progress; exits 1 on failure. */
function fuzz<C extends { readonly source: string }>(name: string, numRuns: number, property: (onCase: (c: C, ms: number) => void) => fc.IProperty<[C]>): void {
  if (numRuns === 0) return;
  console.log(`credit-rules fuzzer, ${name}: ${numRuns.toLocaleString('en')} cases, seed ${seed}`);
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
    property((c, ms) => {
      cases++;
      if (ms > slowest.ms) slowest = { ms, source: c.source };
      const now = performance.now();
      if (now - lastReport > 5_000) {
        lastReport = now;
        report();
      }
    }),
    { seed, numRuns },
  );
  report(true);
  if (slowest.ms > 1_000) console.log(`slowest text (${slowest.ms.toFixed(0)} ms): ${JSON.stringify(slowest.source.slice(0, 300))}`);

  if (details.failed) {
    console.error(`\nFAILED (${name}) after ${details.numRuns} cases (${details.numShrinks} shrinks)`);
    console.error(`  seed: ${details.seed}`);
    console.error(`  path: ${details.counterexamplePath}`);
    console.error(`  repeat: npx tsx scripts/fuzz.ts --seed ${details.seed} --runs ${runs} --paths-runs ${pathsRuns}`);
    console.error(`  counterexample: ${fc.stringify(details.counterexample)}`);
    const error = details.errorInstance;
    console.error(`  error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
  console.log(`OK (${name}): ${details.numRuns.toLocaleString('en')} cases passed (seed ${seed})`);
}

fuzz('robustness', runs, (onCase) => robustnessProperty(undefined, onCase));
fuzz('let-chains and output paths', pathsRuns, (onCase) => pathsProperty(2_500, onCase));
