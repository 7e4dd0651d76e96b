/**
 * The result column's panels and the panels below it that need no state of
 * their own: the total, the breakdown by credit (with its tiers and cuts),
 * the outputs of an ROI calculator, the explanation, the worked examples,
 * the share bar, and the problems that keep rules from being used.
 * Everything from the rules is rendered as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { conditionsInWords } from '../language/render/why.js';
import { formatClaimPeriod, type CapCut, type ClaimInfo, type CreditLine, type EvaluationResult, type ExampleInfo, type OutputInfo, type Program, type TierOutcome } from '../runtime.js';
import type { Formats } from './formats.js';
import type { LoadFailure } from './load.js';

/** The total shown: a result's credit, or `credit()`'s while its explanation is built (`explained.ts`). */
export interface Total {
  readonly amount: string;
  readonly percentOfFee: string | null;
  /** A contract year's: its share is of the yearly fee. */
  readonly yearly: boolean;
}

/** `busy`: the total shown is the last one, while that of newer values is computed. */
export function renderTotal(f: Formats, heading: string, total: Total | undefined, stale: boolean, claim: ClaimInfo | undefined, busy = false): TemplateResult {
  const t = f.t;
  return html`<div class="total ${stale ? 'stale' : ''}" part="total" role="status" aria-live="polite" aria-atomic="true" aria-busy=${busyState(busy)}>
    <span class="heading">${heading}</span>
    ${total
      ? html`<span class="amount" part="amount">${f.money(total.amount)}</span>
          ${total.percentOfFee === null ? nothing : html`<span class="of-fee">${(total.yearly ? t.ofYearlyFee : t.ofFee)(f.percent(total.percentOfFee))}</span>`}`
      : nothing}
    ${stale ? html`<span class="stale-note">${t.stale}</span>` : nothing}
    ${claim ? html`<span class="hint">${t.claim(formatClaimPeriod(claim, f.lang), claim.afterIncident)}</span>` : nothing}
  </div>`;
}

/**
 * The breakdown by credit. A block of more than `TIERS_SHOWN` tiers shows
 * those around the one that applies, and the rest when asked (`allTiers`
 * holds the blocks shown whole): formatting thousands of tiers on every key
 * press would hold the page for a second.
 *
 * Each rule's and tier's condition reads in words, in the page's language,
 * as the "why" words it; the rule text stays in the exact calculation
 * (`renderWhy`), where those who read rules look for it.
 */
export function renderBreakdown(f: Formats, program: Program, result: EvaluationResult, busy: boolean, allTiers: ReadonlySet<string>, onAllTiers: (block: string) => void, allLines: boolean, onAllLines: () => void): TemplateResult | typeof nothing {
  const t = f.t;
  if (!result.credits.length) return nothing;
  const month = result.mode !== 'year' ? result : undefined;
  const words = conditionWords(f, program);
  // As written where it is more than comparisons of names and literals: the words would guess.
  const condition = (line: number, code: string) => {
    const said = words(line);
    return said === undefined ? html`<code>${code}</code>` : html`<span class="condition">${said}</span>`;
  };
  return html`<section part="breakdown" aria-busy=${busyState(busy)}>
    <h3 class="heading">${t.breakdown}</h3>
    <ul class="lines">
      ${(allLines ? result.credits : linesShown(result.credits)).map(
        (c) => html`<li class="line" ?data-matched=${c.matched}>
          <div class="line-head">
            ${c.kind === 'rule' ? condition(c.line, c.name) : html`<strong>${f.label({ name: c.name, label: c.name, ...program.credits.find((k) => k.line === c.line) })}</strong>`}
            <span class="money">${f.money(c.amount)}</span>
          </div>
          ${c.tiers ? renderTiers(f, c.tiers, c.winner, allTiers.has(c.name), () => onAllTiers(c.name), condition) : nothing}
          ${c.cuts.map((cut) => renderCut(f, cut))}
        </li>`,
      )}
    </ul>
    ${!allLines && result.credits.length > LINES_SHOWN
      ? html`<button type="button" class="button" part="button" @click=${onAllLines}>${t.allLines(result.credits.length)}</button>`
      : nothing}
    ${month?.cuts.map((cut) => renderCut(f, cut)) ?? nothing}
  </section>`;
}

/** How many of a program's credits the breakdown shows at first: thousands of lines would take the page seconds to draw. */
export const LINES_SHOWN = 50;

/** The credits shown at first, in the order written: those that apply, then the first others, `LINES_SHOWN` in all. */
function linesShown(lines: readonly CreditLine[]): readonly CreditLine[] {
  if (lines.length <= LINES_SHOWN) return lines;
  const applying = lines.filter((line) => line.matched).slice(0, LINES_SHOWN);
  const others = lines.filter((line) => !line.matched).slice(0, LINES_SHOWN - applying.length);
  const shown = new Set([...applying, ...others]);
  return lines.filter((line) => shown.has(line));
}

/** Each program's conditions in words, in the language and currency last shown: worded once, not on every key press. */
const worded = new WeakMap<Program, { readonly key: string; readonly words: (line: number) => string | undefined }>();

function conditionWords(f: Formats, program: Program): (line: number) => string | undefined {
  const key = `${f.lang} ${f.currency}`;
  let cached = worded.get(program);
  if (cached?.key !== key) {
    cached = { key, words: conditionsInWords({ program: program.toJSON(), inputs: program.inputs, lang: f.lang, ...(f.currency ? { currency: f.currency } : {}) }) };
    worded.set(program, cached);
  }
  return cached.words;
}

/** How many tiers of a block show at first. */
export const TIERS_SHOWN = 25;

type Condition = (line: number, code: string) => TemplateResult;

function renderTiers(f: Formats, tiers: readonly TierOutcome[], winner: number | undefined, all: boolean, onAll: () => void, condition: Condition): TemplateResult {
  const t = f.t;
  // Around the tier that applies (else from the first): the ones a reader compares it with.
  const start = all ? 0 : Math.max(0, Math.min((winner ?? 0) - Math.floor(TIERS_SHOWN / 2), tiers.length - TIERS_SHOWN));
  const shown = all ? tiers : tiers.slice(start, start + TIERS_SHOWN);
  return html`<ol class="tiers" start=${start + 1}>
      ${shown.map((tier, k) => {
        const i = start + k;
        return html`<li class="tier" part=${i === winner ? 'tier tier-winner' : 'tier'} ?data-winner=${i === winner}>
          ${condition(tier.line, tier.condition)}
          <span>${i === winner ? html`<span class="badge">${t.tierApplies}</span>` : nothing} ${tier.holds ? f.money(tier.amount) : '—'}</span>
        </li>`;
      })}
    </ol>
    ${shown.length < tiers.length
      ? html`<button type="button" class="button" part="button" @click=${onAll}>${t.allTiers(tiers.length)}</button>`
      : nothing}`;
}

function renderCut(f: Formats, cut: CapCut): TemplateResult {
  return html`<p class="cut">${f.t.capCut(f.cap(cut), f.money(cut.before), f.money(cut.after))}</p>`;
}

/** The outputs; `live` when they are the result (an ROI calculator without credits), announced as they change. */
export function renderOutputs(f: Formats, outputs: readonly OutputInfo[], result: EvaluationResult, busy: boolean, live: boolean, stale: boolean): TemplateResult | typeof nothing {
  if (result.mode === 'year' || !outputs.length) return nothing;
  return html`<section part="outputs" aria-live=${live ? 'polite' : nothing} aria-busy=${busyState(busy)}>
    <h3 class="heading">${f.t.results}</h3>
    ${live && stale ? html`<p class="stale-note">${f.t.stale}</p>` : nothing}
    <dl class="outputs">
      ${outputs.map((o) => {
        const raw = result.outputs[o.name];
        return html`<div class="output"><dt>${f.label(o)}</dt><dd>${raw === undefined ? '—' : f.outputValue(o.kind, raw)}</dd></div>`;
      })}
    </dl>
  </section>`;
}

/**
 * Why the result is what it is: `words`, the sentences a visitor reads
 * (`render/why.ts`), with the exact step-by-step trace one click away; the
 * trace alone where there are no words (an ROI calculator's outputs). The
 * trace is rendered only while open: for thousands of tiers it is thousands of lines.
 */
export function renderWhy(f: Formats, result: EvaluationResult, words: readonly string[], busy: boolean, open: boolean, onToggle: (open: boolean) => void): TemplateResult {
  const trace = () => {
    const steps = result.mode !== 'year' ? result.explanation.filter((s) => s.kind !== 'let') : result.explanation;
    return html`<ol class="trace">${steps.map((s) => html`<li>${codeSpans(s.text)}</li>`)}</ol>`;
  };
  return html`<section class="why" part="why" aria-busy=${busyState(busy)}>
    <h3 class="heading">${f.t.why}</h3>
    ${words.length
      ? html`<ul class="because" part="because">${words.map((s) => html`<li>${codeSpans(s)}</li>`)}</ul>
          <details part="trace" ?open=${open} @toggle=${(e: Event) => onToggle((e.target as HTMLDetailsElement).open)}>
            <summary>${f.t.exactTrace}</summary>${open ? trace() : nothing}
          </details>`
      : trace()}
  </section>`;
}

/**
 * `aria-busy` on a panel that still shows the previous values' result while
 * the new one is built (`explained.ts`): assistive technology waits for it,
 * and the styles dim it if the wait is long enough to notice.
 */
export function busyState(busy: boolean): 'true' | typeof nothing {
  return busy ? 'true' : nothing;
}

export function renderExamples(f: Formats, examples: readonly ExampleInfo[], onExample: (example: ExampleInfo) => void): TemplateResult {
  const t = f.t;
  return html`<section class="examples wide" part="examples">
    <h3 class="heading">${t.examples}</h3>
    <ul>
      ${examples.map(
        (ex) => html`<li><button type="button" class="button" part="button" aria-label=${t.loadExample(ex.name)}
          @click=${() => onExample(ex)}>${ex.name}</button></li>`,
      )}
    </ul>
  </section>`;
}

/** The share bar; `note` ("Copied") with the link shown while it is still the link to what the calculator shows. */
export function renderShare(f: Formats, note: { text: string; url: string } | undefined, onCopy: () => void, onPrint: () => void): TemplateResult {
  const t = f.t;
  return html`<section class="share wide" part="share" aria-label=${t.share}>
    <button type="button" class="button primary" part="button" @click=${onCopy}>${t.copyLink}</button>
    <button type="button" class="button" part="button" @click=${onPrint}>${t.print}</button>
    <output aria-live="polite">${note?.text ?? ''}</output>
    ${note ? html`<input type="text" readonly aria-label=${t.copyLink} .value=${note.url} />` : nothing}
  </section>`;
}

export function renderFailure(f: Formats, failure: LoadFailure): TemplateResult {
  const t = f.t;
  return html`<section class="problems" part="problems" role="alert">
    <h2>${failure.diagnostics.length ? t.rulesProblem : failure.message}</h2>
    ${failure.diagnostics.length
      ? html`<p class="hint">${t.rulesProblemHint}</p>
          <ul>
            ${failure.diagnostics.filter((d) => d.severity === 'error').map(
              (d) => html`<li><span class="where">${d.start.line}:${d.start.column}</span><span>${d.message} <code>${d.code}</code></span></li>`,
            )}
          </ul>`
      : nothing}
  </section>`;
}

/** Text with `backticked` rule parts shown as code — still text bindings only. */
export function codeSpans(text: string): (string | TemplateResult)[] {
  return text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part));
}
