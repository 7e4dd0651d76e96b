/**
 * The draft kept in local storage, as a Lit controller: it reads the draft
 * the playground opens with, writes the text (and name) when the host asks
 * (in idle time), adds the undo history when the page is hidden or left,
 * and hears another tab's draft: without edits of its own that the other
 * version lacks, this tab shows it (Ctrl+Z brings back what it had); with
 * such edits, it says that saving here will replace the other tab's version.
 * Edits already saved here count as much as edits not yet saved: whether
 * the idle-time save has run must not decide. The storage itself is
 * `storage.ts`; what to show and say is the host's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftStore, draftOf, type Draft } from './storage.js';

export interface DraftsHost extends ReactiveControllerHost {
  /** The storage key; empty keeps no draft. */
  readonly storageKey: string;
  /** The editor's text. */
  readonly source: string;
}

export interface DraftsOptions {
  /** The draft's name, saved with its text. */
  readonly name: () => string;
  /** The editor's undo history (CodeMirror's JSON), when there is an editor. */
  readonly history: () => unknown;
  /** What the editor shows before anything is saved (the starter program): nothing of the user's own. */
  readonly starter: string;
  /** An edit is waiting for its frame's compile. */
  readonly pending: () => boolean;
  /** Another tab saved `draft`: show it, or (`conflict`) say that saving here will replace it. */
  readonly arrived: (draft: Draft, conflict: boolean) => void;
}

export class DraftsController implements ReactiveController {
  /** The draft as this tab last read or wrote it in storage. */
  stored?: Draft;
  /** That draft holds this tab's own edits: another tab's draft that does not carry on from it would drop them. */
  #storedHere = false;
  /** The text to keep in storage, written when the host calls `save` (storage is synchronous). */
  #unsaved?: string;
  /** The draft in storage lacks its undo history, added when the page is left (serialising it is slow). */
  #historyUnsaved = false;

  constructor(private readonly host: DraftsHost, private readonly options: DraftsOptions) {
    host.addController(this);
  }

  get #store(): DraftStore | undefined {
    return this.host.storageKey ? new DraftStore(this.host.storageKey) : undefined;
  }

  hostConnected(): void {
    addEventListener('storage', this.#onStorage);
    addEventListener('pagehide', this.#onLeave);
    document.addEventListener('visibilitychange', this.#onLeave);
  }

  hostDisconnected(): void {
    removeEventListener('storage', this.#onStorage);
    removeEventListener('pagehide', this.#onLeave);
    document.removeEventListener('visibilitychange', this.#onLeave);
    this.save();
    this.#saveHistory();
  }

  /** The draft in storage, read when the playground opens. */
  load(): Draft | undefined {
    return (this.stored = this.#store?.load());
  }

  /** `text` is to be saved (by the next `save`). */
  changed(text: string): void {
    this.#unsaved = text;
  }

  /** The text (and name) into storage; the undo history follows when the page is left. */
  save(): void {
    if (this.#unsaved === undefined) return;
    const saved = this.#store?.save(this.#unsaved, this.stored?.id, { name: this.options.name() });
    if (saved) {
      this.stored = saved;
      this.#storedHere = true;
      this.#historyUnsaved = true;
    }
    this.#unsaved = undefined;
  }

  clear(): void {
    this.#store?.clear();
  }

  /** The undo history added to the draft saved here, when it is the editor's text. */
  #saveHistory(): void {
    if (!this.#historyUnsaved || !this.stored || !this.#storedHere || this.stored.source !== this.host.source) return;
    const history = this.options.history();
    if (history === undefined) return;
    this.#historyUnsaved = false;
    this.#store?.addHistory(this.stored, history);
  }

  /** The page is hidden or unloaded: what a reload would lose is saved now. */
  readonly #onLeave = (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    this.save();
    this.#saveHistory();
  };

  readonly #onStorage = (event: StorageEvent) => {
    if (event.key !== this.host.storageKey || event.storageArea !== globalThis.localStorage) return;
    const other = draftOf(event.newValue);
    if (other === undefined) return;
    // A first visit shows the starter program: nothing of its own to keep.
    const editing = this.host.source !== (this.stored?.source ?? this.options.starter) || this.#unsaved !== undefined || this.options.pending();
    const dropped = this.#storedHere && other.after !== this.stored?.id;
    const same = other.source === this.host.source;
    this.stored = other;
    this.#storedHere = false;
    if (!same) this.options.arrived(other, editing || dropped);
  };
}
