/**
 * The programs the benchmark compiles and runs: the shipped examples, and a
 * generated program of any length. The generated one is built from the shapes
 * of the shipped examples (an uptime table with a monthly cap, a banded table,
 * `and`/`not` tiers, proportional rules with caps, a fixed amount, a global
 * cap), each copy with its own input names, so that it compiles without errors
 * and every line is real work for the lexer, parser and checker.
 *
 * `test/fixtures/programs.ts` (another branch) will export the project's own
 * `generateProgram(lines)`; `loadGenerator()` uses it when it exists and this
 * one until then, and says which it used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** One copy of the shapes, its names suffixed with `n`: 24 lines. */
function unit(n: number): string[] {
  return [
    `# Shapes of the shipped examples, copy ${n}.`,
    `input availability_${n}: percent "Availability ${n}" default 99.99% range 0%..100% step 0.01%`,
    `input zones_${n}: boolean "Across zones ${n}" default true`,
    `input resolution_${n}: duration "Longest P1 resolution ${n}" default 4h range 0h..720h`,
    `input response_${n}: duration "Longest P2 first response ${n}" default 2h range 0h..720h`,
    `input backlog_${n}: duration "Oldest open ticket ${n}" default 1d range 0d..30d`,
    `credit "Region availability ${n}" capped 10_000 EUR monthly:`,
    `  if availability_${n} < 99.99% then 10%`,
    `  if availability_${n} < 99.0% then 30%`,
    `  if availability_${n} < 95.0% then 100%`,
    `credit "Instances ${n}" capped 50% quarterly:`,
    `  if 99.0% <= availability_${n} < 99.99% then 10%`,
    `  if 95.0% <= availability_${n} < 99.0% then 25%`,
    `  if availability_${n} < 95.0% then 100%`,
    `credit "Machines ${n}":`,
    `  if zones_${n} and availability_${n} < 99.99% then 10%`,
    `  if not zones_${n} and availability_${n} < 99.95% then 10%`,
    `  if availability_${n} < 99.0% then 25%`,
    `if resolution_${n} > 8h then 2% per started 1h above capped 20% monthly and 10% yearly`,
    `if response_${n} > 4h then 250 EUR`,
    `if backlog_${n} > 2d then 1% per full 4h above capped 10%`,
    `example "Copy ${n}: a bad month": availability_${n} = 98.5%, resolution_${n} = 10h => credit 2500 EUR`,
    `example "Copy ${n}: targets met": => credit 0 EUR`,
    '',
  ];
}

/** A program of exactly `lines` lines built from copies of the example shapes (at least 30 lines). */
export function generateProgram(lines: number): string {
  const head = [
    `# Generated for the benchmark: ${lines} lines.`,
    'fee 5_000 EUR monthly "Monthly fee"',
    '',
  ];
  const tail = ['cap 50% monthly', 'cap 25% yearly'];
  const body: string[] = [];
  for (let n = 1; head.length + body.length + unit(n).length + tail.length <= lines; n++) body.push(...unit(n));
  const out = [...head, ...body, ...tail];
  while (out.length < lines) out.splice(out.length - tail.length, 0, '# padding');
  return `${out.join('\n')}\n`;
}

export type Generator = (lines: number) => string;

/** The project's generator (`test/fixtures/programs.ts`) when it exists, else this file's. */
export async function loadGenerator(): Promise<{ generate: Generator; from: string }> {
  const fixture = join(root, 'test/fixtures/programs.ts');
  if (existsSync(fixture)) {
    const mod = (await import(pathToFileURL(fixture).href)) as { generateProgram?: Generator };
    if (typeof mod.generateProgram === 'function') return { generate: mod.generateProgram, from: 'test/fixtures/programs.ts' };
  }
  return { generate: generateProgram, from: 'bench/programs.ts' };
}
