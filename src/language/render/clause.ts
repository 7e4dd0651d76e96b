/**
 * The clause text: a checked program written out as the service-credit
 * section of a contract, in English or German. Legal reads the result, so
 * every statement becomes a sentence a drafter would write — defined terms,
 * numbered clauses, tiers as a lettered list — not a paraphrase of tokens.
 *
 * The parts live in `clause/`: the language-neutral conditions, one phrase
 * table per language (`english`, `german`) and the payout's variants
 * (`tables`), the words for expressions (`wording`), the sentences of
 * statements and of worked examples, drafting notes (`##`), and the writer
 * that lays them out, line by line with each line's sources.
 */
export { renderClause, renderClauseParts, type ClauseOptions, type ClausePart } from './clause/writer.js';
export type { ComputedExample } from './clause/examples.js';
export { phrasesFor } from './clause/tables.js';
export type { Phrases } from './clause/phrases.js';
