import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "./context.ts";
import { logger } from "./logger.ts";
import { appRouter } from "./router.ts";

/** Serves /api/trpc for the browser's interactive calls. */
export function handleTrpcRequest(request: Request, client: { ipAddress: string | null; requestId?: string }): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ req, resHeaders }) => createContext({ request: req, resHeaders, ...client }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error.cause ?? error, path }, "procedure failed");
    },
  });
}
