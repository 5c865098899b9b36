import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BundleError, checkBundleSignature, loadBundle } from '../../src/index.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT, UsageError, type Command } from '../io.ts';
import { KeyFileError, readKeyFile } from '../key-files.ts';

export const verify: Command = {
  name: 'verify',
  usage: `closer verify --key PUB BUNDLE

Checks that a bundle is intact and signed by the team's key: the signature covers the
whole bundle (every playbook, reply text, statistic and precompiled part), so a change
anywhere after signing is found. Prints "BUNDLE: intact, signed by <fingerprint>", or
why not: not signed, a malformed signature, signed by another key, changed after it was
signed, or not a valid bundle.

Options:
  --key PUB   the team's public key file (NAME.pub from closer keygen) (required)
  -h, --help  show this help
Exit code: 0 intact and signed by that key, 1 it is not (the reason is printed),
2 usage error or a key or bundle file that cannot be read.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { key: { type: 'string' } });
    if (!values.key) throw new UsageError('missing --key PUB: the public key the bundle should be signed with');
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing BUNDLE: the bundle file to check' : `give one bundle, not ${positionals.length}`);
    const file = positionals[0]!;
    let key: Uint8Array;
    try {
      key = await readKeyFile(values.key, 'public', io.cwd);
    } catch (error) {
      if (!(error instanceof KeyFileError)) throw error;
      io.stderr(`closer verify: ${error.message}\n`);
      return EXIT.usage;
    }
    const text = await readFile(path.resolve(io.cwd, file), 'utf8');
    const check = checkBundleSignature(text, key);
    if (!check.ok) {
      io.stderr(`${file}: ${check.message}\n`);
      return EXIT.problems;
    }
    // Signed by the team, but a signer can sign a broken bundle too: it must also load.
    try {
      loadBundle(text);
    } catch (error) {
      if (!(error instanceof BundleError)) throw error;
      io.stderr(`${file}: signed by ${check.fingerprint}, but not a bundle this Closer loads: ${error.message}\n`);
      return EXIT.problems;
    }
    io.stdout(`${file}: intact, signed by ${check.fingerprint}\n`);
    return EXIT.ok;
  },
};
