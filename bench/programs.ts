/**
 * The programs the benchmark compiles and runs: the shipped examples. Generated
 * programs of any length come from the tests' generator,
 * `test/fixtures/programs.ts`, so the bench and the tests time the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../', import.meta.url).pathname;

export interface NamedSource {
  readonly name: string;
  readonly source: string;
}

/** Every shipped example, the one-liner first. */
export function shippedExamples(): NamedSource[] {
  const dir = join(root, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.credit')).sort((a, b) => (a === 'one-liner.credit' ? -1 : b === 'one-liner.credit' ? 1 : a.localeCompare(b)));
  return files.map((f) => ({ name: f, source: readFileSync(join(dir, f), 'utf8') }));
}

export function example(file: string): string {
  return readFileSync(join(root, 'examples', file), 'utf8');
}
