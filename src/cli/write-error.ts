// Why a file could not be written, in words for a student (Node's errno codes
// as open(2) reports them), for the commands' one-line error messages.

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'the disk is full',
};

export function cannotWriteReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? (e instanceof Error ? e.message : String(e));
}
