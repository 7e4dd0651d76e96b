/**
 * The Embed dialog: the code that puts the rules on another page with the
 * `<credit-calculator>` widget — inline (where the text is safe inside a
 * `<script>`) or loaded from a `.credit` file beside the page — made from the
 * last rules without errors, and said to be older than the draft when it
 * is. The code itself is `embed.ts`'s.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { embedInline, embedSrc, inlineSafe, type EmbedOptions } from './embed.js';
import type { Strings } from './i18n.js';

export interface Embed {
  /** The rules embedded. */
  readonly source: string;
  /** The code with the rules inline; absent when the text cannot stand inside a `<script>`. */
  readonly inline?: string;
  /** The code that loads `file`. */
  readonly src: string;
  readonly file: string;
}

export function embedCode(source: string, file: string, options: EmbedOptions): Embed {
  return { source, src: embedSrc(file, options), file, ...(inlineSafe(source) ? { inline: embedInline(source, options) } : {}) };
}

export interface EmbedDialog {
  /** The code shown; the dialog is empty without it. */
  readonly embed: Embed | undefined;
  /** The draft has changed since the code was made. */
  readonly stale: boolean;
  readonly copy: (text: string) => void;
  readonly download: (text: string) => void;
  readonly close: () => void;
  /** The dialog closed (by its button or Esc). */
  readonly closed: () => void;
}

export function renderEmbedDialog({ embed, stale, copy, download, close, closed }: EmbedDialog, t: Strings): TemplateResult {
  return html`<dialog aria-labelledby="embed-heading" @close=${closed}>
      ${embed ? html`<h2 id="embed-heading">${t.embedTitle}</h2>
        ${stale ? html`<p class="stale-note">${t.embedStale}</p>` : nothing}
        <h3 id="embed-inline">${t.embedInline}</h3>
        ${embed.inline
          ? html`<textarea readonly aria-labelledby="embed-inline" .value=${embed.inline}></textarea>
            <div class="actions"><button class="button" @click=${() => copy(embed.inline!)}>${t.copy}</button></div>`
          : html`<p class="hint">${t.embedInlineUnsafe}</p>`}
        <h3 id="embed-src">${t.embedSrc}</h3>
        <p class="hint">${t.embedSrcNote(embed.file)}</p>
        <textarea readonly aria-labelledby="embed-src" .value=${embed.src}></textarea>
        <div class="actions">
          <button class="button" @click=${() => copy(embed.src)}>${t.copy}</button>
          <button class="button" @click=${() => download(embed.source)}>${t.download}</button>
          <button class="button" @click=${close}>${t.close}</button>
        </div>` : nothing}
    </dialog>`;
}
