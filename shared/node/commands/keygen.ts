import path from 'node:path';
import { generateKeyPair, keyFingerprint } from '../../src/index.ts';
import { parseCommandArgs } from '../args.ts';
import { fileErrorMessage, isFileError } from '../file-errors.ts';
import { EXIT, UsageError, type Command } from '../io.ts';
import { writeKeyFiles } from '../key-files.ts';

export const keygen: Command = {
  name: 'keygen',
  usage: `closer keygen -o NAME [--force]

Writes a new Ed25519 key pair for signing bundles: NAME.key, the private key (only its
owner may read it; keep it where ops builds bundles, never in the repository), and
NAME.pub, the public key, which the team pins in the extension's Settings. Sign with
"closer build --sign NAME.key", check with "closer verify --key NAME.pub BUNDLE".

Options:
  -o, --out NAME  the files' name without the .key/.pub ending (required)
  --force         replace NAME.key and NAME.pub if they exist (bundles signed with
                  the old key will no longer verify under the new one)
  -h, --help      show this help
Exit code: 0 written, 2 usage error, a file already there or a folder that cannot be
written to.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { out: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
    if (!values.out) throw new UsageError('missing -o NAME: where to write NAME.key and NAME.pub');
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    // "-o team.key" means the pair named team, not team.key.key.
    const base = path.resolve(io.cwd, values.out.replace(/\.(key|pub)$/, ''));
    const keys = generateKeyPair();
    try {
      const { privateFile, publicFile } = await writeKeyFiles(base, keys, values.force === true);
      io.stdout(`wrote ${privateFile} (private: keep it secret) and ${publicFile} (public: give it to the team)\n`);
      io.stdout(`key fingerprint ${keyFingerprint(keys.publicKey)}\n`);
      return EXIT.ok;
    } catch (error) {
      const { code, path: where } = error as NodeJS.ErrnoException;
      if (code === 'EEXIST') {
        io.stderr(`closer keygen: ${path.relative(io.cwd, where ?? base) || where} already exists; nothing was written (choose another name, or --force to replace the pair)\n`);
        return EXIT.usage;
      }
      if (isFileError(error)) {
        io.stderr(`closer keygen: cannot write ${path.relative(io.cwd, where ?? base) || where}: ${fileErrorMessage(error)}\n`);
        return EXIT.usage;
      }
      throw error;
    }
  },
};
