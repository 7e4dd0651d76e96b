/**
 * What a command in its own module (`batch`, `fmt`, `diff`) gets from
 * `main.ts`: where to write, how to read and load a file as the other commands
 * do, how a diagnostic is shown, and the error for a command that cannot run
 * (`UsageError`: one line on stderr, exit code 2).
 */
import type { Readable, Writable } from 'node:stream';
import type { Diagnostic, Program } from '../index.js';

/** Where a command writes (and `batch` streams). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** For `batch`, which streams: default process.stdin and process.stdout. */
  readonly stdin?: Readable;
  readonly stdout?: Writable;
}

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

/** A command that cannot run: bad arguments, an unreadable file, a bad input value. */
export class UsageError extends Error {}

/** A file that cannot be read, in one line that says why. */
export function fileError(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'no such directory' : 'cannot be read';
  return new UsageError(`${file}: ${reason}`);
}
