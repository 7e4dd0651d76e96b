/**
 * The playground's compiler in a module worker: it compiles the texts it is
 * sent, one at a time, and answers with the diagnostics and the checked
 * program (`compiled-answer.ts`), which the page turns back into a `Program`
 * without parsing again, and the program's preview key. Started by
 * `background-compile.ts`.
 */
import { compile } from '../index.js';
import { answerOf } from '../widget/compiled-answer.js';
import { answerRequests } from '../widget/newest-worker.js';
import type { CompileAnswer } from './background-compile.js';
import { previewKey } from './preview-key.js';

answerRequests((source: string): CompileAnswer => {
  const result = compile(source);
  return { ...answerOf(result), ...(result.program ? { previewKey: previewKey(result.program) } : {}) };
});
