/**
 * The largest programs the structural limits allow, for the compile table:
 * one block of 4,990 tiers on one input (the tier lints at their worst), a
 * chain of 3,000 lets, each read by the next (the checker's and the
 * evaluator's walks at their deepest), and issue 18's chain of 3,333 lets
 * (`let lN = lN-1 + 1%`) feeding one rule, the longest the node limit allows. Built by test/fuzz/worst-case.ts, which
 * prints the other worst cases; written to .bench/ for the cold compiles.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAD, letChain, tierBlock } from '../test/fuzz/worst-case.js';

export const LARGE_TIERS = 4_990;
export const LARGE_LETS = 3_000;
export const LONGEST_CHAIN = 3_333;

/** `let l0 = 1%`, then each let one more than the one before, and a rule that reads the last. */
const longestChain = (count: number) =>
  `${HEAD}let l0 = 1%\n${Array.from({ length: count - 1 }, (_, i) => `let l${i + 1} = l${i} + 1%`).join('\n')}\nif a < l${count - 1} then 10%\n`;

export function largePrograms(scratch: string): { name: string; file: string; source: string }[] {
  return [
    { name: `${LARGE_TIERS.toLocaleString('en')} tiers in one block`, source: tierBlock(LARGE_TIERS) },
    { name: `a chain of ${LARGE_LETS.toLocaleString('en')} lets`, source: letChain(LARGE_LETS) },
    { name: `a chain of ${LONGEST_CHAIN.toLocaleString('en')} lets into a rule`, source: longestChain(LONGEST_CHAIN) },
  ].map(({ name, source }) => {
    const file = join(scratch, `${name.replace(/\W+/g, '-')}.credit`);
    writeFileSync(file, source);
    return { name, file, source };
  });
}
