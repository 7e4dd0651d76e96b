/**
 * The front end in one call: lex, parse, build the AST, check. This is the
 * only module that needs Chevrotain; everything after it (evaluation,
 * explanation, rendering) works on the checked program alone, which is what
 * lets the widget run a precompiled program without loading the parser.
 */
import { EOF } from 'chevrotain';
import { AstBuilder } from './ast-builder.js';
import type { ProgramAst } from './ast.js';
import { checkInSteps, type Lint } from './checker/index.js';
import type { CheckedProgram } from './checker/program.js';
import type { Problem } from './diagnostics.js';
import { problems as catalogue } from './problems.js';
import { lex } from './lexer.js';
import { LIMITS, measure } from './limits.js';
import { parserInstance, parseTokens, parserReady } from './parser.js';
import { finish } from './plan/steps.js';
import { LineMap } from './source.js';

export interface Analysis {
  readonly problems: Problem[];
  readonly ast: ProgramAst;
  readonly program?: CheckedProgram;
}

const EMPTY: ProgramAst = { statements: [] };

/** `lint`: the drafting warnings to add when the rules have no errors; none without it. */
export function analyze(text: string, lint?: Lint): Analysis {
  return finish(analyzeInSteps(text, lint));
}

/**
 * `analyze` in steps: building the parser (the first time), lexing, parsing,
 * building the syntax tree and each stage of the check are steps of their own (a page without a worker
 * compiles thousands of tiers over several tasks instead of one).
 */
export function* analyzeInSteps(text: string, lint?: Lint): Generator<void, Analysis, void> {
  const tooLarge = checkSize(text);
  if (tooLarge) return { problems: [tooLarge], ast: EMPTY };
  // A page's first compile builds the parser (Chevrotain's analysis of the grammar): a step of its own.
  if (!parserReady()) {
    parserInstance();
    yield;
  }
  const lexed = lex(text);
  if (lexed.limited) return { problems: lexed.problems, ast: EMPTY };
  yield;
  let parsed: ReturnType<typeof parseTokens>;
  try {
    parsed = parseTokens(lexed.tokens);
  } catch (error) {
    // Only a pathological nesting (`not not not …` thousands deep) can exhaust the stack.
    if (error instanceof RangeError) return { problems: [catalogue.limitExceeded('the depth of expressions', LIMITS.expressionDepth, { start: 0, end: 0 })], ast: EMPTY };
    throw error;
  }
  const syntax: Problem[] = [];
  const linesWithError = new Set<number>();
  for (const error of parsed.errors) {
    // One syntax error per line: the first is the mistake, the rest are echoes of recovery.
    const line = error.token.startLine ?? -1;
    if (linesWithError.has(line)) continue;
    linesWithError.add(line);
    const start = error.token.tokenType === EOF || !Number.isFinite(error.token.startOffset) ? text.length : error.token.startOffset;
    syntax.push(catalogue.syntax(error.message, { start, end: start + (error.token.image?.length ?? 0) }));
  }
  yield;
  const builder = new AstBuilder(text);
  const ast = builder.program(parsed.cst);
  const size = measure(ast);
  if (size.nodes > LIMITS.astNodes) return { problems: [catalogue.limitExceeded('the number of syntax tree nodes', LIMITS.astNodes, { start: 0, end: 0 })], ast: EMPTY };
  if (size.depth > LIMITS.expressionDepth) {
    return { problems: [catalogue.limitExceeded('the depth of expressions', LIMITS.expressionDepth, size.deepest?.span ?? { start: 0, end: 0 })], ast: EMPTY };
  }
  // A lexer problem and the syntax error it causes at the same place are one mistake.
  const lexical = new Set(lexed.problems.map((p) => p.span.start));
  const front = [...lexed.problems, ...syntax.filter((p) => !lexical.has(p.span.start)), ...builder.problems];
  if (front.some((p) => p.severity === 'error')) {
    // Names and kinds are still checked, so one pass shows every kind of mistake, but not
    // on lines that did not parse (their half-read statements would only echo the error),
    // and no drafting warnings: they would be guesses about a text that does not parse.
    const lines = new LineMap(text);
    const lineOf = (offset: number) => lines.position(offset).line;
    const broken = new Set(front.map((p) => lineOf(p.span.start)));
    yield;
    const checked = yield* checkInSteps(ast, text);
    const echoes = (p: Problem) => broken.has(lineOf(p.span.start)) || broken.has(lineOf(p.span.end));
    return { problems: sortProblems([...front, ...checked.problems.filter((p) => !echoes(p))]), ast };
  }
  yield;
  const checked = yield* checkInSteps(ast, text, lint);
  return { problems: sortProblems([...front, ...checked.problems]), ast, ...(checked.program ? { program: checked.program } : {}) };
}

function checkSize(text: string): Problem | undefined {
  if (text.length > LIMITS.sourceLength) {
    return catalogue.limitExceeded('the length of the rules text', LIMITS.sourceLength, { start: LIMITS.sourceLength, end: text.length });
  }
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10 && ++lines > LIMITS.lines) return catalogue.limitExceeded('the number of lines', LIMITS.lines, { start: i + 1, end: text.length });
  }
  return undefined;
}

function sortProblems(found: Problem[]): Problem[] {
  return found.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
