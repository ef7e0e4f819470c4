import pino from "pino";

/**
 * JSON logs. Fields that could carry secrets are redacted wherever they appear; interview content
 * and passwords are never passed to the logger in the first place.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "vigil" },
  redact: {
    paths: ["password", "*.password", "*.currentPassword", "*.newPassword", "token", "*.token", "headers.cookie", "*.headers.cookie"],
    censor: "[redacted]",
  },
});

export type Logger = pino.Logger;
