/**
 * Compiling a large draft off the main thread, so that typing stays fluent
 * however long the rules are: a module worker (`compile-worker.ts`, from the
 * page's own origin, so a policy of `script-src 'self'` allows it) compiles
 * one text at a time; a text typed while it works waits, and only the newest
 * waits, so the worker never compiles a text already replaced. An answer for
 * a text that is no longer the newest is dropped, never shown. Where no
 * worker can start (no `Worker`, a policy that forbids it, a bundler that did
 * not emit the file), the text is compiled on the page instead.
 */
import { compile, Program, type CompileResult, type Diagnostic, type PrecompiledProgram } from '../index.js';
import { inIdleSlices } from '../widget/idle.js';
import { fromPieces, type JsonPieces } from './json-pieces.js';

/**
 * Texts at least this long are compiled in the worker. Below it a compile
 * stays well under a long task's 50 ms (13,500 characters, 300 lines: about
 * 13 ms in Chromium, `npm run bench`), and is shown in the keystroke's frame.
 */
export const BACKGROUND_LENGTH = 20_000;

export interface CompileRequest {
  readonly id: number;
  readonly source: string;
}

/**
 * The worker's answer. The diagnostics and the checked program travel as
 * JSON, which the page reads with `JSON.parse` in about a third of the time
 * a structured clone of the same many small objects takes to arrive (the
 * 4,974 warnings and the program of a 4,990-tier block); all of it is plain
 * data. The JSON comes in pieces of `PIECE` array items, which the page
 * parses in idle time, a few at a time, so no one task of its main thread
 * takes long. The preview key, one long string, travels as it is.
 */
export interface CompileReply {
  readonly id: number;
  /** The `Diagnostic[]`. */
  readonly diagnostics: JsonPieces;
  /** The checked program (`PrecompiledProgram`), when the text has no errors, and its `previewKey`. */
  readonly checked?: JsonPieces;
  readonly previewKey?: string;
}

/** Array items per piece of the answer: about 100 kB of JSON, a few milliseconds to parse. */
export const PIECE = 250;

/** A compile's result, and the program's preview key when the worker made it. */
export type Compiled = CompileResult & { readonly previewKey?: string };

export class BackgroundCompiler {
  /** Null once a worker could not start or failed: every text is then compiled on the page. */
  private worker: Worker | null | undefined = undefined;
  /** The id of the newest text asked for. */
  private newest = 0;
  private running?: CompileRequest;
  private waiting?: CompileRequest;

  constructor(private readonly done: (source: string, result: Compiled) => void) {}

  /** Starts compiling `source`; `done` is called with its result unless a newer text is asked for first. */
  compile(source: string): void {
    const request = { id: ++this.newest, source };
    const worker = this.start();
    if (!worker) return void queueMicrotask(() => this.finish(request, compile(source)));
    if (this.running) this.waiting = request;
    else this.post(worker, request);
  }

  /** Drops every answer not yet given: the text shown is already compiled. */
  cancel(): void {
    this.newest++;
    this.waiting = undefined;
  }

  stop(): void {
    // An answer still being read is dropped too.
    this.newest++;
    this.worker?.terminate();
    this.worker = undefined;
    this.running = this.waiting = undefined;
  }

  private start(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = new Worker(new URL('./compile-worker.js', import.meta.url), { type: 'module', name: 'credit-rules compiler' });
      worker.addEventListener('message', (event: MessageEvent<CompileReply>) => this.answered(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.failed();
      });
      return (this.worker = worker);
    } catch {
      return (this.worker = null);
    }
  }

  private post(worker: Worker, request: CompileRequest): void {
    this.running = request;
    worker.postMessage(request);
  }

  private answered(reply: CompileReply): void {
    const request = this.running;
    this.running = undefined;
    if (this.waiting && this.worker) {
      this.post(this.worker, this.waiting);
      this.waiting = undefined;
    }
    if (!request || request.id !== reply.id) return;
    // Read in idle time, a few pieces at a time; dropped as soon as a newer text is asked for.
    // An answer that cannot be read (never expected: it is this module's worker's) is compiled here instead.
    inIdleSlices(read(reply), () => request.id === this.newest, (result) => this.finish(request, result ?? compile(request.source)));
  }

  /** The worker could not load or broke: the texts it held are compiled here, and so is every text after. */
  private failed(): void {
    const newest = [this.running, this.waiting].find((r) => r?.id === this.newest);
    this.worker?.terminate();
    this.worker = null;
    this.running = this.waiting = undefined;
    if (newest) this.finish(newest, compile(newest.source));
  }

  private finish(request: CompileRequest, result: Compiled): void {
    if (request.id === this.newest) this.done(request.source, result);
  }
}

/** The worker's answer as a compile's result, read piece by piece. */
function* read(reply: CompileReply): Generator<void, Compiled, void> {
  const diagnostics = (yield* fromPieces(reply.diagnostics)) as Diagnostic[];
  if (reply.checked === undefined) return { diagnostics };
  yield;
  const checked = (yield* fromPieces(reply.checked)) as PrecompiledProgram;
  yield;
  return { diagnostics, program: new Program(checked, diagnostics), ...(reply.previewKey !== undefined ? { previewKey: reply.previewKey } : {}) };
}
