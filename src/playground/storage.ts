/**
 * The draft in local storage, so a reload (or a closed tab) loses nothing.
 * Storage can be missing, full or forbidden (private windows, strict
 * settings); the playground then simply works without it.
 */

const FORMAT = 1;

export class DraftStore {
  constructor(private readonly key: string) {}

  load(): string | undefined {
    try {
      return draftOf(globalThis.localStorage?.getItem(this.key));
    } catch {
      return undefined;
    }
  }

  /** False when the draft could not be kept. */
  save(source: string): boolean {
    try {
      globalThis.localStorage?.setItem(this.key, JSON.stringify({ format: FORMAT, source, saved: new Date().toISOString() }));
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
export function draftOf(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const data = JSON.parse(raw) as { format?: unknown; source?: unknown };
    return data.format === FORMAT && typeof data.source === 'string' ? data.source : undefined;
  } catch {
    return undefined;
  }
}
