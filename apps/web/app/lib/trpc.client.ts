import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@vigil/api";

/**
 * The browser's typed client for /api/trpc, for interactive parts (autosave). Same-origin fetches
 * carry the session cookie and Sec-Fetch-Site, which the server's CSRF check requires.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: "/api/trpc" })],
});

/** The tRPC error code of a failed call (e.g. "CONFLICT"), or null for a network failure. */
export function errorCode(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as { code?: string } | undefined)?.code ?? null) : null;
}

export function errorMessage(error: unknown): string | null {
  return error instanceof TRPCClientError ? error.message : null;
}
