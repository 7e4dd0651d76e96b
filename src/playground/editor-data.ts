/**
 * What the editor asks of the playground as the user types: the names to
 * complete (the last program's without errors, and those the text declares
 * since), what hover says of a name, and what quick fixes need (a name's
 * kind, the currency). The draft is read when the editor asks, so it is the
 * newest; the text's own declarations come first, as the last good program
 * may be older than the text.
 */
import type { Kind, Program } from '../index.js';
import type { CompletionData } from './completion.js';
import type { HoverData } from './hover.js';
import type { Lang, Strings } from './i18n.js';
import type { FixContext } from './quick-fixes.js';
import { declarationOf, declaredInText, programSymbols, type SymbolInfo } from './symbols.js';

/** The draft as the playground holds it. */
export interface DraftNow {
  /** The last program without errors. */
  readonly program: Program | undefined;
  /** The editor's text. */
  readonly source: string;
  /** The text has errors, so the program is older than it. */
  readonly stale: boolean;
}

/** Every name the draft knows: the program's, then those declared in the text that it does not know yet. */
function draftSymbols(draft: DraftNow): SymbolInfo[] {
  const known = programSymbols(draft.program);
  const names = new Set(known.map((s) => s.name));
  for (const [name, d] of declaredInText(draft.source)) if (!names.has(name)) known.push({ name, role: d.role });
  return known;
}

export function completionData(draft: DraftNow): CompletionData {
  const currency = draft.program?.currency;
  return { symbols: draftSymbols(draft), ...(currency ? { currency } : {}) };
}

/** Hover's data; `value` gives a name's value in the preview. */
export function hoverData(draft: DraftNow, t: Strings, lang: Lang, value: (name: string, symbol: SymbolInfo | undefined) => string | undefined): HoverData {
  const symbols = new Map(draftSymbols(draft).map((s) => [s.name, s]));
  return {
    strings: t,
    lang,
    stale: draft.stale,
    symbol: (name) => symbols.get(name),
    declaration: (name) => declarationOf(draft.source, name),
    value: (name) => value(name, symbols.get(name)),
  };
}

export function fixContext(draft: DraftNow): FixContext {
  const program = draft.program;
  const kinds = new Map(programSymbols(program).map((s) => [s.name, s.kind]));
  const source = draft.source;
  const currency = program?.currency;
  return {
    ...(currency ? { currency } : {}),
    // The text's own declaration first: the last good program may be older than it.
    kindOf: (name) => (/:\s*(percent|money|duration|number|boolean)\b/.exec(declarationOf(source, name)?.text ?? '')?.[1] as Kind | undefined) ?? kinds.get(name),
  };
}
