/**
 * Named versions of drafts, kept in IndexedDB so they outlive the tab. Where
 * IndexedDB is missing, forbidden (some private windows) or blocked by an
 * older copy of the page in another tab, the versions are kept in memory for
 * this visit and the store says why, so the playground can tell the drafter
 * that they will be gone after a reload. Versions are also written to and
 * read from a file (`versionsFile`, `readVersionsFile`): a file is checked
 * whole before anything of it is kept, and importing only adds versions.
 */

export interface Version {
  readonly id: string;
  /** The draft the version belongs to ("Uptime tiers", "My draft"). */
  readonly draft: string;
  /** The name the drafter gave it. */
  readonly name: string;
  readonly source: string;
  /** When it was saved, ISO 8601. */
  readonly saved: string;
}

export type NewVersion = Omit<Version, 'id' | 'saved'> & { readonly saved?: string };

/** Why versions are kept in memory only. */
export type StoreProblem = 'unavailable' | 'blocked' | 'failed';

export interface VersionStore {
  /** Undefined when the versions are kept in IndexedDB; otherwise why they are kept in memory. */
  readonly problem?: StoreProblem;
  /** Newest first. */
  list(): Promise<Version[]>;
  add(version: NewVersion): Promise<Version>;
  remove(id: string): Promise<void>;
}

const STORE = 'versions';

const newId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const stamp = (version: NewVersion): Version => ({ ...version, id: newId(), saved: version.saved ?? new Date().toISOString() });
const newestFirst = (a: Version, b: Version): number => b.saved.localeCompare(a.saved) || b.id.localeCompare(a.id);

/** Versions in memory, for this visit only. */
export class MemoryVersions implements VersionStore {
  private readonly versions = new Map<string, Version>();
  constructor(readonly problem?: StoreProblem) {}

  async list(): Promise<Version[]> {
    return [...this.versions.values()].sort(newestFirst);
  }

  async add(version: NewVersion): Promise<Version> {
    const kept = stamp(version);
    this.versions.set(kept.id, kept);
    return kept;
  }

  async remove(id: string): Promise<void> {
    this.versions.delete(id);
  }
}

class IndexedVersions implements VersionStore {
  constructor(private readonly db: IDBDatabase) {}

  list(): Promise<Version[]> {
    return this.run('readonly', (store) => store.getAll()).then((all) => (all as Version[]).sort(newestFirst));
  }

  async add(version: NewVersion): Promise<Version> {
    const kept = stamp(version);
    await this.run('readwrite', (store) => store.add(kept));
    return kept;
  }

  async remove(id: string): Promise<void> {
    await this.run('readwrite', (store) => store.delete(id));
  }

  private run(mode: IDBTransactionMode, request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(STORE, mode);
      const req = request(tx.objectStore(STORE));
      // Resolved once the transaction is committed, so a reload right after finds the version.
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  }
}

/**
 * The versions kept under `name` in IndexedDB, or in memory with the reason
 * when IndexedDB cannot be used. Never rejects.
 */
export function openVersions(name: string, factory: IDBFactory | null = globalThis.indexedDB ?? null): Promise<VersionStore> {
  if (!factory) return Promise.resolve(new MemoryVersions('unavailable'));
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, 1);
    } catch {
      // A sandboxed frame or a strict privacy setting throws instead of failing the request.
      return resolve(new MemoryVersions('unavailable'));
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer copy of the page wants to upgrade: let it, rather than block it.
      db.onversionchange = () => db.close();
      resolve(new IndexedVersions(db));
    };
    request.onerror = () => resolve(new MemoryVersions('failed'));
    request.onblocked = () => resolve(new MemoryVersions('blocked'));
  });
}

// ——— files ———

export const FILE_FORMAT = 'credit-rules-versions';
const FILE_VERSION = 1;
/** A file larger than this is not read: no draft is anywhere near it. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** The versions as the text of a `.json` file. */
export function versionsFile(versions: readonly Version[]): string {
  const entries = versions.map(({ draft, name, source, saved }) => ({ draft, name, saved, source }));
  return `${JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, versions: entries }, null, 2)}\n`;
}

/** What is wrong with a file, said by the playground in the interface's language. */
export type FileProblem =
  | { readonly kind: 'too-large' }
  | { readonly kind: 'not-json'; readonly detail: string }
  | { readonly kind: 'not-versions' }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'bad-entry'; readonly index: number; readonly field: string };

export type FileResult = { readonly ok: true; readonly versions: NewVersion[] } | { readonly ok: false; readonly problem: FileProblem };

/** Reads a versions file; every entry is checked before any is returned. */
export function readVersionsFile(text: string): FileResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, problem: { kind: 'too-large' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { kind: 'not-json', detail: String((error as Error).message) } };
  }
  const file = data as { format?: unknown; version?: unknown; versions?: unknown };
  if (typeof data !== 'object' || data === null || file.format !== FILE_FORMAT || !Array.isArray(file.versions)) {
    return { ok: false, problem: { kind: 'not-versions' } };
  }
  if (typeof file.version !== 'number' || file.version > FILE_VERSION) {
    return { ok: false, problem: { kind: 'newer', version: Number(file.version) } };
  }
  const versions: NewVersion[] = [];
  for (const [index, entry] of (file.versions as unknown[]).entries()) {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    for (const field of ['draft', 'name', 'source', 'saved'] as const) {
      if (typeof e[field] !== 'string') return { ok: false, problem: { kind: 'bad-entry', index: index + 1, field } };
    }
    if (Number.isNaN(Date.parse(e.saved as string))) return { ok: false, problem: { kind: 'bad-entry', index: index + 1, field: 'saved' } };
    versions.push({ draft: e.draft as string, name: e.name as string, source: e.source as string, saved: e.saved as string });
  }
  return { ok: true, versions };
}

/** The same version already kept (an import read twice adds nothing the second time). */
export function sameVersion(a: NewVersion, b: NewVersion): boolean {
  return a.draft === b.draft && a.name === b.name && a.source === b.source && a.saved === b.saved;
}
