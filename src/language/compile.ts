/** `compile(source)`: the front end and the program in one call. Users' mistakes are returned, never thrown. */
import { analyze } from './analyze.js';
import { locate } from './diagnostics.js';
import { Program, type CompileResult } from './program.js';
import { renderClause } from './render/clause.js';
import { LineMap } from './source.js';

export function compile(source: string): CompileResult {
  const analysis = analyze(source);
  const lines = new LineMap(source);
  const diagnostics = analysis.problems.map((p) => locate(p, lines));
  return { diagnostics, ...(analysis.program ? { program: new Program(analysis.program, diagnostics, renderClause) } : {}) };
}
