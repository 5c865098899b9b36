import { COMMANDS } from './commands/index.ts';
import { EXIT, type Io } from './io.ts';
import { runCommand } from './run-command.ts';

export { processIo } from './process-io.ts';

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
  return runCommand(await entry.load(), args, io);
}
