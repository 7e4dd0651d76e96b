/**
 * One cold compile, in a process of its own (spawned by bench/compile.ts):
 * the first `compile(source)` of a process pays for building the parser, so
 * it can only be measured once per process. Runs the built library (`lib/`,
 * what users import) in plain Node, without the TypeScript loader. Prints
 * one JSON line: import, compile and first `credit()` times in milliseconds.
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const source = readFileSync(file, 'utf8');

const t0 = performance.now();
const { compile } = await import('../lib/index.js');
const t1 = performance.now();
const { program, diagnostics } = compile(source);
const t2 = performance.now();
const outcome = program?.credit(sampleValues(program));
const t3 = performance.now();

const errors = diagnostics.filter((d) => d.severity === 'error').length;
console.log(JSON.stringify({ importMs: t1 - t0, compileMs: t2 - t1, firstCreditMs: t3 - t2, errors, ok: outcome?.ok ?? false }));

/** A value for every input without a default, so `credit()` runs (a copy of bench/compile.ts's). */
function sampleValues(p) {
  const sample = { percent: '99.5', money: '1000', duration: '1', number: '1', boolean: false };
  return Object.fromEntries(p.inputs.filter((i) => i.default === undefined).map((i) => [i.name, i.name === 'fee' ? '1000 EUR' : i.list ? [sample[i.kind]] : sample[i.kind]]));
}
