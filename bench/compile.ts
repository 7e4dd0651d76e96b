/**
 * Compile time: `compile(source)` (lex, parse, check) plus the first
 * `program.credit()` (which plans the program) — for the one-liner, every
 * shipped example, a generated 1000-line program and the largest programs the
 * limits allow (bench/large-programs.ts). Cold is the first compile
 * in a fresh Node process, one child process per sample (building the parser
 * is a one-time cost); warm is a compile in a process that has compiled before.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../lib/index.js';
import { child, compare, duration, median, table, type Settings } from './harness.js';
import { generateProgram } from '../test/fixtures/programs.js';
import { largePrograms } from './large-programs.js';
import { root, shippedExamples } from './programs.js';
import { sampleValues } from './stages.js';

export const GENERATED_LINES = 1000;

interface Cold {
  readonly importMs: number;
  readonly compileMs: number;
  readonly firstCreditMs: number;
  readonly errors: number;
  readonly ok: boolean;
}

export interface CompileFigure {
  readonly program: string;
  readonly lines: number;
  /** Cold: medians over child processes, milliseconds. */
  readonly coldImportMs: number;
  readonly coldCompileMs: number;
  readonly coldFirstCreditMs: number;
  readonly coldTotalMs: number;
  /** Warm: median milliseconds per compile + first credit(). */
  readonly warmMs: number;
  readonly warmCompileOnlyMs: number;
}

export async function compileSection(settings: Settings, log: (text: string) => void): Promise<{ generator: string; figures: CompileFigure[] }> {
  const scratch = join(root, '.bench');
  mkdirSync(scratch, { recursive: true });
  const generatedFile = join(scratch, `generated-${GENERATED_LINES}.credit`);
  writeFileSync(generatedFile, generateProgram(GENERATED_LINES));

  const programs = [
    ...shippedExamples().map((e) => ({ name: e.name, file: join(root, 'examples', e.name), source: e.source })),
    { name: `generated ${GENERATED_LINES} lines`, file: generatedFile, source: generateProgram(GENERATED_LINES) },
    ...largePrograms(scratch),
  ];

  const figures: CompileFigure[] = [];
  for (const { name, file, source } of programs) {
    const first = compile(source);
    const errors = first.diagnostics.filter((d) => d.severity === 'error');
    if (!first.program) throw new Error(`${name} does not compile: ${errors.map((d) => `${d.start.line}: ${d.message}`).join('; ')}`);
    const values = sampleValues(first.program);

    const colds: Cold[] = [];
    for (let r = 0; r < settings.coldRuns; r++) colds.push(child<Cold>([join(root, 'bench/cold-compile.mjs'), file], root));
    if (colds.some((c) => c.errors > 0 || !c.ok)) throw new Error(`${name}: the cold compile failed`);

    const { rates: [warm, warmCompile] } = await compare([() => compile(source).program!.credit(values), () => compile(source).program], settings);
    const cold = (key: 'importMs' | 'compileMs' | 'firstCreditMs') => median(colds.map((c) => c[key]));
    figures.push({
      program: name,
      lines: source.split('\n').length - (source.endsWith('\n') ? 1 : 0),
      coldImportMs: cold('importMs'),
      coldCompileMs: cold('compileMs'),
      coldFirstCreditMs: cold('firstCreditMs'),
      coldTotalMs: median(colds.map((c) => c.compileMs + c.firstCreditMs)),
      warmMs: warm.microseconds / 1000,
      warmCompileOnlyMs: warmCompile.microseconds / 1000,
    });
  }

  log(table(
    `Compile time: compile(source) + first program.credit() (medians; cold = first compile in a fresh process, ${settings.coldRuns} processes; warm = ${settings.runs} timed runs). Generated program from test/fixtures/programs.ts.`,
    ['program', 'lines', 'cold import', 'cold compile', 'cold 1st credit', 'cold total', 'warm total', 'warm compile only'],
    figures.map((f) => [f.program, String(f.lines), duration(f.coldImportMs), duration(f.coldCompileMs), duration(f.coldFirstCreditMs), duration(f.coldTotalMs), duration(f.warmMs), duration(f.warmCompileOnlyMs)]),
  ));
  return { generator: 'test/fixtures/programs.ts', figures };
}
