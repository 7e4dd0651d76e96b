/**
 * The checker: names, then kinds and units, then the drafting lints. Returns
 * the checked program only when there are no errors.
 */
import type { ProgramAst } from '../ast.js';
import { hasErrors, type Problem } from '../diagnostics.js';
import { problems } from '../problems.js';
import { KindChecker } from './kinds.js';
import { lint } from './lints.js';
import { resolveNames } from './names.js';
import { PROGRAM_FORMAT, type CheckedProgram } from './program.js';

export function check(ast: ProgramAst, text: string, options: { lints?: boolean } = {}): { problems: Problem[]; program?: CheckedProgram } {
  const found: Problem[] = [];
  const scope = resolveNames(ast, found);
  const facts = new KindChecker(text, scope, found).check(ast);
  const fee = facts.inputs.find((i) => i.name === 'fee');
  if (fee?.implicit) {
    found.push({ ...problems.implicitInput('fee', 'money', fee.span), message: 'no `fee` is declared, so the monthly fee is an input named `fee`' });
  }
  const program: CheckedProgram = { format: PROGRAM_FORMAT, source: text, ast, ...facts };
  if (!hasErrors(found) && options.lints !== false) found.push(...lint(program, scope));
  return { problems: found, ...(hasErrors(found) ? {} : { program }) };
}
