#!/usr/bin/env node
// The command line entry: runs the CLI from lib/ (built by `npm run build:lib`, run by `prepare`),
// bundled into one file: Node loads one module where it would resolve and read dozens,
// which takes a tenth of a second off every command (billing runs `batch` in loops).
import { main } from '../lib/bundle/main.js';

// `credit-rules test … | head` closes the pipe early: that is not an error. For `batch` it
// is, as its output is billing's data: main.ts says the output is cut short and exits 2.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  if (process.argv[2] !== 'batch') process.exit(process.exitCode ?? 0);
});

// `batch` streams, so its exit code comes as a promise.
process.exitCode = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
