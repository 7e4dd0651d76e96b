/**
 * The playground's toolbar: a shipped template chosen and opened, and the
 * actions on the draft as a whole — Format, Share, Embed, Download, Start
 * fresh — and the interface's language (the button is labelled in the
 * other language, the one it switches to). What each action does is the
 * host's.
 */
import { html, type TemplateResult } from 'lit';
import type { Lang, Strings } from './i18n.js';
import { templateIds } from './templates.js';

export interface Toolbar {
  /** The template chosen in the picker. */
  readonly template: string;
  /** The interface's language. */
  readonly lang: Lang;
  readonly chooseTemplate: (id: string) => void;
  readonly openTemplate: () => void;
  readonly format: () => void;
  readonly share: () => void;
  readonly embed: () => void;
  readonly download: () => void;
  readonly startFresh: () => void;
  readonly switchLanguage: () => void;
}

export function renderToolbar(bar: Toolbar, t: Strings): TemplateResult {
  return html`<div class="toolbar" role="group" aria-label=${t.toolbar}>
      <label for="template">${t.templates}</label>
      <select id="template" .value=${bar.template} @change=${(e: Event) => bar.chooseTemplate((e.target as HTMLSelectElement).value)}>
        ${templateIds.map((id) => html`<option value=${id} ?selected=${id === bar.template}>${t.templateNames[id] ?? id}</option>`)}
      </select>
      <button class="button" id="open-template" @click=${bar.openTemplate}>${t.openTemplate}</button>
      <span class="spacer"></span>
      <button class="button" id="format" aria-label=${t.formatLabel} @click=${bar.format}>${t.format}</button>
      <button class="button" id="share" @click=${bar.share}>${t.share}</button>
      <button class="button" id="embed" @click=${bar.embed}>${t.embed}</button>
      <button class="button" id="download" @click=${bar.download}>${t.download}</button>
      <button class="button" id="start-fresh" @click=${bar.startFresh}>${t.startFresh}</button>
      <button class="button" id="ui-language" lang=${bar.lang === 'en' ? 'de' : 'en'} aria-label=${t.uiLanguageLabel}
        @click=${bar.switchLanguage}>${t.uiLanguage}</button>
    </div>`;
}
