import { TRPCError } from "@trpc/server";
import { z } from "zod";

/** A posted form, or the text fields of a multipart one (receiveMultipart's `fields`). */
type Posted = FormData | Readonly<Record<string, string | undefined>>;

/**
 * Whether a field takes several values (checkboxes sharing a name), looking through optional, default
 * and transforms. Zod's classes test by trait, so this holds for schemas built by another zod copy too.
 */
function isList(schema: z.core.$ZodType): boolean {
  if (schema instanceof z.core.$ZodArray) return true;
  if (schema instanceof z.core.$ZodPipe) return isList(schema._zod.def.in);
  if (schema instanceof z.core.$ZodOptional || schema instanceof z.core.$ZodNullable || schema instanceof z.core.$ZodDefault || schema instanceof z.core.$ZodPrefault) {
    return isList(schema._zod.def.innerType);
  }
  return false;
}

function valuesOf(posted: Posted, name: string, list: boolean): string | string[] {
  if (!(posted instanceof FormData)) return list ? (posted[name] ? [posted[name]] : []) : (posted[name] ?? "");
  if (list) return posted.getAll(name).filter((value) => typeof value === "string");
  const value = posted.get(name);
  // An absent field reads as empty, as formFields has it: the schema answers "required" or "invalid".
  return typeof value === "string" ? value : "";
}

/**
 * Reads a form's fields with a schema the API exports (`@vigil/api/inputs`, picked or composed under
 * the form's field names), so no action casts a string to an enum (docs/decisions/0168). Call it
 * inside `runAction`: a value the schema refuses throws the same BAD_REQUEST a procedure's own input
 * check throws, and runAction turns it into the form's ActionResult with translated field errors
 * keyed by field name. Outside runAction the error would be a 500.
 */
export function parseForm<Schema extends z.ZodObject>(posted: Posted, schema: Schema): z.output<Schema> {
  const raw = Object.fromEntries(Object.entries(schema.shape).map(([name, field]) => [name, valuesOf(posted, name, isList(field))]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
  return parsed.data;
}
