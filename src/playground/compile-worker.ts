/**
 * The playground's compiler in a module worker: it compiles the texts it is
 * sent, one at a time, and answers with the diagnostics, the checked program
 * as plain data (`Program.toJSON()`), which the page turns back into a
 * `Program` without parsing again, and the program's preview key (a large
 * program's key is a long JSON text, better made here than on the page).
 * Started by `background-compile.ts`; the answer travels as JSON texts.
 */
import { compile } from '../index.js';
import type { CompileRequest, CompileReply } from './background-compile.js';
import { previewKey } from './preview-key.js';

addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  const { id, source } = event.data;
  const { diagnostics, program } = compile(source);
  const reply: CompileReply = {
    id, diagnostics: JSON.stringify(diagnostics), ...(program ? { checked: JSON.stringify(program.toJSON()), previewKey: previewKey(program) } : {}),
  };
  postMessage(reply);
});
