/**
 * The draft in the page's address, as a Lit controller: a share link's draft
 * is opened when the playground starts and when a link is pasted into the
 * address bar of an open one (`hashchange`). It is not saved until edited,
 * so the user's own draft stays in storage and a reload opens the link
 * again; once edited, the draft becomes the user's own and the address loses
 * its hash. Also the link that opens a given text. The encoding is
 * `share.ts`'s; what to show and say is the host's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ShareProblem } from './i18n.js';
import { decodeShare, encodeShare, withHash } from './share.js';

export interface SharedLinkOptions {
  /** The host reads no links (`ignore-hash`). */
  readonly ignored: () => boolean;
  /** The editor's text. */
  readonly source: () => string;
  /** A link's draft differs from the editor's text: show it. */
  readonly open: (source: string) => void;
  /** The address holds a link that cannot be read. */
  readonly broken: (reason: ShareProblem) => void;
}

export class SharedLinkController implements ReactiveController {
  /** The draft came from a share link and is not edited yet. */
  #fromLink = false;
  readonly #onHashChange = () => void this.open();

  constructor(host: ReactiveControllerHost, private readonly options: SharedLinkOptions) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.#onHashChange);
  }

  /** Opens the draft of the link in the address, if it holds one. */
  async open(): Promise<void> {
    const { ignored, source, open, broken } = this.options;
    if (ignored()) return;
    // A browser without DecompressionStream cannot read a link at all.
    const decoded = await decodeShare(location.hash).catch(() => ({ ok: false, reason: 'encoding' }) as const);
    if (!decoded) return;
    if (!decoded.ok) return broken(decoded.reason);
    if (decoded.source !== source()) open(decoded.source);
    this.#fromLink = true;
  }

  /** The user edited the draft: a shared one becomes theirs, and a reload no longer opens the link. */
  edited(): void {
    if (!this.#fromLink) return;
    this.#fromLink = false;
    history.replaceState(history.state, '', location.pathname + location.search);
  }

  /** A link that opens exactly `source`, or undefined when it would be too long. */
  async link(source: string): Promise<string | undefined> {
    const hash = await encodeShare(source);
    return hash ? withHash(location.href, hash) : undefined;
  }
}
