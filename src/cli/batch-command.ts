/**
 * `credit-rules batch`: credits for a CSV or Parquet file of customer-months,
 * computed by the Node batch (in one thread or in worker threads) or by the
 * generated query in DuckDB, written to stdout or whole to OUT.
 */
import { createReadStream, openSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { runBatch } from './batch.js';
import { fileError, UsageError, type CommandContext, type Io } from './context.js';
import { runDuckdbBatch } from './duckdb-batch.js';
import { openOutputFile, OutputFileError, type OutputFile } from './output-file.js';
import { runInParallel } from './parallel.js';
import { isParquet, ParquetError, parquetBatch } from './parquet-batch.js';
import { copyResult, ResultFileError, type Destination } from './result-file.js';
import type { Engine } from './sql-command.js';

/** The default is at most this many worker threads: one thread reads, cuts and writes for them all, so more gain little. */
export const MAX_JOBS = 8;

/** Opens IN for reading now, so that a missing file is one clear line rather than a stream error later. */
function openInput(file: string, io: Io): Readable {
  if (file === '-') return io.stdin ?? process.stdin;
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    return createReadStream(file, { fd: openSync(file, 'r'), highWaterMark: 1 << 20 });
  } catch (error) {
    throw fileError(file, error);
  }
}

export interface BatchSettings {
  readonly csv: string | undefined;
  readonly parquet?: string;
  readonly out: string | undefined;
  readonly jobs: number;
  readonly formulaGuard: boolean;
  readonly engine: Engine;
}

/**
 * Runs a batch. With --out, OUT is written whole or not at all (see
 * `openOutputFile`). Output that cannot all be written — a full disk, or a
 * reader that went away (`batch … | head`) — stops the batch with exit code
 * 2: billing must not take a cut-short output for a whole one.
 */
export async function batch(file: string, { csv, parquet, out, jobs, formulaGuard, engine }: BatchSettings, io: Io, context: CommandContext): Promise<number> {
  if (csv !== undefined && parquet !== undefined) throw new UsageError('batch reads one file: --csv IN or --parquet IN, not both');
  if (csv === undefined && parquet === undefined) throw new UsageError('batch needs --csv IN, the CSV file of customer-months (see credit-rules batch --help)');
  if (engine === 'duckdb' && csv === '-') throw new UsageError('--engine duckdb reads IN as a file, not stdin');
  if (isParquet(out) && engine !== 'duckdb' && parquet === undefined) throw new UsageError('--out OUT.parquet is written by --engine duckdb (or from --parquet IN)');
  const program = context.load(file);
  if (!program) return 1;
  const name = parquet ?? (csv === '-' ? '<stdin>' : csv!);
  const input = csv === undefined ? undefined : openInput(csv, io);
  const parquetOut = isParquet(out) ? out : undefined;
  let outFile: OutputFile | undefined;
  try {
    outFile = out === undefined ? undefined : openOutputFile(out);
  } catch (error) {
    input?.destroy();
    throw error instanceof OutputFileError ? new UsageError(error.message) : error;
  }
  const output: Writable = outFile?.stream ?? io.stdout ?? process.stdout;
  // The output's own error, whatever error reaches the catch below (the batch may stop on its consequence);
  // a stream destroyed with an error holds it in `errored` before the event is emitted.
  let outputError: Error | undefined;
  output.on('error', (error: Error) => (outputError ??= error));
  // DuckDB writes OUT's temporary file itself; anything else it writes through the stream.
  const destination: Destination = outFile?.temporary ? { file: outFile.temporary } : { stream: output };
  const format = parquetOut ? 'parquet' : 'csv';
  try {
    const options = { formulaGuard, onError: (line: number, message: string) => io.err(`${name}:${line}: error: ${message}`) };
    if (parquet !== undefined) {
      const result = await parquetBatch(program, parquet, (connection) => copyResult(connection, 'result', destination, format, formulaGuard));
      for (const failed of result.failed) options.onError(failed.line, failed.error);
      if (outFile) await outFile.commit();
      else await written(output);
      if (result.failed.length > 0) io.err(`credit-rules: ${result.failed.length} of ${result.rows} rows failed`);
      return result.failed.length > 0 ? 1 : 0;
    }
    const inDuckdb = engine === 'duckdb' ? await runDuckdbBatch(program, csv!, destination, formulaGuard, format) : undefined;
    if (parquetOut && inDuckdb && 'reason' in inDuckdb) throw new UsageError(`${out}: Parquet is written only when DuckDB computes every row, and ${name} is for the Node batch (${inDuckdb.reason})`);
    const outcome =
      inDuckdb && !('reason' in inDuckdb)
        ? inDuckdb
        : jobs > 1
        ? await runInParallel(program, input!, output, options, { jobs, program: JSON.stringify(program.toJSON()), worker: new URL('./batch-worker.js', import.meta.url) })
        : await runBatch(program, input!, output, options);
    if (!outcome.ok) throw new UsageError(`${name}: ${outcome.message}`);
    if (outFile) await outFile.commit();
    else await written(output);
    if (outcome.failed > 0) io.err(`credit-rules: ${outcome.failed} of ${outcome.rows} rows failed`);
    return outcome.failed > 0 ? 1 : 0;
  } catch (error) {
    input?.destroy();
    outFile?.discard();
    const failed = outputError ?? output.errored;
    if (failed) throw new UsageError(outputFailure(out ?? '<stdout>', failed));
    if (error instanceof UsageError) throw error;
    if (error instanceof ParquetError) throw new UsageError(error.message);
    if (error instanceof ResultFileError) throw new UsageError(`${out ?? '<stdout>'}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new UsageError(`${name}: the batch stopped: ${code}`);
    throw error;
  }
}

/** Resolves once everything written to `stream` is out; rejects if it could not be. */
function written(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => stream.write(new Uint8Array(0), (error) => (error ? reject(error) : resolve())));
}

function outputFailure(out: string, error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EPIPE') return `${out}: the reader went away before the output was complete (broken pipe)`;
  return `${out}: cannot be written (${code ?? error.message})`;
}

export function jobCount(value: string | undefined): number {
  if (value === undefined) return Math.min(availableParallelism(), MAX_JOBS);
  const jobs = /^[0-9]+$/.test(value) ? Number(value) : 0;
  if (jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${value}"`);
  return jobs;
}
