/** Drafting warnings (filled in below). */
import type { Problem } from '../diagnostics.js';
import type { Scope } from './names.js';
import type { CheckedProgram } from './program.js';

export function lint(program: CheckedProgram, scope: Scope): Problem[] {
  void program;
  void scope;
  return [];
}
