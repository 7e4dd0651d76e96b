/**
 * The answer of a worker that compiles rules or loads a program (the
 * playground's and the calculator's): the diagnostics and, without errors,
 * the checked program as plain data (`Program.toJSON()`), from which the
 * page builds its `Program` without parsing or checking again — the worker
 * did, with the same `compile` or `loadProgram` the page would have run.
 * Both travel as JSON, which the page reads with `JSON.parse` in about a
 * third of the time a structured clone of the same many small objects takes
 * to arrive (the 4,974 warnings and the program of a 4,990-tier block), and
 * in pieces of `PIECE` array items (`json-pieces.ts`), read a few at a time
 * in idle slices, so that no one task of the page takes long.
 */
import type { Diagnostic, PrecompiledProgram } from '../runtime.js';
import { fromPieces, toPieces, type JsonPieces } from './json-pieces.js';

/** Array items per piece of the answer: about 100 kB of JSON, a few milliseconds to parse. */
export const PIECE = 250;

export interface CompiledAnswer {
  /** The `Diagnostic[]`. */
  readonly diagnostics: JsonPieces;
  /** The checked program (`PrecompiledProgram`), when there are no errors. */
  readonly checked?: JsonPieces;
}

/** In the worker: a compile's or a load's result as the answer. */
export function answerOf(result: { readonly diagnostics: readonly Diagnostic[]; readonly program?: { toJSON(): PrecompiledProgram } }): CompiledAnswer {
  const diagnostics = toPieces(result.diagnostics, PIECE);
  return result.program ? { diagnostics, checked: toPieces(result.program.toJSON(), PIECE) } : { diagnostics };
}

/**
 * On the page: the answer read back piece by piece, its program made by
 * `make` — the same constructor `compile` and `loadProgram` call once they
 * have checked the program, which the worker did.
 */
export function* readAnswer<P>(answer: CompiledAnswer, make: (checked: PrecompiledProgram, diagnostics: Diagnostic[]) => P): Generator<void, { diagnostics: readonly Diagnostic[]; program?: P }, void> {
  const diagnostics = (yield* fromPieces(answer.diagnostics)) as Diagnostic[];
  if (answer.checked === undefined) return { diagnostics };
  yield;
  const checked = (yield* fromPieces(answer.checked)) as PrecompiledProgram;
  yield;
  return { diagnostics, program: make(checked, diagnostics) };
}
