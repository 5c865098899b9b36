import { createInterface } from 'node:readline';
import type { Io } from './io.ts';

/** The Io of the CLI's own process: its standard streams and working folder. */
export function processIo(): Io {
  // A reader that stops early (`closer followups | head`) closes the pipe: that ends the run
  // quietly, as for any Unix tool, instead of a stack trace about EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    cwd: process.cwd(),
    ownsProcess: true,
  };
}
