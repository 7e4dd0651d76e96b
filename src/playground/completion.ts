/**
 * Autocomplete that knows where it is on the line: units right after a
 * number (`30mi|` → `min`), currency codes after a number and a space, kinds
 * after `input name:`, periods after a cap or fee amount, and otherwise the
 * reserved words and the names the draft declares. Keywords come from the
 * language's own `reservedWords`, minus those reserved only for later
 * versions (the lexer says which), so the list cannot drift from the parser.
 */
import { type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { keywords } from '../language-service.js';
import { tokenizeLine } from './language-support.js';
import type { SymbolInfo } from './symbols.js';

export interface CompletionData {
  /** Names known from the last good program and the text as typed. */
  readonly symbols: readonly SymbolInfo[];
  /** The program's one currency, offered first. */
  readonly currency?: string;
}

/** Words that can be written today; `else`, `when`, … are reserved for later and not offered. */
export const usableKeywords: readonly string[] = keywords;

export const kindWords = ['percent', 'money', 'duration', 'number', 'boolean'] as const;
export const durationUnits = [
  { label: 'min', detail: 'minutes' }, { label: 'h', detail: 'hours' }, { label: 'd', detail: 'days' }, { label: 's', detail: 'seconds' },
] as const;
export const commonCurrencies = ['EUR', 'USD', 'CHF', 'GBP', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD'] as const;
export const periodWords = ['monthly', 'quarterly', 'yearly'] as const;

const kindSet = new Set<string>(kindWords);
const periodSet = new Set<string>(periodWords);

const NUMBER = String.raw`\d(?:_?\d)*(?:\.\d(?:_?\d)*)?`;
const afterNumber = new RegExp(`(?:^|[^A-Za-z0-9_.])${NUMBER}([a-z]*)$`);
const afterAmount = new RegExp(`(?:^|[^A-Za-z0-9_.])${NUMBER} +([A-Z][A-Za-z]*)?$`);
const afterKindColon = /\b(?:input|let|output)\s+[A-Za-z][A-Za-z0-9_]*\s*:\s*([a-z]*)$/;
const afterCapAmount = new RegExp(`\\b(cap|capped|fee)\\s+(?:${NUMBER}\\s*(?:%|[A-Z]{3})|[A-Za-z][A-Za-z0-9_]*)\\s+([a-z]*)$`);

/** The completion source; `data` is read on every request, so it always sees the latest program. */
export function creditCompletions(data: () => CompletionData): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    if (insideTextOrComment(line.text, before.length)) return null;

    const kind = afterKindColon.exec(before);
    if (kind) return result(context.pos - kind[1].length, kindWords.map((k) => ({ label: k, type: 'type' })));

    const period = afterCapAmount.exec(before);
    if (period) {
      const words = period[1] === 'fee' ? ['monthly', 'yearly'] : periodWords;
      return result(context.pos - period[2].length, words.map((p) => ({ label: p, type: 'keyword', boost: 5 })));
    }

    const unit = afterNumber.exec(before);
    if (unit) {
      return result(context.pos - unit[1].length, durationUnits.map((u, i) => ({ label: u.label, detail: u.detail, type: 'constant', boost: -i })));
    }

    const amount = afterAmount.exec(before);
    if (amount && (amount[1] || context.explicit)) {
      const own = data().currency;
      const codes = [...new Set([...(own ? [own] : []), ...commonCurrencies])];
      const options: Completion[] = codes.map((code, i) => ({ label: code, type: 'constant', boost: code === own ? 10 : -i }));
      if (!amount[1]) options.push({ label: 'points', type: 'keyword' }, { label: 'point', type: 'keyword' });
      return result(context.pos - (amount[1]?.length ?? 0), options);
    }

    const word = context.matchBefore(/[A-Za-z][A-Za-z0-9_]*/);
    if (!word && !context.explicit) return null;
    const from = word?.from ?? context.pos;
    const options: Completion[] = [
      ...data().symbols.map((s): Completion => ({
        label: s.name,
        type: s.role === 'builtin' ? 'constant' : 'variable',
        detail: [s.kind, s.role === 'builtin' ? undefined : s.role].filter(Boolean).join(' · '),
        ...(s.label ? { info: s.label } : {}),
        boost: 2,
      })),
      ...usableKeywords.map((k): Completion => ({
        label: k,
        type: kindSet.has(k) ? 'type' : 'keyword',
        boost: periodSet.has(k) || kindSet.has(k) ? -1 : 0,
      })),
    ];
    return result(from, options);
  };
}

function result(from: number, options: Completion[]): CompletionResult {
  return { from, options, validFor: /^[A-Za-z0-9_]*$/ };
}

/** No suggestions inside a string or a comment. */
function insideTextOrComment(line: string, column: number): boolean {
  for (const token of tokenizeLine(line)) {
    if (token.from >= column) break;
    if (token.style === 'lineComment') return true;
    if (token.style === 'string' && (column < token.to || !/"$/.test(line.slice(token.from, token.to)) || token.to - token.from < 2)) return true;
  }
  return false;
}
