/**
 * The examples pane: each `example` of the rules with its verdict and line
 * (a button that goes there); a failed one lists what each expectation
 * wanted and what the rules gave, and its problems. While the text has
 * errors, the results are those of the last program without errors, marked
 * stale.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ExampleResult } from '../index.js';
import { messageOf, type SaidDiagnostic } from './diagnostics-de.js';
import type { Lang, Strings } from './i18n.js';

export interface ExamplesPane {
  /** Empty until computed (in idle time, while the pane is in view). */
  readonly results: readonly ExampleResult[];
  readonly stale: boolean;
  readonly lang: Lang;
  /** Puts the cursor on a 1-based line and focuses the editor. */
  readonly jumpTo: (line: number) => void;
}

export function renderExamples({ results, stale, lang, jumpTo }: ExamplesPane, t: Strings): TemplateResult {
  const passed = results.filter((r) => r.passed).length;
  return html`<section class="pane examples" part="examples" data-pane="examples" aria-labelledby="examples-heading" ?data-stale=${stale}>
      <h2 id="examples-heading">${t.examples} ${results.length ? html`<span class="count">${t.examplesSummary(passed, results.length - passed)}</span>` : nothing}</h2>
      ${stale ? html`<p class="stale-note">${t.stale}</p>` : nothing}
      ${results.length === 0
        ? html`<p class="hint">${t.noExamples}</p>`
        : html`<ul class="staled">${results.map((r) => html`<li class="example" data-passed=${String(r.passed)} data-line=${r.line}>
            <div class="example-head">
              <span class="verdict ${r.passed ? 'passed' : 'failed'}">${r.passed ? t.passed : t.failed}</span>
              <button class="link" aria-label=${`${r.name} — ${r.passed ? t.passed : t.failed} — ${t.goToLine(r.line)}`}
                @click=${() => jumpTo(r.line)}>${r.name}</button>
              <span class="where">${t.lineShort(r.line)}</span>
            </div>
            ${r.passed ? nothing : html`<dl class="expectations">
              ${r.expectations.map((e) => html`<dt>${e.target}</dt>
                <dd class="expected">${t.expected}: <code>${e.expected}</code></dd>
                <dd class="actual ${e.passed ? '' : 'bad'}">${t.actual}: <code>${e.actual}</code></dd>`)}
            </dl>
            ${r.diagnostics.map((d) => html`<p class="hint">${messageOf(d as SaidDiagnostic, lang)}</p>`)}`}
          </li>`)}</ul>`}
    </section>`;
}
