/**
 * Work done off the main thread by a module worker that answers only the
 * newest request: a request made while the worker is busy waits, and only
 * the newest waits, so the worker never does work already replaced; an
 * answer to a request that is no longer the newest is dropped, never read.
 * The answer is read on the page a step at a time in idle slices, so a large
 * one makes no long task either. Where no worker can start (no `Worker`, a
 * script from another origin, a policy that forbids it, a bundler that did
 * not emit the file) or the worker fails, the work is done on the page
 * instead: the same result, on the main thread. The playground compiles its
 * large drafts this way, the calculator its large rules.
 */
import { inIdleSlices } from './idle.js';

/** A request or its answer, with the request's number, so that an answer to a replaced request is known. */
export interface Envelope<T> {
  readonly id: number;
  readonly body: T;
}

/** What the caller gives: how to start its worker, how to do the work on the page, how to read the worker's answer. */
export interface WorkerJob<Input, Answer, Result> {
  /**
   * Starts the worker. Write it at the call site literally as
   * `new Worker(new URL('./x.js', import.meta.url), { type: 'module' })`:
   * that is the form bundlers find and emit the worker's file for.
   */
  readonly start: () => Worker;
  /** The same work, done on the page; `wanted()` turns false once newer work, `cancel` or `stop` replaced it. */
  readonly onPage: (input: Input, wanted: () => boolean) => Result | Promise<Result>;
  /** The worker's answer as the result, one short step per `next()`. */
  readonly read: (answer: Answer, input: Input) => Generator<void, Result, void>;
}

/** The reason a request's promise is rejected when a newer request, `cancel` or `stop` replaced it. */
export class Superseded extends Error {
  constructor() {
    super('replaced by newer work');
    this.name = 'Superseded';
  }
}

interface Request<Input, Result> {
  readonly id: number;
  readonly input: Input;
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

export class NewestOnlyWorker<Input, Answer, Result> {
  /** Undefined until first needed; null once a worker could not start or failed: all work is then done on the page. */
  #worker: Worker | null | undefined = undefined;
  /** The number of the newest request. */
  #newest = 0;
  #running?: Request<Input, Result>;
  #waiting?: Request<Input, Result>;

  constructor(private readonly job: WorkerJob<Input, Answer, Result>) {}

  /** The result for `input`; rejected with `Superseded` when a newer request, `cancel` or `stop` comes first. */
  run(input: Input): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const request = { id: ++this.#newest, input, resolve, reject };
      const worker = this.#start();
      if (!worker) return void queueMicrotask(() => void this.#onPage(request));
      if (this.#running) {
        this.#waiting?.reject(new Superseded());
        this.#waiting = request;
      } else this.#post(worker, request);
    });
  }

  /** Drops every answer not yet given. */
  cancel(): void {
    this.#newest++;
    this.#waiting?.reject(new Superseded());
    this.#waiting = undefined;
  }

  /** Ends the worker; every answer not yet given is dropped. The next request starts a new one. */
  stop(): void {
    this.cancel();
    this.#running?.reject(new Superseded());
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#running = undefined;
  }

  #start(): Worker | null {
    if (this.#worker !== undefined) return this.#worker;
    try {
      const worker = this.job.start();
      worker.addEventListener('message', (event: MessageEvent<Envelope<Answer>>) => this.#answered(event.data));
      // Handled (the work is done on the page), so not reported as an uncaught error.
      const failed = (event: Event) => {
        event.preventDefault();
        this.#failed();
      };
      worker.addEventListener('error', failed);
      worker.addEventListener('messageerror', failed);
      return (this.#worker = worker);
    } catch {
      // No `Worker`, a script from another origin (SecurityError), a policy that forbids it.
      return (this.#worker = null);
    }
  }

  #post(worker: Worker, request: Request<Input, Result>): void {
    this.#running = request;
    worker.postMessage({ id: request.id, body: request.input } satisfies Envelope<Input>);
  }

  #answered(answer: Envelope<Answer>): void {
    const request = this.#running;
    this.#running = undefined;
    if (this.#waiting && this.#worker) {
      this.#post(this.#worker, this.#waiting);
      this.#waiting = undefined;
    }
    if (!request || request.id !== answer.id) return;
    const wanted = () => {
      if (request.id === this.#newest) return true;
      request.reject(new Superseded());
      return false;
    };
    // An answer that cannot be read (never expected: it is the caller's own worker's) is worked out on the page instead.
    inIdleSlices(this.job.read(answer.body, request.input), wanted, (result) => {
      if (result === undefined) void this.#onPage(request);
      else this.#finish(request, result);
    });
  }

  /** The worker could not load or broke: the newest request it held is done on the page, and so is all work after. */
  #failed(): void {
    const held = [this.#running, this.#waiting];
    this.#worker?.terminate();
    this.#worker = null;
    this.#running = this.#waiting = undefined;
    for (const request of held) if (request) void this.#onPage(request);
  }

  async #onPage(request: Request<Input, Result>): Promise<void> {
    if (request.id !== this.#newest) return request.reject(new Superseded());
    try {
      this.#finish(request, await this.job.onPage(request.input, () => request.id === this.#newest));
    } catch (error) {
      request.reject(error);
    }
  }

  #finish(request: Request<Input, Result>, result: Result): void {
    if (request.id === this.#newest) request.resolve(result);
    else request.reject(new Superseded());
  }
}

/**
 * Work done on the page in idle slices (`steps`, a generator that yields
 * between them), for a job's `onPage`: rejected with `Superseded` once it is
 * no longer `wanted` (newer work, or the element left the page).
 */
export function inIdleTime<T>(steps: Generator<void, T, void>, wanted: () => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const going = () => wanted() || (reject(new Superseded()), false);
    inIdleSlices(steps, going, (result) => (result !== undefined ? resolve(result) : reject(new Error('the work on the page failed'))));
  });
}

/** In the worker: answers each request with `work`'s answer, in the order they come. */
export function answerRequests<Input, Answer>(work: (input: Input) => Answer): void {
  addEventListener('message', (event: MessageEvent<Envelope<Input>>) => {
    const { id, body } = event.data;
    postMessage({ id, body: work(body) } satisfies Envelope<Answer>);
  });
}
