/**
 * A worker thread of `credit-rules batch --jobs N` (`parallel.ts`): runs the
 * pieces it is given through a `Batch` of its own, as `runBatch` would run
 * them, and answers with their output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planFixed } from '../language/evaluate/fixed.js';
import { loadProgram, Program } from '../language/program.js';
import { Batch } from './batch.js';
import { CsvReader } from './csv.js';
import type { PieceResult, PieceTask, WorkerSetup } from './parallel.js';

const setup = workerData as WorkerSetup;
// Billing needs the fast path alone: no parser, clauses or examples to load in each worker.
const loaded = loadProgram(setup.program, (checked) => new Program(checked, [], planFixed));
const header = headerFields(setup.header);

parentPort!.on('message', (task: PieceTask) => {
  const result = loaded.program ? runPiece(loaded.program, task) : failure(loaded.diagnostics[0]?.message ?? 'the program cannot be loaded');
  // The output handed over rather than copied.
  parentPort!.postMessage(result, [result.output.buffer as ArrayBuffer]);
});

function runPiece(program: Program, task: PieceTask): PieceResult {
  const parts: Uint8Array[] = [];
  const errors: (number | string)[] = [];
  const batch = new Batch(program, { onError: (line, message) => errors.push(line, message), ...(setup.run ? { run: setup.run } : {}) }, (bytes) => parts.push(bytes));
  batch.continueAfter(header);
  const reader = batch.reader({ line: task.line });
  // A piece ends at a line break: no character is cut in two.
  reader.push(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.length).toString('utf8'));
  const clean = reader.betweenRecords;
  if (task.final) reader.end();
  batch.finish();
  batch.flush();
  // One buffer of its own, to be handed over rather than copied.
  const output = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    output.set(part, at);
    at += part.length;
  }
  return { output, errors, rows: batch.rows, failed: batch.failed, customers: [...batch.done.keys()], lastLines: [...batch.done.values()], clean: clean || task.final };
}

function headerFields(text: string): string[] {
  let fields: string[] = [];
  const reader = new CsvReader((f) => (fields = [...f]), () => undefined);
  reader.push(text);
  reader.end();
  return fields;
}

function failure(message: string): PieceResult {
  return { output: new Uint8Array(0), errors: [], rows: 0, failed: 0, customers: [], lastLines: [], clean: false, failure: message };
}
