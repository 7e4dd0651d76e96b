/**
 * The draft in local storage, so a reload (or a closed tab) loses nothing.
 * Storage can be missing, full or forbidden (private windows, strict
 * settings); the playground then simply works without it. Each saved draft
 * has an id and names the draft it was edited from, so a tab can tell
 * whether another tab's draft carries on from its own or would drop it.
 * A draft also keeps its name (versions are filed under it) and the editor's
 * undo history for exactly its text, so Ctrl+Z works after a reload; a
 * history too large for storage is dropped, never the text. The history is
 * added to a saved draft later (`addHistory`, when the page is left), since
 * serialising it takes long for a large draft.
 */

const FORMAT = 1;

export interface Draft {
  readonly source: string;
  /** Absent in drafts saved before ids were kept. */
  readonly id?: string;
  /** The id of the draft this one was edited from. */
  readonly after?: string;
  /** The draft's name; absent for a draft not yet named. */
  readonly name?: string;
  /** The editor's undo history for this text (CodeMirror's JSON). */
  readonly history?: unknown;
}

/** What a draft keeps besides its text. */
export interface DraftExtras {
  readonly name?: string;
  readonly history?: unknown;
}

export class DraftStore {
  constructor(private readonly key: string) {}

  load(): Draft | undefined {
    try {
      return draftOf(globalThis.localStorage?.getItem(this.key));
    } catch {
      return undefined;
    }
  }

  /** The draft as saved, edited from the draft `after`; undefined when it could not be kept. */
  save(source: string, after?: string, extras: DraftExtras = {}): Draft | undefined {
    const draft = {
      source, id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, ...(after ? { after } : {}),
      ...(extras.name ? { name: extras.name } : {}),
    };
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    const write = (history: unknown): boolean => {
      try {
        storage.setItem(this.key, JSON.stringify({ format: FORMAT, ...draft, ...(history !== undefined ? { history } : {}), saved: new Date().toISOString() }));
        return true;
      } catch {
        return false;
      }
    };
    // Storage full: the text without its undo history rather than nothing.
    if (write(extras.history) || (extras.history !== undefined && write(undefined))) return draft;
    return undefined;
  }

  /**
   * Adds the undo history to `draft` as saved, unless storage holds another
   * draft by now (another tab's) or has no room; the text stays either way.
   */
  addHistory(draft: Draft, history: unknown): boolean {
    try {
      const storage = globalThis.localStorage;
      const raw = storage?.getItem(this.key);
      const kept = draftOf(raw);
      if (!storage || !raw || !kept?.id || kept.id !== draft.id || kept.source !== draft.source) return false;
      storage.setItem(this.key, JSON.stringify({ ...(JSON.parse(raw) as object), history }));
      return true;
    } catch {
      return false;
    }
  }

  clear(): void {
    try {
      globalThis.localStorage?.removeItem(this.key);
    } catch {
      // Nothing kept, nothing to clear.
    }
  }
}

/** The draft in a stored value (as a `storage` event hands it over), or undefined for anything else. */
export function draftOf(raw: string | null | undefined): Draft | undefined {
  if (!raw) return undefined;
  try {
    const data = JSON.parse(raw) as { format?: unknown; source?: unknown; id?: unknown; after?: unknown; name?: unknown; history?: unknown };
    if (data.format !== FORMAT || typeof data.source !== 'string') return undefined;
    return {
      source: data.source,
      ...(typeof data.id === 'string' ? { id: data.id } : {}),
      ...(typeof data.after === 'string' ? { after: data.after } : {}),
      ...(typeof data.name === 'string' ? { name: data.name } : {}),
      ...(data.history !== undefined ? { history: data.history } : {}),
    };
  } catch {
    return undefined;
  }
}
