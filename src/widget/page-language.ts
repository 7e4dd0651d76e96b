/**
 * The language an element speaks, as a Lit reactive controller shared by
 * `<credit-calculator>` and `<credit-compare>`: its `locale` when set, else
 * the closest `lang` (also outside the shadow roots it sits in), followed
 * live when the page changes a `lang` attribute — one observer for every
 * element on the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { inheritedLang, langOf, type Lang } from './i18n.js';

type Host = ReactiveControllerHost & HTMLElement & { locale?: string; readonly hasUpdated: boolean };

const followers = new Set<PageLanguage>();
let observer: MutationObserver | undefined;

export class PageLanguage implements ReactiveController {
  /** The language of the last render, to tell when the page's changed. */
  #shown?: Lang;

  /** `changed` runs before the re-render a change of the page's language causes (to reformat fields, recompute). */
  constructor(private readonly host: Host, private readonly changed: () => void) {
    host.addController(this);
  }

  get lang(): Lang {
    const locale = this.host.locale;
    return locale === 'de' || locale === 'en' ? locale : langOf(inheritedLang(this.host));
  }

  hostConnected(): void {
    followers.add(this);
    if (observer) return;
    observer = new MutationObserver(() => {
      for (const follower of followers) follower.#pageChanged();
    });
    observer.observe(document.documentElement, { subtree: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    followers.delete(this);
  }

  hostUpdated(): void {
    this.#shown = this.lang;
  }

  #pageChanged(): void {
    if (!this.host.hasUpdated || this.lang === this.#shown) return;
    this.changed();
    this.host.requestUpdate();
  }
}
