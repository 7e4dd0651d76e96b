/**
 * The playground's saved versions as a Lit controller: opens the store once
 * (`versions.ts`: IndexedDB, or memory with the reason), keeps the list the
 * pane shows, and re-renders the host when it changes. What to say about it
 * is the component's; this only keeps and reads versions.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { openVersions, readVersionsFile, sameVersion, versionsFile, type FileProblem, type NewVersion, type StoreProblem, type Version, type VersionStore } from './versions.js';

export type ImportResult = { readonly ok: true; readonly added: number; readonly known: number } | { readonly ok: false; readonly problem: FileProblem };

export class VersionsController implements ReactiveController {
  /** Newest first. */
  versions: readonly Version[] = [];
  /** Why the versions are kept in memory only, if they are (never said for a host that keeps nothing). */
  problem?: StoreProblem;
  #store?: Promise<VersionStore>;

  /** `database` gives the IndexedDB name; an empty name keeps versions in memory, as the host asked. */
  constructor(private readonly host: ReactiveControllerHost, private readonly database: () => string) {
    host.addController(this);
  }

  hostConnected(): void {}

  private open(): Promise<VersionStore> {
    const name = this.database();
    this.#store ??= openVersions(name, name ? globalThis.indexedDB ?? null : null).then((store) => {
      this.problem = name ? store.problem : undefined;
      this.host.requestUpdate();
      return store;
    });
    return this.#store;
  }

  async load(): Promise<void> {
    const store = await this.open();
    this.versions = await store.list().catch(() => []);
    this.host.requestUpdate();
  }

  /** Keeps a version; undefined when the store refused it. */
  async add(version: NewVersion): Promise<Version | undefined> {
    try {
      const store = await this.open();
      const kept = await store.add(version);
      await this.load();
      return kept;
    } catch {
      return undefined;
    }
  }

  find(id: string): Version | undefined {
    return this.versions.find((v) => v.id === id);
  }

  /** The newest version of a draft. */
  newestOf(draft: string): Version | undefined {
    return this.versions.find((v) => v.draft === draft);
  }

  /** The text of a file holding every version. */
  file(): string {
    return versionsFile(this.versions);
  }

  /** Adds the versions of a file's text that are not kept yet; a file with any problem adds nothing. */
  async import(text: string): Promise<ImportResult> {
    const read = readVersionsFile(text);
    if (!read.ok) return read;
    const store = await this.open();
    const known = await store.list();
    const fresh = read.versions.filter((v) => !known.some((k) => sameVersion(k, v)));
    for (const version of fresh) await store.add(version);
    await this.load();
    return { ok: true, added: fresh.length, known: read.versions.length - fresh.length };
  }
}
