/**
 * Writes a whole file in place of another, as `fmt --write` and
 * `render --docx` do: through `openOutputFile`, so the file is replaced whole
 * or not at all, and a link, a FIFO or a read-only file is handled as `batch
 * --out` handles it.
 */
import type { CommandContext } from './context.js';
import { openOutputFile, OutputFileError } from './output-file.js';

export async function writeWhole(file: string, data: string | Uint8Array, context: Pick<CommandContext, 'fail'>): Promise<void> {
  let output: ReturnType<typeof openOutputFile>;
  try {
    output = openOutputFile(file);
  } catch (error) {
    throw error instanceof OutputFileError ? context.fail(error.message) : error;
  }
  try {
    output.stream.write(data);
    await output.commit();
  } catch (error) {
    output.discard();
    throw context.fail(`${file}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
