/**
 * Names: what each name refers to, implicit inputs, definition order, cycles,
 * and which values are known only after the credits are applied.
 *
 * Reading order is the law of a contract: a `let` or `output` is defined
 * above its first use. Inputs are declarations of the form and may stand
 * anywhere. A program without any `input` statement is a quick sketch: its
 * unknown names become inputs, with kinds inferred from how they are used.
 */
import * as A from '../ast.js';
import type { Problem } from '../diagnostics.js';
import { problems } from '../problems.js';
import type { Span } from '../source.js';
import { Suggester } from '../suggest.js';
import { AFTER_CREDITS, BUILTINS } from './program.js';

export interface NameSymbol {
  readonly name: string;
  readonly role: 'input' | 'fee' | 'let' | 'output' | 'builtin' | 'item';
  /** A `list of …` input: it stands only where a list may (`count(xs)`, `for each x in xs`). */
  readonly list?: boolean;
  /** Where it is defined (the name in its declaration); for implicit inputs, the first use. */
  readonly span: Span;
  /** Index of the defining statement; -1 for built-ins and implicit inputs. */
  readonly statement: number;
  readonly decl?: A.InputDecl | A.LetDecl | A.OutputDecl | A.FeeDecl;
  readonly implicit?: boolean;
  kind?: A.Kind;
  used?: boolean;
}

export type Scope = Map<string, NameSymbol>;

/** An expression together with the statement it belongs to and whether credits may depend on it. */
interface Use {
  readonly expr: A.Expr;
  readonly statement: number;
  /** Rules, caps and the point rate: computed before the period's total is known. */
  readonly beforeCredits: boolean;
}

export function resolveNames(ast: A.ProgramAst, found: Problem[]): Scope {
  const scope: Scope = new Map();
  for (const [name, kind] of Object.entries(BUILTINS)) {
    if (name !== 'fee') scope.set(name, { name, role: 'builtin', span: { start: 0, end: 0 }, statement: -1, kind });
  }
  declare(ast, scope, found);

  const uses: Use[] = ast.statements.flatMap((s, statement) => A.expressionsOf(s).map(({ expr, beforeCredits }) => ({ expr, beforeCredits, statement })));
  // The item of a `for each` block is known inside its block only; the kind checker gives it its kind there.
  const items = new Map<number, A.EachItem>();
  ast.statements.forEach((s, i) => {
    if (s.type !== 'block' || !s.each) return;
    items.set(i, s.each);
    // `in xs` uses the list (the kind checker says if `xs` is not one).
    const list = scope.get(s.each.list);
    if (list) list.used = true;
    const taken = scope.get(s.each.name);
    if (taken) found.push(problems.duplicateDefinition(s.each.name, s.each.nameSpan, taken.span));
  });
  const sketch = !ast.statements.some((s) => s.type === 'input');
  if (!scope.has('fee')) {
    const first = ast.statements[0]?.span ?? { start: 0, end: 0 };
    // An input only if the program needs a fee (`usesFee`); the checker says so then.
    scope.set('fee', { name: 'fee', role: 'fee', span: { start: first.start, end: first.start }, statement: -1, kind: 'money', implicit: true });
  }

  let suggestions: Suggester | undefined;
  let sites: Map<string, Site[]> | undefined;
  for (const use of uses) {
    for (const ref of A.namesIn(use.expr)) {
      const symbol = scope.get(ref.name);
      if (symbol) {
        symbol.used = true;
        continue;
      }
      if (items.get(use.statement)?.name === ref.name) continue;
      if (sketch) {
        sites ??= kindSites(uses.map((u) => u.expr));
        const kind = inferKind(sites.get(ref.name) ?? [], scope);
        scope.set(ref.name, { name: ref.name, role: 'input', span: ref.span, statement: -1, kind, implicit: true, used: true });
        found.push(problems.implicitInput(ref.name, kind, ref.span));
      } else {
        // Not a sketch: the scope holds only declarations and built-ins, so one list serves every typo.
        suggestions ??= new Suggester([...scope.keys()]);
        found.push(problems.undefinedName(ref.name, ref.span, suggestions.suggest(ref.name)));
      }
    }
  }
  checkOrder(scope, uses, found);
  return scope;
}

function declare(ast: A.ProgramAst, scope: Scope, found: Problem[]): void {
  const firstOf = new Map<string, A.Statement>();
  ast.statements.forEach((statement, index) => {
    if (statement.type === 'fee' || statement.type === 'point-rate' || statement.type === 'claim' || statement.type === 'period' || statement.type === 'payout') {
      const first = firstOf.get(statement.type);
      const what = { fee: '`fee`', 'point-rate': '`point` rate', claim: '`claim` term', period: '`period`', payout: '`payout`' }[statement.type];
      if (first) found.push(problems.duplicateStatement(what, statement.span, first.span));
      else firstOf.set(statement.type, statement);
      if (statement.type === 'fee' && !first) {
        scope.set('fee', { name: 'fee', role: 'fee', span: statement.span, statement: index, decl: statement, kind: 'money' });
      }
      return;
    }
    if (statement.type !== 'input' && statement.type !== 'let' && statement.type !== 'output') return;
    const { name, nameSpan } = statement;
    if (Object.hasOwn(BUILTINS, name)) {
      found.push(problems.builtinRedefined(name, nameSpan));
      return;
    }
    const existing = scope.get(name);
    if (existing) {
      found.push(problems.duplicateDefinition(name, nameSpan, existing.span));
      return;
    }
    scope.set(name, {
      name,
      role: statement.type,
      span: nameSpan,
      statement: index,
      decl: statement,
      ...(statement.type === 'input' ? { kind: statement.inputKind, ...(statement.list ? { list: true } : {}) } : {}),
    });
  });
}

/**
 * Where an undeclared name's kind can be read, in reading order: used alone as
 * a condition (a boolean), or compared or added with other operands. Indexed
 * by name in one walk over all expressions, so inferring the kinds of many
 * names is not a walk per name.
 */
type Site = 'condition' | readonly A.Expr[];

function kindSites(exprs: readonly A.Expr[]): Map<string, Site[]> {
  const sites = new Map<string, Site[]>();
  const add = (name: string, site: Site) => (sites.get(name) ?? sites.set(name, []).get(name)!).push(site);
  const visit = (e: A.Expr, asCondition: boolean): void => {
    if (e.type === 'name' && asCondition) add(e.name, 'condition');
    if (e.type === 'compare' || (e.type === 'binary' && (e.op === '+' || e.op === '-'))) {
      const operands = e.type === 'compare' ? e.operands : [e.left, e.right];
      for (const name of new Set(operands.flatMap((o) => (o.type === 'name' ? [o.name] : [])))) add(name, operands);
    }
    const logical = e.type === 'binary' && (e.op === 'and' || e.op === 'or');
    const negation = e.type === 'unary' && e.op === 'not';
    for (const child of A.children(e)) visit(child, logical || negation);
  };
  for (const expr of exprs) visit(expr, true);
  return sites;
}

/** The kind an undeclared name must have: from the first of its sites that tells (kinds known so far), else a number. */
function inferKind(sites: readonly Site[], scope: Scope): A.InputKind {
  const known = (e: A.Expr): A.Kind | undefined =>
    e.type === 'literal' ? e.kind : e.type === 'name' ? scope.get(e.name)?.kind : undefined;
  for (const site of sites) {
    if (site === 'condition') return 'boolean';
    const other = site.map(known).find((k) => k && k !== 'points');
    if (other) return other as A.InputKind;
  }
  return 'number';
}

/**
 * Every `let`/`output` must be defined above its uses; a name that depends on
 * itself is a cycle; rules, caps and the point rate may not depend on totals.
 */
function checkOrder(scope: Scope, uses: readonly Use[], found: Problem[]): void {
  const valueDeps = (name: string): A.NameRef[] => {
    const decl = scope.get(name)?.decl;
    return decl && (decl.type === 'let' || decl.type === 'output') ? A.namesIn(decl.value) : [];
  };
  // Which names reach themselves (cycles), found once by a walk over let/output dependencies.
  // The walks keep their own stacks: a chain of thousands of `let`s needs no deep recursion.
  const inCycle = new Set<string>();
  const state = new Map<string, 'active' | 'done'>();
  const walk = (start: string): void => {
    if (state.has(start)) return;
    const stack: { name: string; deps: A.NameRef[]; next: number }[] = [];
    const enter = (name: string) => {
      state.set(name, 'active');
      stack.push({ name, deps: valueDeps(name), next: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next >= top.deps.length) {
        state.set(top.name, 'done');
        stack.pop();
        continue;
      }
      const dep = top.deps[top.next++].name;
      if (state.get(dep) === 'done') continue;
      if (state.get(dep) === 'active') {
        const path = stack.map((frame) => frame.name);
        const cycle = path.slice(path.indexOf(dep));
        if (!cycle.some((n) => inCycle.has(n))) {
          const symbol = scope.get(dep);
          if (symbol) found.push(problems.cycle([...cycle, dep], symbol.span));
        }
        cycle.forEach((n) => inCycle.add(n));
        continue;
      }
      enter(dep);
    }
  };
  for (const symbol of scope.values()) if (symbol.role === 'let' || symbol.role === 'output') walk(symbol.name);

  // The first built-in total a name depends on, if any (remembered per name).
  const needsTotals = new Map<string, string | undefined>();
  const totalBehind = (start: string): string | undefined => {
    if (AFTER_CREDITS.has(start)) return start;
    if (needsTotals.has(start)) return needsTotals.get(start);
    const seen = new Set([start]);
    const stack: { name: string; deps: A.NameRef[]; next: number; total?: string }[] = [{ name: start, deps: valueDeps(start), next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.total === undefined && top.next < top.deps.length) {
        const dep = top.deps[top.next++].name;
        if (AFTER_CREDITS.has(dep)) top.total = dep;
        else if (needsTotals.has(dep)) top.total = needsTotals.get(dep);
        else if (!seen.has(dep)) {
          seen.add(dep);
          stack.push({ name: dep, deps: valueDeps(dep), next: 0 });
        }
        continue;
      }
      needsTotals.set(top.name, top.total);
      stack.pop();
      const below = stack[stack.length - 1];
      if (below && below.total === undefined) below.total = top.total;
    }
    return needsTotals.get(start);
  };

  for (const use of uses) {
    for (const ref of A.namesIn(use.expr)) {
      const symbol = scope.get(ref.name);
      if (!symbol) continue;
      if ((symbol.role === 'let' || symbol.role === 'output') && symbol.statement >= use.statement && !inCycle.has(ref.name)) {
        found.push(problems.useBeforeDefinition(ref.name, ref.span, symbol.span));
      }
      if (use.beforeCredits) {
        const total = totalBehind(ref.name);
        if (total) found.push(problems.totalInCredit(total, ref.span));
      }
    }
  }
}
