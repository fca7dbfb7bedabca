#!/usr/bin/env node
import { main } from './main.js';
import { removeTemporaryFiles } from './temp-files.js';

// A reader that goes away (`masdrill validate cases/ | head -1`) ends the run quietly: nothing more
// can be said to it, and a stack trace about a closed pipe would only alarm.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    removeTemporaryFiles();
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.exit(2);
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user error: say so plainly, keep the stack for the report.
    process.stderr.write(
      `masdrill: internal error — please report it.\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
