/**
 * The work a keystroke's frame must not wait for, as a Lit controller: one
 * task at a time in idle time (a plain task where the browser has no idle
 * callbacks), told which of the lazy panes (`[data-pane]`: the examples and
 * the clause) are in view or nearly, so only those are worked out; a pane
 * that scrolls into view starts a task then. What the task does is the
 * host's. Removed from the page, it stops watching and drops the task; put
 * back, it watches the panes again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The panes whose content is computed only while they are in view. */
export type LazyPane = 'examples' | 'clause';

export interface LazyPanesHost extends ReactiveControllerHost {
  readonly renderRoot: ParentNode;
  readonly hasUpdated: boolean;
}

/** Idle time where the browser has it; a plain task elsewhere. */
const whenIdle = (task: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 300 }) : window.setTimeout(task);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);

export class LazyPanesController implements ReactiveController {
  readonly #inView = new Set<LazyPane>();
  #observer?: IntersectionObserver;
  #task = 0;

  /** `work` runs in idle time, with the panes then in view. */
  constructor(private readonly host: LazyPanesHost, private readonly work: (inView: ReadonlySet<LazyPane>) => void) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page: the panes are watched again (the first time, the host calls `observe` after its first render).
    if (this.host.hasUpdated) this.observe();
  }

  hostDisconnected(): void {
    cancelIdle(this.#task);
    this.#task = 0;
    this.#observer?.disconnect();
  }

  /** Watches which of the lazy panes are in view (or nearly), and starts a task when one comes into view. */
  observe(): void {
    this.#observer?.disconnect();
    if (typeof IntersectionObserver !== 'function') {
      // Without the observer, every pane counts as in view.
      this.#inView.add('examples').add('clause');
      return;
    }
    this.#observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const pane = (entry.target as HTMLElement).dataset.pane as LazyPane;
        if (entry.isIntersecting) this.#inView.add(pane);
        else this.#inView.delete(pane);
      }
      this.schedule();
    }, { rootMargin: '200px' });
    for (const pane of this.host.renderRoot.querySelectorAll('[data-pane]')) this.#observer.observe(pane);
  }

  /** Runs the work in idle time, unless a task is waiting already: it will read the newest state when it runs. */
  schedule(): void {
    if (this.#task) return;
    this.#task = whenIdle(() => {
      this.#task = 0;
      this.work(this.#inView);
    });
  }
}
