import type { TRPCError } from "@trpc/server";
import type { TFunction } from "i18next";
import { ZodError, type z } from "zod";
import { MessageParams } from "./errors.ts";

export type FieldErrors = Record<string, string>;

const MESSAGE_BY_CODE: Record<string, string> = {
  BAD_REQUEST: "errors.badRequest",
  UNAUTHORIZED: "errors.unauthorized",
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.notFound",
  CONFLICT: "errors.conflict",
  TOO_MANY_REQUESTS: "errors.tooManyAttempts",
};

// Keys the services throw: "errors.x", "validation.x", and each domain's own "<domain>Errors.x"
// (e.g. "visitErrors.notEditable"), which live in that domain's locale file.
const TRANSLATED_KEY = /^(errors|validation|[a-z][A-Za-z]*Errors)\.[A-Za-z]/;

/**
 * What a client may learn of an error: a translated message and, for bad input, a translated
 * message per field. Internal errors become a generic message; stack traces never leave.
 */
export function describeError(error: TRPCError, t: TFunction): { message: string; fieldErrors: FieldErrors } {
  if (error.cause instanceof ZodError) {
    return { message: t("errors.invalidInput"), fieldErrors: zodFieldErrors(error.cause, t) };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") return { message: t("errors.generic"), fieldErrors: {} };
  const params = error.cause instanceof MessageParams ? error.cause : undefined;
  const key = TRANSLATED_KEY.test(error.message) ? error.message : MESSAGE_BY_CODE[error.code];
  const message = key ? t(key, params?.params ?? {}) : t("errors.generic");
  return { message, fieldErrors: params?.field ? { [params.field]: message } : {} };
}

function zodFieldErrors(error: ZodError, t: TFunction): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    fields[path] ??= translateIssue(issue, t);
  }
  return fields;
}

function translateIssue(issue: z.core.$ZodIssue, t: TFunction): string {
  // Schemas may name their own message key (e.g. "validation.slug").
  if (/^(validation|[a-z]\w*Errors)\./.test(issue.message)) return t(issue.message);
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 && issue.origin === "string" ? t("validation.required") : t("validation.tooShort", { count: Number(issue.minimum) });
    case "too_big":
      return t("validation.tooLong", { count: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.invalid");
    case "invalid_type":
      return issue.message.includes("received undefined") ? t("validation.required") : t("validation.invalid");
    default:
      return t("validation.invalid");
  }
}
