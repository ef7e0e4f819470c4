import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@vigil/api";

/**
 * The browser's typed client for /api/trpc, for interactive parts (autosave). Same-origin fetches
 * carry the session cookie and Sec-Fetch-Site, which the server's CSRF check requires.
 */
export const trpc = createTRPCClient<AppRouter>({
  // The server answers a batch of more than 10 calls with 400 (packages/api/src/http/handler.ts):
  // a section saved at once is sent as several batches instead.
  links: [httpBatchLink({ url: "/api/trpc", maxItems: 10 })],
});

/** The tRPC error code of a failed call (e.g. "CONFLICT"), or null for a network failure. */
export function errorCode(error: unknown): string | null {
  return error instanceof TRPCClientError ? ((error.data as { code?: string } | undefined)?.code ?? null) : null;
}

export function errorMessage(error: unknown): string | null {
  return error instanceof TRPCClientError ? error.message : null;
}
