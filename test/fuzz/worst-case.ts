/**
 * Worst cases within the structural limits (src/language/limits.ts), measured:
 * `npx tsx test/fuzz/worst-case.ts`. Prints compile and evaluation times of the
 * largest texts the limits allow, in several shapes. Timings depend on the
 * machine, so they are reported, never asserted; `worst-case.test.ts` builds
 * the same shapes and bounds the work of the lints by counting it.
 */
import { pathToFileURL } from 'node:url';
import { compile } from '../../src/index.js';
import { LIMITS } from '../../src/language/limits.js';

export const HEAD = 'fee 1000 EUR monthly\ninput a: percent default 99% range 0%..100%\ninput n: number default 5 range 0..1000\n';

const TIER_HEAD = `${HEAD}credit "Big" capped 50% yearly:\n`;
const tier = (i: number) => `  if a < ${(i % 1000) / 10}% then ${i % 97}%`;
const separateRule = (i: number) => `if a < ${(i % 100) + 0.5}% then 1% capped 1% monthly`;

/** `count` tiers in one block, on one input: what the tier lints see at their worst. */
export const tierBlock = (count: number) => build(tier, count, TIER_HEAD);

const nonTableTier = (i: number) => `  if a < ${(i % 1000) / 10}% then ${i % 97}${i % 2 ? '%' : ' EUR'}`;

/** `count` tiers in one block that is no tier table — they pay now a share, now an amount — so `credit()` works out every tier that applies. */
export const nonTableBlock = (count: number) => build(nonTableTier, count, TIER_HEAD);

/** `count` separate rules on one input, all nesting: what the overlap lint sees at its worst. */
export const separateRules = (count: number) => build(separateRule, count);

const chainLink = (i: number) => `let v${i} = ${i === 0 ? 'n' : `v${i - 1}`} * 1.0001 + 0.5`;
const CHAIN_TAIL = 'output o: number = v0\n';

/** A chain of `count` lets, each read by the next: what the checker's and evaluator's walks see at their deepest. */
export const letChain = (count: number) => build(chainLink, count, HEAD, CHAIN_TAIL);

function build(make: (i: number) => string, count: number, head = HEAD, tail = ''): string {
  return head + Array.from({ length: count }, (_, i) => make(i)).join('\n') + '\n' + tail;
}

/** As many copies of `line` as the size, line and node limits allow (found by halving). */
function fill(make: (i: number) => string, head = HEAD, tail = ''): string {
  let lo = 1;
  let hi = LIMITS.lines;
  const fits = (count: number) => {
    const text = build(make, count, head, tail);
    return text.length <= LIMITS.sourceLength && !compile(text).diagnostics.some((d) => d.code === 'limit-exceeded');
  };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return build(make, lo, head, tail);
}

function time<T>(f: () => T, repeat = 3): { ms: number; value: T } {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    value = f();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value };
}

const year = (v: string) => Array.from({ length: 12 }, () => v);

const shapes: [string, () => string, Record<string, unknown>][] = [
  ['separate rules on one input, all nesting (the overlap lint)', () => fill(separateRule), { a: year('40%') }],
  ['one tier block, tiers on one input (the tier lints)', () => fill(tier, TIER_HEAD), { a: year('1%') }],
  ['one block that is no tier table (every tier that applies worked out)', () => fill(nonTableTier, TIER_HEAD), { a: year('1%') }],
  ['blocks of 4 tiers with caps', () => fill((i) => (i % 5 === 0 ? `credit capped ${i % 50}% quarterly:` : `  if a < ${i % 100}% then ${i % 30}% capped 5 EUR monthly`)), { a: year('1%') }],
  ['a chain of lets', () => fill(chainLink, HEAD, CHAIN_TAIL), { n: year('7') }],
  ['deepest expressions (operator chains at the depth limit)', () => fill((i) => `let d${i} = ${Array.from({ length: LIMITS.expressionDepth - 2 }, () => 'n').join(' + ')}`), { n: year('3') }],
  ['nested brackets at the bracket limit', () => fill((i) => `let b${i} = ${'('.repeat(LIMITS.bracketDepth)}n${')'.repeat(LIMITS.bracketDepth)} / 3`), { n: year('3') }],
  ['a quick sketch naming 4,000 implicit inputs (kind inference)', () => fill((i) => `if x${i} < 1% then 1%`, ''), { x0: year('0.5%') }],
  ['2,490 inputs and as many misspelt names (did-you-mean)', () => build((i) => `input name_${i}: percent`, 2490) + build((i) => `if nmae_${i} < 1% then 1%`, 2490, ''), {}],
  ['examples with 12-month lists', () => fill((i) => `example "e${i}": a = [${year(`${90 + (i % 10)}%`).join(', ')}] => credit ${i % 7}%`, `${HEAD}if a < 99% then 1% capped 10% yearly\n`), {}],
];

/** Prints every shape's compile and evaluation times, then how fast texts over each limit are rejected. */
function main(): void {
  console.log(`limits: ${JSON.stringify(LIMITS)}`);
  for (const [name, make, values] of shapes) {
    const text = make();
    const lines = text.split('\n').length;
    const compiled = time(() => compile(text), 2);
    const program = compiled.value.program;
    const errors = compiled.value.diagnostics.filter((d) => d.severity === 'error').length;
    let evaluation = '(no program)';
    if (program) {
      const month = time(() => program.evaluate({}), 2);
      const yearRun = time(() => program.evaluate(values as never), 2);
      const examples = program.examples.length > 0 ? time(() => program.runExamples(), 1) : undefined;
      evaluation = `month ${month.ms.toFixed(0)} ms, 12-month year ${yearRun.ms.toFixed(0)} ms (ok: ${yearRun.value.ok})${examples ? `, ${program.examples.length} examples ${examples.ms.toFixed(0)} ms` : ''}`;
    }
    console.log(`${name}: ${text.length.toLocaleString('en')} chars, ${lines} lines, ${compiled.value.diagnostics.length} diagnostics (${errors} errors); compile ${compiled.ms.toFixed(0)} ms; ${evaluation}`);
  }

  // Texts just over each limit: rejected, and how fast.
  const over: [string, string][] = [
    ['200,001 characters', `# ${'x'.repeat(LIMITS.sourceLength)}`],
    ['5,001 lines', '\n'.repeat(LIMITS.lines)],
    ['33 brackets', `let x = ${'('.repeat(33)}1${')'.repeat(33)}\n`],
    ['a 257-deep chain', `let x = ${Array.from({ length: 258 }, () => '1').join(' + ')}\n`],
    ['10,000 `not`', `if ${'not '.repeat(10_000)}a < 1% then 1%\n`],
    ['199,990 unclosed `(`', '('.repeat(199_990)],
    ['a 199,990-digit literal', `let x = ${'9'.repeat(199_990)}\n`],
  ];
  for (const [name, text] of over) {
    const result = time(() => compile(text), 1);
    console.log(`over the limit, ${name}: compile ${result.ms.toFixed(0)} ms → ${[...new Set(result.value.diagnostics.map((d) => d.code))].join(', ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
