/**
 * From keystroke to preview, as a Lit controller: one compile per frame
 * however fast the typing (the host's `compile`, at the next animation
 * frame), and the `performance.measure` entries a benchmark reads:
 * `credit-playground:compile` (compile and underlines), `…:preview` (the
 * panes and the calculator re-rendered), `…:keystroke` (from the first edit
 * not yet compiled to the preview, waiting for the frame included), and in
 * idle time `…:examples` and `…:clause`. Removed from the page, the host
 * compiles a pending edit itself and cancels the frame.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Names of the `performance` marks and measures, for benchmarks. */
export const MEASURES = {
  compile: 'credit-playground:compile',
  preview: 'credit-playground:preview',
  keystroke: 'credit-playground:keystroke',
  examples: 'credit-playground:examples',
  clause: 'credit-playground:clause',
} as const;

/** Does `work` and measures it under `name`. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const done = work();
  performance.measure(name, { start, end: performance.now() });
  return done;
}

export class KeystrokeController implements ReactiveController {
  #frame = 0;
  /** When the first edit not yet compiled happened: the start of `…:keystroke`. */
  #editedAt?: number;

  constructor(host: ReactiveControllerHost, private readonly compile: () => void) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** An edit waits for its frame's compile. */
  get pending(): boolean {
    return this.#frame !== 0;
  }

  /** The text was edited: it is compiled at the next frame (one compile however many edits come before it). */
  schedule(): void {
    this.#editedAt ??= performance.now();
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.compile();
    });
  }

  /** The host compiles now: the frame's compile is not wanted. */
  cancel(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** When the first edit of the text being compiled happened; forgotten once read. */
  takeEditedAt(): number | undefined {
    const editedAt = this.#editedAt;
    this.#editedAt = undefined;
    return editedAt;
  }

  /**
   * Measures a compile that began at `start` and ended now, then the
   * re-render it started (`rendered`: the panes and the calculator), and from
   * its first edit to that re-render.
   */
  measure(start: number, editedAt: number | undefined, rendered: () => Promise<unknown>): void {
    const compiled = performance.now();
    performance.measure(MEASURES.compile, { start, end: compiled });
    void rendered().then(() => {
      const end = performance.now();
      performance.measure(MEASURES.preview, { start: compiled, end });
      if (editedAt !== undefined) performance.measure(MEASURES.keystroke, { start: editedAt, end });
    });
  }
}
