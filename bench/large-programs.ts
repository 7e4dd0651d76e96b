/**
 * The largest programs the structural limits allow, for the compile table:
 * one block of 4,990 tiers on one input (the tier lints at their worst) and a
 * chain of 3,000 lets, each read by the next (the checker's and the
 * evaluator's walks at their deepest). Built by test/fuzz/worst-case.ts, which
 * prints the other worst cases; written to .bench/ for the cold compiles.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { letChain, tierBlock } from '../test/fuzz/worst-case.js';

export const LARGE_TIERS = 4_990;
export const LARGE_LETS = 3_000;

export function largePrograms(scratch: string): { name: string; file: string; source: string }[] {
  return [
    { name: `${LARGE_TIERS.toLocaleString('en')} tiers in one block`, source: tierBlock(LARGE_TIERS) },
    { name: `a chain of ${LARGE_LETS.toLocaleString('en')} lets`, source: letChain(LARGE_LETS) },
  ].map(({ name, source }) => {
    const file = join(scratch, `${name.replace(/\W+/g, '-')}.credit`);
    writeFileSync(file, source);
    return { name, file, source };
  });
}
