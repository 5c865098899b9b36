import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { keyText, parseKey, type KeyKind } from '../src/index.ts';
import { fileErrorMessage, isFileError } from './file-errors.ts';

// Reading and writing the key files of `closer keygen`, `build --sign` and `verify --key`.

/** A key file that is there but wrong; its message already names the file. */
export class KeyFileError extends Error {}

/** Far more than a key file's three lines: anything bigger is some other file given by mistake. */
const MAX_KEY_FILE_BYTES = 4096;

/** Reads a key of the given kind; anything wrong, the file system's errors too, is a KeyFileError naming the file. */
export async function readKeyFile(file: string, kind: KeyKind, cwd: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(cwd, file));
  } catch (error) {
    if (isFileError(error)) throw new KeyFileError(`cannot read ${file}: ${fileErrorMessage(error)}`);
    throw error;
  }
  if (bytes.length > MAX_KEY_FILE_BYTES) throw new KeyFileError(`${file}: not a key file (${bytes.length} bytes; a key file has under 200)`);
  const parsed = parseKey(bytes.toString('utf8'), kind);
  if (!parsed.ok) throw new KeyFileError(`${file}: ${parsed.message}`);
  return parsed.key;
}

/**
 * Writes a key pair as NAME.key (readable by its owner only) and NAME.pub. Existing files are
 * refused unless `force`; with `force` they are replaced whole, never left half-written as a pair.
 */
export async function writeKeyFiles(base: string, keys: { privateKey: Uint8Array; publicKey: Uint8Array }, force: boolean): Promise<{ privateFile: string; publicFile: string }> {
  const privateFile = `${base}.key`;
  const publicFile = `${base}.pub`;
  // 'wx' fails when the file exists, checked by the file system itself (no race with a check first).
  const flag = force ? 'w' : 'wx';
  const privateHandle = await open(privateFile, flag, 0o600);
  try {
    // A file that existed keeps its old mode under 'w'; a private key must not stay readable to others.
    await privateHandle.chmod(0o600);
    await privateHandle.writeFile(keyText('private', keys.privateKey));
  } finally {
    await privateHandle.close();
  }
  try {
    const publicHandle = await open(publicFile, flag, 0o644);
    try {
      await publicHandle.writeFile(keyText('public', keys.publicKey));
    } finally {
      await publicHandle.close();
    }
  } catch (error) {
    // Without its public half the private key is of no use and would block the next try.
    await rm(privateFile, { force: true });
    throw error;
  }
  return { privateFile, publicFile };
}

/** The private key for `--sign`, or null after printing why it cannot be used (the command exits 2). */
export async function signingKeyForCommand(file: string, command: string, io: { cwd: string; stderr(text: string): void }): Promise<Uint8Array | null> {
  try {
    return await readKeyFile(file, 'private', io.cwd);
  } catch (error) {
    if (!(error instanceof KeyFileError)) throw error;
    io.stderr(`closer ${command}: ${error.message}\n`);
    return null;
  }
}
