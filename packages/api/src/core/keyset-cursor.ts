import { z } from "zod";
import { fail } from "./errors.ts";
import { textSchema } from "./schemas.ts";

/**
 * One codec for every keyset cursor: the last row's sort key as base64url JSON, read back through a
 * zod schema. A cursor comes from the client, so anything that does not decode to exactly that shape
 * (bad base64, bad JSON, a date that is not one, an id that is not a UUID, a NUL in a name) is a
 * BAD_REQUEST naming the cursor, never an error from PostgreSQL (docs/decisions/0135).
 */
export function keysetCursor<Schema extends z.ZodType>(schema: Schema) {
  return {
    encode(value: z.input<Schema>): string {
      return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
    },
    decode(text: string): z.output<Schema> {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
      } catch {
        value = undefined;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) fail("BAD_REQUEST", "errors.badRequest", {}, "cursor");
      return parsed.data;
    },
  };
}

/** An instant as the cursor carries it (Date.toISOString()), read back as a Date. */
export const cursorInstant = z.iso.datetime().transform((text) => new Date(text));

/** A name as the cursor carries it: text PostgreSQL can compare (no NUL). */
export const cursorName = textSchema.max(1000);
