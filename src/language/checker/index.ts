/**
 * The checker: names, then kinds and units, then the drafting lints when the
 * caller hands them in. Returns the checked program only when there are no
 * errors. The lints are passed, not imported, so that an entry that only runs
 * rules (the widget's compiler) does not ship them.
 */
import type { ProgramAst } from '../ast.js';
import { hasErrors, type Problem } from '../diagnostics.js';
import { finish } from '../plan/steps.js';
import { problems } from '../problems.js';
import { KindChecker } from './kinds.js';
import { resolveNames, type Scope } from './names.js';
import { PROGRAM_FORMAT, type CheckedProgram } from './program.js';

/** Drafting warnings about a program without errors, in steps (`lintInSteps` in `lints.ts`). */
export type Lint = (program: CheckedProgram, scope: Scope) => Generator<void, Problem[], void>;

export interface Checked {
  readonly problems: Problem[];
  readonly program?: CheckedProgram;
}

export function check(ast: ProgramAst, text: string, lint?: Lint): Checked {
  return finish(checkInSteps(ast, text, lint));
}

/** `check` in steps: names, kinds and units, and the lints, each a step of its own. */
export function* checkInSteps(ast: ProgramAst, text: string, lint?: Lint): Generator<void, Checked, void> {
  const found: Problem[] = [];
  const scope = resolveNames(ast, found);
  yield;
  const facts = new KindChecker(text, scope, found).check(ast);
  const fee = facts.inputs.find((i) => i.name === 'fee');
  if (fee?.implicit) {
    found.push({ ...problems.implicitInput('fee', 'money', fee.span), message: 'no `fee` is declared, so the monthly fee is an input named `fee`' });
  }
  const program: CheckedProgram = { format: PROGRAM_FORMAT, source: text, ast, ...facts };
  if (lint && !hasErrors(found)) {
    yield;
    found.push(...(yield* lint(program, scope)));
  }
  return { problems: found, ...(hasErrors(found) ? {} : { program }) };
}
