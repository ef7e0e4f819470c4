import { TRPCError } from "@trpc/server";

type ErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

/** Parameters for a translated message, carried beside the i18n key. */
export class MessageParams extends Error {
  constructor(readonly params: Record<string, string | number>, readonly field?: string) {
    super("message parameters");
  }
}

/**
 * Throws a tRPC error whose message is an i18n key (e.g. "errors.lastOwner"); the error formatter
 * translates it into the caller's language. `field` names the input field the error belongs to.
 */
export function fail(code: ErrorCode, key: string, params: Record<string, string | number> = {}, field?: string): never {
  throw new TRPCError({ code, message: key, cause: new MessageParams(params, field) });
}
