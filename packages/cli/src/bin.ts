#!/usr/bin/env node
import { main } from './main.js';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    // A bug, not a user error: say so plainly, keep the stack for the report.
    process.stderr.write(`masdrill: internal error — please report it.\n${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
