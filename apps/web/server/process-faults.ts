import { logger } from "@vigil/api";

// A socket or stream that broke under a request (a client gone, a body cut short): that request is
// lost, the process is not. Anything else uncaught is a bug whose state we cannot trust.
const STREAM_ERROR_CODES = new Set([
  "ECONNRESET", "EPIPE", "ECONNABORTED", "ETIMEDOUT", "ERR_STREAM_PREMATURE_CLOSE", "ERR_STREAM_DESTROYED",
  "ERR_STREAM_WRITE_AFTER_END", "ERR_STREAM_PUSH_AFTER_EOF", "ERR_STREAM_UNABLE_TO_PIPE", "ERR_HTTP_HEADERS_SENT",
]);
// busboy's words for a malformed or truncated multipart/urlencoded body.
const BODY_PARSER_MESSAGES = /^(Unexpected end of (form|file)|Malformed (part header|urlencoded form)|Unexpected end of multipart data)/;

export function isStreamError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === "string" && STREAM_ERROR_CODES.has(code)) || BODY_PARSER_MESSAGES.test(error.message);
}

/**
 * Last line of defence (docs/decisions/0132): an unhandled stream error is logged with its stack and
 * the server keeps serving everyone else; any other uncaught exception is logged and the server
 * stops the graceful way (`stop`), exit code 1. A rejected promise nobody awaited is logged as an
 * error; it has unwound its own work, so it does not stop the server.
 */
export function guardProcess(stop: (reason: string, exitCode: number) => void): void {
  process.on("uncaughtException", (error) => {
    if (isStreamError(error)) {
      logger.error({ err: error }, "unhandled stream error: that request is lost, the server keeps running");
      return;
    }
    logger.fatal({ err: error }, "uncaught exception: stopping");
    stop("uncaught exception", 1);
  });
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection");
  });
}
