import { createInterface } from 'node:readline';
import { BundleError } from '../src/playbook/bundle-format.ts';
import { COMMANDS } from './commands/index.ts';
import { fileErrorMessage, isFileError } from './file-errors.ts';
import { EXIT, UsageError, type Io } from './io.ts';

const HELP = `closer — playbooks for chat-assisted selling

Usage: closer <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)}${command.summary}`).join('\n')}

Run "closer <command> --help" for a command's options.
`;

/** Run the CLI in-process; returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`closer: unknown command "${name}"\n\n${HELP}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`closer ${name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    // A bundle member found broken only when the command read it (load-bundle.ts).
    if (error instanceof BundleError) {
      io.stderr(`closer ${name}: ${error.message}\n`);
      return EXIT.problems;
    }
    // Any file-system error (ENOENT, EACCES, ELOOP, EMFILE…) is one located line, never a stack trace.
    if (isFileError(error)) {
      io.stderr(`closer ${name}: cannot read ${error.path ?? 'a file'}: ${fileErrorMessage(error)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

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
