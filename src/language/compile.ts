/**
 * `compile(source)`: the front end and the program in one call. Users' mistakes
 * are returned, never thrown. The package entry (`src/index.ts`) passes the
 * clause renderer and the fast path; the widget needs neither.
 */
import { analyze } from './analyze.js';
import { locate } from './diagnostics.js';
import { Program, type CompileResult, type ProgramServices } from './program.js';
import { LineMap } from './source.js';

export function compile(source: string, services: ProgramServices = {}): CompileResult {
  const analysis = analyze(source);
  const lines = new LineMap(source);
  const diagnostics = analysis.problems.map((p) => locate(p, lines));
  return { diagnostics, ...(analysis.program ? { program: new Program(analysis.program, diagnostics, services) } : {}) };
}
