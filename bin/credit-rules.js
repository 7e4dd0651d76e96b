#!/usr/bin/env node
// The command line entry: runs the compiled CLI from lib/ (built by `npm run build:lib`, run by `prepare`).
import { main } from '../lib/cli/main.js';

process.exitCode = main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
