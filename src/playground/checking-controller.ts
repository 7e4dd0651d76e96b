/**
 * The hand-over of a large draft to the compile worker, as a Lit controller:
 * it sends the text (`background-compile.ts` keeps only the newest), says
 * whether a text is being checked (the problems pane's "Checking…" and
 * `aria-busy`), remembers the edit the text carries — whether the user made
 * it, and when its first keystroke and its compile began, for the
 * `…:keystroke` measure — and gives the host the answer only while it is
 * the editor's text. Removed from the page, it stops the worker.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BackgroundCompiler, type Compiled } from './background-compile.js';

/** What an answer carries back: whether the text was the user's edit, and when it began. */
export interface Edit {
  readonly edited: boolean;
  readonly editedAt: number | undefined;
  readonly start: number;
}

export class CheckingController implements ReactiveController {
  /** A text is being compiled in the worker: the panes show an older one. */
  checking = false;
  /** The edit of the text in the worker. */
  #edit?: Edit;
  readonly #compiler = new BackgroundCompiler((source, result) => this.#answered(source, result));

  /**
   * `current` gives the editor's text (an answer for another text is
   * dropped: its frame sends the newer one); `show` receives an answer.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => string | undefined,
    private readonly show: (source: string, result: Compiled, edit: Edit) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#compiler.stop();
    this.#edit = undefined;
    this.#set(false);
  }

  /** Sends `source` to the worker. Texts typed while it is busy join the edit: its first keystroke is where `…:keystroke` starts. */
  check(source: string, edit: Edit): void {
    const before = this.#edit;
    this.#edit = { edited: edit.edited || before?.edited === true, editedAt: before?.editedAt ?? edit.editedAt, start: edit.start };
    this.#set(true);
    this.#compiler.compile(source);
  }

  /** The text shown is compiled already: an answer still to come is dropped. */
  stop(): void {
    if (!this.checking) return;
    this.#compiler.cancel();
    this.#edit = undefined;
    this.#set(false);
  }

  #answered(source: string, result: Compiled): void {
    if (source !== this.current()) return;
    const edit = this.#edit;
    this.#edit = undefined;
    this.#set(false);
    this.show(source, result, edit ?? { edited: false, editedAt: undefined, start: performance.now() });
  }

  #set(checking: boolean): void {
    if (this.checking === checking) return;
    this.checking = checking;
    this.host.requestUpdate();
  }
}
