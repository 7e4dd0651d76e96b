/**
 * The calculator's loader in a module worker: it compiles large rules text
 * (the runtime compiler, `credit-rules/compiler`) or reads and verifies a
 * large precompiled program (`loadProgram`), one request at a time, and
 * answers with the diagnostics and the checked program
 * (`compiled-answer.ts`). Started by `background-load.ts`.
 */
import { compile } from '../compiler.js';
import { loadProgram } from '../runtime.js';
import type { LoadRequest } from './background-load.js';
import { answerOf, type CompiledAnswer } from './compiled-answer.js';
import { answerRequests } from './newest-worker.js';

answerRequests((request: LoadRequest): CompiledAnswer => answerOf('rules' in request ? compile(request.rules) : loadProgram(request.program)));
