/**
 * The names a draft defines, for completion and hover. The last program
 * without errors knows every name with its kind; the text being typed may
 * already declare more (`input`, `let`, `output` lines the checker has not
 * accepted yet), found with the language's lexer so they complete at once.
 */
import { builtins, type Kind, type Program } from '../index.js';

/** Names declared in the text as it is now, and where a name is declared: from the language service. */
export { declarationOf, declarations as declaredInText, type Declaration } from '../index.js';

export type SymbolRole = 'input' | 'let' | 'output' | 'builtin';

export interface SymbolInfo {
  readonly name: string;
  readonly role: SymbolRole;
  readonly kind?: Kind;
  readonly label?: string;
  /** Not declared: an input inferred from its use (quick sketches only). */
  readonly implicit?: boolean;
}

/** Every name of a checked program, built-ins included. */
export function programSymbols(program: Program | undefined): SymbolInfo[] {
  const out = new Map<string, SymbolInfo>();
  for (const [name, kind] of Object.entries(builtins)) out.set(name, { name, role: 'builtin', kind });
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
