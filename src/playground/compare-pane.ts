/**
 * The Compare pane: two versions side by side (a saved version, or the draft
 * as it stands), each compiled without errors — the terms that changed and
 * the money they move (`compare-view.ts`, from the language's
 * `diffPrograms`, worked out once per interface language), and both
 * versions' credit curves in a `<credit-compare>` chart (handed their rules
 * by `compare-controller.ts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { compile, type Program } from '../index.js';
import { diffPrograms, type ProgramDiff } from '../language/diff/diff.js';
import { renderMoney, renderTerms } from './compare-view.js';
import type { Lang, Strings } from './i18n.js';

/** One side of a comparison: a version, or the draft as it stands. */
export interface Side {
  readonly name: string;
  readonly source: string;
  readonly program: Program;
}

export interface Comparison {
  readonly before: Side;
  readonly after: Side;
  /** The terms worded in the interface's language, computed once per language. */
  readonly diffs: Map<Lang, ProgramDiff>;
}

/** A side to compare, or only its name when its text has errors. */
export function sideOf(name: string, source: string): Side | { name: string } {
  const program = compile(source).program;
  return program ? { name, source, program } : { name };
}

export function renderCompare(compared: Comparison | undefined, lang: Lang, close: () => void, t: Strings): TemplateResult | typeof nothing {
  if (!compared) return nothing;
  return html`<section class="pane compare" part="compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">${t.compare}: ${t.compareTitle(compared.before.name, compared.after.name)}
        <button class="button close-compare" aria-label=${t.closeCompare} @click=${close}>×</button>
      </h2>
      ${renderDiff(compared, lang, t)}
      <h3>${t.curves}</h3>
      <credit-compare panels="chart" compact locale=${lang}></credit-compare>
    </section>`;
}

function renderDiff(compared: Comparison, lang: Lang, t: Strings): TemplateResult {
  let diff = compared.diffs.get(lang);
  if (!diff) compared.diffs.set(lang, (diff = diffPrograms(compared.before.program, compared.after.program, lang)));
  return html`${renderTerms(diff, t)} ${renderMoney(diff.impact, t, lang)}`;
}
