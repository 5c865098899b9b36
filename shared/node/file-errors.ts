// File-system errors in plain words, one line each, for any file a command reads.

const WHY: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'it is a symbolic link that leads back to itself',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open at once',
  ENFILE: 'too many files are open on this machine',
  EIO: 'the disk could not be read',
  EBUSY: 'the file is busy',
  ETIMEDOUT: 'reading it timed out',
};

/** Why a file could not be read, as a short clause: "permission denied (EACCES)". */
export function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && WHY[code]) return `${WHY[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** True for the errors a file system gives, as opposed to bugs. */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
