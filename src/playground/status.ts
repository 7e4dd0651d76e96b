/**
 * The playground's status line: the last message, said in the language the
 * interface is in when it shows (so switching the language translates the
 * message too), and beside it the share link when one was made, selected
 * whole when focused so it is easy to copy by hand.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from './i18n.js';

/** A status message in whichever language the interface is in. */
export type Message = (t: Strings) => string;

export interface Status {
  readonly say: Message;
  readonly link?: string;
}

export function renderStatus(status: Status | undefined, t: Strings): TemplateResult {
  return html`<div class="status">
        <p role="status">${status?.say(t) ?? ''}</p>
        ${status?.link ? html`<input id="share-link" readonly aria-label=${t.shareLink} .value=${status.link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />` : nothing}
      </div>`;
}
