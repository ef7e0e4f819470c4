import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "../core/context.ts";
import { DATABASE_RETRY_AFTER_SECONDS, isServiceUnavailable, reportDatabaseUnavailable } from "../core/database-outage.ts";
import { logger } from "../core/logger.ts";
import { appRouter } from "../router.ts";

/** The most calls one batched request may carry (docs/decisions/0130); a larger batch is a 400, none of it run. */
const MAX_BATCH_SIZE = 10;

/** Serves /api/trpc for the browser's interactive calls. */
export function handleTrpcRequest(request: Request, client: { ipAddress: string | null; requestId?: string }): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: ({ req, resHeaders }) => createContext({ request: req, resHeaders, ...client }),
    onError({ error, path }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      if (isServiceUnavailable(error)) reportDatabaseUnavailable(error.cause ?? error);
      else logger.error({ err: error.cause ?? error, path }, "procedure failed");
    },
    // An unreachable database or file store is the server's temporary trouble, not a bug: 503 and when to retry.
    responseMeta({ errors }) {
      if (!errors.some((error) => isServiceUnavailable(error))) return {};
      return { status: 503, headers: new Headers({ "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) }) };
    },
  });
}
