// The CLI's entry: run the command line and exit with its code once output has drained. No
// top-level await: bin/closer.js runs this compiled as CommonJS (for V8's code cache).
import { processIo, runCli } from './cli.ts';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
