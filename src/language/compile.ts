/**
 * `compile(source)`: the front end and the program in one call. Users' mistakes
 * are returned, never thrown. `compileWith` takes the clause renderer as an
 * argument: the widget passes none, so its parser chunk does not carry the
 * clause text of two languages it never shows.
 */
import { analyze } from './analyze.js';
import { locate } from './diagnostics.js';
import { Program, type ClauseRenderer, type CompileResult } from './program.js';
import { renderClause } from './render/clause.js';
import { LineMap } from './source.js';

export function compile(source: string): CompileResult {
  return compileWith(source, renderClause);
}

/** `compile` with the clause renderer of your choice; without one, `program.render` throws. */
export function compileWith(source: string, renderer?: ClauseRenderer): CompileResult {
  const analysis = analyze(source);
  const lines = new LineMap(source);
  const diagnostics = analysis.problems.map((p) => locate(p, lines));
  return { diagnostics, ...(analysis.program ? { program: new Program(analysis.program, diagnostics, renderer) } : {}) };
}
