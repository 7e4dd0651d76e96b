/**
 * The names a draft defines, for completion and hover. The last program
 * without errors knows every name with its kind; the text being typed may
 * already declare more (`input`, `let`, `output` lines the checker has not
 * accepted yet), found with the language's lexer so they complete at once.
 */
import type { Kind } from '../language/ast.js';
import { BUILTINS } from '../language/checker/program.js';
import { lex } from '../language/lexer.js';
import type { Program } from '../language/program.js';
import { LineMap } from '../language/source.js';
import * as t from '../language/tokens.js';

export type SymbolRole = 'input' | 'let' | 'output' | 'builtin';

export interface SymbolInfo {
  readonly name: string;
  readonly role: SymbolRole;
  readonly kind?: Kind;
  readonly label?: string;
  /** Not declared: an input inferred from its use (quick sketches only). */
  readonly implicit?: boolean;
}

/** Where a name is declared in the current text: 1-based line and that line's text. */
export interface Declaration {
  readonly line: number;
  readonly text: string;
}

/** Every name of a checked program, built-ins included. */
export function programSymbols(program: Program | undefined): SymbolInfo[] {
  const out = new Map<string, SymbolInfo>();
  for (const [name, kind] of Object.entries(BUILTINS)) out.set(name, { name, role: 'builtin', kind });
  if (!program) return [...out.values()];
  for (const input of program.inputs) {
    out.set(input.name, {
      name: input.name, role: input.name === 'fee' ? 'builtin' : 'input', kind: input.kind, implicit: input.implicit,
      ...(input.label !== undefined ? { label: input.label } : {}),
    });
  }
  for (const value of program.toJSON().values) {
    out.set(value.name, { name: value.name, role: value.role, kind: value.kind, ...(value.label !== undefined ? { label: value.label } : {}) });
  }
  return [...out.values()];
}

const declaring = new Map<unknown, SymbolRole>([[t.Input, 'input'], [t.Let, 'let'], [t.Output, 'output']]);

/** Names declared by `input`/`let`/`output` in the text as it is now, with their lines. */
export function declaredInText(text: string): Map<string, Declaration & { role: SymbolRole }> {
  const found = new Map<string, Declaration & { role: SymbolRole }>();
  const lines = new LineMap(text);
  const tokens = lex(text).tokens;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const role = declaring.get(tokens[i].tokenType);
    const name = tokens[i + 1];
    if (!role || name.tokenType !== t.Identifier || found.has(name.image)) continue;
    const line = name.startLine ?? lines.position(name.startOffset).line;
    found.set(name.image, { role, line, text: lines.line(line).trim() });
  }
  return found;
}

/** The line where the text declares `name`: a declaration, the `fee` line, or (for an implicit input) its first use. */
export function declarationOf(text: string, name: string): Declaration | undefined {
  const declared = declaredInText(text).get(name);
  if (declared) return declared;
  const lines = new LineMap(text);
  const tokens = lex(text).tokens;
  const wanted = name === 'fee' ? tokens.find((tok) => tok.tokenType === t.Fee) : tokens.find((tok) => tok.tokenType === t.Identifier && tok.image === name);
  if (!wanted) return undefined;
  const line = lines.position(wanted.startOffset).line;
  return { line, text: lines.line(line).trim() };
}
