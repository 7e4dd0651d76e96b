/**
 * Loading the rules an element runs, as a Lit reactive controller: from its
 * `program`, `rules`, `src` or a child `<script type="text/credit-rules">`
 * (also one that arrives after the element, or only once the document is
 * parsed). Large rules are read in a worker (`background-load.ts`), and a
 * large program is made ready to run in idle time before it is used. Only
 * the newest load counts; removing the element aborts the fetch in flight
 * and ends the worker, and connecting it again loads afresh. What it reads
 * goes to `use`; nothing the rules do reaches the host page as an exception.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Program } from '../runtime.js';
import { BackgroundLoader } from './background-load.js';
import { EXPLAINED_AT_ONCE, explainingWork } from './explained.js';
import type { Strings } from './i18n.js';
import { inIdleSlices, nextTask } from './idle.js';
import { compileText, dedent, DEFAULT_TIMEOUT, fetchRules, type LoadFailure, type Loaded } from './load.js';

type Host = ReactiveControllerHost & HTMLElement & {
  rules?: string;
  src?: string;
  program?: Program;
  loadTimeout: number;
};

export class RulesLoader implements ReactiveController {
  #token = 0;
  /** Aborts the fetch in flight: removing the element, or newer rules, make its answer unwanted. */
  #abort?: AbortController;
  /** A load was cut short by removing the element: connecting it again loads afresh. */
  #interrupted = false;
  #observer?: MutationObserver;
  /** Waiting for the document to be parsed, in case rules come in a child script. */
  #awaitingDocument = false;
  /**
   * Reads large rules off the main thread; its worker starts only when large rules come. A
   * server renders without one. (Imported statically: importing it on demand split the
   * runtime the parser chunk shares into a chunk of its own, and cost more than it saved.)
   */
  readonly #background = isServer ? undefined : new BackgroundLoader();

  /**
   * `use` takes what was loaded; `settled` tells whether rules (or a failure
   * to show) are already in use; `t` gives the messages in the element's language.
   */
  constructor(
    private readonly host: Host,
    private readonly use: (loaded: Loaded) => void,
    private readonly settled: () => { program: boolean; failure: boolean },
    private readonly t: () => Strings,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const host = this.host;
    // A child script added after the element (streaming HTML, frameworks) still counts.
    this.#observer = new MutationObserver(() => {
      if (!this.settled().program && !host.rules && !host.src && !host.program && this.#script()) void this.load();
    });
    this.#observer.observe(host, { childList: true, subtree: true, characterData: true });
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.load();
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#background?.stop();
    // Nothing may arrive for an element that left the page: no late render, no event.
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#token++;
      this.#interrupted = true;
    }
  }

  async load(): Promise<void> {
    const token = ++this.#token;
    this.#abort?.abort();
    this.#background?.cancel();
    const abort = (this.#abort = new AbortController());
    let loaded: Loaded | undefined;
    try {
      // Rules at hand (a program, a text compiled at once) are used in this task: a server renders the element once, without waiting.
      const read = this.#read(abort.signal);
      loaded = read instanceof Promise ? await read : read;
      // What was read (fetched, compiled) is drawn in a task of its own: together, the first time a
      // page runs them, reading a program and drawing its form were one long task.
      if (read instanceof Promise && !isServer) await nextTask();
    } catch (error) {
      loaded = this.unforeseen(error);
    }
    if (token !== this.#token) return; // newer rules, or the element was removed
    this.#abort = undefined;
    if (!loaded) return; // the observer retries when the script arrives
    if (loaded.ok && !isServer && explainingWork(loaded.program) > EXPLAINED_AT_ONCE) {
      // Its plan and compiled expressions are made a few hundred rules per idle task, not in the
      // task of its first evaluation (which for thousands of tiers took a tenth of a second).
      // Newer rules abandon it, and this load with it.
      await new Promise<void>((ready) => inIdleSlices(loaded.program.prepare(), () => token === this.#token, () => ready()));
      // Its form is drawn in a task of its own, not in the idle task that made the plan's last part.
      await nextTask();
      if (token !== this.#token) return;
    }
    try {
      this.use(loaded);
    } catch (error) {
      // Nothing the rules do may reach the host page: an unforeseen failure is shown like any other.
      this.use(this.unforeseen(error));
    }
  }

  /** A failure nobody foresaw, as a load failure the element shows. */
  unforeseen(error: unknown): LoadFailure {
    return { ok: false, kind: 'load', message: this.t().loadFailed(String((error as Error)?.message ?? error)), diagnostics: [] };
  }

  #script(): HTMLScriptElement | null {
    return this.host.querySelector('script[type="text/credit-rules"]');
  }

  #read(signal: AbortSignal): Promise<Loaded | undefined> | Loaded | undefined {
    const host = this.host;
    if (host.program) return { ok: true, program: host.program };
    const t = this.t();
    const script = this.#script();
    const background = this.#background;
    if (host.rules) return compileText(dedent(host.rules), t, background);
    if (host.src) return fetchRules(new URL(host.src, document.baseURI).href, t, signal, host.loadTimeout > 0 ? host.loadTimeout : DEFAULT_TIMEOUT, background);
    if (script?.textContent?.trim()) return compileText(dedent(script.textContent), t, background);
    if (document.readyState === 'loading') {
      // A child script may still come; if none has by the end of parsing, that is said.
      if (!this.#awaitingDocument) {
        this.#awaitingDocument = true;
        document.addEventListener('DOMContentLoaded', () => {
          const { program, failure } = this.settled();
          if (host.isConnected && !program && !failure && !this.#abort) void this.load();
        }, { once: true });
      }
      return undefined;
    }
    return { ok: false, kind: 'load', message: t.noRules, diagnostics: [] };
  }
}
