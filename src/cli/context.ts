/**
 * What a command in its own module (`fmt`, `diff`) gets from `main.ts`: where
 * to write, how to read and load a file as the other commands do, how a
 * diagnostic is shown, and the error for a command that cannot run.
 */
import type { Diagnostic, Program } from '../index.js';

export interface CommandContext {
  out(line: string): void;
  err(line: string): void;
  /** Reads a file, or throws the CLI's one-line error. */
  read(file: string): string;
  /** Compiles a file (or loads a precompiled `.json`); prints its errors and gives undefined when it has any. */
  load(file: string): Program | undefined;
  diagnostic(file: string, d: Diagnostic): string;
  /** The CLI's error for a command that cannot run (exit 2), to throw. */
  fail(message: string): Error;
}
