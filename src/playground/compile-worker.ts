/**
 * The playground's compiler in a module worker: it compiles the texts it is
 * sent, one at a time, and answers with the diagnostics, the checked program
 * as plain data (`Program.toJSON()`), which the page turns back into a
 * `Program` without parsing again, and the program's preview key (a large
 * program's key is a long JSON text, better made here than on the page).
 * Started by `background-compile.ts`; the answer travels as JSON text.
 */
import { compile } from '../index.js';
import type { CompileAnswer, CompileRequest, CompileReply } from './background-compile.js';
import { previewKey } from './preview-key.js';

addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  const { id, source } = event.data;
  const { diagnostics, program } = compile(source);
  const answer: CompileAnswer = { diagnostics, ...(program ? { checked: program.toJSON() } : {}) };
  const reply: CompileReply = { id, json: JSON.stringify(answer), ...(program ? { previewKey: previewKey(program) } : {}) };
  postMessage(reply);
});
