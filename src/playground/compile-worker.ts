/**
 * The playground's compiler in a module worker: it compiles the texts it is
 * sent, one at a time, and answers with the diagnostics, the checked program
 * as plain data (`Program.toJSON()`), which the page turns back into a
 * `Program` without parsing again, and the program's preview key (a large
 * program's key is a long JSON text, better made here than on the page).
 * Started by `background-compile.ts`; the answer travels as JSON in pieces
 * (`json-pieces.ts`), which the page reads a few at a time.
 */
import { compile } from '../index.js';
import { PIECE, type CompileRequest, type CompileReply } from './background-compile.js';
import { toPieces } from './json-pieces.js';
import { previewKey } from './preview-key.js';

addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  const { id, source } = event.data;
  const { diagnostics, program } = compile(source);
  const reply: CompileReply = {
    id, diagnostics: toPieces(diagnostics, PIECE), ...(program ? { checked: toPieces(program.toJSON(), PIECE), previewKey: previewKey(program) } : {}),
  };
  postMessage(reply);
});
