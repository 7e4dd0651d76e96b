/**
 * Structural limits for untrusted rules text: rules reach the widget from
 * other people's pages and from drafts in progress, so a hostile or broken
 * text must not freeze a page. Each limit is far above any real contract and
 * is reported as a diagnostic, never as a crash. Evaluation has no loops, so
 * with these limits its time is bounded too.
 */
import * as A from './ast.js';

export const LIMITS = {
  /** Characters of source text. */
  sourceLength: 200_000,
  /** Lines of source text. */
  lines: 5_000,
  /** Brackets open at once: `((((…))))`. */
  bracketDepth: 32,
  /** Depth of expressions: nesting, prefix chains (`not not …`) and operator chains (`a + b + …`). */
  expressionDepth: 256,
  /** Nodes of the syntax tree. */
  astNodes: 20_000,
  /** Significant digits of one number. */
  literalDigits: 30,
  /** Values in one list: a contract year has 12 months. */
  listValues: 12,
  /** Items of a `list of …` input in one period. */
  listItems: 1000,
} as const;

/** The deepest expression and the number of expression nodes in a program. */
export function measure(ast: A.ProgramAst): { nodes: number; depth: number; deepest?: A.Expr } {
  let nodes = 0;
  let depth = 0;
  let deepest: A.Expr | undefined;
  // Iterative, so that measuring a hostile tree cannot itself overflow the stack.
  const stack: [A.Expr, number][] = [];
  for (const s of ast.statements) {
    nodes++;
    for (const { expr } of A.expressionsOf(s)) stack.push([expr, 1]);
    if (s.type === 'example') nodes += s.givens.reduce((n, g) => n + g.values.length, 0) + s.expectations.length;
  }
  while (stack.length > 0) {
    const [expr, level] = stack.pop()!;
    nodes++;
    if (level > depth) {
      depth = level;
      deepest = expr;
    }
    for (const child of A.children(expr)) stack.push([child, level + 1]);
  }
  return { nodes, depth, ...(deepest ? { deepest } : {}) };
}
