/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, line by line, for the batch modes. */
  lines(): AsyncIterable<string>;
  cwd: string;
  /** Set by the CLI's own process (not by a test calling runCli): a command may then change process-wide state such as TZ. */
  ownsProcess?: true;
}

export interface Command {
  name: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}
