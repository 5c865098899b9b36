// The CLI's entry: run the command line and exit with its code once output has drained.
import { processIo, runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
