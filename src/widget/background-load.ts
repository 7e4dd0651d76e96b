/**
 * Reading large rules off the main thread, for one element: rules text of
 * `BACKGROUND_LENGTH` characters or more is compiled, and a precompiled
 * program of `BACKGROUND_JSON` characters or more is read and verified
 * (both in `load.ts`), in a
 * module worker (`load-worker.ts`) that runs the same `compile` and
 * `loadProgram` the page would; the page then only builds the `Program` from
 * its answer, in idle slices. Only the newest request is answered
 * (`newest-worker.ts`). Where no worker can start — no `Worker`, the
 * standalone script served from another origin than the page, a policy that
 * forbids workers, a bundler that did not emit the file — or it fails, the
 * page does the work itself, in idle slices (`inIdleTime`).
 */
import { loadProgramInSteps, Program, type LoadResult } from '../runtime.js';
import { readAnswer, type CompiledAnswer } from './compiled-answer.js';
import { inIdleTime, NewestOnlyWorker } from './newest-worker.js';

/** Rules text to compile, or the JSON text of a precompiled program to read. */
export type LoadRequest = { readonly rules: string } | { readonly program: string };

export class BackgroundLoader {
  readonly #worker = new NewestOnlyWorker<LoadRequest, CompiledAnswer, LoadResult>({
    start: () => new Worker(new URL('./load-worker.js', import.meta.url), { type: 'module', name: 'credit-rules loader' }),
    // On the page, in idle slices: a program's JSON parsed, read and checked, then planned a few hundred rules
    // at a time (its 2.4 MB of 4,990 tiers had been one task of about 0.2 s); rules text lexed, parsed, built
    // into a tree and checked, each a step (one task of 0.2–0.3 s before; parsing is still one).
    onPage: async (request, wanted) => inIdleTime('rules' in request ? (await import('../compiler.js')).compileInSteps(request.rules) : loadProgramInSteps(request.program), wanted),
    read: (answer) => readAnswer(answer, (checked, diagnostics) => new Program(checked, diagnostics)),
  });

  /** The rules compiled or the program loaded; rejected with `Superseded` once newer rules or `cancel`/`stop` came. */
  run(request: LoadRequest): Promise<LoadResult> {
    return this.#worker.run(request);
  }

  /** Drops the answer not yet given: other rules replace these. */
  cancel(): void {
    this.#worker.cancel();
  }

  /** The element left the page: the worker ends, its answer is dropped. */
  stop(): void {
    this.#worker.stop();
  }
}
