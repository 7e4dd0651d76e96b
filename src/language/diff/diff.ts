/**
 * Comparing two versions of the rules: the terms that changed, in clause
 * words (`terms.ts`), and what the change costs, input by input
 * (`impact.ts`). One call for the CLI's `diff` and the playground's Compare
 * view; `rangeText` words a range of the money impact for either.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Program } from '../program.js';
import { formatQuantity, type Lang } from '../render/format.js';
import { moneyImpact, type ImpactRange, type InputImpact, type MoneyImpact, type RangeEnd } from './impact.js';
import { sentences } from './sentences.js';
import { termChanges, type TermChange } from './terms.js';

export interface ProgramDiff {
  readonly terms: readonly TermChange[];
  readonly impact: MoneyImpact;
}

/** Two versions compared, the terms worded in `lang`. */
export function diffPrograms(before: Program, after: Program, lang: Lang = 'en'): ProgramDiff {
  return { terms: termChanges(before.toJSON(), after.toJSON(), lang), impact: moneyImpact(before, after) };
}

/** Two rules texts compared; the diagnostics of a text that does not compile instead. */
export function diffSources<P extends Program>(
  before: string,
  after: string,
  compile: (source: string) => { readonly program?: P; readonly diagnostics: readonly Diagnostic[] },
  lang: Lang = 'en',
): ({ readonly ok: true } & ProgramDiff) | { readonly ok: false; readonly before: readonly Diagnostic[]; readonly after: readonly Diagnostic[] } {
  const [b, a] = [compile(before), compile(after)];
  if (!b.program || !a.program) return { ok: false, before: b.diagnostics, after: a.diagnostics };
  return { ok: true, ...diffPrograms(b.program, a.program, lang) };
}

/** A range of an input's values in words: "from 99.5% to below 99.9%", "von 99,5 % bis unter 99,9 %". */
export function rangeText(range: Pick<ImpactRange, 'from' | 'to'>, input: Pick<InputImpact, 'kind' | 'unit' | 'currency'>, lang: Lang): string {
  const end = (e: RangeEnd | undefined) => e && { text: valueText(e.value, input, lang), included: e.included };
  return sentences[lang].range(end(range.from), end(range.to));
}

/** A value of an input in the reader's language ("99.5%", "30 minutes", "ja"). */
export function valueText(value: string, input: Pick<InputImpact, 'kind' | 'unit' | 'currency'>, lang: Lang): string {
  return formatQuantity({ kind: input.kind, value, ...(input.unit ? { unit: input.unit } : {}), ...(input.currency ? { currency: input.currency } : {}) }, lang);
}

export type { ImpactRange, InputImpact, MoneyImpact, RangeEnd, TermChange };
