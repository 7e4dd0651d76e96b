/**
 * `credit-rules render FILE --docx OUT.docx [--lang en|de]`: the clause as a
 * Word document (src/clause-export/docx.ts), written whole or not at all. The
 * exporter and its library load only for this command.
 */
import type { ExampleResult, Lang, Program } from '../index.js';
import type { CommandContext } from './context.js';
import { writeWhole } from './write-file.js';

/** Writes the document; the examples' results, run once by the caller, are what its worked examples state. */
export async function renderDocx(program: Program, out: string, lang: Lang, examples: readonly ExampleResult[], context: CommandContext): Promise<void> {
  const { clauseDocx } = await import('../clause-export/docx.js');
  await writeWhole(out, await clauseDocx(program, lang, examples), context);
}
