/**
 * `credit-rules render FILE --docx OUT.docx [--lang en|de]`: the clause as a
 * Word document (src/clause-export/docx.ts), written whole or not at all. The
 * exporter and its library load only for this command.
 */
import type { Lang, Program } from '../index.js';
import type { CommandContext } from './context.js';
import { writeWhole } from './write-file.js';

export async function renderDocx(program: Program, out: string, lang: Lang, context: CommandContext): Promise<number> {
  const { clauseDocx } = await import('../clause-export/docx.js');
  await writeWhole(out, await clauseDocx(program, lang), context);
  return 0;
}
