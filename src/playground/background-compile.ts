/**
 * Compiling a large draft off the main thread, so that typing stays fluent
 * however long the rules are: a module worker (`compile-worker.ts`, from the
 * page's own origin, so a policy of `script-src 'self'` allows it) compiles
 * the newest text only (`newest-worker.ts`): a text typed while it works
 * waits, an answer for a text already replaced is dropped, never shown.
 * Where no worker can start (no `Worker`, a policy that forbids it, a
 * bundler that did not emit the file), the text is compiled on the page, in
 * idle slices (`compileInSteps`: lexing, parsing, the tree, each check and
 * each kind of drafting warning a step).
 */
import { compileInSteps, Program, type CompileResult } from '../index.js';
import { readAnswer, type CompiledAnswer } from '../widget/compiled-answer.js';
import { inIdleTime, NewestOnlyWorker, Superseded } from '../widget/newest-worker.js';

export { BACKGROUND_LENGTH } from '../widget/load.js';

/**
 * The worker's answer: the diagnostics and checked program in pieces, and
 * the program's preview key (a large program's key is a long JSON text,
 * better made in the worker than on the page), which travels as it is.
 */
export type CompileAnswer = CompiledAnswer & { readonly previewKey?: string };

/** A compile's result, and the program's preview key when the worker made it. */
export type Compiled = CompileResult & { readonly previewKey?: string };

export class BackgroundCompiler {
  readonly #worker = new NewestOnlyWorker<string, CompileAnswer, Compiled>({
    start: () => new Worker(new URL('./compile-worker.js', import.meta.url), { type: 'module', name: 'credit-rules compiler' }),
    onPage: (source, wanted) => inIdleTime(compileInSteps(source), wanted),
    read: function* (answer) {
      const result = yield* readAnswer(answer, (checked, diagnostics) => new Program(checked, diagnostics));
      return answer.previewKey !== undefined ? { ...result, previewKey: answer.previewKey } : result;
    },
  });

  constructor(private readonly done: (source: string, result: Compiled) => void) {}

  /** Starts compiling `source`; `done` is called with its result unless a newer text is asked for first. */
  compile(source: string): void {
    this.#worker.run(source).then((result) => this.done(source, result), (error: unknown) => {
      if (!(error instanceof Superseded)) throw error;
    });
  }

  /** Drops every answer not yet given: the text shown is already compiled. */
  cancel(): void {
    this.#worker.cancel();
  }

  stop(): void {
    this.#worker.stop();
  }
}
