import { randomUUID } from "node:crypto";
import { logger } from "@vigil/api";
import { pinoHttp } from "pino-http";

/**
 * One JSON line per request with its id, method, path, status and duration. The id comes from a
 * proxy's X-Request-Id when present and is echoed back, and procedures log with the same id.
 * Headers are not logged: they carry the session cookie.
 */
export const requestLog = pinoHttp({
  logger,
  genReqId: (req, res) => {
    const id = (req.headers["x-request-id"] as string | undefined) ?? randomUUID();
    res.setHeader("x-request-id", id);
    return id;
  },
  serializers: {
    req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split("?")[0] }),
    res: (res: { statusCode: number }) => ({ status: res.statusCode }),
  },
  autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
});
