/**
 * Where `batch --out OUT` writes. A regular file (or none yet) is written
 * whole or not at all: the output goes to a temporary file beside it, created
 * exclusively under an unpredictable name, which is renamed over OUT once
 * complete (with OUT's permissions); a run that fails or is stopped by SIGINT,
 * SIGTERM or SIGHUP removes it and leaves OUT as it was. A FIFO or a
 * character device (`/dev/null`, `/dev/stdout`) cannot be replaced, only
 * written into: it is written directly. A symbolic link is followed, as a
 * shell's `>` follows it: its target is written as above and the link stays.
 * A read-only OUT is an error, never replaced.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, createWriteStream, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, type Stats, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';

/** OUT cannot be written: the message says why, naming it. */
export class OutputFileError extends Error {}

export interface OutputFile {
  readonly stream: WriteStream;
  /** The temporary file the stream writes into (another writer may write it instead); none when OUT is written directly. */
  readonly temporary?: string;
  /** Ends the stream and makes what was written OUT. */
  commit(): Promise<void>;
  /** Gives the output up: OUT stays as it was. Synchronous, so that a signal handler can call it; harmless once committed. */
  discard(): void;
}

const STOPPING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Links followed from OUT before giving up, as the kernel's limit (ELOOP). */
const MAX_LINKS = 40;

export function openOutputFile(out: string): OutputFile {
  const { path, stats } = target(out);
  if (stats?.isDirectory()) throw new OutputFileError(`${out}: is a directory`);
  if (stats) writable(out, path, stats);
  if (stats && (stats.isFIFO() || stats.isCharacterDevice())) return direct(path, stats.isFIFO());
  if (stats && !stats.isFile()) throw new OutputFileError(`${out}: is not a regular file, a FIFO or a character device`);
  return replacing(out, path, stats);
}

/** OUT with its links followed: the file to write, and its stats (none when it does not exist yet). */
function target(out: string): { path: string; stats?: Stats } {
  let path = out;
  for (let links = 0; links <= MAX_LINKS; links++) {
    try {
      const real = realpathSync(path);
      return { path: real, stats: statSync(real) };
    } catch (error) {
      if (code(error) !== 'ENOENT') throw cannot(out, error);
    }
    // Nothing there, or a link to nothing: then its target is the file to create.
    let link: string;
    try {
      if (!lstatSync(path).isSymbolicLink()) return { path };
      link = readlinkSync(path);
    } catch (error) {
      if (code(error) === 'ENOENT') return { path };
      throw cannot(out, error);
    }
    path = resolve(dirname(path), link);
  }
  throw new OutputFileError(`${out}: too many levels of symbolic links`);
}

/** A read-only OUT is refused even where the permissions would let us replace it (as root, or owning its directory). */
function writable(out: string, path: string, stats: Stats): void {
  if ((stats.mode & 0o222) === 0) throw new OutputFileError(`${out}: is read-only; make it writable (chmod u+w) or choose another --out`);
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    throw cannot(out, error);
  }
}

function direct(path: string, fifo: boolean): OutputFile {
  // Opened asynchronously: opening a FIFO waits for its reader, and a signal must still be heard meanwhile.
  const stream = createWriteStream(path, { flags: 'w' });
  return {
    stream,
    commit: async () => {
      stream.end();
      await finished(stream);
    },
    discard: () => {
      // A FIFO still waiting for its reader would keep the process waiting after all is said: be that reader for a moment.
      if (fifo && stream.pending) {
        try {
          closeSync(openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
        } catch {
          // Then it had a reader after all.
        }
      }
      stream.destroy();
    },
  };
}

function replacing(out: string, path: string, stats: Stats | undefined): OutputFile {
  /** The temporary file, once created: only then is there something to remove. */
  let temporary: string | undefined;
  let fd = -1;
  let settled = false;
  const discard = () => {
    if (settled) return;
    settled = true;
    listen(false);
    // Destroying the stream closes the descriptor (later: closing it here too could close another file's).
    if (fd >= 0) {
      if (stream) stream.destroy();
      else closeSync(fd);
      fd = -1;
    }
    if (temporary !== undefined) rmSync(temporary, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    discard();
    // Stopped as the signal stops a process, now that nothing is left behind.
    process.kill(process.pid, signal);
  };
  const listen = (on: boolean) => {
    for (const signal of STOPPING_SIGNALS) process[on ? 'on' : 'off'](signal, onSignal);
    process[on ? 'on' : 'off']('exit', discard);
  };
  // Listening before the file exists: a signal at any moment after finds it and removes it.
  listen(true);
  let stream: WriteStream | undefined;
  try {
    [temporary, fd] = create(out, path, stats);
    stream = createWriteStream(temporary, { fd, autoClose: false });
  } catch (error) {
    discard();
    throw error;
  }
  const written = stream;
  return {
    stream: written,
    temporary,
    commit: async () => {
      written.end();
      await finished(written);
      // On disk before it is renamed: a crash must not leave OUT empty.
      fsyncSync(fd);
      closeSync(fd);
      fd = -1;
      renameSync(temporary as string, path);
      settled = true;
      listen(false);
    },
    discard,
  };
}

/** The temporary file beside `path`: its name and descriptor. */
function create(out: string, path: string, stats: Stats | undefined): [string, number] {
  for (let attempt = 0; ; attempt++) {
    // An unpredictable name, created only if nothing is there (O_EXCL): not even a link planted in its place is followed.
    const temporary = join(dirname(path), `${basename(path)}.${randomBytes(8).toString('hex')}.partial`);
    let fd: number;
    try {
      // A new OUT gets the usual permissions (0666 less the umask); an old one keeps its own, below.
      fd = openSync(temporary, 'wx', stats ? 0o600 : 0o666);
    } catch (error) {
      if (code(error) === 'EEXIST' && attempt < 9) continue;
      throw cannot(out, error);
    }
    if (stats) {
      try {
        fchmodSync(fd, stats.mode & 0o777);
        if (stats.uid !== process.getuid?.()) fchownSync(fd, stats.uid, stats.gid);
      } catch {
        // Best effort, as for `cp -p`: the output matters more than its owner.
      }
    }
    return [temporary, fd];
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

function cannot(out: string, error: unknown): OutputFileError {
  const reason = code(error) === 'EACCES' || code(error) === 'EPERM' ? 'permission denied'
    : code(error) === 'EROFS' ? 'on a read-only file system'
    : code(error) === 'ENOENT' || code(error) === 'ENOTDIR' ? 'no such directory'
    : code(error) === 'ELOOP' ? 'too many levels of symbolic links'
    : `cannot be written (${code(error) ?? (error as Error).message})`;
  return new OutputFileError(`${out}: ${reason}`);
}
