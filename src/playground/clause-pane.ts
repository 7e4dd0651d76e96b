/**
 * The clause pane: the rules in contract English or German (a toggle; until
 * chosen, the interface's language), one sentence a line, linked to the
 * rules they come from (`clause-links-controller.ts`), with the clause as a
 * Word document and printed. While the text has errors, the clause is the
 * last program's without errors, marked stale.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ClausePart } from './clause-links.js';
import type { ClauseLinksController } from './clause-links-controller.js';
import type { Lang, Strings } from './i18n.js';

export interface ClausePane {
  /** The clause's sentences; undefined until computed (in idle time, while the pane is in view). */
  readonly clause: { readonly lang: Lang; readonly parts: readonly ClausePart[] } | undefined;
  /** The clause's language, as the toggle shows it. */
  readonly lang: Lang;
  readonly stale: boolean;
  readonly links: ClauseLinksController;
  readonly choose: (lang: Lang) => void;
  readonly downloadDocx: () => void;
}

export function renderClause({ clause, lang, stale, links, choose, downloadDocx }: ClausePane, t: Strings): TemplateResult {
  return html`<section class="pane" part="clause" data-pane="clause" aria-labelledby="clause-heading" ?data-stale=${stale}>
      <h2 id="clause-heading">${t.clause}
        <span class="clause-toggle" role="group" aria-label=${t.clauseLanguage}>
          <button class="button" id="clause-en" lang="en" aria-pressed=${String(lang === 'en')} @click=${() => choose('en')}>${t.english}</button>
          <button class="button" id="clause-de" lang="de" aria-pressed=${String(lang === 'de')} @click=${() => choose('de')}>${t.german}</button>
        </span>
        <button class="button clause-action" id="download-docx" ?disabled=${!clause} @click=${downloadDocx}>${t.downloadDocx}</button>
        <button class="button clause-action" id="print-clause" ?disabled=${!clause} @click=${() => print()}>${t.printClause}</button>
      </h2>
      ${stale ? html`<p class="stale-note">${t.stale}</p>` : nothing}
      ${clause
        ? html`<p class="hint">${t.clauseHint}</p>
          <div class="clause staled" lang=${clause.lang} @mouseleave=${() => links.leave()}>${clause.parts.map((part) => {
            const linked = part.spans.length > 0;
            return part.text === ''
              ? html`<div class="gap"></div>`
              : html`<p class="sentence" ?data-linked=${linked} ?data-marked=${links.marks(part)} data-lines=${part.lines.join(' ')}
                  tabindex=${linked ? '0' : nothing}
                  @mouseenter=${() => links.enter(part)} @focus=${() => links.focus(part)} @blur=${() => links.blur()}
                >${part.text}</p>`;
          })}</div>`
        : html`<p class="hint">${t.noPreview}</p>`}
    </section>`;
}
