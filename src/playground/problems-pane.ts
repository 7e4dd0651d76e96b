/**
 * The problems pane: the current text's diagnostics, errors first, each a
 * button that puts the cursor where it is; while a large text is in the
 * worker, "Checking…" in the heading's line and `aria-busy`. Only the first
 * `PROBLEMS_SHOWN` are listed: a list of thousands re-rendered on every
 * keystroke would cost more than the compile.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Diagnostic } from '../index.js';
import { messageOf, type SaidDiagnostic } from './diagnostics-de.js';
import type { Lang, Strings } from './i18n.js';

const PROBLEMS_SHOWN = 200;

export interface ProblemsPane {
  /** Sorted, errors first. */
  readonly diagnostics: readonly Diagnostic[];
  /** A text is being compiled in the worker. */
  readonly checking: boolean;
  readonly lang: Lang;
  /** Puts the cursor at an offset of the text and focuses the editor. */
  readonly jump: (offset: number) => void;
}

export function renderProblems(pane: ProblemsPane, t: Strings): TemplateResult {
  const list = pane.diagnostics;
  return html`<section class="pane problems" part="problems" aria-labelledby="problems-heading" aria-busy=${String(pane.checking)}>
      <h2 id="problems-heading">${t.problems} <span class="count">${guard([list, t], () => t.problemCount(list.filter((d) => d.severity === 'error').length, list.filter((d) => d.severity === 'warning').length))}</span>
        <span class="count" role="status">${pane.checking ? html`<span id="checking">${t.checking}</span>` : nothing}</span></h2>
      ${guard([list, t], () => renderProblemList(pane, t))}
    </section>`;
}

/**
 * The list is rendered again only for a new compile or language: the
 * component renders on every keystroke of a large draft ("Checking…"), and
 * re-rendering 200 problems each time took tens of milliseconds.
 */
function renderProblemList({ diagnostics: list, lang, jump }: ProblemsPane, t: Strings): TemplateResult {
  return list.length === 0
    ? html`<p class="ok">${t.noProblems}</p>`
    : html`<ul>${list.slice(0, PROBLEMS_SHOWN).map((d) => html`<li>
        <button class="problem" data-severity=${d.severity} data-line=${d.start.line} data-code=${d.code}
          @click=${() => jump(d.span.start)}>
          <span class="sev sev-${d.severity}">${t.severity[d.severity]}</span>
          <span class="where">${t.at(d.start.line, d.start.column)}</span>
          <span class="message">${messageOf(d as SaidDiagnostic, lang)} <span class="code">${d.code}</span></span>
        </button></li>`)}</ul>
      ${list.length > PROBLEMS_SHOWN ? html`<p class="hint">${t.moreProblems(list.length - PROBLEMS_SHOWN)}</p>` : nothing}`;
}
