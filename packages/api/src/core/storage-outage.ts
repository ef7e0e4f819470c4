/**
 * The store did not answer in time or could not be reached (decision 0251): the server's temporary
 * trouble, answered 503 like an unreachable database, never a hang or a 500.
 */
export class StorageUnavailable extends Error {
  constructor(cause: unknown) {
    super("the file store did not answer", { cause });
  }
}

/** True when the error, or any error it wraps (a TRPCError's cause), is StorageUnavailable. */
export function isStorageUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth += 1) {
    if (current instanceof StorageUnavailable) return true;
  }
  return false;
}
