import { BundleError } from '../src/playbook/bundle-format.ts';
import { fileErrorMessage, isFileError } from './file-errors.ts';
import { EXIT, UsageError, type Command, type Io } from './io.ts';

/**
 * Runs one command with its arguments: its help, or its run with the errors every command shares
 * turned into a message and an exit code. Apart from the list of commands (cli.ts), so that the
 * file bin/closer.js compiles for one command holds that command's code only.
 */
export async function runCommand(command: Command, args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(command.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`closer ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    // A bundle member found broken only when the command read it (load-bundle.ts).
    if (error instanceof BundleError) {
      io.stderr(`closer ${command.name}: ${error.message}\n`);
      return EXIT.problems;
    }
    // Any file-system error (ENOENT, EACCES, ELOOP, EMFILE…) is one located line, never a stack trace.
    if (isFileError(error)) {
      io.stderr(`closer ${command.name}: cannot read ${error.path ?? 'a file'}: ${fileErrorMessage(error)}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
