/**
 * The draft in local storage, so a reload (or a closed tab) loses nothing.
 * Storage can be missing, full or forbidden (private windows, strict
 * settings); the playground then simply works without it. Each saved draft
 * has an id and names the draft it was edited from, so a tab can tell
 * whether another tab's draft carries on from its own or would drop it.
 */

const FORMAT = 1;

export interface Draft {
  readonly source: string;
  /** Absent in drafts saved before ids were kept. */
  readonly id?: string;
  /** The id of the draft this one was edited from. */
  readonly after?: string;
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
  save(source: string, after?: string): Draft | undefined {
    const draft = { source, id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`, ...(after ? { after } : {}) };
    try {
      if (!globalThis.localStorage) return undefined;
      globalThis.localStorage.setItem(this.key, JSON.stringify({ format: FORMAT, ...draft, saved: new Date().toISOString() }));
      return draft;
    } catch {
      return undefined;
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
    const data = JSON.parse(raw) as { format?: unknown; source?: unknown; id?: unknown; after?: unknown };
    if (data.format !== FORMAT || typeof data.source !== 'string') return undefined;
    return {
      source: data.source,
      ...(typeof data.id === 'string' ? { id: data.id } : {}),
      ...(typeof data.after === 'string' ? { after: data.after } : {}),
    };
  } catch {
    return undefined;
  }
}
